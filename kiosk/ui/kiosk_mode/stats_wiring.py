"""Connecting a StatsRecorder to the main window's navigation and a visit's start and end."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance

from kiosk.stats.recorder import StatsRecorder
from kiosk.ui.window import MainWindow


def record_visits(
    recorder: StatsRecorder,
    window: MainWindow,
    visit_started: SignalInstance,
    visit_ended: SignalInstance,
) -> None:
    """Count what visitors of ``window`` do between ``visit_started`` and ``visit_ended``.

    Screens come from the window's navigator and language service; a language picked
    during a visit counts as a language choice. Call once per window.
    """
    language = window.language

    def screen_changed(page_id: str) -> None:
        recorder.screen_shown(page_id, language.current)

    def language_changed(code: str) -> None:
        recorder.language_chosen(code)
        recorder.screen_shown(window.current_screen(), code)

    window.navigator.current_changed.connect(screen_changed)
    language.language_changed.connect(language_changed)
    window.document_opened.connect(recorder.document_opened)
    window.qr_shown.connect(recorder.qr_shown)
    visit_started.connect(recorder.session_started)
    visit_ended.connect(recorder.session_ended)
    recorder.screen_shown(window.current_screen(), language.current)
