#!/usr/bin/env bash
# Install cri-kiosk on a Debian 12 kiosk box: it then starts fullscreen on tty1 at boot,
# in the cage Wayland compositor, as the unprivileged user cri-kiosk (cri-kiosk.service).
#
#   sudo packaging/linux/install.sh                  from this source tree, into a venv
#   sudo packaging/linux/install.sh --frozen DIR     copy a PyInstaller build (dist/cri-kiosk)
#   sudo packaging/linux/install.sh --fleet [...]    also let the kiosk reach its fleet's
#                                                    repository and broker (network drop-in)
#   sudo packaging/linux/install.sh --uninstall      remove program, service and PAM file
#                                                    (keeps config, logs and the user)
#   packaging/linux/install.sh --dry-run [...]       print the commands, change nothing
#
# Steps: system packages (debian-deps.sh kiosk), the system user cri-kiosk (home
# /var/lib/cri-kiosk, groups video and render), the program in /opt/cri-kiosk (so that
# /opt/cri-kiosk/bin/cri-kiosk runs it), /etc/cri-kiosk/config.toml when there is none,
# the unit and its PAM stack, enabled for graphical.target. Re-running it upgrades
# the program and keeps the config. Reboot (or `systemctl start cri-kiosk`) afterwards.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
USER_NAME=cri-kiosk
PREFIX=/opt/cri-kiosk
CONFIG_DIR=/etc/cri-kiosk
UNIT=cri-kiosk.service
PYTHON=${PYTHON:-python3}

dry_run=0
fleet=0
frozen=""
action=install

usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        --dry-run) dry_run=1 ;;
        --frozen)
            [ "$#" -ge 2 ] || usage
            frozen=$2
            shift
            ;;
        --fleet) fleet=1 ;;
        --uninstall) action=uninstall ;;
        -h | --help) usage ;;
        *)
            echo "install.sh: unknown option: $1" >&2
            usage
            ;;
    esac
    shift
done

# Every command that changes the system goes through run: printed, and skipped by --dry-run.
run() {
    printf '+'
    printf ' %q' "$@"
    printf '\n'
    if [ "$dry_run" -eq 0 ]; then
        "$@"
    fi
}

if [ "$dry_run" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run it as root (sudo $0 ...), or with --dry-run to see what it does" >&2
    exit 1
fi

if [ "$action" = uninstall ]; then
    run systemctl disable --now "$UNIT" || true
    run rm -f "/etc/systemd/system/$UNIT" "/etc/pam.d/$USER_NAME"
    run rm -f "/etc/systemd/system/$UNIT.d/fleet.conf"
    run systemctl daemon-reload
    run rm -rf "$PREFIX"
    echo "Removed the program and the service. Kept: $CONFIG_DIR, /var/log/$USER_NAME," \
        "/var/lib/$USER_NAME and the user $USER_NAME (userdel $USER_NAME to remove it)."
    exit 0
fi

if [ -n "$frozen" ] && [ ! -x "$frozen/cri-kiosk" ]; then
    echo "install.sh: $frozen/cri-kiosk is missing: give the folder made by 'make frozen'" \
        "(dist/cri-kiosk)" >&2
    exit 1
fi

# 1. System packages: Qt's libraries, cage, Xwayland and the Wayland client libraries.
if [ "$dry_run" -eq 1 ]; then
    printf '+ PYTHON=%q bash %q kiosk\n' "$PYTHON" "$HERE/debian-deps.sh"
else
    PYTHON=$PYTHON bash "$HERE/debian-deps.sh" kiosk
fi

# 2. The user the kiosk runs as: no password, no login shell; its home is the
#    service's StateDirectory. video and render: the GPU even without a logind seat.
if ! getent passwd "$USER_NAME" >/dev/null; then
    run useradd --system --user-group --home-dir "/var/lib/$USER_NAME" --no-create-home \
        --shell /usr/sbin/nologin --comment "CRI Oriental kiosk" "$USER_NAME"
fi
for group in video render; do
    if getent group "$group" >/dev/null; then
        run usermod --append --groups "$group" "$USER_NAME"
    fi
done

# 3. The program. A fresh copy each time: no files of an older version stay behind.
run rm -rf "$PREFIX"
if [ -n "$frozen" ]; then
    run mkdir -p "$PREFIX/bin"
    run cp -a "$frozen" "$PREFIX/app"
    run ln -s ../app/cri-kiosk "$PREFIX/bin/cri-kiosk"
else
    # pip builds the wheel (content, fonts, compiled translations) in an isolated
    # environment; it downloads the build tools and dependencies from PyPI.
    run "$PYTHON" -m venv "$PREFIX"
    run "$PREFIX/bin/python" -m pip install --quiet --upgrade pip
    run "$PREFIX/bin/python" -m pip install --quiet "$REPO"
fi
run chmod -R go-w,a+rX "$PREFIX"

# 4. The settings: root's to change, the kiosk user's to read (the admin PIN hash).
run install -d -m 0755 "$CONFIG_DIR"
if [ ! -e "$CONFIG_DIR/config.toml" ]; then
    run install -m 0640 -o root -g "$USER_NAME" "$HERE/config.toml" "$CONFIG_DIR/config.toml"
else
    echo "Keeping $CONFIG_DIR/config.toml"
fi

# 5. The service and its PAM stack, started at boot.
run install -m 0644 "$HERE/$UNIT" "/etc/systemd/system/$UNIT"
run install -m 0644 "$HERE/pam.d/$USER_NAME" "/etc/pam.d/$USER_NAME"
# The unit allows no network; a kiosk in a fleet needs TCP to its repository and broker.
if [ "$fleet" -eq 1 ]; then
    run install -D -m 0644 "$HERE/cri-kiosk-fleet.conf" "/etc/systemd/system/$UNIT.d/fleet.conf"
else
    run rm -f "/etc/systemd/system/$UNIT.d/fleet.conf"
fi
run systemctl daemon-reload
run systemctl enable "$UNIT"
run systemctl set-default graphical.target

echo "Installed. Check the content: $PREFIX/bin/cri-kiosk check"
echo "Then reboot, or start it now (it takes over tty1): systemctl start $UNIT"
echo "Logs: journalctl -u $UNIT and /var/log/$USER_NAME/"
