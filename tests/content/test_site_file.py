"""site.toml: languages, default language, home order; every mistake with its line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import ContentError, Direction, Problem, Severity
from kiosk.content.site_file import read_site

from .conftest import describe, line_containing, the_problem

SHIPPED_HOME = (
    'home = ["plan-acceleration-industrielle", "pole-medest", "chiffres-cles", "telechargements"]'
)

Edit = Callable[[Path, str, str], Path]


def site_path(content_dir: Path) -> Path:
    return content_dir / "site.toml"


def fatal(content_dir: Path) -> Problem:
    with pytest.raises(ContentError) as caught:
        read_site(content_dir)
    problem = caught.value.problem
    assert problem.path == site_path(content_dir)
    assert problem.severity is Severity.ERROR
    assert str(caught.value) == str(problem)
    return problem


def problems_of(content_dir: Path) -> list[Problem]:
    _site, problems = read_site(content_dir)
    return problems


def test_shipped_site_file(content_dir: Path) -> None:
    site, problems = read_site(content_dir)

    assert problems == [], describe(problems)
    assert site.path == site_path(content_dir)
    assert site.language_codes == ("fr", "ar", "en")
    assert site.default_language == "fr"
    assert site.home == (
        "plan-acceleration-industrielle",
        "pole-medest",
        "chiffres-cles",
        "telechargements",
    )
    arabic = site.language("ar")
    assert arabic is not None
    assert arabic.direction is Direction.RTL
    assert arabic.is_rtl
    french = site.language("fr")
    assert french is not None
    assert french.name == "Français"
    assert site.language("de") is None
    assert site.organisation_text("short_name", "en") == "CRI Oriental"


def test_organisation_text_falls_back_to_the_default_language(
    content_dir: Path, edit_file: Edit
) -> None:
    edit_file(site_path(content_dir), 'en = "CRI Oriental"\n', "")
    site, problems = read_site(content_dir)

    assert problems == [], describe(problems)
    assert site.organisation_text("short_name", "en") == "CRI de l\u2019Oriental"


def test_missing_site_file(content_dir: Path) -> None:
    site_path(content_dir).unlink()

    problem = fatal(content_dir)
    assert problem.line == 1
    assert "no site file" in problem.message
    assert "create site.toml" in problem.message


def test_invalid_toml(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(site_path(content_dir), 'name = "English"', "name = English")

    problem = fatal(content_dir)
    assert problem.line == line_containing(path, "name = English")
    assert "the site file is not valid TOML" in problem.message


def test_invalid_toml_at_the_end_of_the_file(content_dir: Path) -> None:
    # An unclosed list is only noticed at the end of the document: the mistake is
    # reported at the last written line, not after it on a blank one.
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\nextra = [\n    "unclosed",\n\n', encoding="utf-8")

    problem = fatal(content_dir)
    assert "the site file is not valid TOML" in problem.message
    assert problem.line == line_containing(path, '"unclosed"')


def test_site_file_that_is_not_utf8(content_dir: Path) -> None:
    site_path(content_dir).write_bytes('default_language = "fr"\n# Français\n'.encode("latin-1"))

    problem = fatal(content_dir)
    assert problem.line == 1
    assert "not UTF-8 text" in problem.message


def test_default_language_not_declared(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(site_path(content_dir), 'default_language = "fr"', 'default_language = "de"')

    problem = fatal(content_dir)
    assert "default_language must be one of the declared languages (fr, ar, en)" in (
        problem.message
    )
    assert problem.line == line_containing(path, "default_language")


def test_no_languages(content_dir: Path) -> None:
    site_path(content_dir).write_text(
        '# A site file that forgot its languages.\nlanguages = []\ndefault_language = "fr"\n'
        'home = ["pole-medest"]\n',
        encoding="utf-8",
    )

    problem = fatal(content_dir)
    assert problem.line == 2
    assert "no usable language" in problem.message
    assert "add [[languages]] tables with code, name and direction" in problem.message


def test_no_languages_at_all(content_dir: Path) -> None:
    site_path(content_dir).write_text(
        'default_language = "fr"\nhome = ["pole-medest"]\n', encoding="utf-8"
    )

    problem = fatal(content_dir)
    assert problem.line == 1
    assert "no usable language" in problem.message


@pytest.mark.parametrize(
    ("code", "declaration"),
    [
        ("fr", 'code = "fr"\nname = "Français"\ndirection = "ltr"'),
        ("ar", 'code = "ar"\nname = "العربية"\ndirection = "rtl"'),
    ],
    ids=["fr", "ar"],
)
def test_bad_direction_is_reported_at_the_direction_line(
    content_dir: Path, edit_file: Edit, code: str, declaration: str
) -> None:
    bad = declaration.rsplit("\n", 1)[0] + '\ndirection = "up"'
    path = edit_file(site_path(content_dir), declaration, bad)

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, "direction must be 'ltr' or 'rtl'")
    assert f"language '{code}'" in problem.message
    assert problem.line == line_containing(path, 'direction = "up"')
    # The language stays usable, written left to right.
    language = site.language(code)
    assert language is not None
    assert language.direction is Direction.LTR


def test_duplicate_language_is_reported_at_the_second_declaration(
    content_dir: Path, edit_file: Edit
) -> None:
    path = edit_file(site_path(content_dir), 'code = "en"', 'code = "ar"')
    second = max(
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if line == 'code = "ar"'
    )

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, "language 'ar' is declared twice")
    assert problem.line == second
    assert site.language_codes == ("fr", "ar")


def test_unknown_key(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(site_path(content_dir), SHIPPED_HOME, SHIPPED_HOME + '\nskin = "blue"')

    problem = the_problem(problems_of(content_dir), path, Severity.ERROR, "unknown key 'skin'")
    assert problem.line == line_containing(path, "skin")
    assert (
        "allowed keys are default_language, home, url, languages, organisation, theme"
        in problem.message
    )


def test_unknown_table_is_reported_at_its_header(content_dir: Path) -> None:
    path = site_path(content_dir)
    with path.open("a", encoding="utf-8") as site_file:
        site_file.write('\n[looks]\naccent = "red"\n')

    problem = the_problem(problems_of(content_dir), path, Severity.ERROR, "unknown key 'looks'")
    assert problem.line == line_containing(path, "[looks]")


def test_unknown_organisation_language(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        site_path(content_dir), "[organisation.tagline]\n", '[organisation.tagline]\nde = "x"\n'
    )

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, "unknown language 'de'")
    assert problem.line == line_containing(path, 'de = "x"')
    assert "de" not in site.organisation["tagline"]


def test_home_not_a_list(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(site_path(content_dir), SHIPPED_HOME, 'home = "pole-medest"')

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, "home must be a list of page ids")
    assert problem.line == line_containing(path, "home =")
    assert site.home == ()


def test_missing_home(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(site_path(content_dir), SHIPPED_HOME, "")

    problem = the_problem(problems_of(content_dir), path, Severity.ERROR, "no home order")
    assert "add home = [" in problem.message


def test_home_duplicate(content_dir: Path, edit_file: Edit) -> None:
    path = edit_file(
        site_path(content_dir), '"telechargements"]', '"telechargements", "pole-medest"]'
    )

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.WARNING, "'pole-medest' appears twice in home")
    assert problem.line == line_containing(path, "home =")
    assert site.home.count("pole-medest") == 1


def test_home_duplicate_in_a_list_written_on_several_lines(
    content_dir: Path, edit_file: Edit
) -> None:
    path = edit_file(
        site_path(content_dir),
        SHIPPED_HOME,
        "home = [\n"
        '    "plan-acceleration-industrielle",\n'
        '    "pole-medest",\n'
        '    "chiffres-cles",\n'
        '    "telechargements",\n'
        '    "pole-medest",  # twice\n'
        "]",
    )

    problem = the_problem(
        problems_of(content_dir), path, Severity.WARNING, "'pole-medest' appears twice in home"
    )
    # The second "pole-medest" is the one that is ignored: point at it.
    assert problem.line == line_containing(path, "# twice")


def test_empty_home_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        'default_language = "fr"\nhome = []\n\n[[languages]]\ncode = "fr"\nname = "Français"\n',
        encoding="utf-8",
    )
    _site, problems = read_site(tmp_path)
    assert [(p.line, p.is_error) for p in problems] == [(2, True)]
    assert "home is empty" in problems[0].message


# --------------------------------------------------------------------------- theme


def test_shipped_theme(content_dir: Path) -> None:
    site, _problems = read_site(content_dir)

    assert site.theme.logo_text == "CRI"
    assert site.theme.latin_font == "Noto Sans"
    assert site.theme.arabic_font == "Noto Sans Arabic"
    assert site.theme.colours["brand"] == "#0b3c5d"


def test_site_without_theme_gets_the_default(content_dir: Path) -> None:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("# The look.")], encoding="utf-8")

    site, problems = read_site(content_dir)

    assert problems == [], describe(problems)
    assert site.theme.colours == {}
    assert site.theme.logo_text == "CRI"


def test_bad_colour_is_reported_at_its_line(content_dir: Path) -> None:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8").replace('accent = "#c8102e"', 'accent = "red"')
    path.write_text(text, encoding="utf-8")

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, "colour 'accent' must be written")
    assert problem.line == line_containing(path, 'accent = "red"')
    assert '"#rrggbb"' in problem.message
    assert "accent" not in site.theme.colours
    assert site.theme.colours["brand"] == "#0b3c5d"


def test_unknown_colour_name_lists_the_allowed_ones(content_dir: Path) -> None:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8").replace('ground = "#eef2f6"', 'backdrop = "#eef2f6"')
    path.write_text(text, encoding="utf-8")

    problem = the_problem(
        problems_of(content_dir), path, Severity.ERROR, "unknown colour 'backdrop'"
    )

    assert problem.line == line_containing(path, "backdrop")
    assert "ink, muted_ink, ground" in problem.message


def test_unknown_theme_key_and_empty_logo(content_dir: Path) -> None:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8").replace('logo_text = "CRI"', 'mark = "CRI"')
    text = text.replace('latin_font = "Noto Sans"', "latin_font = 12")
    path.write_text(text, encoding="utf-8")

    problems = problems_of(content_dir)

    assert [p.line for p in problems] == [
        line_containing(path, 'mark = "CRI"'),
        line_containing(path, "latin_font = 12"),
    ], describe(problems)
    assert "unknown theme key 'mark'" in problems[0].message
    assert "theme.latin_font must be non-empty text" in problems[1].message


def test_theme_must_be_a_table(content_dir: Path) -> None:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("# The look.")].replace(
        SHIPPED_HOME, SHIPPED_HOME + '\ntheme = "blue"'
    )
    path.write_text(text, encoding="utf-8")

    problem = the_problem(problems_of(content_dir), path, Severity.ERROR, "theme must be a table")

    assert problem.line == line_containing(path, 'theme = "blue"')


# --------------------------------------------------------------------------- logo

SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60">'
    '<rect width="120" height="60" fill="#0b3c5d"/></svg>'
)


def with_logo(content_dir: Path, name: str) -> Path:
    path = site_path(content_dir)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('logo_text = "CRI"', f'logo_text = "CRI"\nlogo = "{name}"'))
    return path


def test_a_logo_file_in_the_content_is_read(content_dir: Path) -> None:
    (content_dir / "images").mkdir(exist_ok=True)
    (content_dir / "images" / "logo.svg").write_text(SVG_LOGO, encoding="utf-8")
    with_logo(content_dir, "images/logo.svg")

    site, problems = read_site(content_dir)

    assert problems == [], describe(problems)
    assert site.theme.logo == (content_dir / "images" / "logo.svg").resolve()
    assert site.theme.logo_text == "CRI"  # still the mark's accessible name and fallback


def test_no_logo_key_keeps_the_text_mark(content_dir: Path) -> None:
    site, _problems = read_site(content_dir)
    assert site.theme.logo is None


@pytest.mark.parametrize(
    ("name", "file", "message"),
    [
        ("images/missing.svg", None, "does not exist in the content folder"),
        ("../outside.svg", None, "must be a file inside the content folder"),
        ("/etc/logo.svg", None, "must be a file inside the content folder"),
        ("images/logo.svg", "not an image", "is not a PNG, JPEG or SVG image"),
        ("images/logo.jpg", b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x10\x00\x20", "must be SVG or PNG"),
    ],
)
def test_a_wrong_logo_is_reported_at_its_line(
    content_dir: Path, name: str, file: str | bytes | None, message: str
) -> None:
    if file is not None:
        (content_dir / "images").mkdir(exist_ok=True)
        target = content_dir / name
        if isinstance(file, bytes):
            target.write_bytes(file)
        else:
            target.write_text(file, encoding="utf-8")
    path = with_logo(content_dir, name)

    site, problems = read_site(content_dir)

    problem = the_problem(problems, path, Severity.ERROR, message)
    assert problem.line == line_containing(path, f'logo = "{name}"')
    assert site.theme.logo is None
