"""Cross-page checks: structure, home order, reachability, translations, icons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.content import (
    Problem,
    Severity,
    load_content,
    translation_coverage,
    validate_library,
)

from .conftest import SHIPPED_CONTENT, describe, line_containing, the_problem

Edit = Callable[[Path, str, str], Path]
WritePage = Callable[..., Path]


def validate(content_dir: Path, icon_exists: Callable[[str], bool] | None = None) -> list[Problem]:
    return validate_library(load_content(content_dir).library, icon_exists)


def test_shipped_content_is_valid() -> None:
    library = load_content(SHIPPED_CONTENT).library

    assert validate_library(library) == []
    assert validate_library(library, icon_exists=lambda name: True) == []


def test_problems_are_in_file_order(content_dir: Path, edit_file: Edit) -> None:
    edit_file(content_dir / "fr" / "chiffres-cles.md", "## Les moyens", "[x](a.md)\n\n[y](b.md)")
    edit_file(
        content_dir / "en" / "chiffres-cles.md",
        "## The plan\u2019s goals",
        "[z](c.md)\n\n## The plan\u2019s goals",
    )

    problems = validate(content_dir)

    assert len(problems) == 3, describe(problems)
    assert problems == sorted(problems, key=lambda p: (str(p.path), p.line))


# --------------------------------------------------------------------------- parents


def test_unknown_parent(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        content_dir / "fr" / "agropole-berkane.md",
        'parent = "pole-medest"',
        'parent = "pole-medst"',
    )

    problem = the_problem(
        validate(content_dir), path, Severity.ERROR, "unknown parent 'pole-medst'"
    )
    assert problem.line == line_containing(path, "parent =")
    assert "no page has that id" in problem.message


def test_page_that_is_its_own_parent(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        content_dir / "fr" / "chiffres-cles.md",
        "order = 3\n",
        'order = 3\nparent = "chiffres-cles"\n',
    )

    problem = the_problem(validate(content_dir), path, Severity.ERROR, "its own parent")
    assert problem.line == line_containing(path, "parent =")


def test_parent_loop(content_dir: Path, edit_file: Edit) -> None:
    medest = edit_file(
        content_dir / "fr" / "pole-medest.md",
        "order = 2\n",
        'order = 2\nparent = "agropole-berkane"\n',
    )
    agropole = content_dir / "fr" / "agropole-berkane.md"

    problems = validate(content_dir)

    problem = the_problem(problems, medest, Severity.ERROR, "forms a loop")
    assert problem.line == line_containing(medest, "parent =")
    assert "parent 'agropole-berkane'" in problem.message
    problem = the_problem(problems, agropole, Severity.ERROR, "forms a loop")
    assert problem.line == line_containing(agropole, "parent =")
    assert "parent 'pole-medest'" in problem.message


def test_parent_loop_is_blamed_only_on_the_pages_in_the_loop(write_page: WritePage) -> None:
    first = write_page("fr", "boucle-a", {"id": "boucle-a", "title": "A", "parent": "boucle-b"})
    second = write_page("fr", "boucle-b", {"id": "boucle-b", "title": "B", "parent": "boucle-a"})
    child = write_page("fr", "enfant", {"id": "enfant", "title": "Enfant", "parent": "boucle-a"})
    content_dir = first.parent.parent

    problems = [problem for problem in validate(content_dir) if "loop" in problem.message]

    assert sorted((problem.path.name, problem.line) for problem in problems) == [
        (first.name, 4),
        (second.name, 4),
    ], describe(problems)
    assert not any(problem.path == child for problem in problems)


# --------------------------------------------------------------------------- home


def test_home_lists_an_unknown_id(content_dir: Path, edit_file: Edit) -> None:
    site = edit_file(
        content_dir / "site.toml", '"telechargements"]', '"telechargements", "contact"]'
    )

    problem = the_problem(
        validate(content_dir), site, Severity.ERROR, "home lists 'contact' but no page has that id"
    )
    assert problem.line == line_containing(site, "home =")


def test_home_lists_a_sub_page(content_dir: Path, edit_file: Edit) -> None:
    site = edit_file(
        content_dir / "site.toml", '"telechargements"]', '"telechargements", "agropole-berkane"]'
    )

    problem = the_problem(
        validate(content_dir), site, Severity.WARNING, "home lists 'agropole-berkane'"
    )
    assert problem.line == line_containing(site, "home =")
    assert "sub-page of 'pole-medest'" in problem.message


def test_unreachable_page(content_dir: Path, edit_file: Edit) -> None:
    edit_file(content_dir / "site.toml", ', "telechargements"]', "]")
    page = content_dir / "fr" / "telechargements.md"

    problems = validate(content_dir)

    problem = the_problem(problems, page, Severity.WARNING, "cannot be reached from the home")
    assert problem.line == line_containing(page, "id =")
    assert "add it to home in site.toml or give it a parent" in problem.message
    # Reported once, on the source page, not on every translation.
    assert [p for p in problems if "cannot be reached" in p.message] == [problem]
    assert not any(p.is_error for p in problems), describe(problems)


# --------------------------------------------------------------------------- translations


def test_missing_translation_is_a_warning_per_language(content_dir: Path) -> None:
    (content_dir / "ar" / "pole-medest.md").unlink()
    (content_dir / "en" / "pole-medest.md").unlink()
    source = content_dir / "fr" / "pole-medest.md"

    problems = validate(content_dir)

    for lang in ("ar", "en"):
        problem = the_problem(problems, source, Severity.WARNING, f"no {lang} translation")
        assert problem.line == 1
        assert f"({lang}/pole-medest.md)" in problem.message
        assert f"visitors reading {lang} see this fr page" in problem.message
    assert len(problems) == 2, describe(problems)


def test_translation_that_moves_the_page_is_warned(content_dir: Path, edit_file: Edit) -> None:
    path = content_dir / "en" / "agropole-berkane.md"
    edit_file(path, "order = 2", "order = 5")
    edit_file(path, 'icon = "mdi6.sprout"', 'icon = "mdi6.tree"')
    edit_file(path, 'parent = "pole-medest"', 'parent = "technopole-oujda"')

    problems = validate(content_dir)

    expected = {
        "order": ("order = 5", "order differs from fr/agropole-berkane.md (2)"),
        "icon": ("mdi6.tree", "icon differs from fr/agropole-berkane.md ('mdi6.sprout')"),
        "parent": ("parent =", "parent differs from fr/agropole-berkane.md ('pole-medest')"),
    }
    for needle, fragment in expected.values():
        problem = the_problem(problems, path, Severity.WARNING, fragment)
        assert problem.line == line_containing(path, needle)
        assert "the fr value is used" in problem.message
    assert len(problems) == 3, describe(problems)


def test_translation_without_a_source_page(write_page: WritePage) -> None:
    path = write_page("en", "contact", {"id": "contact", "title": "Contact"})

    problems = validate(path.parent.parent)

    problem = the_problem(problems, path, Severity.WARNING, "no fr page has id 'contact'")
    assert problem.line == 2
    assert "translations need a source page" in problem.message


# --------------------------------------------------------------------------- icons and links


def test_unknown_icon(content_dir: Path) -> None:
    checked: list[str] = []

    def icon_exists(name: str) -> bool:
        checked.append(name)
        return name != "mdi6.sprout"

    problems = validate(content_dir, icon_exists)

    assert "mdi6.factory" in checked
    assert len(problems) == 3, describe(problems)
    for lang in ("fr", "ar", "en"):
        path = content_dir / lang / "agropole-berkane.md"
        problem = the_problem(problems, path, Severity.ERROR, "unknown icon 'mdi6.sprout'")
        assert problem.line == line_containing(path, "icon =")
        assert "use a qtawesome name such as 'mdi6.factory'" in problem.message


def test_links_are_checked_in_every_language(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        content_dir / "ar" / "chiffres-cles.md",
        "(bloc-competitivite-pme.md)",
        "(bloc-competitivite.md)",
    )

    problem = the_problem(
        validate(content_dir), path, Severity.ERROR, "broken link 'bloc-competitivite.md'"
    )
    assert problem.line == line_containing(path, "(bloc-competitivite.md)")


def test_page_below_a_loop_is_only_unreachable(write_page: WritePage) -> None:
    write_page("fr", "boucle-a", {"id": "boucle-a", "title": "A", "parent": "boucle-b"})
    write_page("fr", "boucle-b", {"id": "boucle-b", "title": "B", "parent": "boucle-a"})
    child = write_page("fr", "enfant", {"id": "enfant", "title": "Enfant", "parent": "boucle-a"})

    problems = validate(child.parent.parent)

    problem = the_problem(problems, child, Severity.WARNING, "cannot be reached from the home")
    assert problem.line == line_containing(child, "id =")
    # Besides its missing translations, that warning is all the child page gets.
    others = [p for p in problems if p.path == child and "translation" not in p.message]
    assert others == [problem], describe(problems)


# --------------------------------------------------------------------------- tile texts


def test_summary_too_long_for_its_tile(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        content_dir / "fr" / "pole-medest.md",
        'summary = "',
        'summary = "' + "Une phrase beaucoup trop longue pour une tuile. " * 3,
    )

    problem = the_problem(
        validate(content_dir), path, Severity.WARNING, "the summary is too long for its tile"
    )
    assert problem.line == line_containing(path, "summary =")
    assert "at most 120" in problem.message


def test_coverage_counts_pages_per_language(content_dir: Path) -> None:
    (content_dir / "en" / "pole-medest.md").unlink()
    (content_dir / "en" / "chiffres-cles.md").unlink()

    rows = {row.code: row for row in translation_coverage(load_content(content_dir).library)}

    assert (rows["fr"].translated, rows["fr"].total, rows["fr"].percent) == (10, 10, 100)
    assert (rows["en"].translated, rows["en"].percent) == (8, 80)
    assert rows["en"].missing == ("chiffres-cles", "pole-medest")
    assert rows["ar"].missing == ()
