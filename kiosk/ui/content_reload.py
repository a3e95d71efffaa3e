"""Live preview for content authors: reload the content when a file changes, in windowed mode.

A QFileSystemWatcher watches the content folder; changes are gathered for a moment (an
editor writes a file in several steps), then the content is loaded again. A mistake
never stops the kiosk: the last good content stays on screen and a banner names the
file, the line and the problem until it is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content import ContentError, Problem, load_content, validate_library
from kiosk.geography import medest_map
from kiosk.i18n import fill
from kiosk.icon_names import icon_exists
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.style.theme import active_palette
from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.reload")

# Long enough to see an editor's save as one change, short enough to feel immediate.
DEBOUNCE_MS = 250


class ReloadBanner(FollowsLanguage, QLabel):
    """A strip along the bottom of the window naming the content problem to fix."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ReloadBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        palette = active_palette()
        self.setStyleSheet(
            f"QLabel#ReloadBanner {{ background-color: {palette.accent}; "
            f"color: {palette.brand_ink}; padding: 14px 24px; font-size: 20px; font-weight: 600; }}"
        )
        self._problem: Problem | None = None
        self._count = 0
        self._content_dir = Path()
        self.hide()
        parent.installEventFilter(self)

    def show_problems(self, problems: list[Problem], content_dir: Path) -> None:
        """Name the first problem (file relative to the content folder) and how many more."""
        self._problem = problems[0]
        self._count = len(problems)
        self._content_dir = content_dir
        self.retranslate_ui()
        self.show()
        self.raise_()
        self._place()

    def clear(self) -> None:
        self._problem = None
        self.hide()

    def retranslate_ui(self) -> None:
        if self._problem is None:
            return
        problem = self._problem
        try:
            where = problem.path.relative_to(self._content_dir)
        except ValueError:
            where = problem.path
        first = f"{where}:{problem.line}: {problem.message}"
        if self._count > 1:
            text = self.tr(
                "Content error (%n in all), the last good version is shown: %1", "", self._count
            )
        else:
            text = self.tr("Content error, the last good version is shown: %1")
        self.setText(fill(text, first))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        height = self.heightForWidth(parent.width())
        self.setGeometry(0, parent.height() - height, parent.width(), height)


class ContentReloader(QObject):
    """Watches ``content_dir`` and gives ``window`` the new content after each change."""

    reloaded = Signal()
    failed = Signal(str)

    def __init__(
        self, window: MainWindow, content_dir: Path, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(window)
        self._window = window
        self._content_dir = content_dir
        self.banner = ReloadBanner(window)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.reload)
        self._watch()
        log.info("watching %s for content changes", content_dir)

    @Slot(str)
    def _changed(self, _path: str) -> None:
        self._timer.start()

    @Slot()
    def reload(self) -> None:
        """Load the content again; show it, or keep the old one and show the banner."""
        self._watch()
        try:
            result = load_content(self._content_dir)
        except ContentError as error:
            self._refuse([error.problem])
            return
        errors = [problem for problem in result.problems if problem.is_error]
        if errors:
            # A page with a mistake would vanish from the screen: keep the last good one.
            self._refuse(errors)
            return
        library = result.library
        self._window.set_library(library)
        problems = validate_library(library, icon_exists, medest_map().frame)
        later = [p for p in problems if p.is_error]
        if later:
            # Shown, but with a mistake the author should see (a broken link...).
            self._report(later)
        else:
            self.banner.clear()
        log.info("content reloaded from %s", self._content_dir)
        self.reloaded.emit()

    def _refuse(self, problems: list[Problem]) -> None:
        self._report(problems)
        self.failed.emit(str(problems[0]))

    def _report(self, problems: list[Problem]) -> None:
        problems = sorted(problems, key=lambda p: (str(p.path), p.line))
        for problem in problems:
            log.warning("%s", problem)
        self.banner.show_problems(problems, self._content_dir)

    def _watch(self) -> None:
        """Watch the content folder, its folders and their files (new ones included).

        Editors often save by writing a new file and renaming it over the old one; the
        watcher then forgets the path, so the list is renewed after every change.
        """
        wanted: list[str] = []
        if self._content_dir.is_dir():
            wanted.append(str(self._content_dir))
            for path in sorted(self._content_dir.iterdir()):
                wanted.append(str(path))
                if path.is_dir():
                    wanted += [str(child) for child in sorted(path.iterdir()) if child.is_file()]
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in wanted if path not in watched]
        if missing:
            self._watcher.addPaths(missing)
