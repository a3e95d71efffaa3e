"""The config file: defaults, every kind of mistake, flags over the file, README coverage."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from kiosk.config import (
    SETTINGS,
    Config,
    check_against_site,
    default_config_path,
    load_config,
    parse_config,
    with_overrides,
)
from tests.conftest import REPO

SITE_LANGUAGES = ("fr", "ar", "en")


def parse(text: str, path: Path = Path("/etc/cri-kiosk/config.toml")):  # type: ignore[no-untyped-def]
    return parse_config(text, path)


def test_missing_default_file_gives_defaults_silently(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "absent.toml")
    assert loaded.config == Config()
    assert loaded.problems == ()
    assert not loaded.config.kiosk


def test_missing_explicit_file_is_reported(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "absent.toml", explicit=True)
    assert loaded.config == Config()
    (problem,) = loaded.problems
    assert "absent.toml:1: error: config file not found" in str(problem)


def test_a_full_valid_config(tmp_path: Path) -> None:
    (tmp_path / "my-content").mkdir()
    path = tmp_path / "config.toml"
    path.write_text(
        """
mode = "kiosk"
default_language = "ar"
languages = ["ar", "fr"]
screen = 1
content_dir = "my-content"
hide_cursor = true

[idle]
timeout = 60
countdown = 10
attract_delay = 5

[admin]
pin_hash = "scrypt$16384$8$1$abc$def"

[loop]
enabled = true
seconds = 12
languages = ["fr", "ar"]
skip = ["telechargements"]

[stats]
enabled = false
retention_days = 30
""",
        encoding="utf-8",
    )
    loaded = load_config(path)
    assert loaded.problems == ()
    config = loaded.config
    assert config.kiosk
    assert config.default_language == "ar"
    assert config.languages == ("ar", "fr")
    assert config.screen == 1
    assert config.content_dir == tmp_path / "my-content"
    assert config.hide_cursor is True
    assert (config.idle_timeout, config.idle_countdown, config.attract_delay) == (60, 10, 5)
    assert config.loop_enabled and config.loop_seconds == 12
    assert config.loop_skip == ("telechargements",)
    assert config.stats_enabled is False and config.stats_retention_days == 30


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ('mode = "party"', 1, "mode: 'party' is not allowed; allowed: presentation, kiosk"),
        ("mode = 3", 1, "mode: must be text, not whole number 3; allowed: presentation, kiosk"),
        ('\ncolour = "red"', 2, "unknown key 'colour'; known keys: mode, default_language"),
        ("screen = -1", 1, "screen: -1 is out of range; allowed from 0 to 16"),
        ('screen = "2"', 1, "screen: must be a whole number from 0 to 16, not text '2'"),
        ("hide_cursor = 1", 1, "hide_cursor: must be true or false, not whole number 1"),
        ("[idle]\n\ntimeout = 5", 3, "idle.timeout: 5 is out of range; allowed from 10 to 3600"),
        ("[idle]\ntimeout = 1.5", 2, "idle.timeout: must be a whole number from 10 to 3600"),
        ("[idle]\nsnooze = 3", 2, "unknown key 'idle.snooze'"),
        ("idle = 3", 1, "idle must be a table: [idle]"),
        ('languages = "fr"', 1, 'languages: must be a list of texts such as ["fr", "ar"]'),
        ('content_dir = "/no/such/folder"', 1, "content_dir: folder '/no/such/folder' not found"),
        ("content_dir = 5", 1, "content_dir: must be a path in quotes"),
        (
            "[admin]\ncorner_seconds = 0.2",
            2,
            "admin.corner_seconds: 0.2 is out of range; allowed from 1 to 15",
        ),
        ("mode = ", 1, "not valid TOML"),
    ],
)
def test_each_mistake_names_file_line_and_allowed_values(
    text: str, line: int, expected: str
) -> None:
    loaded = parse(text)
    assert loaded.problems, "a mistake must be reported"
    message = str(loaded.problems[0])
    assert message.startswith(f"/etc/cri-kiosk/config.toml:{line}: error: "), message
    assert expected in message
    # The kiosk still starts: the bad key keeps its default.
    assert isinstance(loaded.config, Config)


def test_a_bad_key_keeps_its_default_and_the_good_ones_apply() -> None:
    loaded = parse('mode = "kiosk"\nscreen = 99\n[idle]\ntimeout = 30\n')
    assert loaded.config.kiosk
    assert loaded.config.screen == 0
    assert loaded.config.idle_timeout == 30
    assert len(loaded.problems) == 1


def test_unknown_languages_and_sections_are_dropped_against_the_content() -> None:
    loaded = parse(
        'default_language = "de"\nlanguages = ["fr", "xx"]\n'
        '[loop]\nlanguages = ["en", "zz"]\nskip = ["nope"]\n'
    )
    checked = check_against_site(loaded, SITE_LANGUAGES, lambda page: page == "pole-medest")
    messages = [str(problem) for problem in checked.problems]
    assert checked.config.default_language == ""
    assert checked.config.languages == ("fr",)
    assert checked.config.loop_languages == ("en",)
    assert any(":1: error: default_language: unknown language 'de'" in m for m in messages)
    assert any(
        ":2: error: languages: unknown language 'xx'; the content has: fr, ar, en" in m
        for m in messages
    )
    assert any(":4: error: loop.languages: unknown language 'zz'" in m for m in messages)
    assert any(":5: error: loop.skip: no section with id 'nope'" in m for m in messages)


def test_flags_override_the_file() -> None:
    config = parse('mode = "presentation"\nscreen = 1\n').config
    overridden = with_overrides(config, mode="kiosk", screen=None, default_language="en")
    assert overridden.kiosk
    assert overridden.screen == 1
    assert overridden.default_language == "en"
    with pytest.raises(TypeError):
        with_overrides(config, colour="red")


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'mode = "\xff"\n')
    loaded = load_config(path)
    assert loaded.config == Config()
    assert "cannot read: not UTF-8 text" in str(loaded.problems[0])


def test_default_location_is_per_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_config_path() == tmp_path / "cri-kiosk" / "config.toml"


def test_readme_documents_every_key_with_its_default() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    defaults = Config()
    for setting in SETTINGS:
        row = re.search(rf"^\| `{re.escape(setting.key)}` \|(.+)$", readme, re.MULTILINE)
        assert row, f"README's configuration table lacks {setting.key}"
        default = getattr(defaults, setting.attribute)
        if isinstance(default, bool):
            shown = str(default).lower()
        elif isinstance(default, (int, float)) and not isinstance(default, bool):
            shown = str(default)
        else:
            shown = None
        if shown is not None:
            assert f"`{shown}`" in row.group(1), f"README gives no default for {setting.key}"


def test_a_default_language_that_is_not_offered_is_reported(tmp_path: Path) -> None:
    loaded = parse('default_language = "en"\nlanguages = ["fr", "ar"]\n')
    checked = check_against_site(loaded, SITE_LANGUAGES, lambda page: True)
    (problem,) = checked.problems
    assert ":1: error: default_language 'en' is not in languages" in str(problem)
    assert checked.config.default_language == ""
    assert checked.config.languages == ("fr", "ar")


def test_every_field_is_one_key_of_a_kind_the_file_is_checked_for() -> None:
    keys = [declared.key for declared in SETTINGS]
    assert len(keys) == len(set(keys))
    assert {declared.attribute for declared in SETTINGS} == {
        f.name for f in fields(Config) if f.name != "source"
    }
    assert {declared.kind for declared in SETTINGS} <= {bool, int, float, str, Path, list}


def test_keypad_keys_are_checked_by_name_and_never_shared() -> None:
    text = '[keypad]\nnext = "Right"\nprevious = "PageUp"\nselect = "Right"\nhelp = "F1"\n'
    loaded = parse(text)
    messages = [str(problem) for problem in loaded.problems]
    assert len(messages) == 2, messages
    assert (
        ":3: error: keypad.previous: 'PageUp' is not allowed; allowed: \"\", Left," in (messages[0])
    )
    assert ":4: error: keypad.select: 'Right' is already keypad.next" in messages[1]
    assert loaded.config.keypad_keys == {"next": "Right", "help": "F1"}


def test_fleet_keys_are_off_by_default() -> None:
    config = Config()
    assert not config.updates_enabled and not config.health_enabled


def test_fleet_keys_read_with_paths_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "fleet-root.json").write_text("{}")
    loaded = parse(
        '[updates]\nrepository = "usb/cri-fleet"\ntrusted_root = "fleet-root.json"\n'
        'interval = 30\n[health]\nbroker = "mqtts://broker.example.org:8883"\n'
        'name = "oujda-front-desk"\nusername = "u"\npassword = "p"\ninterval = 120\n',
        tmp_path / "config.toml",
    )
    assert loaded.problems == ()
    config = loaded.config
    assert config.updates_enabled and config.health_enabled
    assert config.updates_repository == str(tmp_path / "usb" / "cri-fleet")
    assert config.updates_trusted_root == tmp_path / "fleet-root.json"
    assert (config.updates_interval, config.health_interval) == (30, 120)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[updates]\nrepository = "https://cdn.example.org/f/"\n', 2,
         "updates.repository: updates.trusted_root (the root.json from `cri-kiosk fleet "
         "init`) is needed too; updates are off"),
        ('[updates]\nrepository = "ftp://x/"\n', 2,
         "updates.repository: 'ftp://x/': only https://, http:// or a folder; using the "
         "default"),
        ('[updates]\ntrusted_root = "/nowhere/root.json"\n', 2,
         "updates.trusted_root: file '/nowhere/root.json' not found; using the default"),
        ('\n[health]\nbroker = "http://broker:1883"\n', 3,
         "health.broker: 'http://broker:1883' is not a broker address; write "
         "mqtt://host:1883 or mqtts://host:8883; using the default"),
        ('[health]\nbroker = "mqtt://user:pw@broker"\n', 2,
         "health.broker: put the credentials in health.username and health.password, not "
         "in the URL; using the default"),
        ('[health]\nname = "all"\n', 2,
         "health.name: 'all' is not a kiosk name: letters, digits, '-', '_' and '.', at "
         "most 64, and not 'all'; using the default"),
        ("[health]\ninterval = 5\n", 2,
         "health.interval: 5 is out of range; allowed from 10 to 3600"),
    ],
)  # fmt: skip
def test_fleet_mistakes_name_file_line_and_what_is_allowed(
    text: str, line: int, message: str
) -> None:
    loaded = parse(text)
    (problem,) = loaded.problems
    assert str(problem) == f"/etc/cri-kiosk/config.toml:{line}: error: {message}"
    assert not loaded.config.updates_enabled and not loaded.config.health_enabled
