"""The pictures' data in the content: key figures and map places, checked with file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import Severity, load_content
from kiosk.content.front_matter import parse_page
from kiosk.geography import medest_map

from .conftest import SHIPPED_CONTENT, describe, line_containing

# The seed text (the CRI's page on the plan, the source of every figure), kept with the
# tests so that a clean clone checks the content against it.
SEED = Path(__file__).resolve().parents[1] / "data" / "seed.txt"
LANGS = ("fr", "ar", "en")


def check_lines(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content)])
    return code, capsys.readouterr().out.splitlines()


def table_line(path: Path, key_text: str) -> int:
    """The line of the ``[[...]]`` header of the table holding ``key_text``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = line_containing(path, key_text) - 1
    while not lines[at].startswith("[["):
        at -= 1
    return at + 1


# (language, file, text replaced, replacement, text locating the line, message fragment)
# When the locating text starts with "[[", the line is the header of the table holding
# the rest of it; "@1" means the first line of the file.
CASES = {
    "missing value": (
        "fr",
        "chiffres-cles",
        "value = 500000\n",
        "",
        '[[id = "jobs"',
        "this figure has no 'value'",
    ),
    "value as text": (
        "fr",
        "chiffres-cles",
        "value = 500000",
        'value = "500 000"',
        'value = "500 000"',
        "figure 'value' must be whole number",
    ),
    "value negative": (
        "en",
        "chiffres-cles",
        "value = 500000",
        "value = -500000",
        "value = -500000",
        "value must be 0 or more",
    ),
    "unknown figure key": (
        "fr",
        "chiffres-cles",
        'unit = "emplois"',
        'unit = "emplois"\ncolour = "red"',
        'colour = "red"',
        "unknown figure key 'colour'",
    ),
    "empty caption": (
        "en",
        "chiffres-cles",
        'caption = "grouped into 3 blocks"',
        'caption = "  "',
        'caption = "  "',
        "figure 'caption' is empty",
    ),
    "duplicate figure id": (
        "fr",
        "chiffres-cles",
        'id = "prospects"',
        'id = "fund" ',
        'id = "fund" ',
        "figure id 'fund' is used twice",
    ),
    "bad figure id": (
        "fr",
        "chiffres-cles",
        'id = "prospects"',
        'id = "Prospects IDE"',
        'id = "Prospects',
        "figure id 'Prospects IDE' must be lower-case",
    ),
    "share without its end": (
        "fr",
        "chiffres-cles",
        "to_percent = 23\n",
        "",
        "from_percent = 14",
        "from_percent needs to_percent too",
    ),
    "share falling": (
        "fr",
        "chiffres-cles",
        "to_percent = 23",
        "to_percent = 12",
        "to_percent = 12",
        "to_percent (12) must be more than from_percent (14)",
    ),
    "share out of range": (
        "fr",
        "chiffres-cles",
        "to_percent = 23",
        "to_percent = 230",
        "to_percent = 230",
        "to_percent 230 is out of range",
    ),
    "figure missing in one language": (
        "ar",
        "chiffres-cles",
        'id = "prospects"\nvalue = 20',
        'id = "prospects"\nvalue = 20',
        "@1",
        "",  # replaced below: the whole table is removed
    ),
    "figure only in one language": (
        "en",
        "chiffres-cles",
        'caption = "to attract foreign direct investment"',
        'caption = "to attract foreign direct investment"\n\n[[figures]]\nid = "roads"\n'
        'value = 4\nunit = "roads"\ncaption = "new roads"',
        '[[id = "roads"',
        "figure 'roads' is not in fr/chiffres-cles.md",
    ),
    "figure with another value in one language": (
        "ar",
        "chiffres-cles",
        "value = 500000",
        "value = 50000",
        "[[value = 50000",
        "figure 'jobs': value is 50000 here but 500000 in fr/chiffres-cles.md",
    ),
    "figure with another share in one language": (
        "en",
        "chiffres-cles",
        "from_percent = 14",
        "from_percent = 15",
        "[[from_percent = 15",
        "figure 'gdp': from_percent is 15 here but 14",
    ),
    "missing latitude": (
        "fr",
        "pole-medest",
        "latitude = 34.6867\n",
        "",
        '[[page = "technopole-oujda"',
        "this place has no 'latitude'",
    ),
    "longitude as text": (
        "fr",
        "pole-medest",
        "longitude = -1.9114",
        'longitude = "1°54 W"',
        'longitude = "1',
        "place 'longitude' must be number",
    ),
    "latitude out of range": (
        "en",
        "pole-medest",
        "latitude = 34.6867",
        "latitude = 134.6867",
        "latitude = 134",
        "latitude 134.6867 is out of range",
    ),
    "place off the map": (
        "fr",
        "pole-medest",
        "latitude = 35.0708",
        "latitude = 33.0708",
        "[[latitude = 33",
        "is outside the map",
    ),
    "place of an unknown page": (
        "fr",
        "pole-medest",
        'page = "agropole-berkane"',
        'page = "agropole-saidia"',
        '[[page = "agropole-saidia"',
        "place 'agropole-saidia': no page has that id",
    ),
    "place moved in one language": (
        "ar",
        "pole-medest",
        "longitude = -2.3167",
        "longitude = -2.4167",
        "[[longitude = -2.41",
        "place 'agropole-berkane': longitude is -2.4167 here but -2.3167",
    ),
    "unknown place key": (
        "en",
        "pole-medest",
        'name = "Oujda"',
        'name = "Oujda"\nzoom = 3',
        "zoom = 3",
        "unknown place key 'zoom'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_one_error_with_its_file_and_line(
    case: str, content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lang, name, old, new, locate, fragment = CASES[case]
    path = content_dir / lang / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    if case == "figure missing in one language":
        # Remove the whole [[figures]] table of the prospects.
        start = text.index('[[figures]]\nid = "prospects"')
        end = text.index("+++", start)
        text = text[:start] + text[end:]
        fragment = "figure 'prospects' is in fr/chiffres-cles.md"
    else:
        assert text.count(old) == 1, f"{old!r} appears {text.count(old)} times in {path}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")

    code, lines = check_lines(content_dir, capsys)

    if locate == "@1":
        line = 1
    elif locate.startswith("[["):
        line = table_line(path, locate[2:])
    else:
        line = line_containing(path, locate)
    # A figure left out in the source language also shows as extra in its translations:
    # the file that was edited holds exactly the one error.
    errors = [entry for entry in lines if entry.startswith(f"{path}:") and ": error: " in entry]
    assert code == 1
    assert len(errors) == 1, "\n".join(lines)
    assert errors[0].startswith(f"{path}:{line}: error: "), errors[0]
    assert fragment in errors[0]


def test_figures_not_a_list_of_tables() -> None:
    text = '+++\nid = "chiffres"\ntitle = "Chiffres"\nfigures = "beaucoup"\n+++\nTexte.\n'
    parsed = parse_page(text, Path("fr/chiffres.md"), "fr")

    assert parsed.page is not None
    assert parsed.page.figures == ()
    (problem,) = parsed.problems
    assert (problem.line, problem.severity) == (4, Severity.ERROR)
    assert "'figures' must be a list of tables" in problem.message
    assert "[[figures]]" in problem.message


def test_a_bad_entry_is_left_out_and_the_others_are_kept() -> None:
    text = (
        '+++\nid = "carte"\ntitle = "Carte"\n'  # 1-3
        '[[places]]\npage = "a"\nname = "A"\nlatitude = 35.0\nlongitude = -2.0\n'  # 4-8
        '[[places]]\npage = "b"\nname = "B"\nlatitude = "35"\nlongitude = -2.0\n'  # 9-13
        "+++\nTexte.\n"
    )
    parsed = parse_page(text, Path("fr/carte.md"), "fr")

    assert parsed.page is not None
    assert [place.page for place in parsed.page.places] == ["a"]
    (problem,) = parsed.problems
    assert problem.line == 12, describe(parsed.problems)


def test_shipped_content_has_the_figures_and_places_in_every_language() -> None:
    library = load_content(SHIPPED_CONTENT).library
    for lang in LANGS:
        figures = library.key_figures(lang)
        assert [f.id for f in figures] == ["jobs", "gdp", "fund", "measures", "prospects"]
        assert all(f.unit and f.caption for f in figures)
        places = library.places(lang)
        assert [p.page for p in places] == [
            "technopole-oujda",
            "agropole-berkane",
            "parc-industriel-selouane",
        ]
        # Each place is named in the script of its language and stands inside the map.
        west, south, east, north = medest_map().frame
        for place in places:
            assert south < place.latitude < north and west < place.longitude < east
    assert library.places("ar")[0].name == "وجدة"
    assert library.key_figures("ar")[0].unit == "منصب شغل"


# ------------------------------------------------------------------- against the seed

# The seed writes some numbers as words.
WORDS = {3: "trois", 10: "dix"}


def seed_text() -> str:
    return re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def test_figures_read_from_content_match_the_seed() -> None:
    seed = seed_text()
    library = load_content(SHIPPED_CONTENT).library
    for lang in LANGS:
        f = {figure.id: figure for figure in library.key_figures(lang)}
        assert f"création de {grouped(f['jobs'].value)} emplois" in seed
        gdp = f["gdp"]
        assert gdp.prefix == "+"
        assert (
            f"part industrielle dans le PIB de {gdp.value} points, passant de "
            f"{gdp.from_percent}% à {gdp.to_percent}% en 2020"
        ) in seed
        assert gdp.to_percent is not None and gdp.from_percent is not None
        assert gdp.to_percent - gdp.from_percent == gdp.value
        assert f"enveloppe de {f['fund'].value} milliards de Dirhams" in seed
        assert f"{WORDS[f['measures'].value]} mesures clefs, regroupées en trois blocs" in seed
        assert "3" in f["measures"].caption
        assert f"chargée de {f['prospects'].value} prospects stratégiques" in seed
        # The seed dates only the share of GDP: only that caption may name 2020.
        assert [figure.id for figure in f.values() if "2020" in figure.caption] == ["gdp"]
        assert [figure.id for figure in f.values() if figure.goal] == ["jobs", "gdp"]


def test_places_read_from_content_match_the_seed() -> None:
    seed = seed_text()
    library = load_content(SHIPPED_CONTENT).library
    zones = {
        "technopole-oujda": "la Technopole d\u2019Oujda",
        "agropole-berkane": "l\u2019Agropole de Berkane",
        "parc-industriel-selouane": "le Parc Industriel de Selouane (Nador)",
    }
    for place in library.places("fr"):
        assert zones[place.page] in seed
        assert place.name in zones[place.page]
    # Each zone lies in the north-east of Morocco: west to east Selouane, Berkane, Oujda.
    by_page = {place.page: place for place in library.places("fr")}
    west_to_east = sorted(by_page, key=lambda page: by_page[page].longitude)
    assert west_to_east == ["parc-industriel-selouane", "agropole-berkane", "technopole-oujda"]
