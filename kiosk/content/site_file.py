"""Reading ``site.toml``: languages, default language, home order and organisation texts."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.content.documents import is_public_url
from kiosk.content.images import ImageError, image_limit_problem, read_image_info
from kiosk.content.model import Direction, Language, Site, Theme
from kiosk.content.problems import ContentError, Problem, Severity
from kiosk.content.toml_source import (
    TomlSyntaxError,
    array_tables,
    from_key,
    key_line,
    parse_toml,
    value_line,
)

SITE_FILE = "site.toml"
KNOWN_KEYS = ("default_language", "home", "url", "languages", "organisation", "theme")
THEME_KEYS = ("colours", "logo_text", "logo", "latin_font", "arabic_font")
LOGO_KINDS = ("PNG", "SVG")
# The palette's colour names (kiosk/palette.py Palette; a test keeps them in step).
THEME_COLOURS = (
    "ink",
    "muted_ink",
    "ground",
    "surface",
    "brand",
    "brand_dark",
    "brand_ink",
    "accent",
    "accent_soft",
    "pressed",
    "line",
    "sea",
    "land",
    "chart",
)
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
ORGANISATION_KEYS = ("name", "short_name", "tagline")


def read_site(content_dir: Path) -> tuple[Site, list[Problem]]:
    """Read the site file; raise ContentError when there is no usable one."""
    path = content_dir / SITE_FILE
    problems: list[Problem] = []

    def fatal(line: int, message: str) -> ContentError:
        return ContentError(Problem(path, line, Severity.ERROR, message))

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(path, line, severity, message))

    if not path.is_file():
        raise fatal(1, f"no site file: create {SITE_FILE} naming the languages and home order")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise fatal(1, f"the site file is not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise fatal(1, f"the site file cannot be read ({error.strerror})") from None
    try:
        data = parse_toml(text)
    except TomlSyntaxError as error:
        raise fatal(error.line, f"the site file is not valid TOML: {error.reason}") from None

    for key in data:
        if key not in KNOWN_KEYS:
            report(
                key_line(text, key),
                f"unknown key '{key}': allowed keys are {', '.join(KNOWN_KEYS)}",
            )

    languages = _read_languages(data.get("languages"), text, report)
    if not languages:
        raise fatal(
            key_line(text, "languages"),
            "no usable language: add [[languages]] tables with code, name and direction",
        )
    codes = [lang.code for lang in languages]

    default = data.get("default_language")
    if not isinstance(default, str) or default not in codes:
        raise fatal(
            key_line(text, "default_language"),
            f"default_language must be one of the declared languages ({', '.join(codes)})",
        )

    home = _read_home(data.get("home"), text, report)
    organisation = _read_organisation(data.get("organisation", {}), text, codes, report)
    url = data.get("url", "")
    if not isinstance(url, str) or (url.strip() and not is_public_url(url.strip())):
        report(
            key_line(text, "url"),
            "url must be the organisation's public web address, starting with https:// "
            '(or url = "" when there is none: no QR code is shown then)',
        )
        url = ""
    theme = _read_theme(data.get("theme", {}), text, content_dir, report)
    site = Site(
        languages=tuple(languages),
        default_language=default,
        home=tuple(home),
        organisation=organisation,
        path=path,
        url=url.strip(),
        theme=theme,
    )
    return site, problems


def _read_languages(raw: Any, text: str, report: Any) -> list[Language]:
    if not isinstance(raw, list):
        return []
    tables = array_tables(text, "languages")
    languages: list[Language] = []
    for index, entry in enumerate(raw):
        # Search each entry's own [[languages]] table, so a problem points at that entry
        # and not at the first place its code is written. languages = [...] has no tables.
        table, first = tables[index] if index < len(tables) else from_key(text, "languages")
        language = _read_language(entry, table, first, languages, report)
        if language is not None:
            languages.append(language)
    return languages


def _read_language(
    entry: Any, table: str, first: int, earlier: list[Language], report: Any
) -> Language | None:
    """One [[languages]] entry written in ``table`` (starting on line ``first``)."""
    if not isinstance(entry, dict):
        report(key_line(table, "languages", first), "each [[languages]] entry must be a table")
        return None
    code, name = entry.get("code"), entry.get("name")
    line = key_line(table, "code", first)
    if line == first and isinstance(code, str):
        # Not on a line of its own: an inline table in languages = [...].
        line = value_line(table, code, first)
    if not isinstance(code, str) or not code.isalpha() or not code.islower():
        report(line, "a language needs code = a lower-case language code such as 'fr'")
        return None
    if any(lang.code == code for lang in earlier):
        report(line, f"language '{code}' is declared twice")
        return None
    if not isinstance(name, str) or not name.strip():
        report(
            key_line(table, "name", first),
            f"language '{code}' needs name = its name in its own language",
        )
        name = code
    direction_text = entry.get("direction", "ltr")
    try:
        direction = Direction(direction_text)
    except ValueError:
        report(
            key_line(table, "direction", first),
            f"language '{code}': direction must be 'ltr' or 'rtl'",
        )
        direction = Direction.LTR
    return Language(code, name.strip(), direction)


def _read_home(raw: Any, text: str, report: Any) -> list[str]:
    if raw is None:
        report(1, "no home order: add home = [ ...page ids... ]")
        return []
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        report(key_line(text, "home"), "home must be a list of page ids, such as ['pole-medest']")
        return []
    if not raw:
        report(
            key_line(text, "home"),
            "home is empty: list the ids of the sections the home screen shows",
        )
        return []
    # Search from the home key on, and for the n-th time an id is written: the repeated
    # occurrence is the one ignored, so that is where the warning points.
    home_text, first = from_key(text, "home")
    seen: list[str] = []
    for index, item in enumerate(raw):
        if item in seen:
            occurrence = raw[: index + 1].count(item)
            report(
                value_line(home_text, item, first, occurrence),
                f"'{item}' appears twice in home",
                Severity.WARNING,
            )
        else:
            seen.append(item)
    return seen


def _read_organisation(
    raw: Any, text: str, codes: list[str], report: Any
) -> dict[str, dict[str, str]]:
    organisation: dict[str, dict[str, str]] = {}
    if not isinstance(raw, dict):
        report(key_line(text, "organisation"), "organisation must be a table")
        return organisation
    for key, texts in raw.items():
        if key not in ORGANISATION_KEYS:
            report(
                key_line(text, key),
                f"unknown organisation key '{key}': allowed are {', '.join(ORGANISATION_KEYS)}",
            )
            continue
        if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
            report(key_line(text, key), f"organisation.{key} must map language codes to text")
            continue
        for code in texts:
            if code not in codes:
                report(key_line(text, code), f"organisation.{key}: unknown language '{code}'")
        organisation[key] = {code: value for code, value in texts.items() if code in codes}
    return organisation


def _read_theme(raw: Any, text: str, content_dir: Path, report: Any) -> Theme:
    """The [theme] table; every mistake is reported and that one setting left at its default."""
    if not isinstance(raw, dict):
        report(key_line(text, "theme"), "theme must be a table: [theme]")
        return Theme()
    theme_text, first = from_key(text, "theme")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = key_line(theme_text, key, first)
        if key not in THEME_KEYS:
            report(line, f"unknown theme key '{key}': allowed are {', '.join(THEME_KEYS)}")
        elif key == "colours":
            values["colours"] = _read_colours(value, theme_text, first, report)
        elif key == "logo":
            values["logo"] = _read_logo(value, content_dir, line, report)
        elif not isinstance(value, str) or (key == "logo_text" and not value.strip()):
            report(line, f"theme.{key} must be non-empty text in double quotes")
        else:
            values[key] = value.strip()
    return Theme(**values)


def _read_logo(value: Any, content_dir: Path, line: int, report: Any) -> Path | None:
    """The logo file, or None (the text mark is shown) after reporting why it cannot be."""
    hint = 'write it relative to the content folder, for example logo = "images/logo.svg"'
    if not isinstance(value, str) or not value.strip():
        report(line, f"theme.logo must be the name of a PNG or SVG file: {hint}")
        return None
    name = value.strip()
    relative = PurePosixPath(name.replace("\\", "/"))
    root = content_dir.resolve()
    target = (root / Path(*relative.parts)).resolve() if relative.parts else root
    if relative.is_absolute() or not target.is_relative_to(root) or target == root:
        report(line, f"theme.logo '{name}' must be a file inside the content folder: {hint}")
        return None
    if not target.is_file():
        report(line, f"theme.logo '{name}' does not exist in the content folder: {hint}")
        return None
    try:
        info = read_image_info(target)
    except ImageError as error:
        report(line, f"theme.logo '{name}': {error}")
        return None
    if info.kind not in LOGO_KINDS:
        report(line, f"theme.logo '{name}' is a {info.kind} file: the logo must be SVG or PNG")
        return None
    too_large = image_limit_problem(info)
    if too_large is not None:
        report(line, f"theme.logo '{name}' {too_large}")
        return None
    return target


def _read_colours(raw: Any, text: str, first: int, report: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        report(key_line(text, "colours", first), "theme.colours must be a table: [theme.colours]")
        return {}
    colours_text, start = from_key(text, "theme.colours", first)
    if start == first:  # written inline: colours = { ... } under [theme]
        colours_text, start = from_key(text, "colours", first)
    colours = {}
    for name, value in raw.items():
        line = key_line(colours_text, name, start)
        if name not in THEME_COLOURS:
            report(
                line,
                f"unknown colour '{name}': allowed are {', '.join(THEME_COLOURS)}",
            )
        elif not isinstance(value, str) or not COLOUR_PATTERN.match(value):
            report(line, f'colour \'{name}\' must be written "#rrggbb", such as "#0b3c5d"')
        else:
            colours[name] = value.lower()
    return colours
