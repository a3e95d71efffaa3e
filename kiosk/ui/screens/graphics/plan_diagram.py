"""The plan as a building: its blocks of measures are the pillars that hold up the goals.

Pillars are the page's sub-sections (the three bloc-* pages of the plan), titled and
summarised from the content; tapping one opens it. The goals are the key figures the
content marks ``goal = true`` (the jobs and the share of GDP), with their own words.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.content.model import KeyFigure
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.screens.graphics.key_figures import shown_number

# Type sizes (px at the reference screen): a pillar's title and aim, the goals' heading,
# each goal's number and its words. Never under 24 px at full scale.
BLOCK_TITLE_PX, BLOCK_TEXT_PX = 26, 24
GOALS_TITLE_PX, GOAL_NUMBER_PX, GOAL_TEXT_PX = 28, 44, 24


class BlockBox(QAbstractButton):
    """One block of measures: its title and aim in a tappable box."""

    def __init__(self, owner: PlanDiagram) -> None:
        super().__init__(owner)
        self._owner = owner
        self.page_id = ""
        self.summary = ""
        self.setObjectName("PlanBlock")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(lambda: owner.section_requested.emit(self.page_id))

    def sizeHint(self) -> QSize:
        return self.size()

    def capital(self) -> int:
        """Height of the pillar's capital and of its base, the bands across its ends."""
        return self._owner.metrics.px(14)

    def content_height(self, width: float) -> float:
        pad = self._owner.metrics.px(16)
        inner = width - 2 * pad
        owner = self._owner
        return (
            2 * pad
            + 2 * self.capital()
            + owner.text_height(owner.block_title_font(), inner, self.text())
            + owner.metrics.px(6)
            + owner.text_height(owner.block_summary_font(), inner, self.summary)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        owner = self._owner
        palette = owner.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = palette.pressed if self.isDown() else palette.surface
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        capital = self.capital()
        # The shaft, a little narrower than its capital and base, as a column is.
        inset = owner.metrics.px(8)
        shaft = box.adjusted(inset, capital, -inset, -capital)
        painter.setPen(QPen(QColor(palette.brand), max(1, owner.metrics.px(3))))
        painter.setBrush(QColor(fill))
        painter.drawRect(shaft)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.brand))
        painter.drawRect(QRectF(box.left(), box.top(), box.width(), capital))
        painter.drawRect(QRectF(box.left(), box.bottom() - capital, box.width(), capital))
        pad = owner.metrics.px(16)
        inner = shaft.adjusted(pad - inset, pad, inset - pad, -pad)
        title_font = owner.block_title_font()
        owner.draw_text(painter, inner, title_font, palette.brand, self.text())
        y = inner.top() + owner.text_height(title_font, inner.width(), self.text())
        y += owner.metrics.px(6)
        owner.draw_text(
            painter,
            QRectF(inner.left(), y, inner.width(), inner.bottom() - y),
            owner.block_summary_font(),
            palette.ink,
            self.summary,
        )
        painter.end()


class PlanDiagram(Graphic):
    """Blocks side by side (or stacked when narrow), arrows down to the goals box."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(library, parent)
        self.setObjectName("PlanDiagram")
        self.blocks: list[BlockBox] = []
        self.goals_title = ""
        self.goals: tuple[str, ...] = ()
        self.goal_figures: tuple[KeyFigure, ...] = ()
        self._goal_rect = QRectF()
        # Share of the type size that makes the diagram fit its height (shrinks on short pages).
        self.scale = 1.0
        self.retranslate_ui()

    def fill(self, page_id: str, lang: str) -> None:
        children = self.library.children(page_id)
        while len(self.blocks) < len(children):
            self.blocks.append(BlockBox(self))
        for block, child in zip(self.blocks, children, strict=False):
            block.page_id = child
        for index, block in enumerate(self.blocks):
            block.setVisible(index < len(children))
        super().fill(page_id, lang)

    def visible_blocks(self) -> list[BlockBox]:
        return [block for block in self.blocks if not block.isHidden()]

    def retranslate_ui(self) -> None:
        for block in self.visible_blocks():
            view = self.library.view(block.page_id, self.lang)
            if view is not None:
                block.setText(view.page.title)
                block.summary = view.page.summary
                block.setAccessibleName(view.page.title)
                block.setAccessibleDescription(view.page.summary)
        # No year in the heading: the content dates only some goals, in their own words.
        self.goals_title = self.tr("The plan's goals")
        self.goal_figures = tuple(f for f in self.library.key_figures(self.lang) if f.goal)
        self.goals = tuple(
            f"{shown_number(figure)} {figure.unit}: {figure.caption}"
            for figure in self.goal_figures
        )
        self.setAccessibleName(self.tr("Diagram of the plan"))
        self.setAccessibleDescription(f"{self.goals_title}: {'; '.join(self.goals)}")
        super().retranslate_ui()

    def block_title_font(self) -> QFont:
        return self.font_px(BLOCK_TITLE_PX * self.scale, bold=True)

    def block_summary_font(self) -> QFont:
        return self.font_px(BLOCK_TEXT_PX * self.scale)

    def goal_title_font(self) -> QFont:
        return self.font_px(GOALS_TITLE_PX * self.scale, bold=True)

    def goal_number_font(self) -> QFont:
        return self.font_px(GOAL_NUMBER_PX * self.scale, bold=True)

    def goal_font(self) -> QFont:
        return self.font_px(GOAL_TEXT_PX * self.scale)

    def _side_by_side(self, width: int) -> bool:
        return width >= self.metrics.px(780)

    def _goal_columns(self, width: float) -> int:
        """Goals side by side when there is room, else one under the other."""
        return max(1, len(self.goal_figures)) if self._side_by_side(round(width)) else 1

    def _goal_lines(self, figure: KeyFigure) -> tuple[str, str]:
        return f"{shown_number(figure)} {figure.unit}", figure.caption

    def _goal_height(self, figure: KeyFigure, width: float) -> float:
        number, caption = self._goal_lines(figure)
        return (
            self.text_height(self.goal_number_font(), width, number)
            + self.metrics.px(4)
            + self.text_height(self.goal_font(), width, caption)
        )

    def _goals_height(self, width: float) -> float:
        pad = self.metrics.px(18)
        inner = width - 2 * pad
        height = 2 * pad + self.text_height(self.goal_title_font(), inner, self.goals_title)
        columns = self._goal_columns(width)
        column = (inner - pad * (columns - 1)) / columns
        figures = list(self.goal_figures)
        for start in range(0, len(figures), columns):
            row = figures[start : start + columns]
            height += self.metrics.px(10) + max(self._goal_height(f, column) for f in row)
        return height + self._roof()

    def _roof(self) -> int:
        """Height of the pediment over the goals."""
        return self.metrics.px(36 * self.scale)

    def _arrow_gap(self) -> int:
        return self.metrics.px(10)

    def _blocks_height(self, width: int) -> float:
        blocks = self.visible_blocks()
        if not blocks:
            return 0.0
        gap = self.metrics.px(14)
        if self._side_by_side(width):
            gap = self.metrics.px(40)
            column = (width - gap * (len(blocks) - 1)) / len(blocks)
            return max(max(b.content_height(column) for b in blocks), self.metrics.touch)
        return sum(max(b.content_height(width), self.metrics.touch) for b in blocks) + gap * (
            len(blocks) - 1
        )

    def needed_height(self, width: int) -> int:
        return round(self._blocks_height(width) + self._arrow_gap() + self._goals_height(width))

    def overflows(self) -> bool:
        return self.needed_height(self.width()) > self.height() + 1

    def relayout(self) -> None:
        blocks = self.visible_blocks()
        width = self.width()
        self.scale = 1.0
        # At a larger text step it may shrink as far as at the normal one.
        while (
            self.scale > 0.51 / self.metrics.text_scale
            and self.needed_height(width) > self.height()
        ):
            self.scale -= 0.05
        gap = self.metrics.px(14)
        goals = self._goals_height(width)
        self._goal_rect = QRectF(0, 0, width, goals)
        top = goals + self._arrow_gap()
        if blocks and self._side_by_side(width):
            # Pillars stand apart under the goals, their spacing a column's width apart.
            gap = self.metrics.px(40)
            column = (width - gap * (len(blocks) - 1)) / len(blocks)
            # The pillars stand on the bottom of the picture, however tall it is.
            height = max(self._blocks_height(width), self.height() - top)
            for index, block in enumerate(blocks):
                slot = len(blocks) - 1 - index if self.is_rtl() else index
                block.setGeometry(
                    round(slot * (column + gap)), round(top), round(column), round(height)
                )
        else:
            y = top
            for block in blocks:
                height = max(block.content_height(width), self.metrics.touch)
                block.setGeometry(0, round(y), width, round(height))
                y += height + gap
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        roof = self._roof()
        goal = self._goal_rect.adjusted(0, roof, 0, 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.brand_dark))
        # The pediment: a low triangle over the goals, as on a building's front.
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(goal.left(), goal.top() + 1),
                    QPointF(goal.center().x(), goal.top() - roof),
                    QPointF(goal.right(), goal.top() + 1),
                ]
            )
        )
        painter.setBrush(QColor(palette.brand))
        painter.drawRect(goal)
        pad = self.metrics.px(18)
        inner = goal.adjusted(pad, pad, -pad, -pad)
        title_font = self.goal_title_font()
        align = Qt.AlignmentFlag.AlignHCenter
        self.draw_text(painter, inner, title_font, palette.brand_ink, self.goals_title, align)
        y = inner.top() + self.text_height(title_font, inner.width(), self.goals_title)
        columns = self._goal_columns(self.width())
        column = (inner.width() - pad * (columns - 1)) / columns
        figures = list(self.goal_figures)
        for start in range(0, len(figures), columns):
            row = figures[start : start + columns]
            y += self.metrics.px(10)
            for index, figure in enumerate(row):
                slot = len(row) - 1 - index if self.is_rtl() else index
                left = inner.left() + slot * (column + pad)
                number, caption = self._goal_lines(figure)
                rect = QRectF(left, y, column, inner.bottom() - y)
                self.draw_text(
                    painter, rect, self.goal_number_font(), palette.brand_ink, number, align
                )
                below = y + self.text_height(self.goal_number_font(), column, number)
                below += self.metrics.px(4)
                rect = QRectF(left, below, column, inner.bottom() - below)
                self.draw_text(painter, rect, self.goal_font(), palette.brand_ink, caption, align)
            y += max(self._goal_height(f, column) for f in row)
        painter.end()
