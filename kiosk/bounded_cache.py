"""A least-recently-used cache bounded by the size of what it holds, in bytes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BytesBoundedCache(Generic[K, V]):
    """Keeps values with their size; drops the least recently used past ``budget`` bytes.

    A count bound says nothing about memory when one entry is a short page and the next
    a long one with pictures (or a page image at 1920 pixels against one at 3840): the
    budget is what a kiosk that runs for months may spend, whatever it was shown.
    ``on_drop`` is called with each value the cache lets go of (to free native memory
    at once). An entry larger than the whole budget is not kept; ``put`` says so.
    """

    def __init__(self, budget: int, on_drop: Callable[[V], None] | None = None) -> None:
        if budget < 0:
            raise ValueError("budget must be >= 0 bytes")
        self.budget = budget
        self._on_drop = on_drop
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    @property
    def total(self) -> int:
        """Bytes held now (the sum of the sizes given to ``put``); never above ``budget``."""
        return self._total

    def get(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key: K, value: V, size: int) -> bool:
        """Keep ``value`` (``size`` bytes); older entries go while over budget.

        Returns False when ``value`` alone is over the budget: it is not kept (and not
        dropped either: the caller still owns it).
        """
        if size < 0:
            raise ValueError("size must be >= 0 bytes")
        old = self._entries.pop(key, None)
        if old is not None:
            self._total -= old[1]
            if old[0] is not value:
                self._drop(old[0])
        if size > self.budget:
            return False
        self._entries[key] = (value, size)
        self._total += size
        while self._total > self.budget:
            _, (oldest, oldest_size) = self._entries.popitem(last=False)
            self._total -= oldest_size
            self._drop(oldest)
        return True

    def discard(self, key: K) -> None:
        """Drop the entry for ``key``, if there is one."""
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._total -= entry[1]
            self._drop(entry[0])

    def clear(self) -> None:
        """Drop every entry."""
        while self._entries:
            _, (value, size) = self._entries.popitem(last=False)
            self._total -= size
            self._drop(value)

    def keys(self) -> list[K]:
        """The keys kept, least recently used first."""
        return list(self._entries)

    def values(self) -> list[V]:
        """The kept values, least recently used first."""
        return [value for value, _ in self._entries.values()]

    def _drop(self, value: V) -> None:
        if self._on_drop is not None:
            self._on_drop(value)
