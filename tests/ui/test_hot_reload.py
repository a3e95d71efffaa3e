"""Live preview: a saved content file shows on screen within a second; mistakes show a banner."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, RunOptions
from kiosk.config import Config, LoadedConfig
from kiosk.ui.content_reload import ContentReloader
from kiosk.ui.navigator import HOME
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import home_tile, shown_title, tap_home_tile, tap_language

RELOAD_WITHIN_MS = 1000


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} appears {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def watched_window(
    make_window: WindowFactory, content: Path, lang: str | None = None
) -> tuple[MainWindow, ContentReloader]:
    window = make_window(content, lang)
    return window, ContentReloader(window, content)


def test_saved_title_shows_on_the_open_page(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, _reloader = watched_window(make_window, content_copy)
    tap_home_tile(qtbot, window, "pole-medest")
    old_title = shown_title(window)
    assert old_title.startswith("Pôle MedEst")

    started = time.monotonic()
    replace(
        content_copy / "fr" / "pole-medest.md",
        f'title = "{old_title}"',
        'title = "Pôle MedEst, nouvelle version"',
    )

    qtbot.waitUntil(
        lambda: shown_title(window) == "Pôle MedEst, nouvelle version", timeout=RELOAD_WITHIN_MS
    )
    assert time.monotonic() - started < RELOAD_WITHIN_MS / 1000
    assert window.current_screen() == "pole-medest"
    assert window.section.isVisible()


def test_home_tiles_follow_the_content(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, _reloader = watched_window(make_window, content_copy, "en")
    replace(
        content_copy / "en" / "chiffres-cles.md",
        'summary = "',
        'summary = "Updated. ',
    )

    qtbot.waitUntil(
        lambda: home_tile(window, "chiffres-cles").accessibleDescription().startswith("Updated. "),
        timeout=RELOAD_WITHIN_MS,
    )
    assert window.language.current == "en"
    assert window.home.isVisible()


def test_mistake_shows_a_banner_and_keeps_the_last_good_page(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, reloader = watched_window(make_window, content_copy)
    tap_home_tile(qtbot, window, "chiffres-cles")
    title = shown_title(window)
    page = content_copy / "fr" / "chiffres-cles.md"
    replace(page, 'title = "', "title = ")

    qtbot.waitUntil(reloader.banner.isVisible, timeout=RELOAD_WITHIN_MS)
    text = reloader.banner.text()
    assert "fr/chiffres-cles.md:3: front matter is not valid TOML" in text
    assert text.startswith("Erreur dans le contenu, la dernière version correcte reste affichée")
    assert shown_title(window) == title
    assert window.current_screen() == "chiffres-cles"
    assert reloader.banner.geometry().bottom() == window.height() - 1

    replace(page, "title = ", 'title = "')
    qtbot.waitUntil(lambda: not reloader.banner.isVisible(), timeout=RELOAD_WITHIN_MS)
    assert shown_title(window) == title


def test_unusable_content_keeps_the_kiosk_running(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, reloader = watched_window(make_window, content_copy)
    (content_copy / "site.toml").write_text("default_language = \n", encoding="utf-8")

    qtbot.waitUntil(reloader.banner.isVisible, timeout=RELOAD_WITHIN_MS)
    assert "site.toml:1:" in reloader.banner.text()
    assert window.home.isVisible()
    assert len(window.home.tiles) == 10


def test_deleted_page_returns_home_in_the_same_language(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, _reloader = watched_window(make_window, content_copy)
    tap_language(qtbot, window, "ar")
    tap_home_tile(qtbot, window, "telechargements")
    home = content_copy / "site.toml"
    replace(home, ', "telechargements"]', "]")
    for lang in ("fr", "ar", "en"):
        (content_copy / lang / "telechargements.md").unlink()

    qtbot.waitUntil(lambda: window.current_screen() == HOME, timeout=RELOAD_WITHIN_MS)
    assert "telechargements" not in window.home.tiles
    assert window.language.current == "ar"
    assert window.home.isVisible()


def test_new_page_file_is_picked_up(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    window, _reloader = watched_window(make_window, content_copy)
    source = (content_copy / "fr" / "technopole-oujda.md").read_text(encoding="utf-8")
    (content_copy / "fr" / "technopole-oujda-bis.md").write_text(
        source.replace('id = "technopole-oujda"', 'id = "technopole-oujda-bis"').replace(
            'title = "', 'title = "Bis '
        ),
        encoding="utf-8",
    )

    qtbot.waitUntil(lambda: "technopole-oujda-bis" in window.home.tiles, timeout=RELOAD_WITHIN_MS)


def test_run_watches_the_content_only_in_presentation_mode(
    app: QApplication, qtbot: QtBot, content_copy: Path
) -> None:
    found = []
    for mode in ("presentation", "kiosk"):
        config = LoadedConfig(Config(mode=mode, content_dir=content_copy))
        kiosk_run = KioskRun(app, RunOptions(config, hot_reload=True))
        try:
            assert kiosk_run.start()
            window = kiosk_run.main_window
            assert window is not None
            found.append(len(window.findChildren(ContentReloader)))
        finally:
            kiosk_run.stop()

    assert found == [1, 0]
