"""The fleet engine (kiosk.fleet, no Qt) in the running kiosk: its one Qt-side module.

Chooses the content folder at start (the current release), lets the update and health
threads run, switches to a new release at the next reset between visitors, confirms it
once the home screen is painted and rolls back when it is not painted in time.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot

from kiosk.config import Config
from kiosk.fleet.commands import releases_dir
from kiosk.fleet.release_store import Release, ReleaseStore

if TYPE_CHECKING:
    from kiosk.fleet.health import ErrorCounter, HealthPublisher
    from kiosk.fleet.updater import UpdateService

log = logging.getLogger("kiosk.fleet")

# After a switch, the new release must paint the home screen within this bound.
PAINT_BOUND_MS = 60_000


class FleetLink(QObject):
    """Fleet services of one kiosk run. ``content_switch`` asks the run to show a folder."""

    content_switch = Signal(object)  # Path of the content folder to show now
    _update_result = Signal(object)  # from the update thread, delivered on the UI thread

    def __init__(self, config: Config, configured_content: Path, parent: QObject) -> None:
        super().__init__(parent)
        self._config = config
        self._configured = configured_content
        self.store: ReleaseStore | None = None
        self.updates: UpdateService | None = None
        self.health: HealthPublisher | None = None
        self._errors: ErrorCounter | None = None
        self.paint_bound_ms = PAINT_BOUND_MS
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.timeout.connect(self._not_painted_in_time)
        self._update_result.connect(self._on_update_result)
        if config.updates_enabled:
            self.store = ReleaseStore(releases_dir(config))

    # ------------------------------------------------------------------ start

    def content_dir(self) -> Path:
        """The folder to show at start: the current release, else the configured content."""
        if self.store is None:
            return self._configured
        try:
            release = self.store.begin_start()
        except OSError as error:
            log.error("releases: cannot read %s (%s); showing the configured content",
                      self.store.folder, error)  # fmt: skip
            return self._configured
        if release is None:
            return self._configured
        if self.store.pointer().trial:
            self._paint_timer.start(self.paint_bound_ms)
        log.info("showing release %d from %s", release.info.version, release.folder)
        return release.folder

    def start(self, stats_path: Path | None) -> None:
        """Start the update and health threads (never on the UI thread)."""
        if self.store is not None:
            self._start_updates()
        if self._config.health_enabled:
            self._start_health(stats_path)

    def _start_updates(self) -> None:
        from kiosk.fleet.content_check import content_errors
        from kiosk.fleet.updater import UpdateClient, UpdateService, UpdateSettings

        assert self.store is not None and self._config.updates_trusted_root is not None
        settings = UpdateSettings(
            repository=self._config.updates_repository,
            trusted_root=self._config.updates_trusted_root,
            store_dir=self.store.folder,
            interval_s=self._config.updates_interval * 60.0,
        )
        client = UpdateClient(settings, self.store, content_errors)
        self.updates = UpdateService(client, self._update_result.emit)
        self.updates.start()

    def _start_health(self, stats_path: Path | None) -> None:
        from kiosk.fleet.health import BrokerSettings, ErrorCounter, HealthPublisher, KioskFacts

        config = self._config
        broker = BrokerSettings(config.health_broker, config.health_username,
                                config.health_password, config.health_ca_file)  # fmt: skip
        self._errors = ErrorCounter()
        logging.getLogger().addHandler(self._errors)
        name = config.health_name or socket.gethostname().split(".")[0] or "kiosk"
        facts = KioskFacts(name, self._release_facts, stats_path, self._errors)
        check_now = self.updates.check_now if self.updates is not None else None
        self.health = HealthPublisher(broker, facts, check_now, float(config.health_interval))
        self.health.start()

    def _release_facts(self) -> tuple[int | None, str]:
        """Called from the health thread: reads only the store's files."""
        if self.store is None:
            return None, ""
        pointer = self.store.pointer()
        current = self.store.release(pointer.current)
        return (current.info.version if current else None), pointer.last_event

    # ------------------------------------------------------------------ the window

    def attach(self, first_painted: SignalInstance, visit_ended: SignalInstance | None) -> None:
        """Follow a new main window: its first paint, and its resets between visitors."""
        first_painted.connect(self._painted)
        if visit_ended is not None:
            visit_ended.connect(self._between_visitors)
            if self.health is not None:
                visit_ended.connect(self.health.notify)

    @Slot()
    def _painted(self) -> None:
        self._paint_timer.stop()
        if self.store is not None and self.store.pointer().trial:
            self.store.confirm()
            self._notify()

    @Slot()
    def _between_visitors(self) -> None:
        if self.store is None or self.store.pending() is None:
            return
        release = self.store.switch()
        if release is not None:
            self._paint_timer.start(self.paint_bound_ms)
            self._notify()
            self.content_switch.emit(release.folder)

    def switch_failed(self, folder: Path) -> None:
        """The run could not load ``folder``: go back at once."""
        if self.store is not None and self.store.pointer().trial:
            self._roll_back(f"the content of {folder.name} does not load")

    @Slot()
    def _not_painted_in_time(self) -> None:
        self._roll_back(f"home screen not painted within {self.paint_bound_ms / 1000:g} s")

    def _roll_back(self, reason: str) -> None:
        assert self.store is not None
        self._paint_timer.stop()
        release: Release | None = self.store.rollback(reason, or_configured=True)
        self._notify()
        self.content_switch.emit(release.folder if release else self._configured)

    @Slot(object)
    def _on_update_result(self, result: object) -> None:
        from kiosk.fleet.updater import CheckResult

        assert isinstance(result, CheckResult)
        if self.health is not None:
            self.health.facts.update_event = (
                "" if result.state == "up-to-date" else f"update {result.state}: {result.message}"
            )
        self._notify()

    def _notify(self) -> None:
        if self.health is not None:
            self.health.notify()

    def stop(self) -> None:
        if self.updates is not None:
            self.updates.stop(1.0)
        if self.health is not None:
            self.health.stop()
        if self._errors is not None:
            logging.getLogger().removeHandler(self._errors)
