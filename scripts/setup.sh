#!/usr/bin/env bash
# Installs what Uraia needs and is missing, and skips what is already there. Only package registries are used
# (crates.io, npm, Debian): nothing is downloaded from anywhere else. Safe to run again and again.
#   scripts/setup.sh run    what building and serving the site needs (scripts/build-site.sh)
#   scripts/setup.sh watch  also cargo-leptos, for `make watch` (a one-off 14 to 25 minutes on 2 cores)
#   scripts/setup.sh test   also the browser and Playwright
#   scripts/setup.sh bench  also nginx, wrk and brotli for the benchmark
#   scripts/setup.sh lint   cargo-deny and cargo-audit (also installed for test, which CI's lint follows)
#   scripts/setup.sh cluster  what test needs, and nginx and the PostgreSQL client for `make cluster-test`
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-run}"

CARGO_LEPTOS_VERSION=0.3.10 # 0.3.11 needs a newer rustc than the machine's 1.95
CARGO_DENY_VERSION=0.20.2
CARGO_AUDIT_VERSION=0.22.2
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# cargo-leptos and cargo-deny ship release profiles with fat LTO and one codegen unit, which make their one-off
# builds about a fifth longer on 2 cores. Measured: cargo-leptos took 24.9 min without them on a machine where
# cargo-audit (no LTO either way) took 7.1 min, and 17.5 min with them on one where cargo-audit took 3.9 min.
# Tools run seldom and briefly, so their speed matters less than their build.
tool_install() { CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"; }
apt_updated=no
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  say "installing ${missing[*]} (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The dependency checks of `make lint` (about 3 and 4 minutes to build, once).
if [ "$what" = lint ] || [ "$what" = test ]; then
  for tool in deny:$CARGO_DENY_VERSION audit:$CARGO_AUDIT_VERSION; do
    name=${tool%%:*} version=${tool#*:}
    if [ "$(cargo "$name" --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
      say "installing cargo-$name $version"
      tool_install "cargo-$name@$version" --locked
    fi
  done
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# Linting needs no more than that (clippy checks the wasm build without cargo-leptos).
if [ "$what" = lint ]; then say "ready"; exit 0; fi

# Only the development loop needs cargo-leptos: the builds that are served, tested and benchmarked are
# scripts/build-site.sh's.
if [ "$what" = watch ] && [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (one-off, 14 to 25 minutes on 2 cores)"
  tool_install "cargo-leptos@$CARGO_LEPTOS_VERSION" --locked
fi

# The CLI must equal the crate in Cargo.lock exactly (and cargo-leptos would download one when none is on PATH, which
# fails offline). (No --locked: its lock file names a crate version the registry no longer has.)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  tool_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

command -v npm >/dev/null || apt_install nodejs npm
# wasm-opt from npm's binaryen (Debian's binaryen 108 produces wasm that fails to hydrate), terser for the JS and
# lightningcss for the CSS: what cargo-leptos has built in. npm ci again whenever package-lock.json lists more.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -x node_modules/.bin/lightningcss ]; then
  say "installing binaryen (wasm-opt), terser and lightningcss from npm"
  npm ci --no-audit --no-fund --silent
fi

if [ "$what" = test ] || [ "$what" = bench ] || [ "$what" = cluster ]; then
  apt_install chromium
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    say "installing Playwright (its own browser download is skipped: Debian's Chromium is used)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
fi

if [ "$what" = bench ]; then
  apt_install nginx wrk brotli
fi
if [ "$what" = cluster ]; then
  apt_install nginx postgresql-client
fi
say "ready"
