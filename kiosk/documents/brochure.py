"""Typesetting one brochure per language from the kiosk's pages (QTextDocument -> QPdfWriter)."""

from __future__ import annotations

import hashlib
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from kiosk.content.library import ContentLibrary
from kiosk.font_families import families_for
from kiosk.i18n import fill
from kiosk.palette import PALETTE

log = logging.getLogger("kiosk.documents")

# Bump when the layout changes: cached brochures are then typeset again.
BROCHURE_FORMAT = 4
RESOLUTION_DPI = 300
BODY_POINTS = 11.0
FOOTER_POINTS = 8.5
_ANCHOR = re.compile(r"<a\b[^>]*>|</a>")
# Kiosk navigation has no place on paper: a paragraph or list item that is only a link
# to a page ("Retour au Pôle MedEst"), a "see the plan" link ending a list item, and a
# heading left with nothing under it once its links are gone ("Les autres blocs").
_SECTION_LINK = r'<a href="kiosk:section/[^"]*">[^<]*</a>'
_LINK_ONLY_PARAGRAPH = re.compile(rf"<p>{_SECTION_LINK}</p>\n?")
_LINK_ONLY_LIST = re.compile(rf"<ul>\n(?:<li>{_SECTION_LINK}</li>\n)+</ul>\n?")
_TRAILING_LINK = re.compile(rf"(?<=[^>\s])\s+{_SECTION_LINK}(?=</li>)")
_EMPTY_HEADING = re.compile(r"<h2>[^<]*</h2>\n?(?=<h2>|$)")
_BLOCK_TAG = re.compile(r"<(li|ul|ol|p|h2|h3|table)(?=[ >])")


# The cover and footer, marked for lupdate and translated into the brochure's language
# (not the visitor's) by a translator loaded for it.
KICKER = str(QT_TRANSLATE_NOOP("Brochure", "Summary presentation"))
NOTICE = str(
    QT_TRANSLATE_NOOP(
        "Brochure",
        "This brochure is a presentation summary of the content shown on the CRI kiosk. "
        "It is not the study itself.",
    )
)
CONTENTS = str(QT_TRANSLATE_NOOP("Brochure", "Contents"))
FOOTER = str(QT_TRANSLATE_NOOP("Brochure", "%1 · Summary presentation · Page %2 of %3"))


@dataclass(frozen=True)
class BrochureSource:
    """Everything a brochure is typeset from: equal sources give equal brochures."""

    lang: str
    rtl: bool
    organisation: str
    short_name: str
    tagline: str
    texts: dict[str, str]
    # (page title, page HTML, starts a new page)
    sections: tuple[tuple[str, str, bool], ...]

    def digest(self) -> str:
        """A short hash of the source, used as the cache stamp in the file name."""
        hasher = hashlib.sha256(f"format {BROCHURE_FORMAT}\n".encode())
        parts = [self.lang, str(self.rtl), self.organisation, self.short_name, self.tagline]
        parts += [f"{key}={value}" for key, value in sorted(self.texts.items())]
        for title, body, new_page in self.sections:
            parts += [title, body, str(new_page)]
        for part in parts:
            hasher.update(part.encode("utf-8"))
            hasher.update(b"\0")
        return hasher.hexdigest()[:16]


def translated_texts(ts_file: Path, context: str) -> dict[str, str]:
    """The finished translations of ``context`` in a Qt Linguist ``.ts`` file.

    The brochure speaks its own language, not the visitor's, so it does not go through
    the installed translators; the ``.ts`` file ships with the kiosk. A missing or
    unreadable file gives no translations (the English source is used).
    """
    try:
        root = ElementTree.parse(ts_file).getroot()
    except (OSError, ElementTree.ParseError) as error:
        log.warning("no brochure translations in %s: %s", ts_file, error)
        return {}
    texts: dict[str, str] = {}
    for element in root.iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source and translation is not None and translation.get("type") is None:
                texts[source] = translation.text or ""
    return texts


def brochure_source(library: ContentLibrary, lang: str, tr: Callable[[str], str]) -> BrochureSource:
    """The pages of ``lang`` a visitor can browse (not the downloads page), in order.

    ``tr`` translates the cover and footer texts into ``lang``.
    """
    sections: list[tuple[str, str, bool]] = []
    for page_id in library.page_ids:
        view = library.view(page_id, lang)
        if view is None or view.page.downloads:
            continue
        body = _ANCHOR.sub("", _without_navigation(library.html(view.page)))
        top_level = library.parent(page_id) is None
        sections.append((view.page.title, body, top_level))
    site = library.site
    return BrochureSource(
        lang=lang,
        rtl=library.language(lang).is_rtl,
        organisation=site.organisation_text("name", lang),
        short_name=site.organisation_text("short_name", lang),
        tagline=site.organisation_text("tagline", lang),
        texts={key: tr(key) for key in (KICKER, NOTICE, CONTENTS, FOOTER)},
        sections=tuple(sections),
    )


def _without_navigation(page_html: str) -> str:
    """The page's text without the links that only move around the kiosk."""
    text = _LINK_ONLY_PARAGRAPH.sub("", page_html)
    text = _LINK_ONLY_LIST.sub("", text)
    text = _TRAILING_LINK.sub("", text)
    return _EMPTY_HEADING.sub("", text.strip())


def _css(rtl: bool) -> str:
    brand, ink, muted = PALETTE.brand, PALETTE.ink, PALETTE.muted_ink
    line = 110 if rtl else 135
    return f"""
        body {{ color: {ink}; }}
        p {{ margin-top: 0; margin-bottom: 7pt; line-height: {line}%; }}
        li {{ margin-bottom: 4pt; line-height: {line}%; }}
        ul, ol {{ margin-bottom: 8pt; }}
        h2 {{ color: {brand}; font-weight: 700; margin-top: 12pt; margin-bottom: 6pt; }}
        h3 {{ color: {brand}; font-weight: 700; margin-top: 10pt; margin-bottom: 4pt; }}
        strong, b {{ color: {PALETTE.brand_dark}; }}
        .muted {{ color: {muted}; }}
        th {{ background-color: {PALETTE.accent_soft}; padding: 4pt; font-weight: 700; }}
        td {{ padding: 4pt; border-bottom: 1px solid {PALETTE.line}; }}
    """


def _html(source: BrochureSource) -> str:
    esc = html.escape
    texts = source.texts
    contents = "".join(
        f"<li>{esc(title)}</li>" for title, _body, top_level in source.sections if top_level
    )
    parts = [
        f'<p style="font-size: 13pt; color: {PALETTE.muted_ink};">{esc(source.organisation)}</p>',
        f'<p style="font-size: 24pt; font-weight: 700; color: {PALETTE.brand};'
        f' margin-top: 60pt; margin-bottom: 14pt;">{esc(source.tagline)}</p>',
        f'<p style="font-size: 15pt; color: {PALETTE.accent}; font-weight: 700;">'
        f"{esc(texts[KICKER])}</p>",
        f'<p style="font-size: 12pt; margin-top: 18pt; margin-bottom: 30pt;">'
        f"{esc(texts[NOTICE])}</p>",
        f'<p style="font-size: 13pt; font-weight: 700; color: {PALETTE.brand};">'
        f"{esc(texts[CONTENTS])}</p><ul>{contents}</ul>",
    ]
    for title, body, new_page in source.sections:
        page_break = "page-break-before: always; " if new_page else "margin-top: 18pt; "
        size = 19 if new_page else 15
        parts.append(
            f'<p style="{page_break}font-size: {size}pt; font-weight: 700; '
            f'color: {PALETTE.brand}; margin-bottom: 8pt;">{esc(title)}</p>{body}'
        )
    direction = "rtl" if source.rtl else "ltr"
    text = "".join(parts)
    if source.rtl:
        # Lists take their bullet side from the items' own direction, not the body's.
        text = _BLOCK_TAG.sub(rf'<\1 dir="{direction}"', text)
    return f'<html><body dir="{direction}">{text}</body></html>'


def write_brochure(source: BrochureSource, path: Path) -> int:
    """Typeset ``source`` into a PDF at ``path``; return its page count.

    The file is written next to its final name and renamed, so a reader never sees a
    half-written brochure.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(f"{source.tagline} · {source.texts[KICKER]}")
    writer.setCreator(source.organisation)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 18, 20, 14),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
    footer_height = RESOLUTION_DPI * 0.35  # about 9 mm
    page_size = QSizeF(area.width(), area.height() - footer_height)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    font = QFont()
    font.setFamilies(families_for(source.rtl))
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    option = QTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if source.rtl else Qt.LayoutDirection.LeftToRight
    )
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDefaultStyleSheet(_css(source.rtl))
    document.setHtml(_html(source))
    _align_blocks(document, source.rtl)
    document.setPageSize(page_size)
    pages = document.pageCount()

    footer_font = QFont(font)
    footer_font.setPointSizeF(FOOTER_POINTS)
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page_size.height())
            document.drawContents(
                painter, QRectF(QPointF(0, index * page_size.height()), page_size)
            )
            painter.restore()
            footer = fill(source.texts[FOOTER], source.short_name, index + 1, pages)
            painter.setFont(footer_font)
            painter.setPen(QColor(PALETTE.muted_ink))
            painter.drawLine(
                QPointF(0, page_size.height() + footer_height * 0.3),
                QPointF(page_size.width(), page_size.height() + footer_height * 0.3),
            )
            painter.drawText(
                QRectF(
                    0,
                    page_size.height() + footer_height * 0.4,
                    page_size.width(),
                    footer_height * 0.6,
                ),
                int(Qt.AlignmentFlag.AlignCenter),
                footer,
            )
    finally:
        painter.end()
    del writer
    partial.replace(path)
    return pages


def _align_blocks(document: QTextDocument, rtl: bool) -> None:
    """Arabic reads from the right: the HTML importer aligns every block left."""
    alignment = Qt.AlignmentFlag.AlignAbsolute | (
        Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    )
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        block_format.setAlignment(alignment)
        block_format.setLayoutDirection(direction)
        QTextCursor(block).setBlockFormat(block_format)
        block = block.next()
