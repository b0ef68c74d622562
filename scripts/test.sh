#!/usr/bin/env bash
# Every test: unit tests, server tests on SQLite (and on PostgreSQL when DATABASE_URL points at one), then
# Playwright with JavaScript on and off against the optimised build. Run it through `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "unit tests (app, with the server's features; the site build's helper)"
cargo test -p app --features ssr
cargo test -p sitebuild

if [ -n "${DATABASE_URL:-}" ]; then postgres="at $DATABASE_URL"; else postgres="skipped (set DATABASE_URL=postgres://... to run it)"; fi
step "server tests: SQLite always; PostgreSQL $postgres"
# Built first and then run without cargo, which would hold the build folder's lock while they run: meanwhile the
# optimised site the browser tests need builds at the lowest priority (its log: target/build-site.log). Measured
# on 2 cores: the tests took 650 s instead of 402 s, the two together 16.4 min instead of 18.4.
mkdir -p target # the logs' folder (a fresh clone with CARGO_TARGET_DIR elsewhere has none)
cargo test -p server --no-run 2>&1 | tee target/server-tests-build.log
binaries=$(sed -n 's/^ *Executable .* (\(.*\))$/\1/p' target/server-tests-build.log)
set -m # the build gets a process group of its own, so that a failed test stops all of it
nice -n 19 scripts/build-site.sh >target/build-site.log 2>&1 &
site_build=$!
set +m
trap 'kill -- -"$site_build" 2>/dev/null || true' EXIT
for binary in $binaries; do
  case $binary in /*) ;; *) binary=$PWD/$binary ;; esac
  (cd server && "$binary") # cargo runs a package's tests in its folder
done

step "the optimised site (built while the server tests ran)"
if ! wait "$site_build"; then
  tail -50 target/build-site.log >&2
  exit 1
fi
grep -v '^warning: unknown name subsection' target/build-site.log | tail -4

step "end-to-end tests (Playwright, Chromium, JavaScript on and off)"
# The tests start their own server on 127.0.0.1:3000; another one there would be tested instead.
if (exec 3<>/dev/tcp/127.0.0.1/3000) 2>/dev/null; then
  echo "test: something is already listening on 127.0.0.1:3000 (a 'make run'?); stop it and run the tests again" >&2
  exit 1
fi
# A fresh SQLite file of its own, whatever DATABASE_URL says: the browser tests must not touch other data.
rm -rf target/e2e
mkdir -p target/e2e
# Development (the /dev/outbox the tests read codes from) and test mode (the movable clock) are on for these only.
# The tests wait for /healthz (end2end/global-setup.ts); the server's log goes to a file, shown if a test fails.
env -u DATABASE_URL URAIA_DATABASE_URL=sqlite://target/e2e/uraia.db URAIA_DEVELOPMENT=true URAIA_TEST_MODE=true \
  "${CARGO_TARGET_DIR:-target}/release/uraia" >target/e2e/server.log 2>&1 &
server=$!
# Stopped and waited for, so that whatever runs next (CI's cluster test) finds the port free.
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
if ! (cd end2end && CI="${CI:-}" npx playwright test); then
  echo "test: the end-to-end tests failed; the server's last words (all of them in target/e2e/server.log):" >&2
  tail -40 target/e2e/server.log >&2
  exit 1
fi
