"""One process of simulated kiosks for the fleet benchmark: the real update and health code.

Each kiosk has its own release store, update thread and MQTT connection, exactly as in
``cri-kiosk run`` without the window: a release that is ready goes on "screen" at once
(as if a visitor had just left). The process runs until its standard input closes.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.fleet.content_check import content_errors
from kiosk.fleet.health import BrokerSettings, ErrorCounter, HealthPublisher, KioskFacts
from kiosk.fleet.release_store import ReleaseStore
from kiosk.fleet.updater import CheckResult, UpdateClient, UpdateService, UpdateSettings


class SimulatedKiosk:
    def __init__(self, name: str, args: argparse.Namespace) -> None:
        self.store = ReleaseStore(Path(args.base) / name)
        settings = UpdateSettings(
            repository=args.repository,
            trusted_root=Path(args.root),
            store_dir=self.store.folder,
            interval_s=24 * 3600.0,  # only at start and when the broker asks
        )
        client = UpdateClient(settings, self.store, content_errors)
        self.updates = UpdateService(client, self._result)
        facts = KioskFacts(name, self._release, None, ErrorCounter())
        self.health = HealthPublisher(
            BrokerSettings(args.broker), facts, self.updates.check_now, args.health_interval
        )

    def _release(self) -> tuple[int | None, str]:
        current = self.store.current()
        return (current.info.version if current else None), self.store.last_event()

    def _result(self, result: CheckResult) -> None:
        if result.state == "ready":
            self.store.switch()
            self.store.confirm()
        elif result.state != "up-to-date":
            print(f"{self.health.name}: {result.message}", file=sys.stderr, flush=True)
        self.health.notify()

    def start(self) -> None:
        self.health.start()
        self.updates.start()

    def stop(self) -> None:
        self.updates.stop(1.0)
        self.health.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repository", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--broker", required=True)
    parser.add_argument("--base", required=True)
    parser.add_argument("--names", required=True, help="comma-separated kiosk names")
    parser.add_argument("--health-interval", type=float, default=60.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    kiosks = [SimulatedKiosk(name, args) for name in args.names.split(",")]
    for kiosk in kiosks:
        kiosk.start()
    print("started", flush=True)
    sys.stdin.read()  # until the benchmark closes our input
    for kiosk in kiosks:
        kiosk.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
