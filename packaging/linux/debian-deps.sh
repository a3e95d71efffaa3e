#!/usr/bin/env bash
# Install the Debian/Ubuntu system packages that cri-kiosk needs.
#
#   packaging/linux/debian-deps.sh base   Python venv + Qt with QT_QPA_PLATFORM=offscreen
#   packaging/linux/debian-deps.sh run    base + Qt's xcb platform plugin (a real X display)
#   packaging/linux/debian-deps.sh test   run + Xvfb + freeze + the kiosk stack (cage,
#                                         Xwayland) and grim, for the whole test suite
#   packaging/linux/debian-deps.sh freeze base + what PyInstaller needs (make frozen)
#   packaging/linux/debian-deps.sh kiosk  run + the cage Wayland kiosk compositor and
#                                         the Wayland client libraries, for a kiosk box
#   packaging/linux/debian-deps.sh bench  base + Debian's chromium, the browser the
#                                         benchmarks compare against, and mosquitto for
#                                         the fleet benchmark (make bench)
#
# Only missing packages are installed. As root, with apt-get: installs them without
# prompting. Not root: prints the packages and the command to run, exits 1.
# Not a dpkg-based system: prints a note and exits 0 (install Qt's requirements yourself).
#
# Environment: PYTHON (default python3) is the interpreter that `make` uses to create
# .venv; python3-venv is added when that interpreter cannot create venvs (no ensurepip).
set -eu

usage() {
    echo "usage: $0 base|run|test|freeze|kiosk|bench" >&2
    exit 2
}

[ "$#" -eq 1 ] || usage
mode=$1

# Qt (PySide6 wheels) with the offscreen platform, plus what Qt links against anyway.
base_pkgs="libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3"

# Qt's xcb platform plugin (PySide6/Qt/plugins/platforms/libqxcb.so and
# Qt/lib/libQt6XcbQpa.so.6), checked with ldd. libxcb-icccm4 and libxcb-keysyms1 are
# the ones a plain Debian 12 usually lacks; without them Qt reports
# "Could not load the Qt platform plugin "xcb"".
run_pkgs="libxcb1 libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"
# Speech mode plays through PortAudio (the sounddevice wheel loads libportaudio2, which
# brings libasound2); eSpeak NG itself comes with its data in the espeakng-loader wheel.
run_pkgs="$run_pkgs libportaudio2"

# Virtual X server for the tests marked `gui`, xdotool to type real X key events, the
# linters the packaging tests run on the launcher and the shell scripts, and the MQTT
# broker the fleet tests start on 127.0.0.1 (tests/fleet; Debian starts its own service
# too, on port 1883, which the tests leave alone).
test_pkgs="xvfb xauth xdotool desktop-file-utils shellcheck mosquitto"

# PyInstaller (packaging/pyinstaller, tests/test_packaging_frozen.py) runs ldd, objdump
# and objcopy (binutils). It also needs Python as a shared library: Debian's python3.X
# is linked statically and ships libpython3.X.so separately (added below).
freeze_pkgs="binutils"

# A kiosk box: packaging/linux/cri-kiosk.service starts the app in cage. PySide6 brings
# Qt's wayland platform plugin, but not the libraries it links to (checked with ldd on
# PySide6/Qt/plugins/platforms/libqwayland.so and the client-side wayland-*/ plugins;
# tests/test_packaging_linux.py repeats the check); no qt6-wayland needed.
# Xwayland serves the xcb fallback (QT_QPA_PLATFORM="wayland;xcb").
kiosk_pkgs="cage xwayland libwayland-client0 libwayland-cursor0 libwayland-egl1"

# tests/stack/ runs the kiosk in cage exactly as the unit does and judges it from the
# compositor's own screenshots: grim (the wlroots screencopy client).
stack_test_pkgs="grim"

# benchmarks/ (make bench) compare the kiosk's start-up with headless Chromium showing
# the export-html site of the same content: the alternative a CRI would otherwise pick.
# The fleet benchmark (benchmarks/fleet.py) starts its own Mosquitto broker.
bench_pkgs="chromium mosquitto"

case "$mode" in
    base) wanted="$base_pkgs" ;;
    run) wanted="$base_pkgs $run_pkgs" ;;
    test) wanted="$base_pkgs $run_pkgs $test_pkgs $freeze_pkgs $kiosk_pkgs $stack_test_pkgs" ;;
    freeze) wanted="$base_pkgs $freeze_pkgs" ;;
    kiosk) wanted="$base_pkgs $run_pkgs $kiosk_pkgs" ;;
    bench) wanted="$base_pkgs $bench_pkgs" ;;
    *) usage ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "debian-deps: not a Debian-like system (no dpkg-query); skipping system packages."
    echo "debian-deps: make sure Qt 6's runtime libraries (OpenGL/EGL, fontconfig, xcb) are installed."
    exit 0
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    # Debian splits ensurepip off into python3-venv; `python3 -m venv` fails without it.
    wanted="python3-venv $wanted"
fi

case "$mode" in
    test | freeze)
        # Only for Debian's own interpreter (not a pyenv or /usr/local build).
        libpython=$("$python" -c 'import sys
if sys.base_prefix == "/usr":
    print("libpython%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
        wanted="$wanted $libpython"
        ;;
esac

missing=""
for pkg in $wanted; do
    status=$(dpkg-query -W -f='${db:Status-Status}\n' "$pkg" 2>/dev/null | head -n 1 || true)
    if [ "$status" != "installed" ]; then
        missing="$missing $pkg"
    fi
done
missing=${missing# }

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: $missing"
    echo "Run: sudo apt-get install $missing"
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing Debian packages: $missing"
    echo "debian-deps: apt-get is not available; install them with your package manager." >&2
    exit 1
fi

echo "debian-deps: installing missing packages: $missing"
export DEBIAN_FRONTEND=noninteractive
apt_opts="-q -o DPkg::Lock::Timeout=300"
# shellcheck disable=SC2086  # word splitting of the option and package lists is intended
if ! apt-get $apt_opts update; then
    echo "debian-deps: 'apt-get update' failed; see the messages above." >&2
    exit 1
fi
# shellcheck disable=SC2086
if ! apt-get $apt_opts install -y --no-install-recommends $missing </dev/null; then
    echo "debian-deps: could not install: $missing" >&2
    exit 1
fi
