#!/usr/bin/env bash
# Every check, in order, stopping at the first failure: formatting, the UI's checks and build,
# clippy, then all Rust tests (core and end-to-end) under a virtual X server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Either variable makes WebDriver screenshots hang; never let them leak in from a shell profile.
unset WEBKIT_DISABLE_DMABUF_RENDERER WEBKIT_DISABLE_COMPOSITING_MODE

timings=()
now() { date +%s%N; }
elapsed() {
  local ns=$(($(now) - $1))
  printf '%d.%ds' $((ns / 1000000000)) $((ns / 100000000 % 10))
}
print_timings() {
  printf '\nStep times:\n'
  printf '  %s\n' "${timings[@]}"
}

step() {
  local name=$1 start
  shift
  printf '\n==> %s\n' "$name"
  start=$(now)
  if ! "$@"; then
    timings+=("$(elapsed "$start")  $name  FAILED")
    print_timings
    printf '\ntest: FAILED at "%s"\n' "$name" >&2
    exit 1
  fi
  timings+=("$(elapsed "$start")  $name")
}

step "cargo fmt --check" cargo fmt --all -- --check
step "ui typecheck" npm --prefix ui run typecheck
step "ui lint" npm --prefix ui run lint
step "ui unit tests" npm --prefix ui test
# cargo embeds ui/dist into the app, so the UI is built before anything compiles the app.
step "ui build" npm --prefix ui run build
step "ui size before sign-in" npm --prefix ui run size
step "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
# --all-targets builds the app with the features the test build unifies (dev-dependencies turn on
# e.g. bitflags/std), so the binary the e2e tests launch is compiled once, not once per feature set.
step "cargo build" cargo build --workspace --all-targets
# Each e2e test has its own drivers, ports and data directory, so two may run at once. Every test
# binary runs even after one fails, so one run shows every failure. A throwaway keychain
# (scripts/with-keychain.sh) serves the tests that remember the data key.
step "cargo test (core, e2e under Xvfb)" \
  bash scripts/with-keychain.sh \
  xvfb-run -a -s "-screen 0 1440x900x24" cargo test --workspace --no-fail-fast -- --test-threads=2

print_timings
printf '\ntest: all checks passed\n'
