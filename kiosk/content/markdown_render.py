"""Markdown to safe HTML: raw HTML escaped, links to sections, documents and web addresses
(shown as QR codes) only, pictures checked."""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from kiosk.content.documents import DOCUMENT_SCHEME, document_url, is_public_url
from kiosk.content.images import (
    ImageError,
    image_limit_problem,
    read_image_info,
    resolve_image,
)
from kiosk.content.links import (
    EMAIL_SCHEME,
    WEB_SCHEMES,
    section_url,
    web_link_url,
)
from kiosk.content.markdown_limits import find_excess
from kiosk.content.model import Page
from kiosk.content.problems import Problem, Severity

# Pictures wider than this are drawn scaled down to it (the text column of a 1920 screen).
MAX_DISPLAY_WIDTH = 1600
# How much of a page that cannot be formatted is shown as plain text.
MAX_PLAIN_CHARS = 20_000
MAX_PLAIN_PARAGRAPHS = 200
_LONG_WORD = re.compile(r"[^\s&;]{80}")
BREAK_AFTER = "\\g<0>\u200b"
# Linear on any text: a tag ends at the next "<" or ">", spaces are read once.
_RAW_HTML = re.compile(r"<(?:\s*/)?\s*[A-Za-z!][^<>]*>")
# Markdown's own automatic links, <https://...> and <name@example.ma>: they are links
# (checked by the link policy), not raw HTML. Markdown's patterns, so both always agree.
_AUTOLINKS = (re.compile(AUTOLINK_RE), re.compile(AUTOMAIL_RE))


@dataclass(frozen=True)
class RenderedPage:
    """A page's body as HTML, the sections it links to, and problems found in it."""

    html: str
    linked_sections: tuple[str, ...]
    problems: tuple[Problem, ...]
    images: tuple[Path, ...] = ()
    linked_documents: tuple[str, ...] = ()


class _LinkPolicy(Treeprocessor):
    """Rewrites links to sections, documents and web addresses; others become plain text."""

    def __init__(
        self,
        md: markdown.Markdown,
        page: Page,
        is_section: Callable[[str], bool],
        is_document: Callable[[str], bool],
        is_awaited: Callable[[str], bool],
        report: Callable[[str, str, Severity], None],
    ) -> None:
        super().__init__(md)
        self.page = page
        self.is_section = is_section
        self.is_document = is_document
        self.is_awaited = is_awaited
        self.report = report
        self.linked: list[str] = []
        self.images: list[Path] = []
        self.documents: list[str] = []

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a":
                    self._rewrite_link(child)
                elif child.tag == "img":
                    self._image(child)

    def _rewrite_link(self, link: etree.Element) -> None:
        href = _readable(link.get("href") or "").strip()
        target = self._section_for(href)
        if target is not None:
            link.attrib.clear()
            link.set("href", section_url(target))
            self.linked.append(target)
            return
        scheme = urlsplit(href).scheme.lower()
        if scheme == DOCUMENT_SCHEME:
            doc_id = href[len(scheme) + 1 :].strip()
            if self.is_document(doc_id):
                link.attrib.clear()
                link.set("href", document_url(doc_id))
                self.documents.append(doc_id)
                return
            if self.is_awaited(doc_id):
                # Not held yet: its words stay, as plain text, until it is listed.
                link.attrib.clear()
                link.tag = "span"
                return
            self.report(
                href,
                f"unknown document '{doc_id}' in link '{href}': use the id of a document "
                "listed in documents.toml (or announced there in awaited = [...])",
                Severity.ERROR,
            )
        elif scheme in WEB_SCHEMES and is_public_url(href):
            # Tapping it shows the address as a QR code for the visitor's phone.
            link.attrib.clear()
            link.set("href", web_link_url(href))
            return
        else:
            self._report_link(href)
        link.attrib.clear()
        link.tag = "span"

    def _report_link(self, href: str) -> None:
        severity, message = link_problem(href)
        # The address alone: <name@example.ma> is written without "mailto:".
        needle = href.partition(":")[2] if _is_email_link(href) else href
        self.report(needle, message, severity)

    def _section_for(self, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        name = Path(unquote(parts.path)).name
        if not name.endswith(".md"):
            return None
        page_id = name[: -len(".md")]
        return page_id if self.is_section(page_id) else None

    def _image(self, image: etree.Element) -> None:
        src = image.get("src", "")
        alt = image.get("alt", "").strip()
        try:
            path = resolve_image(src, self.page.path)
            if not path.is_file():
                raise ImageError(
                    f"image '{src}' not found ({path.name} is not in "
                    f"{path.parent.name}/): check the file name, or copy the picture there"
                )
            info = read_image_info(path)
        except ImageError as error:
            message = str(error)
            if not message.startswith("image '"):
                message = f"image '{src}': {message}"
            self.report(src, message, Severity.ERROR)
            self._as_text(image, alt)
            return
        too_large = image_limit_problem(info)
        if too_large is not None:
            self.report(src, f"image '{src}' {too_large}", Severity.ERROR)
            self._as_text(image, alt)
            return
        if not alt:
            self.report(
                src,
                f"image '{src}' has no description: write one between the brackets, "
                "![Carte de la région](...), for visitors who cannot see it",
                Severity.WARNING,
            )
        image.attrib.clear()
        image.set("src", path.as_uri())
        image.set("alt", alt)
        if info.width and info.height:
            # The size lets the screen fit the picture to its text column before it loads.
            width = min(info.width, MAX_DISPLAY_WIDTH)
            image.set("width", str(width))
            image.set("height", str(round(info.height * width / info.width)))
        self.images.append(path)

    @staticmethod
    def _as_text(image: etree.Element, alt: str) -> None:
        image.attrib.clear()
        image.tag = "span"
        image.text = alt


def _is_email_link(href: str) -> bool:
    """True for a mailto: link (its message quotes the address without the scheme)."""
    return urlsplit(href).scheme.lower() == EMAIL_SCHEME


def link_problem(href: str) -> tuple[Severity, str]:
    """Why a link that leads to no page cannot be a link on the kiosk, by its scheme.

    The one place that decides which link schemes are refused: links to other pages
    (``page-id.md``), documents (``doc:id``) and whole web addresses (shown as a QR code)
    are links; everything else is reported here.
    """
    scheme = urlsplit(href).scheme.lower()
    if scheme in WEB_SCHEMES:
        return (
            Severity.ERROR,
            f"web link '{href}' has no host name: write the whole address, "
            "such as https://www.example.ma/",
        )
    if scheme == EMAIL_SCHEME:
        return (
            Severity.ERROR,
            f"email link '{href}': email links are not allowed on the kiosk; "
            "write the address as plain text",
        )
    if len(scheme) > 1:
        # file:, javascript:, data:... a visitor must never reach the kiosk's own files
        # or run anything. A one-letter scheme is a Windows drive (C:\...): a broken link.
        return (
            Severity.ERROR,
            f"unsafe link '{href}': only links to other pages (page-id.md), documents "
            "(doc:id) and web addresses (https://...) are allowed; remove the link or "
            "point it at a page",
        )
    return (
        Severity.ERROR,
        f"broken link '{href}': no page with that name; link to an existing "
        "page file such as 'pole-medest.md'",
    )


def render_markdown(
    page: Page,
    is_section: Callable[[str], bool],
    is_document: Callable[[str], bool] | None = None,
    is_awaited: Callable[[str], bool] | None = None,
) -> RenderedPage:
    """Render a page's Markdown body.

    ``is_section`` and ``is_document`` tell whether a page id or a document id exists;
    ``is_awaited`` whether a document is announced but not held yet (its links are
    shown as their plain words, with no problem reported).
    """
    problems: list[Problem] = []
    lines = _BodyLines(page)

    def report(needle: str, message: str, severity: Severity) -> None:
        problems.append(Problem(page.path, lines.line_of(needle), severity, message))

    excess = find_excess(page.body)
    if excess is not None:
        # Python-Markdown would take minutes over it and freeze the screen meanwhile.
        problems.append(
            Problem(
                page.path,
                lines.line_at(excess.index),
                Severity.ERROR,
                f"the text is shown without formatting: {excess.message}",
            )
        )
        return RenderedPage(_plain_paragraphs(page.body), (), tuple(problems))

    for match in _RAW_HTML.finditer(page.body):
        if any(autolink.fullmatch(match.group(0)) for autolink in _AUTOLINKS):
            continue
        problems.append(
            Problem(
                page.path,
                lines.line_at(match.start()),
                Severity.WARNING,
                f"raw HTML '{match.group(0)[:40]}' is shown as text, not rendered: "
                "use Markdown instead",
            )
        )

    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Raw HTML is never rendered: without these two processors Markdown escapes it.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    policy = _LinkPolicy(
        md,
        page,
        is_section,
        is_document or (lambda _doc_id: False),
        is_awaited or (lambda _doc_id: False),
        report,
    )
    md.treeprocessors.register(policy, "kiosk_links", 5)
    try:
        html_text = md.convert(page.body)
    except Exception as error:
        # Python-Markdown recurses per nesting level; thousands of nested quotes or lists
        # exceed the recursion limit. Show the text as plain paragraphs instead.
        problems.append(
            Problem(
                page.path,
                page.body_line,
                Severity.ERROR,
                f"the text could not be laid out ({type(error).__name__}): it is shown "
                "without formatting; simplify deeply nested quotes or lists",
            )
        )
        html_text = _plain_paragraphs(page.body)
    return RenderedPage(
        html_text,
        tuple(dict.fromkeys(policy.linked)),
        tuple(problems),
        tuple(dict.fromkeys(policy.images)),
        tuple(dict.fromkeys(policy.documents)),
    )


def _plain_paragraphs(text: str) -> str:
    """Text as escaped paragraphs, the fallback when Markdown cannot be rendered.

    Only its beginning: such a page is broken, and laying out hundreds of kilobytes of it
    (an unbreakable line of 400 000 '*', 100 000 one-letter paragraphs) would freeze the
    screen for seconds.
    """
    shown = text[:MAX_PLAIN_CHARS]
    blocks = [block.strip() for block in shown.split("\n\n") if block.strip()]
    cut = len(shown) < len(text.rstrip()) or len(blocks) > MAX_PLAIN_PARAGRAPHS
    blocks = blocks[:MAX_PLAIN_PARAGRAPHS]
    if cut and blocks:
        blocks[-1] += " …"
    # A zero-width space after every 80 characters without a space: a line of 20 000
    # '*' has no place to wrap, and Qt's line breaking took seconds to find one.
    return "\n".join(
        f"<p>{_LONG_WORD.sub(BREAK_AFTER, html.escape(block))}</p>" for block in blocks
    )


def _readable(href: str) -> str:
    """An href as the author wrote it.

    Markdown hides the address of an automatic email link <name@example.ma> in character
    references whose '&' is a placeholder until the end: undo both, or the message would
    show the author an unreadable address.
    """
    if AMP_SUBSTITUTE not in href:
        return href
    return html.unescape(href.replace(AMP_SUBSTITUTE, "&"))


class _BodyLines:
    """File lines of places in a page's body."""

    def __init__(self, page: Page) -> None:
        self.page = page
        # needle -> where its next search starts: the n-th report of the same text is
        # put at its n-th occurrence, so a mistake made twice is reported at both lines.
        self._next: dict[str, int] = {}
        # Where each line break is, found once: a page may have thousands of problems.
        self._breaks: list[int] | None = None

    def line_at(self, index: int) -> int:
        """The file line of the body's character ``index``."""
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.page.body)]
        return self.page.body_line + bisect.bisect_left(self._breaks, index)

    def line_of(self, needle: str) -> int:
        """The file line of the next occurrence of ``needle`` in the body.

        Past its last occurrence (a reference link used twice), the last one again;
        a needle not in the body at all is put on the body's first line.
        """
        body = self.page.body
        index = body.find(needle, self._next.get(needle, 0)) if needle else -1
        if index < 0:
            index = body.rfind(needle) if needle else -1
        if index < 0:
            return self.page.body_line
        self._next[needle] = index + len(needle)
        return self.line_at(index)
