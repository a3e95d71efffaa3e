"""``cri-kiosk check``: one ``path:line: severity: message`` line per problem, exit 1 on errors."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO / "content"
PROBLEM_LINE = re.compile(r"^.+:\d+: (error|warning): \S.*$")


def check(content: Path | None, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    argv = ["check"] if content is None else ["check", "--content", str(content)]
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_containing(path: Path, text: str) -> int:
    lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found} of {path}"
    return found[0]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} appears {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_shipped_content_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(SHIPPED_CONTENT, capsys)

    assert code == 0
    assert out == ""
    assert err == (
        "translation coverage:\n"
        "  fr  10/10  100 %\n"
        "  ar  10/10  100 %\n"
        "  en  10/10  100 %\n"
        "checked 30 pages in 3 languages: 0 error(s), 0 warning(s)\n"
    )


def test_bundled_content_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = check(None, capsys)

    assert code == 0
    assert out == ""


def test_missing_content_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"

    code, out, _err = check(missing, capsys)

    assert code == 1
    assert out == (
        f"{missing}:1: error: the content folder does not exist: {missing} "
        "(--content must point at the folder that holds site.toml)\n"
    )


def test_missing_site_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    (content / "site.toml").unlink()

    code, out, _err = check(content, capsys)

    assert code == 1
    assert out.splitlines() == [
        f"{content / 'site.toml'}:1: error: no site file: create site.toml naming the "
        "languages and home order"
    ]


def test_warnings_alone_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    (content / "en" / "pole-medest.md").unlink()

    code, out, err = check(content, capsys)

    assert code == 0
    assert out == (
        f"{content / 'fr' / 'pole-medest.md'}:1: warning: no en translation "
        "(en/pole-medest.md): visitors reading en see this fr page\n"
    )
    assert err.endswith("checked 29 pages in 3 languages: 0 error(s), 1 warning(s)\n")
    assert "  en  9/10   90 %  missing: pole-medest\n" in err


@pytest.fixture
def broken_content(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the content with one mistake of each kind, and the lines check must print."""
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    expected: list[str] = []

    def expect(path: Path, needle: str | int, message: str, severity: str = "error") -> None:
        line = needle if isinstance(needle, int) else line_containing(path, needle)
        expected.append(f"{path}:{line}: {severity}: {message}")

    # site.toml: an unknown key, and a home entry that is no page.
    site = content / "site.toml"
    replace(site, '"telechargements"]', '"telechargements", "contact"]\ncolour = "blue"')
    expect(site, "home =", "home lists 'contact' but no page has that id")
    expect(site, "colour =", "unknown key 'colour'")

    # Front matter: no opening '+++', invalid TOML, unknown key, wrong type, bad id.
    page = content / "ar" / "bloc-ecosystemes.md"
    page.write_text(page.read_text(encoding="utf-8").removeprefix("+++\n"), encoding="utf-8")
    expect(page, 1, "the file must start with a line '+++'")

    page = content / "en" / "pole-medest.md"
    replace(page, 'title = "', "title = ")
    expect(page, "title =", "front matter is not valid TOML")

    page = content / "fr" / "telechargements.md"
    replace(page, "order = 4\n", 'order = 4\ncouleur = "bleu"\n')
    expect(page, "couleur", "unknown front matter key 'couleur'")

    page = content / "ar" / "telechargements.md"
    replace(page, "order = 4", 'order = "four"')
    expect(page, "order =", "'order' must be whole number")

    page = content / "en" / "bloc-ecosystemes.md"
    replace(page, 'id = "bloc-ecosystemes"', 'id = "Bloc_Ecosystemes"')
    expect(page, "id =", "id 'Bloc_Ecosystemes' must be lower-case letters")

    # Loading: a file that is not UTF-8, a duplicate id.
    page = content / "en" / "chiffres-cles.md"
    lines = page.read_bytes().split(b"\n")
    lines[11] = "été ".encode("latin-1") + lines[11]
    page.write_bytes(b"\n".join(lines))
    expect(page, 12, "the file is not UTF-8 text (byte 0xe9)")

    copy = content / "fr" / "zz-copie.md"
    shutil.copyfile(content / "fr" / "chiffres-cles.md", copy)
    expect(
        copy,
        'id = "chiffres-cles"',
        "duplicate id 'chiffres-cles': already used by chiffres-cles.md",
    )

    # Structure and icons.
    page = content / "fr" / "agropole-berkane.md"
    replace(page, 'parent = "pole-medest"', 'parent = "pole-medst"')
    expect(page, "parent =", "unknown parent 'pole-medst'")

    page = content / "fr" / "bloc-ecosystemes.md"
    replace(page, 'icon = "mdi6.vector-link"', 'icon = "mdi6.no-such-icon"')
    expect(page, "icon =", "unknown icon 'mdi6.no-such-icon'")

    # Links: a broken page link, an unsafe link.
    page = content / "fr" / "chiffres-cles.md"
    replace(page, "(bloc-competitivite-pme.md)", "(bloc-competivite.md)")
    expect(page, "(bloc-competivite.md)", "broken link 'bloc-competivite.md'")

    page = content / "en" / "technopole-oujda.md"
    with page.open("a", encoding="utf-8") as file:
        file.write("\n[Click here](javascript:alert(1))\n")
    expect(page, "javascript:", "unsafe link 'javascript:alert(1)'")

    page = content / "ar" / "technopole-oujda.md"
    with page.open("a", encoding="utf-8") as file:
        file.write("\n[Annexe](file:///etc/passwd)\n\n[Contact](mailto:cri@example.ma)\n")
    expect(page, "file:///", "unsafe link 'file:///etc/passwd'")
    expect(page, "mailto:", "email link 'mailto:cri@example.ma'")

    page = content / "fr" / "technopole-oujda.md"
    with page.open("a", encoding="utf-8") as file:
        file.write("\n<div>encadré</div>\n")
    expect(page, "<div>", "raw HTML '<div>' is shown as text", "warning")

    # Pictures: a missing one, one too large for a kiosk.
    (content / "images").mkdir()
    (content / "images" / "plan.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", 8000, 5000) + bytes(9)
    )
    page = content / "fr" / "parc-industriel-selouane.md"
    with page.open("a", encoding="utf-8") as file:
        file.write("\n![Carte](../images/carte.png)\n\n![Plan](../images/plan.png)\n")
    expect(page, "carte.png", "image '../images/carte.png' not found")
    expect(page, "plan.png", "image '../images/plan.png' is too large for the kiosk")

    page = content / "en" / "parc-industriel-selouane.md"
    replace(page, 'title = "Selouane Industrial Park (Nador)"\n', "")
    expect(page, 1, "front matter has no 'title': add title = ...")

    # Tile texts too long; a page missing in one language.
    page = content / "en" / "agropole-berkane.md"
    replace(page, 'title = "', 'title = "' + "Very long title " * 4)
    expect(page, "title =", "the title is too long for its tile (", "warning")
    (content / "ar" / "chiffres-cles.md").unlink()
    expect(
        content / "fr" / "chiffres-cles.md", 1, "no ar translation (ar/chiffres-cles.md)", "warning"
    )

    return content, expected


def test_broken_content_fails_with_one_line_per_mistake(
    broken_content: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = broken_content

    code, out, err = check(content, capsys)

    assert code == 1
    printed = out.splitlines()
    missing = [
        line
        for line in expected
        if not any(printed_line.startswith(line) for printed_line in printed)
    ]
    assert missing == [], "not printed:\n" + "\n".join(missing) + "\n--- stdout ---\n" + out
    assert all(PROBLEM_LINE.match(line) for line in printed), out
    assert len(printed) == len(set(printed)), "a problem is printed twice"
    errors = sum(": error: " in line for line in printed)
    warnings = sum(": warning: " in line for line in printed)
    assert errors >= sum(": error: " in line for line in expected)
    assert err.endswith(f"pages in 3 languages: {errors} error(s), {warnings} warning(s)\n"), err
    assert "translation coverage:" in err
    # ar/bloc-ecosystemes.md is refused (no front matter), ar/chiffres-cles.md deleted.
    assert "  ar  8/10   80 %  missing: bloc-ecosystemes, chiffres-cles\n" in err
    assert (
        "  en  6/10   60 %  missing: bloc-ecosystemes, chiffres-cles, "
        "parc-industriel-selouane, pole-medest\n" in err
    )


def test_json_format(
    broken_content: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = broken_content

    code = main(["check", "--content", str(content), "--format", "json"])
    report = json.loads(capsys.readouterr().out)

    assert code == 1
    as_lines = [
        f"{p['path']}:{p['line']}: {p['severity']}: {p['message']}" for p in report["problems"]
    ]
    for line in expected:
        assert any(printed.startswith(line) for printed in as_lines), line
    coverage = {row["language"]: row for row in report["coverage"]}
    assert coverage["fr"]["percent"] == 100
    assert coverage["ar"]["translated"] == 8
    assert coverage["ar"]["total"] == 10
    assert coverage["ar"]["missing"] == ["bloc-ecosystemes", "chiffres-cles"]
    assert report["summary"]["errors"] == sum(p["severity"] == "error" for p in report["problems"])


def test_json_format_of_unusable_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--content", str(tmp_path / "nowhere"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)

    assert code == 1
    assert report["problems"][0]["severity"] == "error"
    assert "the content folder does not exist" in report["problems"][0]["message"]
    assert report["coverage"] == []


def test_output_is_sorted_by_file_and_line(
    broken_content: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    content, _expected = broken_content

    _code, out, _err = check(content, capsys)

    keys = []
    for line in out.splitlines():
        path, number, _rest = line.split(":", 2)
        keys.append((path, int(number)))
    assert keys == sorted(keys)


@pytest.mark.slow
def test_python_m_kiosk_check_passes(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert proc.returncode == 0, f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    assert proc.stdout == ""
    assert "0 error(s)" in proc.stderr


# Run in a fresh interpreter: which modules ``cri-kiosk check`` loaded, after it ran.
LOADED_MODULES = """
import sys
from kiosk.cli import main
code = main(["check", "--content", sys.argv[1]])
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.slow
def test_check_loads_no_qt(broken_content: tuple[Path, list[str]]) -> None:
    """A content server without display libraries can run check: QtGui is never loaded,
    and an unknown icon is still found (from qtawesome's files, not its Qt fonts)."""
    content, expected = broken_content
    proc = subprocess.run(
        [sys.executable, "-c", LOADED_MODULES, str(content)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    loaded = set(proc.stderr.splitlines())
    assert proc.returncode == 1, proc.stderr
    [icon_problem] = [line for line in expected if "unknown icon" in line]
    assert any(line.startswith(icon_problem) for line in proc.stdout.splitlines()), proc.stdout
    assert "kiosk.check_report" in loaded
    assert "PySide6.QtGui" not in loaded
    assert not {name for name in loaded if name.split(".")[0] in ("PySide6", "shiboken6")}
