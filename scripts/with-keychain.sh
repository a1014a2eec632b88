#!/usr/bin/env bash
# Runs a command inside a private D-Bus session holding a throwaway, unlocked GNOME keyring (a
# real Secret Service), so the tests of the system keychain (core/src/crypt/keychain.rs) use one
# and never touch the person's own. The keyring's files live in a temporary folder removed after.
set -euo pipefail
if [[ -z "${BACKOFFICE_KEYCHAIN_SESSION:-}" ]]; then
  exec env BACKOFFICE_KEYCHAIN_SESSION=1 dbus-run-session -- "$0" "$@"
fi
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
# The daemon keeps its keyrings under XDG_DATA_HOME; only it sees this one.
XDG_DATA_HOME="$store" gnome-keyring-daemon --unlock --components=secrets <<<"throwaway" >/dev/null
export BACKOFFICE_TEST_KEYCHAIN=1
"$@"
