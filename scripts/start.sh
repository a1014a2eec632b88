#!/usr/bin/env bash
# Builds the UI and runs the app (release build). Arguments go to the app, e.g.
#   scripts/start.sh --data-dir /tmp/backoffice-demo
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# cargo embeds ui/dist into the binary, so it must be built first.
npm --prefix ui run build
exec cargo run --release -- "$@"
