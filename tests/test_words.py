"""The words a visitor reads: corrections of the fact audit, one apostrophe per language,
signed numbers in Arabic kept in their order."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from kiosk.content import load_content
from kiosk.font_families import families_for
from kiosk.ui.screens.graphics.key_figures import shown_number

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
TRANSLATIONS = REPO / "translations"

# Wordings the audit against the seed replaced; they must not come back.
REPLACED = {
    "en": (
        "stays the course",
        "capitalises on the achievements",
        "attractiveness for",
        "a **diagnostic**",
        "a diagnostic",
        "experts by trade",
        "business hosting",
        "industrial share of GDP",
        "grouped in ",
        "offered by CRI Oriental",
    ),
    "ar": (
        "القطاعات التقليدية",  # reads as handicrafts
        "عنوان إلكتروني",  # reads as an e-mail address
        "الكشك",  # a stall
        "خبراء حسب المهن",
        "عقد-برنامج",
    ),
    "fr": ("propose en téléchargement", "est proposée par le CRI"),
}
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def translations(lang: str) -> list[str]:
    """Every translated interface text of ``lang`` (what the visitor reads, not the source)."""
    root = etree.parse(TRANSLATIONS / f"kiosk_{lang}.ts").getroot()
    texts: list[str] = []
    for node in root.iter("translation"):
        forms = [form.text or "" for form in node.iter("numerusform")]
        texts.extend(forms or [node.text or ""])
    return texts


def content_lines(lang: str) -> list[tuple[str, int, str]]:
    """(file, line number, line) of every page of ``lang`` and of its strings in the TOML files."""
    lines: list[tuple[str, int, str]] = []
    for path in sorted((CONTENT / lang).glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            lines.append((f"{lang}/{path.name}", number, line))
    for name in ("site.toml", "documents.toml"):
        text = (CONTENT / name).read_text(encoding="utf-8")
        for number, line in enumerate(text.split("\n"), 1):
            if re.match(rf"^{lang}\s*=\s*\"", line):
                lines.append((name, number, line))
    return lines


def shown_strings(lang: str) -> list[str]:
    shown = [f"{where}:{number}: {line}" for where, number, line in content_lines(lang)]
    return shown + [f"kiosk_{lang}.ts: {text}" for text in translations(lang)]


@pytest.mark.parametrize("lang", sorted(REPLACED))
def test_replaced_wordings_do_not_come_back(lang: str) -> None:
    found = [
        f"{text}  <- {wording!r}"
        for text in shown_strings(lang)
        for wording in REPLACED[lang]
        if wording in text
    ]
    assert not found, "\n".join(found)


def test_the_unavailable_screen_names_the_kiosk_as_every_other_screen() -> None:
    from kiosk.ui.screens.error_screen import MESSAGES

    arabic = " ".join(MESSAGES[1])
    assert "الكشك" not in arabic
    assert "الشاشة التفاعلية" in arabic


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_apostrophe_style_the_typographic_one(lang: str) -> None:
    straight = [text for text in shown_strings(lang) if "'" in text.split(": ", 1)[1]]
    assert not straight, "use U+2019, as the rest of the text does:\n" + "\n".join(straight)
    from kiosk.ui.screens.error_screen import MESSAGES

    index = {"fr": 0, "en": 2}[lang]
    assert "'" not in " ".join(MESSAGES[index])


def _signed_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of a sign directly before a number or a %N placeholder."""
    return [m.span() for m in re.finditer(r"[+\-\u2212](?:%\d+|\d+)", text)]


def _isolated(text: str, start: int) -> bool:
    """True when ``start`` lies inside a left-to-right or first-strong isolate."""
    opened = max(text.rfind(LRI, 0, start), text.rfind(FSI, 0, start))
    return opened >= 0 and text.find(PDI, opened) > start


_TOML_NUMBER = re.compile(r"[a-z_]+ = [+-]?[0-9][0-9_.]*")


def test_arabic_signed_numbers_sit_inside_isolates() -> None:
    texts = [
        *translations("ar"),
        *(
            line
            for _, _, line in content_lines("ar")
            # Front-matter numbers (a longitude of -1.9114) are data, never shown as written.
            if not line.startswith(("id ", "icon ")) and not _TOML_NUMBER.fullmatch(line)
        ),
    ]
    loose = [
        text
        for text in texts
        for start, _ in _signed_numbers(text)
        # "2014-2020" is a range, not a sign.
        if not (start > 0 and text[start - 1].isdigit()) and not _isolated(text, start)
    ]
    assert not loose, "wrap +N in U+2066 ... U+2069 so it is not shown as N+:\n" + "\n".join(loose)


def _ink_left(layout: QTextLayout, index: int) -> float:
    """The left edge of the glyphs drawn for the character at ``index``."""
    runs = layout.glyphRuns(index, 1)
    assert runs, f"no glyph for character {index}"
    return min(run.boundingRect().left() for run in runs)


def test_arabic_points_gain_reads_plus_then_number(qapp: QApplication) -> None:
    """Laid out right to left, the sign of "+9" is drawn to the left of its digit."""
    # The plan's goal as the diagram draws it: the content's signed figure and its unit.
    library = load_content(CONTENT).library
    gain = next(f for f in library.key_figures("ar") if f.prefix == "+")
    text = f"{shown_number(gain)} {gain.unit}: {gain.caption}"
    font = QFont()
    font.setFamilies(families_for(True))
    font.setPixelSize(30)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(5000)
    layout.endLayout()
    plus = text.index("+")
    nine = text.index("9", plus)
    plus_x = _ink_left(layout, plus)
    nine_x = _ink_left(layout, nine)
    assert line.isValid()
    assert plus_x < nine_x, f"'+' drawn at x={plus_x}, after '9' at x={nine_x}: reads 9+"
