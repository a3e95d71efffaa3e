"""The attract loop: the content's headline figures one by one, then the MedEst map.

Shown between visitors, full screen and in motion, over a tilework motif: each key
figure of the content arrives large (counted up, the share of GDP as a growing bar)
with its words in every language, then the map with its three zones. "Touch the
screen to start" stays at the bottom in every language at once. Everything is painted
from cached layouts so a frame costs little (``make bench``: attract frame time).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QElapsedTimer,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.library import ContentLibrary
from kiosk.content.model import KeyFigure, Language, Place
from kiosk.font_families import families_for
from kiosk.geography import medest_map
from kiosk.ui.kiosk_mode.tile_motif import draw_motif, motif_tile
from kiosk.ui.overlay import Overlay
from kiosk.ui.screens.graphics.key_figures import bar_scale, shown_number
from kiosk.ui.screens.graphics.numbers import format_percent
from kiosk.ui.screens.graphics.zones_map import Projection, draw_geography
from kiosk.ui.style.theme import active_palette
from kiosk.ui.transitions import motion_enabled

ATTRACT_CONTEXT = "AttractScreen"
# Marked for translation here, shown by the attract screen in every language at once.
TOUCH_TO_START = str(QT_TRANSLATE_NOOP("AttractScreen", "Touch the screen to start"))

# Timing of one slide (ms): it arrives, stays, leaves; its number counts up meanwhile.
SLIDE_MS = 4200
ARRIVE_MS = 700
LEAVE_MS = 500
COUNT_MS = 1500
FRAME_MS = 16
# The moment drawn when motion is off (tests, tour): the first figure, arrived.
REST_MS = 2000
# Type sizes as shares of the screen's shorter side: the headline figure is 200 px on a
# 1080 px side (never under 120 px: read from three metres).
NUMBER_SHARE = 0.185
MIN_NUMBER_PX = 120
LINE_SHARE = 0.033
INVITE_SHARE = 0.04
NAME_SHARE = 0.03
# How much the motif is veiled under the header and footer, and under the slides' panel.
VEIL_BANDS, VEIL_PANEL = 0.6, 0.88


@dataclass
class TextLine:
    """One line of text in its own script's font, laid out for a width."""

    text: str
    font: QFont
    rtl: bool
    height: float


@dataclass
class Slide:
    """What one slide shows: a figure (with its words per language), or the map."""

    figure: KeyFigure | None
    lines: list[TextLine]
    places: tuple[tuple[Place, str], ...] = ()


def ease_out(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return 1 - (1 - x) ** 3


def script_font(rtl: bool, px: float, bold: bool = False) -> QFont:
    """A font of the language's script (Noto Sans or Noto Sans Arabic) at ``px`` pixels."""
    font = QFont()
    font.setFamilies(families_for(rtl))
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def wrapped_height(font: QFont, width: float, text: str) -> float:
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), int(flags), text).height()


class AttractScreen(Overlay):
    """Full-window invitation made only of the content's facts, in every language.

    The first touch only wakes the kiosk: the press and release land here, not on the
    screen underneath, and ``woken`` is emitted on release.
    """

    woken = Signal()

    def __init__(
        self,
        parent: QWidget,
        languages: tuple[Language, ...],
        text_in: Callable[[str, str, str], str],
        identity: Callable[[str, str], str],
        library: Callable[[], ContentLibrary],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAutoFillBackground(False)
        self._languages = languages
        self._text_in = text_in
        self._identity = identity
        self._library = library
        self._pressed = False
        self.slides: list[Slide] = []
        self._invitations: list[TextLine] = []
        self._names: list[TextLine] = []
        self._tile = QPixmap()
        self._veiled = QPixmap()
        self._dimmed = QPixmap()
        self._map = QPixmap()
        self._map_rect = QRectF()
        self._title_rect = QRectF()
        self._panel = QRectF()
        self._fixed_ms: int | None = None
        self._painted_drift = -1
        # Share of the full type sizes that makes every slide fit (set by prepare).
        self.fit = 1.0
        self._number_px = MIN_NUMBER_PX
        # (line, width, colour) -> the line drawn once (see _draw_line)
        self._line_images: dict[tuple[int, int, str], QPixmap] = {}
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self.opened.connect(self._start)
        self.closed.connect(self._stop)

    # what is shown -----------------------------------------------------------------
    def invitations(self) -> dict[str, str]:
        """ "Touch the screen to start" in every language, as shown together."""
        return {
            language.code: self._text_in(language.code, ATTRACT_CONTEXT, TOUCH_TO_START)
            for language in self._languages
        }

    def elapsed_ms(self) -> int:
        if self._fixed_ms is not None:
            return self._fixed_ms
        if not motion_enabled() or not self._clock.isValid():
            return REST_MS
        return int(self._clock.elapsed())

    def set_time(self, ms: int | None) -> None:
        """Draw the loop as it is ``ms`` after opening (None: follow the clock)."""
        self._fixed_ms = ms
        self.update()

    def show_at(self, ms: int | None) -> None:
        """Open showing the moment ``ms`` of the loop (None: as it plays; for the tour)."""
        self.open_overlay()
        self.set_time(ms)

    def map_rest_ms(self) -> int:
        """A moment when the map slide is fully shown."""
        if not self.slides:
            self.prepare()
        return (len(self.slides) - 1) * SLIDE_MS + REST_MS

    def play_frame(self, ms: int) -> None:
        """Paint the frame of ``ms`` now, as the frame timer would (for make bench)."""
        self._fixed_ms = ms
        self.repaint(self.dirty_region(ms))

    def dirty_region(self, ms: int) -> QRegion:
        """What differs between the last frame painted and the one of ``ms``.

        The motif moves one pixel every few frames; in between only the slides' panel
        and the pulse over the invitations change, and only they are painted again.
        """
        if self._drift(ms) != self._painted_drift or not self.slides:
            return QRegion(self.rect())
        _header, stage, footer = self._bands()
        # The slides rise and sink a little as they come and go.
        margin = round(stage.height() * 0.07)
        region = QRegion(self._panel.toAlignedRect().adjusted(0, -margin, 0, margin))
        line = math.ceil(self._short_side() / 250) + 2
        region += QRegion(QRect(0, round(footer.top()) - line, self.width(), 2 * line))
        return region

    def _drift(self, ms: int) -> int:
        """How far the motif has drifted at ``ms`` (whole pixels)."""
        return round(ms * self._short_side() / 60000)

    @Slot()
    def _stop(self) -> None:
        """Stop the frames and let go of the drawn images until the next opening."""
        self._timer.stop()
        self._line_images.clear()
        self._map = QPixmap()
        self.slides = []

    @Slot()
    def _tick(self) -> None:
        self.update(self.dirty_region(self.elapsed_ms()))

    def slide_at(self, ms: int) -> int:
        """Index of the slide shown ``ms`` after opening."""
        return (ms // SLIDE_MS) % max(1, len(self.slides))

    def number_px(self) -> int:
        """Pixel size of the headline figures at this window size."""
        return self._number_px

    def loop_ms(self) -> int:
        return SLIDE_MS * max(1, len(self.slides))

    @Slot()
    def _start(self) -> None:
        self._pressed = False
        self.prepare()
        self._clock.start()
        if motion_enabled():
            self._timer.start()
        self.update()

    # layout, once per opening or size ---------------------------------------------
    def _short_side(self) -> int:
        return max(1, min(self.width(), self.height()))

    def _portrait(self) -> bool:
        return self.height() > self.width()

    def _bands(self) -> tuple[QRectF, QRectF, QRectF]:
        """Header, stage and footer rectangles."""
        w, h = float(self.width()), float(self.height())
        # Whole pixels: the bands are filled edge to edge, a fractional edge leaves a seam.
        header = round(h * (0.11 if self._portrait() else 0.13))
        footer = round(h * (0.2 if self._portrait() else 0.19))
        return (
            QRectF(0, 0, w, header),
            QRectF(0, header, w, h - header - footer),
            QRectF(0, h - footer, w, footer),
        )

    def prepare(self) -> None:
        """Lay out every slide for the current size and content (not on every frame)."""
        if self.width() < 2 or self.height() < 2:
            return
        palette = active_palette()
        short = self._short_side()
        self._line_images.clear()
        self._tile = motif_tile(
            max(48, round(short * 0.16)),
            palette.brand_dark,
            _mix(palette.brand_dark, palette.brand_ink, 0.14),
            _mix(palette.brand_dark, palette.brand, 0.85),
            palette.accent,
            self.devicePixelRatioF(),
        )
        # The same tile under a veil, once: the bands and the panel are then plain copies
        # of the tile each frame, with no transparent layer blended over the screen.
        self._veiled = veiled(self._tile, palette.brand_dark, VEIL_BANDS)
        self._dimmed = veiled(self._tile, palette.brand_dark, VEIL_PANEL)
        library = self._library()
        _header, stage, footer = self._bands()
        text_width = stage.width() * (0.86 if self._portrait() else 0.7)
        # Type as large as fits: shrunk together until the tallest figure fits the stage.
        room = stage.height() * 0.9 - self._dots_room()
        self.fit = 1.0
        while True:
            self._number_px = max(MIN_NUMBER_PX, round(short * NUMBER_SHARE * self.fit))
            self.slides = self._figure_slides(library, text_width)
            tallest = max((self._figure_height(slide) for slide in self.slides), default=0.0)
            if tallest <= room or self.fit <= 0.6:
                break
            self.fit -= 0.05
        self.slides.append(self._map_slide(library, stage, text_width))
        self._panel = self._panel_for(stage)
        invite_width = footer.width() * (0.9 if self._portrait() else 0.3)
        self._invitations = [
            self._line(text, self._is_rtl(code), INVITE_SHARE, invite_width, bold=True)
            for code, text in self.invitations().items()
        ]
        names: list[TextLine] = []
        seen: set[str] = set()
        for language in self._languages[:2]:
            name = self._identity("name", language.code)
            if name and name not in seen:
                seen.add(name)
                names.append(self._line(name, language.is_rtl, NAME_SHARE, self.width() * 0.9))
        self._names = names
        self.setAccessibleName(" / ".join(self.invitations().values()))

    def _panel_for(self, stage: QRectF) -> QRectF:
        """The panel behind the slides: as tall as the tallest slide, the motif around it."""
        tallest = max(self._figure_height(slide) for slide in self.slides[:-1] or [Slide(None, [])])
        tallest = max(tallest, self._title_rect.bottom() - self._map_rect.top())
        tallest = max(tallest, self._map_rect.height())
        pad = self._short_side() * 0.04
        height = min(stage.height() * 0.96, tallest + 2 * pad + self._dots_room())
        side = stage.width() * (0.04 if self._portrait() else 0.13)
        middle = stage.center().y()
        return QRectF(
            QRectF(stage.left() + side, middle - height / 2, stage.width() - 2 * side, height)
            .toAlignedRect()
            .intersected(stage.toAlignedRect())
        )

    def _figure_slides(self, library: ContentLibrary, text_width: float) -> list[Slide]:
        """One slide per key figure, its words in every language (the content's own)."""
        rows = {lang.code: library.key_figures(lang.code) for lang in self._languages}
        slides = []
        for index, figure in enumerate(library.key_figures(library.default_language)):
            lines = []
            for language in self._languages:
                figures = rows[language.code]
                own = figures[index] if index < len(figures) else figure
                text = f"{own.unit} — {own.caption}"
                lines.append(self._line(text, language.is_rtl, LINE_SHARE * self.fit, text_width))
            slides.append(Slide(figure, lines))
        return slides

    def _gap(self) -> float:
        return self._short_side() * 0.02 * self.fit

    def _bar_height(self, figure: KeyFigure) -> float:
        return self._short_side() * 0.1 * self.fit if figure.to_percent is not None else 0.0

    def _figure_height(self, slide: Slide) -> float:
        """Height of a figure slide: number, bar (for a share), then its lines."""
        if slide.figure is None:
            return 0.0
        number = QFontMetricsF(script_font(False, self._number_px, bold=True)).height()
        gap = self._gap()
        lines = sum(line.height for line in slide.lines) + gap * (len(slide.lines) - 1)
        return number + self._bar_height(slide.figure) + gap * 2 + lines

    def _dots_room(self) -> float:
        return self._short_side() * 0.05

    def _is_rtl(self, code: str) -> bool:
        return any(lang.is_rtl for lang in self._languages if lang.code == code)

    def _line(
        self, text: str, rtl: bool, share: float, width: float, bold: bool = False
    ) -> TextLine:
        font = script_font(rtl, self._short_side() * share, bold)
        return TextLine(text, font, rtl, wrapped_height(font, width, text))

    def _map_slide(self, library: ContentLibrary, stage: QRectF, text_width: float) -> Slide:
        palette = active_palette()
        # Portrait: the title under the map; landscape: beside it, the map on the left.
        beside = not self._portrait()
        title_width = stage.width() * 0.3 if beside else text_width
        lines = []
        for language in self._languages:
            view = library.view(next(iter(self._pages_with_places(library)), ""), language.code)
            title = view.page.title if view is not None else ""
            if title:
                lines.append(self._line(title, language.is_rtl, LINE_SHARE, title_width))
        gap = self._short_side() * 0.015
        text_height = sum(line.height for line in lines) + gap * max(0, len(lines) - 1)
        data = medest_map()
        margin = stage.height() * 0.08
        middle = stage.center().y() - self._dots_room() / 2
        if beside:
            room = QRectF(
                stage.left() + stage.width() * 0.15,
                stage.top() + margin,
                stage.width() * 0.40,
                stage.height() - 2 * margin - self._dots_room(),
            )
            span = Projection(data, room).span()
            self._map_rect = QRectF(
                round(room.left()), round(middle - span.height() / 2), span.width(), span.height()
            )
            self._title_rect = QRectF(
                self._map_rect.right() + stage.width() * 0.02,
                middle - text_height / 2,
                title_width,
                text_height,
            )
        else:
            room = stage.adjusted(
                stage.width() * 0.08,
                margin,
                -stage.width() * 0.08,
                -(text_height + self._dots_room() + margin),
            )
            span = Projection(data, room).span()
            # The map and its title as one block, centred on the stage.
            top = round(middle - (span.height() + text_height + gap) / 2)
            self._map_rect = QRectF(span.left(), top, span.width(), span.height())
            self._title_rect = QRectF(
                stage.center().x() - title_width / 2,
                self._map_rect.bottom() + gap,
                title_width,
                text_height,
            )
        projection = Projection(data, self._map_rect)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(
            max(1, round(self._map_rect.width() * ratio)),
            max(1, round(self._map_rect.height() * ratio)),
        )
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(palette.brand_dark))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-self._map_rect.topLeft())
        clip = QPainterPath()
        radius = self._short_side() * 0.02
        clip.addRoundedRect(self._map_rect, radius, radius)
        painter.setClipPath(clip)
        tint = QColor(palette.line)
        tint.setAlphaF(0.6)
        draw_geography(
            painter,
            projection,
            (palette.sea, palette.land, tint.name(QColor.NameFormat.HexArgb), palette.brand),
            max(1.0, self._short_side() / 400),
        )
        # Each town named in the first language and, when it differs, in Arabic script.
        places = []
        codes = [lang.code for lang in self._languages]
        for index, place in enumerate(library.places(library.default_language)):
            names = []
            for code in codes:
                own = library.places(code)
                name = own[index].name if index < len(own) else place.name
                if name not in names:
                    names.append(name)
            places.append((place, " · ".join(names)))
        # The dots and names do not move: they are drawn with the map, once.
        painter.setClipping(False)
        for place, name in places:
            self._paint_place(painter, projection, place, name)
        painter.end()
        self._map = pixmap
        return Slide(None, lines, tuple(places))

    def _paint_place(
        self, painter: QPainter, projection: Projection, place: Place, name: str
    ) -> None:
        """A town's dot and its name in a box below it, kept inside the map."""
        palette = active_palette()
        short = self._short_side()
        dot = short * 0.014
        point = projection.point(place.longitude, place.latitude)
        painter.setPen(QPen(QColor(palette.surface), max(2.0, short / 400)))
        painter.setBrush(QColor(palette.accent))
        painter.drawEllipse(point, dot, dot)
        label_font = script_font(False, short * LINE_SHARE, bold=True)
        metrics = QFontMetricsF(label_font)
        width = metrics.horizontalAdvance(name) + short * 0.03
        height = metrics.height() + short * 0.012
        frame = self._map_rect
        box = QRectF(point.x() - width / 2, point.y() + dot * 2, width, height)
        box.moveLeft(min(max(box.left(), frame.left()), frame.right() - width))
        box.moveTop(min(box.top(), frame.bottom() - height))
        painter.setPen(QPen(QColor(palette.brand), max(1.0, short / 500)))
        painter.setBrush(QColor(palette.surface))
        painter.drawRoundedRect(box, height / 4, height / 4)
        painter.setFont(label_font)
        painter.setPen(QColor(palette.brand))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), name)

    def _pages_with_places(self, library: ContentLibrary) -> list[str]:
        return [
            page_id
            for page_id in library.page_ids
            if (view := library.view(page_id, library.default_language)) and view.page.places
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.prepare()

    # painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.slides:
            self.prepare()
        ms = self.elapsed_ms()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # The motif drifts slowly to one side and down: motion that reads as calm.
        # Whole pixels: a fractional offset would make every tile copy a filtered one.
        drift = self._drift(ms)
        self._painted_drift = drift
        offset = QPointF(drift, drift // 2)
        header, stage, footer = self._bands()
        # A calm panel behind the slides, the motif framing it: the figures stay legible.
        panel = self._panel
        for band in (header, footer):
            draw_motif(painter, band, self._veiled, offset)
        for side in _around(stage, panel):
            draw_motif(painter, side, self._tile, offset)
        draw_motif(painter, panel, self._dimmed, offset)
        self._paint_names(painter, header)
        if self.slides:
            self._paint_slide(painter, stage, ms)
            self._paint_dots(painter, stage, ms)
        self._paint_invitations(painter, footer, ms)
        painter.end()

    def _paint_names(self, painter: QPainter, header: QRectF) -> None:
        palette = active_palette()
        total = sum(line.height for line in self._names)
        y = header.center().y() - total / 2
        painter.setPen(QColor(palette.brand_ink))
        for line in self._names:
            self._draw_line(painter, line, QRectF(header.left(), y, header.width(), line.height))
            y += line.height

    def _draw_line(self, painter: QPainter, line: TextLine, rect: QRectF) -> None:
        """The line, centred and wrapped in ``rect``, in the painter's pen colour.

        Shaping and wrapping text (Arabic especially) is the costliest part of a frame,
        so each line is drawn once into a pixmap and only copied afterwards.
        """
        colour = painter.pen().color().name()
        key = (id(line), round(rect.width()), colour)
        image = self._line_images.get(key)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = QPixmap(
                max(1, math.ceil(rect.width() * ratio)), max(1, math.ceil(line.height * ratio))
            )
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            text = QPainter(image)
            text.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            text.setFont(line.font)
            text.setPen(QColor(colour))
            text.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if line.rtl else Qt.LayoutDirection.LeftToRight
            )
            flags = (
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            )
            text.drawText(QRectF(0, 0, rect.width(), line.height), int(flags), line.text)
            text.end()
            self._line_images[key] = image
        painter.drawPixmap(rect.topLeft(), image)

    def _paint_slide(self, painter: QPainter, stage: QRectF, ms: int) -> None:
        index = self.slide_at(ms)
        slide = self.slides[index]
        local = ms % SLIDE_MS
        arrive = ease_out(local / ARRIVE_MS)
        leave = ease_out((local - (SLIDE_MS - LEAVE_MS)) / LEAVE_MS)
        opacity = arrive * (1 - leave)
        rise = (1 - arrive) * stage.height() * 0.06 - leave * stage.height() * 0.04
        painter.save()
        painter.setOpacity(opacity)
        painter.translate(0, round(rise))
        if slide.figure is None:
            self._paint_map(painter, stage, slide, local)
        else:
            self._paint_figure(painter, stage, slide, slide.figure, local)
        painter.restore()

    def _paint_figure(
        self, painter: QPainter, stage: QRectF, slide: Slide, figure: KeyFigure, local: int
    ) -> None:
        palette = active_palette()
        count = ease_out((local - ARRIVE_MS * 0.3) / COUNT_MS)
        number_font = script_font(False, self._number_px, bold=True)
        number_height = QFontMetricsF(number_font).height()
        bar_height = self._bar_height(figure)
        gap = self._gap()
        total = self._figure_height(slide)
        y = stage.center().y() - self._dots_room() / 2 - total / 2
        painter.setFont(number_font)
        painter.setPen(QColor(palette.brand_ink))
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        painter.drawText(
            QRectF(stage.left(), y, stage.width(), number_height),
            int(Qt.AlignmentFlag.AlignCenter),
            shown_number(figure, count),
        )
        y += number_height + gap
        if figure.to_percent is not None:
            self._paint_bar(
                painter, figure, QRectF(stage.left(), y, stage.width(), bar_height), local
            )
            y += bar_height
        y += gap
        width = stage.width() * (0.86 if self._portrait() else 0.7)
        left = stage.center().x() - width / 2
        for number, line in enumerate(slide.lines):
            # The visitor's first language in white, the others in a softer blue.
            painter.setPen(QColor(palette.brand_ink if number == 0 else palette.accent_soft))
            self._draw_line(painter, line, QRectF(left, y, width, line.height))
            y += line.height + gap

    def _paint_bar(self, painter: QPainter, figure: KeyFigure, rect: QRectF, local: int) -> None:
        """The share growing from ``from_percent`` to ``to_percent`` on a 0-based track."""
        palette = active_palette()
        start, end = figure.from_percent or 0, figure.to_percent or 0
        grow = ease_out((local - ARRIVE_MS) / COUNT_MS)
        reached = start + (end - start) * grow
        width = rect.width() * (0.8 if self._portrait() else 0.5)
        left = rect.center().x() - width / 2
        bar = rect.height() * 0.42
        full = bar_scale(figure)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(palette.brand_ink)
        track.setAlphaF(0.18)
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(left, rect.top(), width, bar), bar / 3, bar / 3)
        painter.setBrush(QColor(palette.chart))
        painter.drawRoundedRect(
            QRectF(left, rect.top(), width * start / full, bar), bar / 3, bar / 3
        )
        painter.setBrush(QColor(palette.accent))
        painter.drawRect(
            QRectF(left + width * start / full, rect.top(), width * (reached - start) / full, bar)
        )
        font = script_font(False, self._short_side() * LINE_SHARE, bold=True)
        painter.setFont(font)
        label_height = QFontMetricsF(font).height()
        for percent in (start, reached):
            x = left + width * percent / full
            label = QRectF(x - width * 0.15, rect.top() + bar + 4, width * 0.3, label_height)
            painter.setPen(QColor(palette.brand_ink))
            painter.drawText(
                label, int(Qt.AlignmentFlag.AlignCenter), format_percent(round(percent))
            )

    def _paint_map(self, painter: QPainter, stage: QRectF, slide: Slide, local: int) -> None:
        palette = active_palette()
        # The map opens from its middle rather than fading in: a fade would blend the
        # whole map into the screen on every frame of the arrival.
        opacity = painter.opacity()
        painter.save()
        painter.setOpacity(1.0)
        shown = self._map_rect.adjusted(
            self._map_rect.width() / 2 * (1 - opacity),
            0,
            -self._map_rect.width() / 2 * (1 - opacity),
            0,
        )
        painter.setClipRect(shown)
        painter.drawPixmap(self._map_rect.topLeft().toPoint(), self._map)
        self._paint_rings(painter, slide, local)
        painter.restore()
        short = self._short_side()
        y = self._title_rect.top()
        for number, line in enumerate(slide.lines):
            painter.setPen(QColor(palette.brand_ink if number == 0 else palette.accent_soft))
            rect = QRectF(self._title_rect.left(), y, self._title_rect.width(), line.height)
            self._draw_line(painter, line, rect)
            y += line.height + short * 0.015

    def _paint_rings(self, painter: QPainter, slide: Slide, local: int) -> None:
        """A ring pulsing out of each zone's dot, one zone after the other."""
        palette = active_palette()
        projection = Projection(medest_map(), self._map_rect)
        short = self._short_side()
        dot = short * 0.014
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for number, (place, _name) in enumerate(slide.places):
            point = projection.point(place.longitude, place.latitude)
            phase = ((local + number * 500) % 1500) / 1500
            ring = QColor(palette.accent)
            ring.setAlphaF(max(0.0, 0.8 * (1 - phase)))
            painter.setPen(QPen(ring, max(2.0, short / 300)))
            radius = dot * (1.3 + 2.2 * phase)
            painter.drawEllipse(point, radius, radius)

    def _paint_dots(self, painter: QPainter, stage: QRectF, ms: int) -> None:
        """One dot per slide under the stage, the current one filled: where the loop is."""
        palette = active_palette()
        count = len(self.slides)
        radius = self._short_side() * 0.006
        step = radius * 4
        x = stage.center().x() - step * (count - 1) / 2
        y = self._panel.bottom() - radius * 4
        current = self.slide_at(ms)
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(count):
            colour = QColor(palette.accent if index == current else palette.accent_soft)
            if index != current:
                colour.setAlphaF(0.5)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x + index * step, y), radius, radius)

    def _paint_invitations(self, painter: QPainter, footer: QRectF, ms: int) -> None:
        palette = active_palette()
        lines = self._invitations
        if not lines:
            return
        # A pulsing ring on the footer's top edge: the place to touch is everywhere.
        pulse = (ms % 1800) / 1800
        painter.setPen(QPen(QColor(palette.accent), max(2.0, self._short_side() / 250)))
        painter.drawLine(
            QPointF(footer.center().x() - footer.width() * 0.25 * pulse, footer.top()),
            QPointF(footer.center().x() + footer.width() * 0.25 * pulse, footer.top()),
        )
        painter.setPen(QColor(palette.brand_ink))
        if self._portrait():
            total = sum(line.height for line in lines)
            gap = (footer.height() - total) / (len(lines) + 1)
            y = footer.top() + gap
            for line in lines:
                rect = QRectF(footer.width() * 0.05, y, footer.width() * 0.9, line.height)
                self._draw_line(painter, line, rect)
                y += line.height + gap
            return
        width = footer.width() / len(lines)
        for index, line in enumerate(lines):
            rect = QRectF(
                footer.left() + index * width + width * 0.05,
                footer.center().y() - line.height / 2,
                width * 0.9,
                line.height,
            )
            self._draw_line(painter, line, rect)

    # input ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._pressed:
            self._pressed = False
            self.woken.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()


def veiled(tile: QPixmap, colour: str, alpha: float) -> QPixmap:
    """``tile`` under a layer of ``colour`` at ``alpha`` opacity."""
    result = QPixmap(tile)
    veil = QColor(colour)
    veil.setAlphaF(alpha)
    painter = QPainter(result)
    painter.fillRect(result.rect(), veil)
    painter.end()
    return result


def _around(outer: QRectF, inner: QRectF) -> list[QRectF]:
    """The parts of ``outer`` not covered by ``inner`` (inside it), as four rectangles."""
    return [
        rect
        for rect in (
            QRectF(outer.left(), outer.top(), outer.width(), inner.top() - outer.top()),
            QRectF(outer.left(), inner.bottom(), outer.width(), outer.bottom() - inner.bottom()),
            QRectF(outer.left(), inner.top(), inner.left() - outer.left(), inner.height()),
            QRectF(inner.right(), inner.top(), outer.right() - inner.right(), inner.height()),
        )
        if rect.width() > 0 and rect.height() > 0
    ]


def _mix(first: str, second: str, amount: float) -> str:
    """``first`` moved ``amount`` of the way to ``second`` (colours as #rrggbb)."""
    a, b = QColor(first), QColor(second)
    mixed = QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
    return mixed.name()
