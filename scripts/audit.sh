#!/usr/bin/env bash
# Known vulnerabilities in Cargo.lock, from a RustSec advisory database on disk: never fetched (the machines reach
# only the package registries). The database: ADVISORY_DB, else the snapshot beside the checkout
# (../shared/advisory-db, its date in SNAPSHOT), else cargo audit's own ~/.cargo/advisory-db. Exceptions, each with
# why it cannot reach Uraia, are in .cargo/audit.toml. In CI a missing database fails; elsewhere it is skipped with
# a notice.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

db="${ADVISORY_DB:-}"
if [ -z "$db" ]; then
  for candidate in ../shared/advisory-db /work/shared/advisory-db "$HOME/.cargo/advisory-db"; do
    if [ -d "$candidate/crates" ]; then db=$candidate; break; fi
  done
fi
if [ -z "$db" ]; then
  if [ "${CI:-}" = true ]; then
    echo "audit: no advisory database (set ADVISORY_DB to a copy of github.com/rustsec/advisory-db)" >&2
    exit 1
  fi
  echo "audit: NOTICE: skipped, no advisory database (set ADVISORY_DB to a copy of github.com/rustsec/advisory-db)"
  exit 0
fi
snapshot=""
[ -f "$db/SNAPSHOT" ] && snapshot=" (snapshot $(head -1 "$db/SNAPSHOT"))"
echo "audit: advisories from $db$snapshot"
cargo audit --no-fetch --stale --db "$db" --deny warnings
# An exception in .cargo/audit.toml that rests on a crate never being built holds only while it is not.
for crate in rsa; do
  if cargo tree -i "$crate" --target all -e normal,build 2>/dev/null | grep -q .; then
    echo "audit: $crate is built now: its advisory's exception in .cargo/audit.toml no longer holds" >&2
    exit 1
  fi
done
