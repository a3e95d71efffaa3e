"""The kiosk's settings: one typed schema, loaded from a TOML file, overridden by flags.

Every key is declared once, as a field of ``Config``: its type, its default, where it is
written in the file and a one-line description (README's configuration table is checked
against ``SETTINGS``, which is read from those fields). A wrong value never stops the
kiosk: it is reported as ``path:line: error: ...`` naming the allowed values, and the
default is used instead.

Adding a key is one field in ``Config`` and one row in README's table::

    updates_hour: int = setting("updates.hour", 3,
        "hour of the nightly check", minimum=0, maximum=23)

The key's table (``[updates]``) is known from the dotted key. The field's type gives
the check: ``bool``, ``int`` and ``float`` (with ``minimum``/``maximum``), ``str``
(with ``choices``), ``Path | None`` (relative to the file; ``must_exist`` for a
folder) and ``tuple[str, ...]`` (a TOML list of texts).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from kiosk.content.toml_source import TomlSyntaxError, key_line, parse_toml, type_name

MODES = ("presentation", "kiosk")
# Keys the accessible keypad can be given, as Qt names them ("" = none): keypads and
# switch interfaces send these.
KEY_NAMES = (
    "",
    *("Left", "Right", "Up", "Down", "Return", "Enter", "Space", "Tab", "Backspace"),
    *("Esc", "Home", "End", "PgUp", "PgDown", "Ins", "Del", "+", "-", "*", "/", "."),
    *(f"F{n}" for n in range(1, 13)),
    *(str(digit) for digit in range(10)),
    *(chr(letter) for letter in range(ord("A"), ord("Z") + 1)),
)
KEYPAD_ACTIONS = ("next", "previous", "select", "back", "help", "speech")
CONFIG_NAME = "config.toml"
APP_FOLDER = "cri-kiosk"


@dataclass(frozen=True)
class Setting:
    """One key of the config file: where it is written, its type and what it means."""

    key: str  # as written in the file; "table.key" for keys in a table
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    must_exist: bool = False  # for folders
    is_file: bool = False  # for paths that must name an existing file
    # Further check of a text value: None when fine, else what is wrong.
    check: Callable[[str], str | None] | None = None
    # Filled from the Config field that declares the key.
    attribute: str = ""
    kind: type = str


def setting(
    key: str,
    default: Any,
    description: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: tuple[str, ...] = (),
    must_exist: bool = False,
    is_file: bool = False,
    check: Callable[[str], str | None] | None = None,
) -> Any:
    """A ``Config`` field read from the config file's ``key``."""
    declared = Setting(key, description, minimum, maximum, choices, must_exist, is_file, check)
    return field(default=default, metadata={"setting": declared})


@dataclass(frozen=True)
class Config:
    """Validated settings. Paths are absolute; empty means "use the built-in choice"."""

    # fmt: off
    mode: str = setting("mode", "presentation",
        "presentation (windowed, closable) or kiosk (locked down)", choices=MODES)
    default_language: str = setting("default_language", "",
        "language a visitor starts in and returns to on reset; empty: the site's default")
    languages: tuple[str, ...] = setting("languages", (),
        "languages offered to visitors, in switcher order; empty: all of the site's")
    screen: int = setting("screen", 0,
        "screen to use, 0 for the primary one, 1 the next...", minimum=0, maximum=16)
    content_dir: Path | None = setting("content_dir", None,
        "content folder; empty: the bundled content", must_exist=True)
    log_dir: Path | None = setting("log_dir", None,
        "folder for the rotating log files; empty: the platform's log/state folder")
    hide_cursor: bool = setting("hide_cursor", False,
        "hide the mouse pointer (touch-only screens)")
    idle_timeout: int = setting("idle.timeout", 120,
        "seconds without a touch or key before the \"Still there?\" prompt",
        minimum=10, maximum=3600)
    idle_countdown: int = setting("idle.countdown", 20,
        "seconds the prompt counts down before the kiosk resets", minimum=3, maximum=120)
    attract_delay: int = setting("idle.attract_delay", 30,
        "seconds after a reset before the attract screen appears", minimum=0, maximum=3600)
    admin_pin_hash: str = setting("admin.pin_hash", "",
        "salted PIN hash from `cri-kiosk admin hash-pin`; empty: no admin exit")
    admin_corner_seconds: float = setting("admin.corner_seconds", 3.0,
        "seconds to hold the top corner to open the PIN pad", minimum=1.0, maximum=15.0)
    loop_enabled: bool = setting("loop.enabled", False,
        "play the sections by themselves when nobody uses the screen")
    loop_seconds: int = setting("loop.seconds", 25,
        "seconds each section stays on screen", minimum=3, maximum=600)
    loop_languages: tuple[str, ...] = setting("loop.languages", (),
        "languages the loop goes through, in order; empty: all offered")
    loop_skip: tuple[str, ...] = setting("loop.skip", (),
        "section ids the loop leaves out")
    stats_enabled: bool = setting("stats.enabled", True,
        "record anonymous visit statistics on this machine")
    stats_retention_days: int = setting("stats.retention_days", 365,
        "days of statistics kept; older records are deleted", minimum=1, maximum=3650)
    stats_path: Path | None = setting("stats.path", None,
        "statistics database file; empty: the platform's data folder")
    speech_enabled: bool = setting("speech.enabled", True,
        "show the speaker button that turns speech mode on (screen read aloud)")
    speech_volume: int = setting("speech.volume", 3,
        "volume step speech starts at, and returns to for each visitor (1 softest)",
        minimum=1, maximum=4)
    keypad_next: str = setting("keypad.next", "",
        "kiosk mode: key that moves the focus to the next control, e.g. \"Right\"; "
        "empty: none", choices=KEY_NAMES)
    keypad_previous: str = setting("keypad.previous", "",
        "kiosk mode: key that moves the focus to the previous control", choices=KEY_NAMES)
    keypad_select: str = setting("keypad.select", "",
        "kiosk mode: key that opens the focused control", choices=KEY_NAMES)
    keypad_back: str = setting("keypad.back", "",
        "kiosk mode: key that goes back", choices=KEY_NAMES)
    keypad_help: str = setting("keypad.help", "",
        "kiosk mode: key that speaks the keypad's keys", choices=KEY_NAMES)
    keypad_speech: str = setting("keypad.speech", "",
        "kiosk mode: key that turns speech mode on or off", choices=KEY_NAMES)
    updates_repository: str = setting("updates.repository", "",
        "fleet repository: an https:// (or http://) URL or a folder (USB stick); "
        "empty: no updates", check=lambda v: _repository_problem(v))
    updates_trusted_root: Path | None = setting("updates.trusted_root", None,
        "the repository's root.json from `cri-kiosk fleet init`", is_file=True)
    updates_interval: int = setting("updates.interval", 15,
        "minutes between two update checks", minimum=1, maximum=1440)
    updates_releases_dir: Path | None = setting("updates.releases_dir", None,
        "folder of the downloaded releases; empty: releases/ in the state folder")
    health_broker: str = setting("health.broker", "",
        "MQTT broker, mqtt://host:1883 or mqtts://host:8883 (TLS); empty: no health "
        "reports", check=lambda v: _broker_problem(v))
    health_name: str = setting("health.name", "",
        "this kiosk's name in the fleet; empty: the machine's host name",
        check=lambda v: _name_problem(v))
    health_username: str = setting("health.username", "", "user name at the broker")
    health_password: str = setting("health.password", "", "password at the broker")
    health_ca_file: Path | None = setting("health.ca_file", None,
        "CA certificate file for mqtts://; empty: the system's", is_file=True)
    health_interval: int = setting("health.interval", 60,
        "seconds between two status messages", minimum=10, maximum=3600)
    # fmt: on
    # Not a key: the file the settings came from.
    source: Path | None = field(default=None, compare=False)

    @property
    def kiosk(self) -> bool:
        return self.mode == "kiosk"

    @property
    def keypad_keys(self) -> dict[str, str]:
        """The accessible keypad's keys by action; empty values are left out."""
        keys = {
            "next": self.keypad_next,
            "previous": self.keypad_previous,
            "select": self.keypad_select,
            "back": self.keypad_back,
            "help": self.keypad_help,
            "speech": self.keypad_speech,
        }
        return {action: name for action, name in keys.items() if name}

    @property
    def updates_enabled(self) -> bool:
        return bool(self.updates_repository) and self.updates_trusted_root is not None

    @property
    def health_enabled(self) -> bool:
        return bool(self.health_broker)


def _kind(hint: Any) -> type:
    """The check a field's type asks for: ``Path | None`` -> Path, ``tuple[str, ...]`` -> list."""
    if get_origin(hint) is tuple:
        return list
    present = [arg for arg in get_args(hint) if arg is not type(None)]
    kind = present[0] if present else hint
    assert isinstance(kind, type)
    return kind


def _settings() -> tuple[Setting, ...]:
    hints = get_type_hints(Config)
    return tuple(
        replace(f.metadata["setting"], attribute=f.name, kind=_kind(hints[f.name]))
        for f in fields(Config)
        if "setting" in f.metadata
    )


SETTINGS: tuple[Setting, ...] = _settings()
_BY_KEY = {declared.key: declared for declared in SETTINGS}
_TABLES = {declared.key.split(".")[0] for declared in SETTINGS if "." in declared.key}


@dataclass(frozen=True)
class ConfigProblem:
    """A mistake in the config file; the kiosk uses the default for that key."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: error: {self.message}"


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    problems: tuple[ConfigProblem, ...] = ()
    text: str = ""  # the file's text, to name lines in later checks


def default_config_path() -> Path:
    """The platform's per-user config location (``--config`` overrides it)."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_FOLDER / CONFIG_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER / CONFIG_NAME
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_FOLDER / CONFIG_NAME


def default_state_dir() -> Path:
    """Where the logs go when the config does not say."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_FOLDER
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_FOLDER
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / APP_FOLDER


def load_config(path: Path | None, explicit: bool = False) -> LoadedConfig:
    """Read ``path`` (default location when None). A missing default file is no error.

    ``explicit`` says the path was asked for (``--config``): then a missing file is
    reported, because the technician expects it to be read.
    """
    path = path if path is not None else default_config_path()
    if not path.is_file():
        if explicit:
            return LoadedConfig(
                Config(), (ConfigProblem(path, 1, "config file not found; using defaults"),)
            )
        return LoadedConfig(Config())
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else error.strerror
        return LoadedConfig(Config(), (ConfigProblem(path, 1, f"cannot read: {reason}"),))
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> LoadedConfig:
    """Validate config text; every bad key falls back to its default."""
    try:
        data = parse_toml(text)
    except TomlSyntaxError as error:
        message = f"not valid TOML: {error.reason}; using defaults for every key"
        return LoadedConfig(Config(source=path), (ConfigProblem(path, error.line, message),))
    problems: list[ConfigProblem] = []
    values: dict[str, Any] = {}
    for key, value in _flatten(data, text, path, problems):
        declared = _BY_KEY.get(key)
        line = _line_of(text, key)
        if declared is None:
            problems.append(ConfigProblem(path, line, _unknown_key_message(key)))
            continue
        try:
            values[declared.attribute] = _convert(declared, value, path)
        except ValueError as error:
            problems.append(ConfigProblem(path, line, f"{key}: {error}"))
    _drop_shared_keys(values, text, path, problems)
    problems += _check_fleet(text, path, values)
    return LoadedConfig(replace(Config(), source=path, **values), tuple(problems), text)


def _drop_shared_keys(
    values: dict[str, Any], text: str, path: Path, problems: list[ConfigProblem]
) -> None:
    """One key, one keypad action: a key named twice keeps its first action."""
    taken: dict[str, str] = {}
    for action in KEYPAD_ACTIONS:
        name = values.get(f"keypad_{action}", "")
        if not name:
            continue
        if name in taken:
            key = f"keypad.{action}"
            message = f"{key}: {name!r} is already keypad.{taken[name]}; {key} is left unset"
            problems.append(ConfigProblem(path, _line_of(text, key), message))
            values[f"keypad_{action}"] = ""
        else:
            taken[name] = action


def _flatten(
    data: dict[str, Any], text: str, path: Path, problems: list[ConfigProblem]
) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            items.extend((f"{key}.{sub}", sub_value) for sub, sub_value in value.items())
        elif key in _TABLES:
            problems.append(
                ConfigProblem(path, key_line(text, key), f"{key} must be a table: [{key}]")
            )
        else:
            items.append((key, value))
    return items


def _line_of(text: str, key: str) -> int:
    if "." not in key:
        return key_line(text, key)
    table, sub = key.split(".", 1)
    start = key_line(text, table)
    lines = text.splitlines()
    section = "\n".join(lines[start - 1 :])
    return key_line(section, sub, start)


def _repository_problem(value: str) -> str | None:
    from urllib.parse import urlsplit

    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        return None if parts.hostname else f"{value!r} is not a URL"
    if len(parts.scheme) > 1:
        return f"{value!r}: only https://, http:// or a folder"
    return None


def _broker_problem(value: str) -> str | None:
    if not value:
        return None
    from kiosk.fleet.health import broker_url_problem

    return broker_url_problem(value)


def _name_problem(value: str) -> str | None:
    import re

    if not value:
        return None
    if value == "all" or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", value):
        return (
            f"{value!r} is not a kiosk name: letters, digits, '-', '_' and '.', at most 64, "
            "and not 'all'"
        )
    return None


def _check_fleet(text: str, path: Path, values: dict[str, Any]) -> list[ConfigProblem]:
    """Keys that only work together: an update source needs its trust anchor."""
    problems = []
    if values.get("updates_repository") and values.get("updates_trusted_root") is None:
        problems.append(
            ConfigProblem(
                path,
                _line_of(text, "updates.repository"),
                "updates.repository: updates.trusted_root (the root.json from `cri-kiosk "
                "fleet init`) is needed too; updates are off",
            )
        )
        values["updates_repository"] = ""
    repository = values.get("updates_repository", "")
    if repository and "://" not in repository:
        folder = Path(repository).expanduser()
        values["updates_repository"] = str(folder if folder.is_absolute() else path.parent / folder)
    return problems


def _unknown_key_message(key: str) -> str:
    known = ", ".join(declared.key for declared in SETTINGS)
    return f"unknown key {key!r}; known keys: {known}"


def _convert(setting: Setting, value: Any, path: Path) -> Any:
    """The value as the Config field wants it; ValueError says what is allowed."""
    kind = setting.kind
    if kind is bool:
        if type(value) is not bool:
            raise ValueError(f"must be true or false, not {type_name(value)} {value!r}")
        return value
    if kind is int or kind is float:
        number_ok = type(value) is int or (kind is float and type(value) is float)
        if not number_ok:
            wanted = "a whole number" if kind is int else "a number"
            raise ValueError(
                f"must be {wanted} {_range(setting)}, not {type_name(value)} {value!r}"
            )
        if (setting.minimum is not None and value < setting.minimum) or (
            setting.maximum is not None and value > setting.maximum
        ):
            raise ValueError(f"{value} is out of range; allowed {_range(setting)}")
        return kind(value)
    if kind is str:
        if not isinstance(value, str):
            raise ValueError(f"must be text, not {type_name(value)} {value!r}{_choices(setting)}")
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{value!r} is not allowed{_choices(setting)}")
        problem = setting.check(value.strip()) if setting.check is not None else None
        if problem:
            raise ValueError(f"{problem}; using the default")
        return value.strip()
    if kind is Path:
        if not isinstance(value, str):
            raise ValueError(f"must be a path in quotes, not {type_name(value)} {value!r}")
        if not value.strip():
            return None
        folder = Path(value).expanduser()
        if not folder.is_absolute():
            folder = (path.parent / folder).resolve()
        if setting.must_exist and not folder.is_dir():
            raise ValueError(f"folder {str(folder)!r} not found; using the default")
        if setting.is_file and not folder.is_file():
            raise ValueError(f"file {str(folder)!r} not found; using the default")
        return folder
    if kind is list:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f'must be a list of texts such as ["fr", "ar"], not {value!r}')
        return tuple(item.strip() for item in value)
    raise AssertionError(f"unhandled setting kind {kind}")  # pragma: no cover


def _range(setting: Setting) -> str:
    low = _number(setting.minimum)
    high = _number(setting.maximum)
    return f"from {low} to {high}"


def _number(value: float | None) -> str:
    if value is None:
        return "any"
    return str(int(value)) if float(value).is_integer() else str(value)


def _choices(setting: Setting) -> str:
    if not setting.choices:
        return ""
    return "; allowed: " + ", ".join(choice or '""' for choice in setting.choices)


def check_against_site(
    loaded: LoadedConfig, site_languages: tuple[str, ...], site_pages: Callable[[str], bool]
) -> LoadedConfig:
    """Drop language codes and section ids the content does not have, reporting each."""
    config = loaded.config
    path = config.source or Path(CONFIG_NAME)
    text = loaded.text
    problems = list(loaded.problems)
    known = ", ".join(site_languages)
    changes: dict[str, Any] = {}

    def keep_known(key: str, attribute: str, codes: tuple[str, ...]) -> None:
        good = tuple(code for code in codes if code in site_languages)
        for code in codes:
            if code not in site_languages:
                message = f"{key}: unknown language {code!r}; the content has: {known}"
                problems.append(ConfigProblem(path, _line_of(text, key), message))
        if good != codes:
            changes[attribute] = good

    keep_known("languages", "languages", config.languages)
    keep_known("loop.languages", "loop_languages", config.loop_languages)
    if config.default_language and config.default_language not in site_languages:
        message = f"default_language: unknown language {config.default_language!r}; " + (
            f"the content has: {known}"
        )
        problems.append(ConfigProblem(path, _line_of(text, "default_language"), message))
        changes["default_language"] = ""
    offered = changes.get("languages", config.languages)
    default = changes.get("default_language", config.default_language)
    if default and offered and default not in offered:
        changes["default_language"] = ""
        message = (
            f"default_language {default!r} is not in languages; visitors start in the "
            "site's default language if offered, else in the first of languages"
        )
        problems.append(ConfigProblem(path, _line_of(text, "default_language"), message))
    unknown_pages = [page for page in config.loop_skip if not site_pages(page)]
    for page in unknown_pages:
        message = f"loop.skip: no section with id {page!r}"
        problems.append(ConfigProblem(path, _line_of(text, "loop.skip"), message))
    return LoadedConfig(replace(config, **changes), tuple(problems), text)


def with_overrides(config: Config, **overrides: Any) -> Config:
    """Command-line flags win over the file; None means "not given"."""
    names = {f.name for f in fields(Config)}
    unknown = set(overrides) - names
    if unknown:
        raise TypeError(f"unknown config fields: {sorted(unknown)}")
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
