"""``cri-kiosk fleet ...`` and ``cri-kiosk admin rollback``: parsers and sub-commands.

Only argparse is imported here at module level: the engines load when a command runs.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

# Non-interactive use (scripts, tests): the root key's passphrase from the environment.
PASSPHRASE_ENV = "CRI_FLEET_ROOT_PASSPHRASE"


def add_fleet_parser(commands: Any, content_option: Any) -> None:
    """The ``fleet`` command and its sub-commands, on the main parser's sub-parsers."""
    fleet = commands.add_parser("fleet", help="signed content releases and kiosk health")
    sub = fleet.add_subparsers(
        dest="fleet_command",
        metavar="{init,publish,renew-root,serve,status,stats}",
        required=True,
    )
    init = sub.add_parser("init", help="create a repository with its keys")
    init.add_argument("--repo", type=Path, required=True, metavar="DIR")
    init.add_argument(
        "--root-key",
        type=Path,
        metavar="FILE",
        help="where to write the passphrase-protected root key (default: DIR-root-key.pem "
        "beside DIR); move it offline afterwards",
    )
    publish = sub.add_parser("publish", help="sign the content as the next release")
    publish.add_argument("--repo", type=Path, required=True, metavar="DIR")
    content_option(publish)
    publish.add_argument(
        "--valid-days",
        type=float,
        default=7.0,
        metavar="N",
        help="days the release metadata stays valid before it must be signed again (default 7)",
    )
    publish.add_argument(
        "--timestamp-only",
        action="store_true",
        help="only sign the timestamp again (same release), e.g. daily from cron",
    )
    renew = sub.add_parser(
        "renew-root", help="sign the root again for a year, with the offline root key"
    )
    renew.add_argument("--repo", type=Path, required=True, metavar="DIR")
    renew.add_argument("--root-key", type=Path, required=True, metavar="FILE")
    serve = sub.add_parser("serve", help="serve the repository over HTTP (a stand's laptop)")
    serve.add_argument("--repo", type=Path, required=True, metavar="DIR")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default all)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    for name, text in (
        ("status", "a table of every kiosk that has reported"),
        ("stats", "the kiosks' daily visit counts added up"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument(
            "--broker", metavar="URL", help="mqtt://host:1883 (default: the config's)"
        )
        command.add_argument(
            "--config",
            type=Path,
            metavar="FILE",
            help="config file with the [health] credentials (default: the usual one)",
        )
        command.add_argument("--json", action="store_true", help="JSON instead of a table")


def add_rollback_parser(admin_commands: Any) -> None:
    rollback = admin_commands.add_parser(
        "rollback",
        help="go back to the previous content release (restart the kiosk afterwards)",
    )
    rollback.add_argument("--config", type=Path, metavar="FILE", help="the kiosk's config file")


def run_fleet(args: argparse.Namespace) -> int:
    command = args.fleet_command
    if command == "init":
        return _init(args.repo, args.root_key)
    if command == "publish":
        return _publish(args.repo, args.content, args.valid_days, args.timestamp_only)
    if command == "renew-root":
        return _renew_root(args.repo, args.root_key)
    if command == "serve":
        return _serve(args.repo, args.host, args.port)
    return _status(args.broker, args.config, args.json, stats=command == "stats")


def _fail(text: str, code: int = 1) -> int:
    print(f"cri-kiosk fleet: {text}", file=sys.stderr)
    return code


def _passphrase() -> str | None:
    from kiosk.fleet.keys import MIN_PASSPHRASE

    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None:
        if not sys.stdin.isatty():
            passphrase = sys.stdin.readline().rstrip("\n")
        else:
            passphrase = getpass.getpass("Passphrase for the offline root key: ")
            if getpass.getpass("The same passphrase again: ") != passphrase:
                print("cri-kiosk fleet init: the two passphrases differ", file=sys.stderr)
                return None
    if len(passphrase) < MIN_PASSPHRASE:
        print(
            f"cri-kiosk fleet init: the passphrase needs at least {MIN_PASSPHRASE} characters",
            file=sys.stderr,
        )
        return None
    return passphrase


def _init(repo_dir: Path, root_key: Path | None) -> int:
    from kiosk.fleet.repository import FleetRepository, RepositoryError

    root_key = root_key or repo_dir.resolve().parent / f"{repo_dir.resolve().name}-root-key.pem"
    passphrase = _passphrase()
    if passphrase is None:
        return 2
    try:
        repo = FleetRepository.create(repo_dir, root_key, passphrase)
    except (RepositoryError, OSError) as error:
        return _fail(str(error))
    print(
        f"""Created the fleet repository {repo.folder}
  {repo.public}/   serve or copy this folder as it is (CDN, web server, USB stick,
                   `cri-kiosk fleet serve`); kiosks set updates.repository to its URL
  {repo.keys_dir}/     online keys (targets, snapshot, timestamp) used by `fleet publish`:
                   keep them on the publishing machine, never serve them
  {repo.trusted_root}   copy to every kiosk and point updates.trusted_root at it
  {root_key}   the ROOT KEY, encrypted with your passphrase: move it to offline
                   storage (a USB stick in a safe); it is only needed to change keys
Next: cri-kiosk fleet publish --repo {repo_dir}"""
    )
    return 0


def _renew_root(repo_dir: Path, root_key: Path) -> int:
    from kiosk.fleet.keys import KeyFileError
    from kiosk.fleet.repository import FleetRepository, RepositoryError

    passphrase = _passphrase()
    if passphrase is None:
        return 2
    try:
        root = FleetRepository(repo_dir).renew_root(root_key, passphrase)
    except (RepositoryError, KeyFileError, OSError) as error:
        return _fail(str(error))
    print(
        f"root version {root.signed.version} signed, valid until "
        f"{root.signed.expires:%Y-%m-%d}; kiosks take it at their next check. "
        "Put the root key back offline."
    )
    return 0


def _publish(repo_dir: Path, content: Path | None, valid_days: float, only_ts: bool) -> int:
    from kiosk.fleet.keys import KeyFileError
    from kiosk.fleet.repository import FleetRepository, RepositoryError
    from kiosk.paths import default_content_dir

    repo = FleetRepository(repo_dir)
    if valid_days <= 0:
        return _fail("--valid-days must be more than 0", 2)
    try:
        if only_ts:
            expires = repo.renew_timestamp(valid_days)
            print(f"timestamp signed again; valid until {expires:%Y-%m-%d %H:%M} UTC")
            return 0
        content_dir = content if content is not None else default_content_dir()
        errors = _check(content_dir)
        if errors:
            for line in errors:
                print(line, file=sys.stderr)
            return _fail(
                f"not published: the content in {content_dir} has {len(errors)} error(s) "
                "(cri-kiosk check)"
            )
        info = repo.publish(content_dir, valid_days)
    except (RepositoryError, KeyFileError, OSError) as error:
        return _fail(str(error))
    print(
        f"published release {info.version} ({info.published}, content sha256 "
        f"{info.content_sha256[:16]}...) into {repo.public}"
    )
    return 0


def _check(content_dir: Path) -> list[str]:
    from kiosk.fleet.content_check import content_errors

    return content_errors(content_dir)


def _serve(repo_dir: Path, host: str, port: int) -> int:
    import threading

    from kiosk.fleet.repository import FleetRepository, RepositoryError
    from kiosk.fleet.serve import RepositoryServer

    repo = FleetRepository(repo_dir)
    if not repo.metadata_dir.is_dir():
        return _fail(f"{repo_dir} is not a fleet repository (no public/metadata)")
    try:
        server = RepositoryServer(repo.public, host, port)
    except OSError as error:
        return _fail(f"cannot listen on {host}:{port}: {error.strerror}")
    stop = threading.Event()

    def renew() -> None:
        # A stand with no internet: keep the timestamp fresh while serving, so kiosks
        # never see expired metadata from a laptop that stays on for days.
        while not stop.wait(3600):
            try:
                repo.renew_timestamp()
            except (RepositoryError, OSError) as error:
                print(f"cri-kiosk fleet serve: cannot renew the timestamp: {error}")

    try:
        repo.renew_timestamp()
    except (RepositoryError, OSError) as error:
        print(f"cri-kiosk fleet serve: cannot renew the timestamp ({error}); serving as is")
    threading.Thread(target=renew, daemon=True).start()
    print(f"serving {repo.public} at http://{host}:{server.server_address[1]}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return 0


def broker_settings(broker: str | None, config_path: Path | None) -> Any:
    from kiosk.config import load_config
    from kiosk.fleet.health import BrokerSettings, broker_url_problem

    config = load_config(config_path, explicit=config_path is not None).config
    url = broker or config.health_broker
    if not url:
        raise ValueError("no broker: give --broker mqtt://host:1883 or set health.broker")
    problem = broker_url_problem(url)
    if problem:
        raise ValueError(problem)
    return BrokerSettings(url, config.health_username, config.health_password,
                          config.health_ca_file)  # fmt: skip


def _status(broker: str | None, config_path: Path | None, as_json: bool, stats: bool) -> int:
    from kiosk.fleet.fleet_status import BrokerUnavailable, collect, rows, table, visit_totals

    try:
        settings = broker_settings(broker, config_path)
        reports = collect(settings)
    except (ValueError, BrokerUnavailable) as error:
        return _fail(str(error))
    if stats:
        totals = visit_totals(reports)
        if as_json:
            print(json.dumps({"kiosks": len(reports), "visits_per_day": totals}, indent=2))
        else:
            print(f"visits per day, {len(reports)} kiosk(s):")
            for day, count in totals.items():
                print(f"  {day}  {count}")
            print(f"  total       {sum(totals.values())}")
        return 0
    listed = rows(reports)
    if as_json:
        print(json.dumps(listed, indent=2))
    elif not listed:
        print("no kiosk has reported to this broker yet")
    else:
        sys.stdout.write(table(listed))
    return 0


def run_rollback(config_path: Path | None) -> int:
    from kiosk.config import load_config
    from kiosk.fleet.release_store import ReleaseStore

    config = load_config(config_path, explicit=config_path is not None).config
    if not config.updates_enabled:
        print("cri-kiosk admin rollback: no [updates] in the config: nothing to roll back",
              file=sys.stderr)  # fmt: skip
        return 1
    store = ReleaseStore(releases_dir(config))
    before = store.current()
    release = store.rollback("rolled back by hand (cri-kiosk admin rollback)")
    if release is None:
        print("cri-kiosk admin rollback: there is no previous release", file=sys.stderr)
        return 1
    print(
        f"release {release.info.version} is current again (was "
        f"{before.info.version if before else '-'}); restart the kiosk to show it "
        "(systemctl restart cri-kiosk)"
    )
    return 0


def releases_dir(config: Any) -> Path:
    from kiosk.config import default_state_dir

    folder = config.updates_releases_dir
    return Path(folder) if folder is not None else default_state_dir() / "releases"
