#!/usr/bin/env bash
# Installs what phiencho needs, on Debian 12 with the Swift toolchain:
#   scripts/setup.sh build   Debian packages for building (libcmark-dev, libyaml-dev, libqrencode-dev, pkg-config)
#   scripts/setup.sh test    those, the packages the tests use (Chromium and its driver, nginx,
#                            a Java runtime for the HTML checker, Python venv, Node.js, zbar-tools
#                            (zbarimg reads the printed QR codes), LibreOffice Calc (opens the report's
#                            workbook), systemd for
#                            `systemd-analyze verify` of the deploy units) and the
#                            Python virtual environment .venv/ with requirements-test.txt
# Idempotent and quick when everything is there: packages are checked with dpkg first and
# `apt-get update` runs only when one is missing; pip runs only when requirements-test.txt changed.
# Debian packages are installed with apt-get as root, else through `sudo -n`; without either it
# names the missing packages and exits 2.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# axe-core 4.12's axe.min.js comes from this package, installed without its dependencies.
AXE_PACKAGE="axe-playwright-python==0.1.8"
VENV=.venv
STAMP="$VENV/.phiencho-requirements"

# Messages are in Vietnamese: staff run this through scripts/build-site.sh.
say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 2; }

mode=${1:-}
case "$mode" in
    build|test) ;;
    *) die "cách dùng: scripts/setup.sh build|test" ;;
esac

# --- Debian packages ---------------------------------------------------------------------------
packages=(libcmark-dev libyaml-dev libqrencode-dev pkg-config)
if [[ $mode == test ]]; then
    packages+=(chromium chromium-driver nginx default-jre-headless python3-venv python3-pip systemd zbar-tools
               libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils)
    command -v node >/dev/null 2>&1 || packages+=(nodejs)
fi

is_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

missing=()
for package in "${packages[@]}"; do
    is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]})); then
    if ! command -v apt-get >/dev/null 2>&1; then
        die "thiếu các gói: ${missing[*]} (tệp lệnh này cài chúng bằng apt-get trên Debian 12; trên máy khác, hãy cài bằng tay)"
    fi
    if [[ $(id -u) -eq 0 ]]; then
        as_root=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        die "thiếu các gói Debian: ${missing[*]}
setup: hãy chạy với quyền root (hoặc sudo không cần mật khẩu), hoặc cài chúng trước:
setup:   sudo apt-get install ${missing[*]}"
    fi
    say "đang cài các gói Debian (vài phút): ${missing[*]}"
    apt_options=(-q -y -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=300)
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update </dev/null >/dev/null
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" \
        install --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    for package in "${missing[@]}"; do
        is_installed "$package" || die "apt-get không cài được gói $package"
    done
fi

if [[ $mode == build ]]; then
    exit 0
fi

command -v node >/dev/null 2>&1 || die "vẫn chưa có node sau khi cài nodejs"

# --- Python virtual environment ----------------------------------------------------------------
# Recreated when missing or broken (e.g. the Python it was made from is gone).
if ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    command -v python3 >/dev/null 2>&1 || die "thiếu python3"
    say "đang tạo môi trường Python $VENV/"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
fi

wanted="$(sha256sum requirements-test.txt | cut -d' ' -f1) $AXE_PACKAGE $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
if [[ ! -f $STAMP || "$(cat "$STAMP")" != "$wanted" ]]; then
    say "đang cài các gói Python vào $VENV/ (requirements-test.txt, $AXE_PACKAGE)"
    rm -f "$STAMP"
    pip=("$VENV/bin/python" -m pip --disable-pip-version-check --no-input -q)
    "${pip[@]}" install -r requirements-test.txt </dev/null
    "${pip[@]}" install --no-deps "$AXE_PACKAGE" </dev/null
    printf '%s\n' "$wanted" >"$STAMP"
fi
