"""Markdown to safe HTML: raw HTML escaped, links limited to sections of the kiosk."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from kiosk.content.model import Page
from kiosk.content.problems import Problem, Severity

SECTION_SCHEME = "kiosk"
WEB_SCHEMES = ("http", "https")
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")


def section_url(page_id: str) -> str:
    """The link target the UI receives when a visitor taps a link to a section."""
    return f"{SECTION_SCHEME}:section/{page_id}"


def section_id_from_url(url: str) -> str | None:
    """The section id of a ``kiosk:section/<id>`` link, else None."""
    prefix = f"{SECTION_SCHEME}:section/"
    return url[len(prefix) :] if url.startswith(prefix) else None


@dataclass(frozen=True)
class RenderedPage:
    """A page's body as HTML, the sections it links to, and problems found in it."""

    html: str
    linked_sections: tuple[str, ...]
    problems: tuple[Problem, ...]


class _LinkPolicy(Treeprocessor):
    """Rewrites links to sections, turns every other link into plain text."""

    def __init__(
        self,
        md: markdown.Markdown,
        page: Page,
        is_section: Callable[[str], bool],
        report: Callable[[str, str, Severity], None],
    ) -> None:
        super().__init__(md)
        self.page = page
        self.is_section = is_section
        self.report = report
        self.linked: list[str] = []

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a":
                    self._rewrite_link(child)
                elif child.tag == "img":
                    self._drop_image(parent, child)

    def _rewrite_link(self, link: etree.Element) -> None:
        href = (link.get("href") or "").strip()
        target = self._section_for(href)
        if target is not None:
            link.attrib.clear()
            link.set("href", section_url(target))
            self.linked.append(target)
            return
        scheme = urlsplit(href).scheme.lower()
        if scheme in WEB_SCHEMES:
            self.report(
                href,
                f"web link '{href}' is shown as plain text: the kiosk never opens web pages",
                Severity.WARNING,
            )
        elif scheme and scheme != "file" and len(scheme) > 1:
            self.report(
                href,
                f"unsafe link '{href}': only links to other pages (page-id.md) are allowed",
                Severity.ERROR,
            )
        else:
            self.report(
                href,
                f"broken link '{href}': no page with that name; link to an existing "
                "page file such as 'pole-medest.md'",
                Severity.ERROR,
            )
        link.attrib.clear()
        link.tag = "span"

    def _section_for(self, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        name = Path(unquote(parts.path)).name
        if not name.endswith(".md"):
            return None
        page_id = name[: -len(".md")]
        return page_id if self.is_section(page_id) else None

    def _drop_image(self, parent: etree.Element, image: etree.Element) -> None:
        src = image.get("src", "")
        self.report(
            src,
            f"image '{src}' is not shown: pictures in pages are not supported yet",
            Severity.WARNING,
        )
        alt = image.get("alt", "")
        image.attrib.clear()
        image.tag = "span"
        image.text = alt


def render_markdown(page: Page, is_section: Callable[[str], bool]) -> RenderedPage:
    """Render a page's Markdown body. ``is_section`` tells whether a page id exists."""
    problems: list[Problem] = []

    def report(needle: str, message: str, severity: Severity) -> None:
        problems.append(Problem(page.path, _line_of(page, needle), severity, message))

    for match in _RAW_HTML.finditer(page.body):
        report(
            match.group(0),
            f"raw HTML '{match.group(0)[:40]}' is shown as text, not rendered: "
            "use Markdown instead",
            Severity.WARNING,
        )

    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Raw HTML is never rendered: without these two processors Markdown escapes it.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    policy = _LinkPolicy(md, page, is_section, report)
    md.treeprocessors.register(policy, "kiosk_links", 5)
    html = md.convert(page.body)
    return RenderedPage(html, tuple(dict.fromkeys(policy.linked)), tuple(problems))


def _line_of(page: Page, needle: str) -> int:
    """The file line where ``needle`` first appears in the body (else the body's first line)."""
    index = page.body.find(needle) if needle else -1
    if index < 0:
        return page.body_line
    return page.body_line + page.body.count("\n", 0, index)
