"""Entry point of the frozen build: the same command line as ``cri-kiosk``."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
