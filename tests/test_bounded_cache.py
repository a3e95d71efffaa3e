"""The bytes-bounded cache: what it keeps never adds up to more than its budget."""

from __future__ import annotations

import random

import pytest

from kiosk.bounded_cache import BytesBoundedCache


def test_the_least_recently_used_go_first_once_over_budget() -> None:
    dropped: list[str] = []
    cache: BytesBoundedCache[str, str] = BytesBoundedCache(100, dropped.append)
    assert cache.put("a", "A", 40)
    assert cache.put("b", "B", 40)
    assert cache.get("a") == "A"  # "a" is now the most recently used
    assert cache.put("c", "C", 40)
    assert dropped == ["B"]
    assert cache.get("b") is None
    assert cache.values() == ["A", "C"]
    assert cache.total == 80


def test_a_few_large_entries_and_many_small_ones_share_one_budget() -> None:
    cache: BytesBoundedCache[int, int] = BytesBoundedCache(1_000)
    for key in range(200):
        cache.put(key, key, 5)
    assert len(cache) == 200 and cache.total == 1_000
    cache.put(1_000, 1_000, 600)
    assert cache.total <= 1_000
    assert len(cache) == 1 + 400 // 5, "room was made for the large one, oldest first"
    assert 1_000 in cache and 0 not in cache and 199 in cache


def test_the_total_never_passes_the_budget_whatever_comes() -> None:
    rng = random.Random(5)
    dropped: list[int] = []
    cache: BytesBoundedCache[int, int] = BytesBoundedCache(10_000, dropped.append)
    sizes: dict[int, int] = {}
    for value in range(5_000):
        key = rng.randrange(60)
        size = rng.choice([0, 10, 700, 3_000, 9_999, 12_000])
        kept = cache.put(key, value, size)
        assert kept == (size <= 10_000)
        sizes[value] = size
        assert cache.total <= cache.budget
        assert cache.total == sum(sizes[v] for v in cache.values())
    assert len(dropped) + len(cache) + sum(1 for s in sizes.values() if s > 10_000) == 5_000


def test_an_entry_larger_than_the_budget_is_refused_and_not_dropped() -> None:
    dropped: list[str] = []
    cache: BytesBoundedCache[str, str] = BytesBoundedCache(10, dropped.append)
    cache.put("small", "s", 5)
    assert not cache.put("huge", "H", 11)
    assert "huge" not in cache and cache.get("small") == "s"
    assert dropped == [], "the caller still owns what was refused"


def test_putting_the_same_value_again_updates_its_size_without_dropping_it() -> None:
    dropped: list[str] = []
    cache: BytesBoundedCache[str, str] = BytesBoundedCache(100, dropped.append)
    cache.put("a", "A", 10)
    cache.put("a", "A", 30)
    assert dropped == [] and cache.total == 30
    cache.put("a", "other", 20)
    assert dropped == ["A"] and cache.total == 20


def test_clear_drops_everything() -> None:
    dropped: list[str] = []
    cache: BytesBoundedCache[str, str] = BytesBoundedCache(100, dropped.append)
    cache.put("a", "A", 10)
    cache.put("b", "B", 10)
    cache.clear()
    assert dropped == ["A", "B"] and cache.total == 0 and len(cache) == 0


def test_negative_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        BytesBoundedCache(-1)
    with pytest.raises(ValueError):
        BytesBoundedCache(1).put("a", "a", -1)
