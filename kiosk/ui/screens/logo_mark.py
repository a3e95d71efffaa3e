"""The organisation's mark on the home screen: its logo file, or its short text mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.font_families import families_for
from kiosk.ui.style.fonts import uses_arabic_script


class LogoMark(QLabel):
    """Shows ``site.toml``'s ``[theme] logo`` (SVG or PNG) at the mark's height, or,
    without one or when it cannot be drawn, ``logo_text`` in a brand-coloured box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LogoMark")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text = ""
        self._file: Path | None = None
        self._height = 96
        self._key: tuple[Path | None, int, float] | None = None

    def set_logo(self, text: str, file: Path | None) -> None:
        self._text = text
        self._file = file
        self.setAccessibleName(text)
        # The mark keeps its own script's font whatever the visitor's language: "CRI"
        # set in the Arabic font would take its 2.11 em line and a box half again as tall.
        families = families_for(uses_arabic_script(text))
        self.setStyleSheet("font-family: " + ", ".join(f'"{f}"' for f in families) + ";")
        self._key = None
        self._refresh()

    def set_mark_height(self, height: int) -> None:
        self._height = height
        self._refresh()

    def shows_image(self) -> bool:
        return self.objectName() == "LogoImage"

    def _refresh(self) -> None:
        key = (self._file, self._height, self.devicePixelRatioF())
        if key == self._key:
            return
        self._key = key
        pixmap = self._draw() if self._file is not None else QPixmap()
        # The style sheet boxes the text mark; an image stands on the page as it is.
        self.setObjectName("LogoMark" if pixmap.isNull() else "LogoImage")
        self.style().unpolish(self)
        self.style().polish(self)
        if pixmap.isNull():
            self.setPixmap(QPixmap())
            self.setText(self._text)
        else:
            self.setText("")
            self.setPixmap(pixmap)

    def _draw(self) -> QPixmap:
        """The logo file at the mark's height (at most four times as wide, its proportions
        kept), crisp at the screen's pixel ratio; a null pixmap when it cannot be drawn."""
        assert self._file is not None
        svg = QSvgRenderer(str(self._file)) if self._file.suffix.lower() == ".svg" else None
        image = QImage() if svg is not None else QImage(str(self._file))
        if svg is not None:
            natural = svg.defaultSize() if svg.isValid() else QSize()
        else:
            natural = image.size()
        if natural.isEmpty():
            return QPixmap()
        aspect = natural.width() / natural.height()
        width = min(4.0 * self._height, self._height * aspect)
        target = QRectF(0, 0, width, width / aspect)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(QSize(round(width * ratio), round(target.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if svg is not None:
            svg.render(painter, target)
        else:
            painter.drawImage(target, image)
        painter.end()
        return pixmap
