"""The plan as a diagram: its blocks of measures, each with its aim, leading to the goals.

Blocks are the page's sub-sections (the three bloc-* pages of the plan), titled and
summarised from the content; tapping one opens it. The goals (500 000 jobs, industrial
share of GDP from 14 % to 23 % in 2020) are the seed's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.i18n import fill
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.screens.graphics.key_figures import GDP_FROM, GDP_TO, JOBS
from kiosk.ui.screens.graphics.numbers import format_integer, format_percent


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

    def content_height(self, width: float) -> float:
        pad = self._owner.metrics.px(16)
        inner = width - 2 * pad
        owner = self._owner
        return (
            2 * pad
            + owner.text_height(owner.block_title_font(), inner, self.text())
            + owner.metrics.px(6)
            + owner.text_height(owner.block_summary_font(), inner, self.summary)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        owner = self._owner
        palette = owner.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = owner.metrics.px(16)
        fill = palette.pressed if self.isDown() else palette.surface
        painter.setPen(QPen(QColor(palette.brand), max(1, owner.metrics.px(3))))
        painter.setBrush(QColor(fill))
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.drawRoundedRect(box, radius, radius)
        pad = owner.metrics.px(16)
        inner = box.adjusted(pad, pad, -pad, -pad)
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
        self.goals_title = self.tr("Goals for 2020")
        points = GDP_TO - GDP_FROM
        self.goals = (
            fill(self.tr("%1 jobs", "", JOBS), format_integer(JOBS)),
            fill(
                self.tr("industrial share of GDP: from %1 to %2 (+%3 points)", "", points),
                format_percent(GDP_FROM),
                format_percent(GDP_TO),
                format_integer(points),
            ),
        )
        self.setAccessibleName(self.tr("Diagram of the plan"))
        self.setAccessibleDescription(f"{self.goals_title}: {'; '.join(self.goals)}")
        super().retranslate_ui()

    def block_title_font(self) -> QFont:
        return self.font_px(26 * self.scale, bold=True)

    def block_summary_font(self) -> QFont:
        return self.font_px(22 * self.scale)

    def goal_title_font(self) -> QFont:
        return self.font_px(26 * self.scale, bold=True)

    def goal_font(self) -> QFont:
        return self.font_px(24 * self.scale)

    def _side_by_side(self, width: int) -> bool:
        return width >= self.metrics.px(780)

    def _goals_height(self, width: float) -> float:
        pad = self.metrics.px(18)
        inner = width - 2 * pad
        height = 2 * pad + self.text_height(self.goal_title_font(), inner, self.goals_title)
        for goal in self.goals:
            height += self.metrics.px(6) + self.text_height(self.goal_font(), inner, "• " + goal)
        return height

    def _arrow_gap(self) -> int:
        return self.metrics.px(56)

    def _blocks_height(self, width: int) -> float:
        blocks = self.visible_blocks()
        if not blocks:
            return 0.0
        gap = self.metrics.px(14)
        if self._side_by_side(width):
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
        while self.scale > 0.61 and self.needed_height(width) > self.height():
            self.scale -= 0.05
        gap = self.metrics.px(14)
        if blocks and self._side_by_side(width):
            column = (width - gap * (len(blocks) - 1)) / len(blocks)
            height = self._blocks_height(width)
            for index, block in enumerate(blocks):
                slot = len(blocks) - 1 - index if self.is_rtl() else index
                block.setGeometry(round(slot * (column + gap)), 0, round(column), round(height))
        else:
            y = 0.0
            for block in blocks:
                height = max(block.content_height(width), self.metrics.touch)
                block.setGeometry(0, round(y), width, round(height))
                y += height + gap
        top = self._blocks_height(width) + self._arrow_gap()
        goals = self._goals_height(width)
        self._goal_rect = QRectF(0, top, width, goals)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        goal = self._goal_rect
        # Arrows from each block (side by side) or from the last one (stacked) to the goals.
        blocks = self.visible_blocks()
        starts = (
            [QPointF(b.geometry().center().x(), b.geometry().bottom()) for b in blocks]
            if self._side_by_side(self.width())
            else [QPointF(self.width() / 2, blocks[-1].geometry().bottom())]
            if blocks
            else []
        )
        pen = QPen(QColor(palette.brand), max(2, self.metrics.px(5)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        head = self.metrics.px(16)
        for start in starts:
            end = QPointF(start.x(), goal.top() - 2)
            painter.setPen(pen)
            painter.drawLine(start + QPointF(0, self.metrics.px(6)), end - QPointF(0, head))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.brand))
            painter.drawPolygon(
                QPolygonF(
                    [
                        end,
                        end + QPointF(-head * 0.8, -head * 1.2),
                        end + QPointF(head * 0.8, -head * 1.2),
                    ]
                )
            )
        radius = self.metrics.px(16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.brand))
        painter.drawRoundedRect(goal, radius, radius)
        pad = self.metrics.px(18)
        inner = goal.adjusted(pad, pad, -pad, -pad)
        title_font = self.goal_title_font()
        self.draw_text(painter, inner, title_font, palette.brand_ink, self.goals_title)
        y = inner.top() + self.text_height(title_font, inner.width(), self.goals_title)
        for text in self.goals:
            y += self.metrics.px(6)
            line = "• " + text
            rect = QRectF(inner.left(), y, inner.width(), inner.bottom() - y)
            self.draw_text(painter, rect, self.goal_font(), palette.brand_ink, line)
            y += self.text_height(self.goal_font(), inner.width(), line)
        painter.end()
