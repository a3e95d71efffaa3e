"""Loading a content folder: every page of every language, problems collected on the way."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import ContentError, LoadResult, Severity, load_content

from .conftest import SHIPPED_CONTENT, describe, line_containing, the_problem

LANGUAGES = ("fr", "ar", "en")
PAGE_IDS = {
    "agropole-berkane",
    "bloc-competitivite-pme",
    "bloc-ecosystemes",
    "bloc-investissements-etrangers",
    "chiffres-cles",
    "parc-industriel-selouane",
    "plan-acceleration-industrielle",
    "pole-medest",
    "technopole-oujda",
    "telechargements",
}


def errors(result: LoadResult) -> list[str]:
    return [str(problem) for problem in result.problems if problem.is_error]


def test_shipped_content_loads_without_problems() -> None:
    result = load_content(SHIPPED_CONTENT)

    assert result.problems == (), describe(result.problems)
    library = result.library
    for lang in LANGUAGES:
        pages = library.pages_in(lang)
        assert set(pages) == PAGE_IDS, lang
        for page_id, page in pages.items():
            assert page.lang == lang
            assert page.path == SHIPPED_CONTENT / lang / f"{page_id}.md"
            assert page.title.strip() == page.title != ""


def test_files_that_are_not_pages_are_ignored(content_dir: Path) -> None:
    (content_dir / "fr" / "notes.txt").write_text("not a page", encoding="utf-8")
    (content_dir / "README.md").write_text("not in a language folder", encoding="utf-8")

    result = load_content(content_dir)

    assert result.problems == (), describe(result.problems)
    assert set(result.library.pages_in("fr")) == PAGE_IDS


# --------------------------------------------------------------------------- bad files


def _put_latin1_word_on_line(path: Path, line: int, bom: bool = False) -> None:
    """Start line ``line`` of ``path`` with 'été' encoded in Latin-1 (not UTF-8)."""
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = "été ".encode("latin-1") + lines[line - 1]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + b"\n".join(lines))


def test_file_that_is_not_utf8(content_dir: Path) -> None:
    path = content_dir / "en" / "chiffres-cles.md"
    _put_latin1_word_on_line(path, 12)

    result = load_content(content_dir)

    problem = the_problem(result.problems, path, Severity.ERROR, "not UTF-8 text")
    assert problem.line == 12
    assert "(byte 0xe9)" in problem.message
    assert "save it again as UTF-8" in problem.message
    assert len(result.problems) == 1, describe(result.problems)
    # The other English pages still load; this one falls back to French.
    english = result.library.pages_in("en")
    assert set(english) == PAGE_IDS - {"chiffres-cles"}
    view = result.library.view("chiffres-cles", "en")
    assert view is not None
    assert view.page.lang == "fr"
    assert view.is_fallback


def test_file_that_is_not_utf8_after_a_byte_order_mark(content_dir: Path) -> None:
    # Some Windows editors start UTF-8 files with a byte order mark; the loader accepts
    # it, and the line and byte of a later mistake must still be the right ones.
    path = content_dir / "en" / "chiffres-cles.md"
    _put_latin1_word_on_line(path, 12, bom=True)

    problem = the_problem(
        load_content(content_dir).problems, path, Severity.ERROR, "not UTF-8 text"
    )
    assert "(byte 0xe9)" in problem.message
    assert problem.line == 12


def test_byte_order_mark_is_accepted(content_dir: Path) -> None:
    path = content_dir / "ar" / "pole-medest.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    result = load_content(content_dir)

    assert result.problems == (), describe(result.problems)
    assert "pole-medest" in result.library.pages_in("ar")


def test_page_with_bad_front_matter_is_refused_and_the_others_load(
    content_dir: Path, edit_file: Callable[[Path, str, str], Path]
) -> None:
    path = edit_file(content_dir / "fr" / "telechargements.md", 'id = "telechargements"\n', "")

    result = load_content(content_dir)

    problem = the_problem(result.problems, path, Severity.ERROR, "front matter has no 'id'")
    assert problem.line == 1
    assert set(result.library.pages_in("fr")) == PAGE_IDS - {"telechargements"}


def test_unreadable_file(content_dir: Path) -> None:
    path = content_dir / "fr" / "chiffres-cles.md"
    path.chmod(0)
    try:
        try:
            path.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("file permissions do not apply here (running as root?)")

        result = load_content(content_dir)
    finally:
        path.chmod(0o644)

    problem = the_problem(result.problems, path, Severity.ERROR, "cannot read file")
    assert problem.line == 1
    assert "chiffres-cles" not in result.library.pages_in("fr")


def test_dangling_symbolic_link_is_reported(content_dir: Path) -> None:
    # Readable by nobody, even root: a link to a file that was moved away.
    link = content_dir / "fr" / "lien.md"
    try:
        link.symlink_to(content_dir / "ailleurs.md")
    except OSError:
        pytest.skip("symbolic links are not available here")

    result = load_content(content_dir)

    problem = the_problem(result.problems, link, Severity.ERROR, "cannot read file")
    assert problem.line == 1
    assert set(result.library.pages_in("fr")) == PAGE_IDS


# --------------------------------------------------------------------------- ids


def test_duplicate_id_in_one_language(content_dir: Path) -> None:
    first = content_dir / "fr" / "pole-medest.md"
    second = content_dir / "fr" / "zz-copie.md"  # read after pole-medest.md
    shutil.copyfile(first, second)

    result = load_content(content_dir)

    problem = the_problem(result.problems, second, Severity.ERROR, "duplicate id 'pole-medest'")
    assert problem.line == line_containing(second, "id =")
    assert "already used by pole-medest.md" in problem.message
    assert "give each page its own id" in problem.message
    # The first file keeps the id; the second file is refused.
    assert result.library.pages_in("fr")["pole-medest"].path == first
    assert [p for p in result.problems if p.path == first] == []


def test_duplicate_id_keeps_the_file_named_after_the_id(content_dir: Path) -> None:
    # An old copy kept next to the page ("pole-medest-ancien.md" sorts before
    # "pole-medest.md") must not replace the page that is named after its id.
    page = content_dir / "fr" / "pole-medest.md"
    old_copy = content_dir / "fr" / "pole-medest-ancien.md"
    shutil.copyfile(page, old_copy)

    result = load_content(content_dir)

    assert result.library.pages_in("fr")["pole-medest"].path == page
    problem = the_problem(result.problems, old_copy, Severity.ERROR, "duplicate id 'pole-medest'")
    assert "already used by pole-medest.md" in problem.message
    assert [p for p in result.problems if p.path == page] == []


def test_id_different_from_file_name(content_dir: Path) -> None:
    old = content_dir / "fr" / "pole-medest.md"
    new = old.with_name("medest.md")
    old.rename(new)

    result = load_content(content_dir)

    problem = the_problem(result.problems, new, Severity.WARNING, "differs from the file name")
    assert problem.line == line_containing(new, "id =")
    assert "name the file pole-medest.md" in problem.message
    assert errors(result) == []
    # A warning only: the page is loaded under its id.
    assert result.library.pages_in("fr")["pole-medest"].path == new


# --------------------------------------------------------------------------- folders


def test_missing_language_folder(content_dir: Path) -> None:
    shutil.rmtree(content_dir / "ar")

    result = load_content(content_dir)

    site = content_dir / "site.toml"
    problem = the_problem(result.problems, site, Severity.ERROR, "language 'ar' has no folder")
    assert problem.line == line_containing(site, 'code = "ar"')
    assert str(content_dir / "ar") in problem.message
    assert "create it with the same file names as fr/" in problem.message
    assert "fall back to fr" in problem.message
    assert len(result.problems) == 1, describe(result.problems)

    library = result.library
    assert library.pages_in("ar") == {}
    view = library.view("pole-medest", "ar")
    assert view is not None
    assert view.page.lang == "fr"
    assert view.lang == "ar"
    assert view.is_fallback
    assert library.page_ids == load_content(SHIPPED_CONTENT).library.page_ids


def test_missing_default_language_folder(content_dir: Path) -> None:
    shutil.rmtree(content_dir / "fr")

    with pytest.raises(ContentError) as caught:
        load_content(content_dir)

    problem = caught.value.problem
    assert problem.path == content_dir / "fr"
    assert problem.severity is Severity.ERROR
    # A missing folder is named as such, not as a folder without usable pages.
    assert f"the default language 'fr' has no folder {content_dir / 'fr'}" in problem.message
    assert "create it and put the fr pages in it" in problem.message


def test_default_language_without_any_usable_page(content_dir: Path) -> None:
    for page in (content_dir / "fr").glob("*.md"):
        page.write_text("no front matter here\n", encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        load_content(content_dir)

    assert caught.value.problem.path == content_dir / "fr"
    assert "has no usable page" in caught.value.problem.message


def test_missing_content_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"

    with pytest.raises(ContentError) as caught:
        load_content(missing)

    problem = caught.value.problem
    assert problem.path == missing
    assert problem.line == 1
    assert problem.severity is Severity.ERROR
    # The message names the folder and says what --content must point at.
    assert str(caught.value) == (
        f"{missing}:1: error: the content folder does not exist: {missing} "
        "(--content must point at the folder that holds site.toml)"
    )


def test_content_folder_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "content"
    not_a_folder.write_text("", encoding="utf-8")

    with pytest.raises(ContentError) as caught:
        load_content(not_a_folder)

    assert caught.value.problem.message == (
        f"{not_a_folder} is a file, not the content folder "
        "(--content must point at the folder that holds site.toml)"
    )


def test_missing_site_file_stops_loading(content_dir: Path) -> None:
    (content_dir / "site.toml").unlink()

    with pytest.raises(ContentError) as caught:
        load_content(content_dir)

    assert caught.value.problem.path == content_dir / "site.toml"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names")
def test_page_that_is_a_folder_is_reported(content_dir: Path) -> None:
    folder = content_dir / "fr" / "dossier.md"
    folder.mkdir()

    result = load_content(content_dir)

    problem = the_problem(result.problems, folder, Severity.ERROR, "cannot read file")
    assert problem.line == 1
    assert set(result.library.pages_in("fr")) == PAGE_IDS


def test_a_huge_file_is_refused_and_the_rest_loads(content_dir: Path) -> None:
    huge = content_dir / "fr" / "agropole-berkane.md"
    huge.write_text("+++\nid = 'agropole-berkane'\ntitle = 'x'\n+++\n" + "a" * 600_000)
    result = load_content(content_dir)
    problem = the_problem(result.problems, huge, Severity.ERROR, "too large")
    assert problem.line == 1
    assert result.library.has_page("pole-medest")
