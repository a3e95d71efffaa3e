"""The scale benchmark's generated content tree: deterministic, and clean for check."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.content_tree import generate_tree
from kiosk.cli import main
from kiosk.content import load_content


def test_a_generated_tree_is_a_clean_three_level_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shape = generate_tree(tmp_path / "content", pages=80)
    assert shape.languages == ("fr", "ar", "en", "es")
    assert shape.pages_per_language == 80
    assert shape.deepest_level == 3
    # A page that would measure the error path makes the benchmark meaningless.
    assert main(["check", "--content", str(shape.content_dir)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err

    library = load_content(shape.content_dir).library
    assert library.language("ar").is_rtl
    assert len(library.top_level()) == shape.top_sections
    assert len(library.page_ids) == 80
    # Sub-sections list their own pages, which open from links in the text.
    sub = library.children(library.top_level()[0])[0]
    leaves = library.children(sub)
    assert leaves
    view = library.view(sub, "fr")
    assert view is not None
    assert all(f"kiosk:section/{leaf}" in library.html(view.page) for leaf in leaves)


def test_the_same_arguments_write_the_same_files(tmp_path: Path) -> None:
    first = generate_tree(tmp_path / "a", pages=30).content_dir
    second = generate_tree(tmp_path / "b", pages=30).content_dir
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
