#!/usr/bin/env bash
# Installs what building, running and testing Backoffice needs. Quick when all of it is present,
# so start.sh and test.sh run it every time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: %s\n' "$*" >&2
  exit 1
}

# cargo install puts tauri-driver here; a fresh CI shell may not have it on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Build: WebKitGTK headers and a C toolchain. Tests: a virtual X server and WebKitWebDriver.
# libssl-dev: SQLCipher (the encrypted database) links OpenSSL's libcrypto. libdbus-1-dev: the
# system keychain (Secret Service). Tests: dbus and gnome-keyring give them a throwaway keychain;
# unzip unpacks an evidence pack for `sha256sum -c` to check it as a recipient would;
# poppler-utils reads the PDF reports back as text and renders their pages.
debian_packages=(libwebkit2gtk-4.1-dev libssl-dev libdbus-1-dev build-essential pkg-config xvfb xauth
  webkit2gtk-driver dbus gnome-keyring unzip poppler-utils)
missing=()
for pkg in "${debian_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
  say "Debian packages present"
fi

# Debian 12's own Rust and Node are too old for this project, so neither is installed here.
command -v cargo >/dev/null ||
  die "cargo not found: install Rust (1.90 or newer) with rustup, https://rustup.rs"
for component in fmt clippy; do
  cargo "$component" --version >/dev/null 2>&1 ||
    die "cargo $component not found: rustup component add ${component/fmt/rustfmt}"
done
{ command -v node && command -v npm; } >/dev/null ||
  die "node/npm not found: install Node.js 20.19 or newer (e.g. from nodejs.org or NodeSource)"
node_version=$(node --version)
IFS=. read -r node_major node_minor _ <<<"${node_version#v}"
if ((node_major < 20 || (node_major == 20 && node_minor < 19))); then
  die "Node.js $node_version is too old: 20.19 or newer is needed (Vite requires it)"
fi
say "Rust $(rustc --version | cut -d' ' -f2), Node $node_version"

# npm rewrites node_modules/.package-lock.json on every install: older than the lock = stale.
if [[ ! ui/node_modules/.package-lock.json -nt ui/package-lock.json ]]; then
  say "installing UI dependencies (npm ci)"
  npm --prefix ui ci --no-audit --no-fund
else
  say "UI dependencies up to date"
fi

if ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
else
  say "tauri-driver present"
fi
