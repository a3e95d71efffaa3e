"""The kiosk's own link addresses: to a section, to a web address shown as a QR code.

Kept apart from the Markdown pipeline (markdown_render) so that the screens that follow
these links do not load Python-Markdown at start-up.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from kiosk.content.documents import is_public_url

SECTION_SCHEME = "kiosk"
WEB_SCHEMES = ("http", "https")
EMAIL_SCHEME = "mailto"


def section_url(page_id: str) -> str:
    """The link target the UI receives when a visitor taps a link to a section."""
    return f"{SECTION_SCHEME}:section/{page_id}"


def section_id_from_url(url: str) -> str | None:
    """The section id of a ``kiosk:section/<id>`` link, else None."""
    prefix = f"{SECTION_SCHEME}:section/"
    return url[len(prefix) :] if url.startswith(prefix) else None


def web_link_url(address: str) -> str:
    """The link target of a web address: the UI shows its QR code, never opens it."""
    return f"{SECTION_SCHEME}:web/{quote(address, safe='')}"


def web_address_from_url(url: str) -> str | None:
    """The web address of a ``kiosk:web/<quoted address>`` link, else None."""
    prefix = f"{SECTION_SCHEME}:web/"
    if not url.startswith(prefix):
        return None
    address = unquote(url[len(prefix) :])
    return address if is_public_url(address) else None
