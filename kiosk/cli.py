"""Command line: ``cri-kiosk [run] | check | tour | build-docs | stats | export-html | speak |
admin | fleet``."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from kiosk import __version__
from kiosk.fleet.commands import add_fleet_parser, add_rollback_parser
from kiosk.paths import default_content_dir

COMMANDS = ("run", "check", "tour", "build-docs", "stats", "export-html", "speak", "admin", "fleet")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cri-kiosk",
        description="CRI Oriental touch information kiosk.",
        epilog="Without a command, 'run' is assumed: cri-kiosk --fullscreen",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="{run,check,tour,build-docs,stats,export-html,speak,admin,fleet}"
    )

    run = commands.add_parser(
        "run",
        help="open the kiosk (windowed presentation mode unless --kiosk or --fullscreen)",
        description="Options override the config file's keys.",
    )
    _content_option(run)
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"config file (default: {default_config_path_text()})",
    )
    run.add_argument(
        "--kiosk", action="store_true", help="kiosk mode: locked down, fullscreen, idle reset"
    )
    run.add_argument(
        "--presentation",
        action="store_true",
        help="presentation mode even if the config says kiosk",
    )
    run.add_argument("--fullscreen", action="store_true", help="fill the whole screen")
    run.add_argument(
        "--loop",
        action="store_true",
        help="play the sections by themselves while nobody uses the screen (loop.enabled)",
    )
    run.add_argument("--lang", metavar="CODE", help="start in this language (default: site's)")
    run.add_argument("--screen", type=_screen_index, metavar="N", help="screen to use (0: primary)")
    run.add_argument("--hide-cursor", action="store_true", help="hide the mouse pointer")
    run.add_argument("--log-dir", type=Path, metavar="DIR", help="folder for the log files")
    run.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="quit with code 0 once the home screen has been painted, printing the "
        "monotonic clock's time of that paint (smoke tests, benchmarks)",
    )
    run.add_argument(
        "--hot-reload",
        action="store_true",
        help="windowed mode: show content changes as soon as a file is saved (authors)",
    )
    run.add_argument("--verbose", action="store_true", help="log debug messages")

    check = commands.add_parser("check", help="validate the content; exit 1 on any error")
    _content_option(check)
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one 'path:line: severity: message' line per problem (default); "
        "json: problems and translation coverage as one JSON object",
    )

    tour = commands.add_parser("tour", help="render every screen to PNG files (offscreen)")
    _content_option(tour)
    tour.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    tour.add_argument(
        "--lang", default="all", metavar="CODE|all", help="one language code, or all (default)"
    )
    tour.add_argument(
        "--size",
        action="append",
        metavar="WxH",
        help="window size, repeatable (default: 1920x1080 1080x1920 1366x768)",
    )
    tour.add_argument(
        "--dpr",
        type=float,
        default=1.0,
        metavar="RATIO",
        help="device pixel ratio; sizes are then device pixels (4K: --size 3840x2160 --dpr 2)",
    )

    build_docs = commands.add_parser(
        "build-docs", help="typeset the brochures (one PDF per language) into the cache"
    )
    _content_option(build_docs)
    build_docs.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder (default: the kiosk's cache, where it looks for them)",
    )

    stats = commands.add_parser("stats", help="summarise the visit statistics")
    stats.add_argument(
        "--since",
        type=_date,
        metavar="YYYY-MM-DD",
        help="only visits from this day on (default: everything kept)",
    )
    stats.add_argument("--csv", type=Path, metavar="FILE", help="also write the figures as CSV")
    stats.add_argument(
        "--database",
        type=Path,
        metavar="FILE",
        help="statistics database (default: the kiosk's, in the user data folder)",
    )

    export = commands.add_parser(
        "export-html", help="write the content as a static multilingual web site"
    )
    _content_option(export)
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")

    speak = commands.add_parser(
        "speak",
        help="write what the kiosk would say to a WAV file (check a box's voices)",
        description="Synthesises TEXT with the voice the kiosk uses for LANG, through the "
        "same code as speech mode, and prints its length and level.",
    )
    speak.add_argument("--lang", required=True, metavar="CODE", help="language: fr, ar, en")
    speak.add_argument("--out", type=Path, required=True, metavar="FILE.wav", help="output file")
    speak.add_argument(
        "--volume",
        type=int,
        default=None,
        metavar="STEP",
        help="volume step, 1 (softest) to 4; default: the kiosk's starting step",
    )
    speak.add_argument(
        "--phonemes", action="store_true", help="also print the phonemes the voice reads (IPA)"
    )
    speak.add_argument("text", nargs="+", metavar="TEXT", help="what to say")

    admin = commands.add_parser("admin", help="technician tools")
    admin_commands = admin.add_subparsers(
        dest="admin_command", metavar="{hash-pin,rollback}", required=True
    )
    admin_commands.add_parser(
        "hash-pin",
        help="read a PIN and print its salted hash for the config's admin.pin_hash",
        description="Reads the PIN twice without echo (or once from a pipe) and prints "
        "the line to paste into the config file. The PIN itself is never stored.",
    )
    add_rollback_parser(admin_commands)
    add_fleet_parser(commands, _content_option)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01"
        ) from None


def default_config_path_text() -> str:
    from kiosk.config import default_config_path

    return str(default_config_path())


def _screen_index(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a screen number: {text!r}") from None
    if not 0 <= value <= 16:
        raise argparse.ArgumentTypeError(f"screen {value} is out of range; allowed 0 to 16")
    return value


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="content folder (default: the bundled content)",
    )


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list.insert(0, "run")
    args = build_parser().parse_args(args_list)
    if args.command == "admin":
        if args.admin_command == "rollback":
            from kiosk.fleet.commands import run_rollback

            return run_rollback(args.config)
        return _hash_pin()
    if args.command == "fleet":
        from kiosk.fleet.commands import run_fleet

        return run_fleet(args)
    if args.command == "run":
        return _run(args)
    if args.command == "stats":
        return _stats(args.database, args.since, args.csv)
    if args.command == "speak":
        return _speak(args.lang, args.out, " ".join(args.text), args.volume, args.phonemes)
    content_dir = args.content if args.content is not None else default_content_dir()
    if args.command == "check":
        from kiosk.check_report import run_check

        return run_check(content_dir, args.format)
    if args.command == "export-html":
        return _export_html(content_dir, args.out)
    if args.command == "tour":
        return _tour(content_dir, args.out, args.lang, args.size or [], args.dpr)
    if args.command == "build-docs":
        return _build_docs(content_dir, args.out)
    raise AssertionError(f"unhandled command {args.command}")  # pragma: no cover


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import RunOptions, run
    from kiosk.config import (
        LoadedConfig,
        default_state_dir,
        load_config,
        with_overrides,
    )
    from kiosk.log import setup_logging

    loaded = load_config(args.config, explicit=args.config is not None)
    mode = "kiosk" if args.kiosk else "presentation" if args.presentation else None
    config = with_overrides(
        loaded.config,
        mode=mode,
        content_dir=args.content,
        default_language=args.lang,
        screen=args.screen,
        hide_cursor=True if args.hide_cursor else None,
        loop_enabled=True if args.loop else None,
        log_dir=args.log_dir,
    )
    log_file = setup_logging(
        verbose=args.verbose, log_dir=config.log_dir or default_state_dir() / "logs"
    )
    for problem in loaded.problems:
        print(f"cri-kiosk: {problem}", file=sys.stderr)
    options = RunOptions(
        loaded=LoadedConfig(config, loaded.problems, loaded.text),
        fullscreen=args.fullscreen,
        exit_after_startup=args.exit_after_startup,
        hot_reload=args.hot_reload,
        log_file=log_file,
    )
    return run(options)


def _stats(database: Path | None, since: date | None, csv_path: Path | None) -> int:
    from kiosk.stats import default_database_path
    from kiosk.stats.report import StatsUnavailable, format_summary, load_summary, write_csv

    path = database if database is not None else default_database_path()
    try:
        summary = load_summary(path, since)
    except StatsUnavailable as error:
        print(f"cri-kiosk stats: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(format_summary(summary))
    if csv_path is not None:
        try:
            write_csv(summary, csv_path)
        except OSError as error:
            print(f"cri-kiosk stats: cannot write {csv_path}: {error.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {csv_path}", file=sys.stderr)
    return 0


def _speak(language: str, out: Path, text: str, volume: int | None, phonemes: bool) -> int:
    from kiosk.speech.espeak import EspeakError
    from kiosk.speech.speaker import Speaker
    from kiosk.speech.voices import VOLUME_STEPS, voice_for

    if volume is not None and not 1 <= volume <= len(VOLUME_STEPS):
        print(f"cri-kiosk speak: --volume must be 1 to {len(VOLUME_STEPS)}", file=sys.stderr)
        return 2
    speaker = Speaker()
    if volume is not None:
        speaker.volume_step = volume - 1
    try:
        clip = speaker.synthesize(text, language)
        ipa = speaker.espeak.phonemes(text, voice_for(language).name) if phonemes else ""
    except EspeakError as error:
        print(f"cri-kiosk speak: {error}", file=sys.stderr)
        return 2
    finally:
        speaker.close()
    try:
        clip.write_wav(out)
    except OSError as error:
        print(f"cri-kiosk speak: cannot write {out}: {error.strerror}", file=sys.stderr)
        return 1
    voice = voice_for(language)
    print(f"wrote {out}: voice {voice.name!r} at {voice.rate} words/min, "
          f"{clip.profile().describe()}")  # fmt: skip
    if ipa:
        print(f"phonemes: {ipa}")
    return 0


def _hash_pin() -> int:
    import getpass

    from kiosk.admin_pin import PinFormatError, hash_pin

    try:
        if sys.stdin.isatty():
            pin = getpass.getpass("New admin PIN (4 to 12 digits): ")
            again = getpass.getpass("The same PIN again: ")
            if pin != again:
                print("cri-kiosk admin hash-pin: the two PINs differ", file=sys.stderr)
                return 2
        else:
            pin = sys.stdin.readline().strip()
        hashed = hash_pin(pin)
    except PinFormatError as error:
        print(f"cri-kiosk admin hash-pin: {error}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("cri-kiosk admin hash-pin: no PIN given", file=sys.stderr)
        return 2
    print("Paste this line into the [admin] table of the config file:", file=sys.stderr)
    print(f'pin_hash = "{hashed}"')
    return 0


def _export_html(content_dir: Path, out: Path) -> int:
    from kiosk.export_html import ExportError, export_site

    try:
        written = export_site(content_dir, out)
    except ExportError as error:
        print(f"cri-kiosk export-html: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} pages to {out}", file=sys.stderr)
    return 0


def _build_docs(content_dir: Path, out: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import create_application, load_library
    from kiosk.documents.store import DocumentStore
    from kiosk.log import setup_logging

    setup_logging()
    app = create_application()
    library = load_library(content_dir)
    if library is None:
        print(f"cri-kiosk build-docs: the content in {content_dir} is unusable", file=sys.stderr)
        return 1
    store = DocumentStore(library, out, app)
    try:
        built = store.build_all()
    except OSError as error:
        print(f"cri-kiosk build-docs: cannot write the brochures: {error}", file=sys.stderr)
        return 1
    for doc_id, path in built:
        info = store.probe(path)
        print(f"{doc_id}: {path} ({info.pages} pages, {info.size // 1000} kB)")
    return 0


def _tour(content_dir: Path, out: Path, lang: str, size_texts: list[str], dpr: float = 1.0) -> int:
    from kiosk.tour import DEFAULT_SIZES, parse_size

    try:
        sizes = tuple(parse_size(text) for text in size_texts) or DEFAULT_SIZES
    except ValueError as error:
        print(f"cri-kiosk tour: {error}", file=sys.stderr)
        return 2
    if not 1.0 <= dpr <= 4.0:
        print(f"cri-kiosk tour: --dpr must be between 1 and 4, not {dpr:g}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if dpr != 1.0:
        # Qt reads the scale factor when the application starts.
        os.environ["QT_SCALE_FACTOR"] = f"{dpr:g}"

    from kiosk.app import build_window, create_application, load_library
    from kiosk.log import setup_logging
    from kiosk.tour import kiosk_mode_screens, run_tour

    setup_logging()
    app = create_application()
    library = load_library(content_dir)
    if library is None:
        print(f"cri-kiosk tour: the content in {content_dir} is unusable", file=sys.stderr)
        return 1
    codes = library.site.language_codes
    if lang != "all" and lang not in codes:
        print(
            f"cri-kiosk tour: unknown language {lang!r}; use one of {', '.join(codes)} or all",
            file=sys.stderr,
        )
        return 2
    languages = codes if lang == "all" else (lang,)
    window = build_window(app, library, languages[0])
    extras = kiosk_mode_screens(window)
    result = run_tour(app, window, library, out, languages, sizes, extras, dpr)
    window.close()
    print(f"wrote {len(result.written)} screens to {out}", file=sys.stderr)
    for name in result.failed:
        print(f"cri-kiosk tour: failed to render {name}", file=sys.stderr)
    return 1 if result.failed or not result.written else 0
