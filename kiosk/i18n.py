"""The language service: live switching of translators, locale, direction and font."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.content.model import Language
from kiosk.font_families import font_for

log = logging.getLogger("kiosk.i18n")

# First Strong Isolate / Pop Directional Isolate: keep an inserted value (a name in
# another script) from reordering the translated sentence around it.
FSI = "\u2068"
PDI = "\u2069"


_PLACEHOLDER = re.compile(r"%([1-9])")


def isolate(text: str) -> str:
    """Wrap a value inserted into a translated sentence in Unicode isolates."""
    return f"{FSI}{text}{PDI}"


def fill(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2``... replaced by ``values``, each in Unicode isolates.

    The one way values enter a translated sentence: ``fill(self.tr("Part of: %1"), title)``.
    One pass, so a value that contains "%2" is not replaced again; a placeholder with no
    value stays as written. A count goes through Qt's plural forms instead (Arabic has
    six), which replace ``%n`` themselves: ``self.tr("%n pages", "", n)``;
    ``self.tr("jobs", "", n)`` for a word drawn apart from its number.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return isolate(str(values[index])) if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


class LanguageService(QObject):
    """Owns the current language. Widgets follow through ``QEvent.LanguageChange``."""

    language_changed = Signal(str)

    def __init__(
        self,
        app: QApplication,
        languages: tuple[Language, ...],
        translations_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else app)
        self._app = app
        self._languages = {lang.code: lang for lang in languages}
        self._order = tuple(lang.code for lang in languages)
        self._translations_dir = translations_dir
        self._translators: list[QTranslator] = []
        self._base_font = app.font()
        self._current = ""
        self._other: dict[str, QTranslator | None] = {}
        self._loaded: dict[str, list[QTranslator]] = {}

    @property
    def current(self) -> str:
        return self._current

    @property
    def languages(self) -> tuple[Language, ...]:
        return tuple(self._languages[code] for code in self._order)

    def language(self) -> Language:
        return self._languages[self._current]

    def is_rtl(self) -> bool:
        return self._current != "" and self.language().is_rtl

    @Slot(str)
    def set_language(self, code: str) -> None:
        """Switch every visible text, the layout direction and the font, without restart."""
        if code not in self._languages:
            log.warning("unknown language %r ignored; available: %s", code, self._order)
            return
        if code == self._current:
            return
        for translator in self._translators:
            self._app.removeTranslator(translator)
        # Loaded once per language and kept: switching back and forth creates nothing.
        if code not in self._loaded:
            self._loaded[code] = [t for t in self._load_translators(code) if t is not None]
        self._translators = self._loaded[code]
        for translator in self._translators:
            self._app.installTranslator(translator)
        language = self._languages[code]
        self._current = code
        QLocale.setDefault(QLocale(code))
        direction = (
            Qt.LayoutDirection.RightToLeft if language.is_rtl else Qt.LayoutDirection.LeftToRight
        )
        self._app.setLayoutDirection(direction)
        self._app.setFont(font_for(language.is_rtl, self._base_font))
        self.language_changed.emit(code)

    def translate_in(self, code: str, context: str, source: str) -> str:
        """``source`` in language ``code``, whatever the current language is.

        For screens that speak every language at once (the attract screen).
        """
        if code not in self._other:
            self._other[code] = self._translator(
                f"kiosk_{code}", str(self._translations_dir), required=False
            )
        translator = self._other[code]
        text = translator.translate(context, source) if translator is not None else ""
        return text or source

    def _load_translators(self, code: str) -> list[QTranslator | None]:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        return [
            self._translator(f"qtbase_{code}", qt_dir, required=False),
            self._translator(f"kiosk_{code}", str(self._translations_dir), required=True),
        ]

    def _translator(self, name: str, folder: str, required: bool) -> QTranslator | None:
        translator = QTranslator(self)
        if translator.load(name, folder):
            return translator
        if required:
            log.error("translation %s.qm not found in %s: interface stays in English", name, folder)
        return None
