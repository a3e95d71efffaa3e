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
#   sudo packaging/linux/install.sh --root DIR [...] install into the system image at DIR
#                                                    (e.g. a debootstrap folder): its
#                                                    packages are left to the image
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
UNIT=cri-kiosk.service
PYTHON=${PYTHON:-python3}

dry_run=0
fleet=0
frozen=""
action=install
root=""

usage() {
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
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
        --root)
            [ "$#" -ge 2 ] || usage
            root=${2%/}
            shift
            ;;
        -h | --help) usage ;;
        *)
            echo "install.sh: unknown option: $1" >&2
            usage
            ;;
    esac
    shift
done

# Paths inside the system being installed (the running one, or the image at --root).
PREFIX=$root/opt/cri-kiosk
CONFIG_DIR=$root/etc/cri-kiosk
UNIT_DIR=$root/etc/systemd/system
PAM_DIR=$root/etc/pam.d
# useradd, usermod and systemctl act on the image's files, not on this machine's.
root_option=()
systemctl_root=()
if [ -n "$root" ]; then
    root_option=(--root "$root")
    systemctl_root=("--root=$root")
fi

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
    if [ -n "$root" ]; then
        run systemctl "${systemctl_root[@]}" disable "$UNIT" || true
    else
        run systemctl disable --now "$UNIT" || true
    fi
    run rm -f "$UNIT_DIR/$UNIT" "$PAM_DIR/$USER_NAME" "$UNIT_DIR/$UNIT.d/fleet.conf"
    [ -n "$root" ] || run systemctl daemon-reload
    run rm -rf "$PREFIX"
    echo "Removed the program and the service. Kept: $CONFIG_DIR, $root/var/log/$USER_NAME," \
        "$root/var/lib/$USER_NAME and the user $USER_NAME (userdel $USER_NAME to remove it)."
    exit 0
fi

if [ -n "$frozen" ] && [ ! -x "$frozen/cri-kiosk" ]; then
    echo "install.sh: $frozen/cri-kiosk is missing: give the folder made by 'make frozen'" \
        "(dist/cri-kiosk)" >&2
    exit 1
fi

# 1. System packages: Qt's libraries, cage, Xwayland and the Wayland client libraries.
if [ -n "$root" ]; then
    echo "Not installing packages into $root: the image needs those of" \
        "'$HERE/debian-deps.sh kiosk'"
elif [ "$dry_run" -eq 1 ]; then
    printf '+ PYTHON=%q bash %q kiosk\n' "$PYTHON" "$HERE/debian-deps.sh"
else
    PYTHON=$PYTHON bash "$HERE/debian-deps.sh" kiosk
fi

# 2. The user the kiosk runs as: no password, no login shell; its home is the
#    service's StateDirectory. video and render: the GPU even without a logind seat.
# An account of the system being installed: NSS for this machine, files for an image.
account_exists() {
    if [ -n "$root" ]; then
        grep -qs "^$2:" "$root/etc/$1"
    else
        getent "$1" "$2" >/dev/null
    fi
}

if ! account_exists passwd "$USER_NAME"; then
    run useradd "${root_option[@]}" --system --user-group --home-dir "/var/lib/$USER_NAME" --no-create-home \
        --shell /usr/sbin/nologin --comment "CRI Oriental kiosk" "$USER_NAME"
fi
for group in video render; do
    if account_exists group "$group"; then
        run usermod "${root_option[@]}" --append --groups "$group" "$USER_NAME"
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
    # environment; it downloads the build tools and dependencies from PyPI. In an
    # image (--root) the venv refers to this machine's Python: prefer --frozen there.
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
run install -d -m 0755 "$UNIT_DIR" "$PAM_DIR"
run install -m 0644 "$HERE/$UNIT" "$UNIT_DIR/$UNIT"
run install -m 0644 "$HERE/pam.d/$USER_NAME" "$PAM_DIR/$USER_NAME"
# The unit allows no network; a kiosk in a fleet needs TCP to its repository and broker.
if [ "$fleet" -eq 1 ]; then
    run install -D -m 0644 "$HERE/cri-kiosk-fleet.conf" "$UNIT_DIR/$UNIT.d/fleet.conf"
else
    run rm -f "$UNIT_DIR/$UNIT.d/fleet.conf"
fi
[ -n "$root" ] || run systemctl daemon-reload
run systemctl "${systemctl_root[@]}" enable "$UNIT"
run systemctl "${systemctl_root[@]}" set-default graphical.target

echo "Installed. Check the content: $PREFIX/bin/cri-kiosk check"
echo "Then reboot, or start it now (it takes over tty1): systemctl start $UNIT"
echo "Logs: journalctl -u $UNIT and /var/log/$USER_NAME/"
