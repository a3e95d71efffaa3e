"""Interface translations: complete for every language, in sync with the code."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import CONTENT, REPO

TRANSLATIONS = REPO / "translations"
REQUIRED = ("fr", "ar", "en")


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("kiosk_*.ts"))


def test_every_site_language_has_a_translation_file() -> None:
    site = tomllib.loads((CONTENT / "site.toml").read_text(encoding="utf-8"))
    codes = {language["code"] for language in site["languages"]}
    present = {path.stem.removeprefix("kiosk_") for path in ts_files()}
    assert set(REQUIRED) <= codes
    assert codes <= present


# How many plural forms Qt asks of each language (Qt's numerus rules: Arabic has zero,
# one, two, few, many and other), and which of them stand for one number only, so may
# say it in words ("صفحتان", two pages) instead of with the placeholder.
PLURAL_FORMS = {"fr": 2, "ar": 6, "en": 2}
SINGLE_NUMBER_FORMS = {"fr": set(), "ar": {0, 1, 2}, "en": set()}
PLACEHOLDERS = ("%1", "%2", "%3", "%n")


@pytest.mark.parametrize("code", REQUIRED)
def test_no_unfinished_or_empty_entries(code: str) -> None:
    root = ElementTree.parse(TRANSLATIONS / f"kiosk_{code}.ts").getroot()
    messages = list(root.iter("message"))
    assert messages, "the interface has translatable strings"
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            assert len(forms) == PLURAL_FORMS[code], f"{code} plural forms of {source!r}"
        else:
            forms = [translation.text or ""]
        in_words = SINGLE_NUMBER_FORMS[code] if message.get("numerus") == "yes" else set()
        for index, form in enumerate(forms):
            assert form.strip(), f"empty {code} translation for {source!r}"
            for mark in PLACEHOLDERS:
                if mark in source and index not in in_words:
                    assert mark in form, f"{code} translation drops {mark}: {source!r}"


def test_counts_use_plural_forms() -> None:
    """A count ("%n pages") picks the form its number needs, in Arabic too."""
    root = ElementTree.parse(TRANSLATIONS / "kiosk_fr.ts").getroot()
    counted = {m.findtext("source") for m in root.iter("message") if m.get("numerus") == "yes"}
    # The key figures' units are the content's, written for their number in each
    # language (500 000 منصب شغل, 9 نقاط): they are not interface strings.
    assert {"%n pages", "Today: %n visits"} <= counted


@pytest.mark.slow
def test_ts_files_are_in_sync_with_the_code(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(__import__("sys").executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    sources = sorted(str(p) for p in (REPO / "kiosk").rglob("*.py"))
    for path in ts_files():
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        subprocess.run(
            [lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
            check=True,
            capture_output=True,
        )
        root = ElementTree.parse(copy).getroot()
        new = [
            m.findtext("source")
            for m in root.iter("message")
            if m.find("translation") is not None
            and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        ]
        assert not new, f"{path.name} lacks {new}: run `make update-translations` and translate"
