"""What a screenshot shows, measured: black, painted, covered edges, mirrored layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

STEP = 4  # sample every 4th pixel in both directions: plenty for these measures
BLACK = 16  # a channel this dark or darker counts as the compositor's black background


@dataclass(frozen=True)
class Picture:
    """A screenshot as rows of (r, g, b) samples."""

    width: int
    height: int
    rows: tuple[tuple[tuple[int, int, int], ...], ...]

    @classmethod
    def load(cls, path: Path) -> Picture:
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        if image.isNull():
            raise ValueError(f"{path}: not an image")
        rows = tuple(
            tuple(
                (color.red(), color.green(), color.blue())
                for color in (image.pixelColor(x, y) for x in range(0, image.width(), STEP))
            )
            for y in range(0, image.height(), STEP)
        )
        return cls(image.width(), image.height(), rows)

    def black_share(self) -> float:
        """Share of the picture left black (where no window paints, cage shows black)."""
        samples = [pixel for row in self.rows for pixel in row]
        return sum(max(pixel) <= BLACK for pixel in samples) / len(samples)

    def colours(self) -> int:
        """Distinct colours (to 4 bits a channel): text and pictures give many."""
        return len({(r >> 4, g >> 4, b >> 4) for row in self.rows for (r, g, b) in row})

    def edges_covered(self) -> bool:
        """No black along any edge: the window reaches every side of the output."""
        top, bottom = self.rows[0], self.rows[-1]
        left = [row[0] for row in self.rows]
        right = [row[-1] for row in self.rows]
        return all(max(pixel) > BLACK for edge in (top, bottom, left, right) for pixel in edge)

    def column_profile(self) -> list[float]:
        """Mean brightness of each sampled column."""
        count = len(self.rows)
        return [
            sum(sum(row[x]) for row in self.rows) / (3 * count) for x in range(len(self.rows[0]))
        ]


def correlation(first: list[float], second: list[float]) -> float:
    """Pearson correlation of two equally long profiles."""
    n = len(first)
    mean_a, mean_b = sum(first) / n, sum(second) / n
    cov = sum((a - mean_a) * (b - mean_b) for a, b in zip(first, second, strict=True))
    var_a = sum((a - mean_a) ** 2 for a in first)
    var_b = sum((b - mean_b) ** 2 for b in second)
    return cov / ((var_a * var_b) ** 0.5 or 1.0)


def mirrored(left_to_right: Picture, right_to_left: Picture) -> bool:
    """Whether the right-to-left screen is laid out as the mirror of the other: its
    column profile matches the flipped profile better than the unflipped one."""
    ltr, rtl = left_to_right.column_profile(), right_to_left.column_profile()
    return correlation(rtl, ltr[::-1]) > correlation(rtl, ltr)
