"""The section page's kept texts: within their budget in bytes, the oldest dropped first."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from kiosk.palette import PALETTE
from kiosk.ui.screens.kept_pages import KeptPages, document_bytes
from kiosk.ui.style.theme import Metrics


def _document(parent: QObject, paragraphs: int) -> QTextDocument:
    document = QTextDocument(parent)
    document.setHtml(
        "".join(f"<p>Paragraphe {n} du Plan d'accélération.</p>" for n in range(paragraphs))
    )
    return document


def test_a_longer_text_is_counted_larger(qtbot: QtBot) -> None:
    owner = QObject()
    assert document_bytes(_document(owner, 200)) > document_bytes(_document(owner, 5)) + 5_000


def test_kept_texts_stay_within_the_budget_and_the_oldest_are_deleted(qtbot: QtBot) -> None:
    owner = QObject()
    one = document_bytes(_document(owner, 20))
    kept = KeptPages(budget=3 * one)
    deleted: list[int] = []
    documents = []
    for number in range(6):
        document = _document(owner, 20)
        document.destroyed.connect(lambda _=None, n=number: deleted.append(n))
        documents.append(document)
        kept.keep((f"page-{number}", "fr", Metrics(1.0), PALETTE), document)
        assert kept.total_bytes <= 3 * one
    qtbot.waitUntil(lambda: deleted == [0, 1, 2])
    assert len(kept) == 3
    assert kept.get(("page-5", "fr", Metrics(1.0), PALETTE)) is documents[5]
    assert kept.get(("page-0", "fr", Metrics(1.0), PALETTE)) is None


def test_a_text_over_the_whole_budget_goes_when_the_next_comes(qtbot: QtBot) -> None:
    owner = QObject()
    kept = KeptPages(budget=10)
    deleted: list[str] = []
    huge = _document(owner, 50)
    huge.destroyed.connect(lambda: deleted.append("huge"))
    kept.keep(("huge", "fr", Metrics(1.0), PALETTE), huge)
    qtbot.wait(10)
    assert deleted == [], "still on screen"
    kept.keep(("next", "fr", Metrics(1.0), PALETTE), _document(owner, 50))
    qtbot.waitUntil(lambda: deleted == ["huge"])
    assert len(kept) == 0
