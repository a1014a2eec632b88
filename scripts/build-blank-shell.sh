#!/usr/bin/env bash
# Builds target/release/backoffice-blank (in $CARGO_TARGET_DIR/release when that is set): the
# release app with a blank page in place of the UI. Its idle memory is the benchmark's B6 baseline
# (`backoffice-bench run --blank-app ...`): what Tauri, GTK and WebKit take before any screen of
# ours exists.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${CARGO_TARGET_DIR:-$PWD/target}/release"
page="$PWD/target/blank-page"
mkdir -p "$page"
printf '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Backoffice</title></head><body></body></html>\n' >"$page/index.html"
TAURI_CONFIG="{\"build\":{\"frontendDist\":\"$page\"}}" cargo build --release -p backoffice
cp "$out/backoffice" "$out/backoffice-blank"
# Build the real app again, so the release backoffice embeds the real UI.
cargo build --release -p backoffice
