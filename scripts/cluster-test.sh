#!/usr/bin/env bash
# `make cluster-test` (issue 30): three server processes behind nginx (deploy/nginx/cluster.conf, round robin) on
# one fresh PostgreSQL database run the whole Playwright suite. Then it checks that what must happen once happened
# once (payments credited, reminders, rollups, reconciliations, messages), that every process answered its share,
# and that the connections stayed within the pools' bound. DATABASE_URL names the PostgreSQL server (a database is
# made and dropped on it). Arguments go to Playwright (spec files: CI runs a few, the whole suite otherwise). Prints
# its figures; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
case "$admin_url" in postgres://* | postgresql://*) ;; *) echo "cluster-test: DATABASE_URL must name a PostgreSQL server" >&2; exit 1 ;; esac
processes=3
pool=${URAIA_DATABASE_MAX_CONNECTIONS:-16}
name="uraia_cluster_$(date +%s)"
url="${admin_url%/*}/$name"
work=$(mktemp -d -t uraia-cluster-XXXXXX)
pids=()
nginx_pid=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  [ "${KEEP:-}" = 1 ] && echo "cluster-test: logs kept in $work" || rm -rf "$work"
}
trap cleanup EXIT
if (exec 3<>/dev/tcp/127.0.0.1/3000) 2>/dev/null; then
  echo "cluster-test: something is already listening on 127.0.0.1:3000; stop it first" >&2
  exit 1
fi

echo "== building the optimised site"
scripts/build-site.sh >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; exit 1; }
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

psql -q "$admin_url" -c "CREATE DATABASE $name" >/dev/null
max_connections=$(psql -tA "$admin_url" -c "SHOW max_connections")
echo "== $processes processes x $pool connections = $((processes * pool)) of PostgreSQL's max_connections $max_connections"
[ $((processes * pool)) -lt "$max_connections" ] || { echo "cluster-test: the pools could exceed max_connections" >&2; exit 1; }

# One deployment's processes share their secrets: the code key (its file, written by the first process) and the
# callback token M-Pesa's sandbox calls back with, whichever process it reaches.
token=$(head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 40)
start() {
  local port=$1
  # DATABASE_URL outranks every other setting of the database (README, "Settings"): it names the new database.
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=uraia \
    DATABASE_URL="$url" URAIA_DATABASE_MAX_CONNECTIONS="$pool" URAIA_PUBLIC_ORIGIN="http://127.0.0.1:3000" \
    URAIA_SECURITY__CODE_KEY_FILE="$work/code.key" URAIA_SECURITY__TRUSTED_PROXIES='["127.0.0.1"]' \
    URAIA_PAYMENTS__MPESA_CALLBACK_TOKEN="$token" URAIA_DEVELOPMENT=true URAIA_TEST_MODE=true URAIA_LOG=warn \
    "$target_dir/release/uraia" >"$work/server-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "cluster-test: the process on $port did not start" >&2; cat "$work/server-$port.log" >&2; exit 1
}
# nginx first: a process calls the sandboxes through it as soon as it starts.
mkdir -p "$work/tmp"
nginx -p "$work/" -c "$PWD/deploy/nginx/cluster.conf" &
nginx_pid=$!
# The first alone (it migrates, loads the demo register and writes the code key), then the others.
for port in 3001 3002 3003; do start "$port"; done
curl -fs http://127.0.0.1:3000/healthz >/dev/null || { echo "cluster-test: nginx does not answer" >&2; exit 1; }

# The connections in use, sampled while the suite runs.
(while sleep 2; do psql -tA "$admin_url" -c "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '$name'"; done) \
  >"$work/connections" 2>/dev/null &
sampler=$!

echo "== the Playwright suite through nginx"
started=$(date +%s)
status=0
(cd end2end && BASE_URL=http://127.0.0.1:3000 CI="${CI:-}" npx playwright test "$@") || status=$?
kill "$sampler" 2>/dev/null || true
echo "suite: $(( $(date +%s) - started )) s, exit $status"

accounts=$(psql -tA "$url" -c "SELECT COUNT(*) FROM accounts")
[ "$accounts" -gt 0 ] || { echo "cluster-test: the suite's accounts are not in $name: the processes used another database" >&2; exit 1; }
echo "== what must happen once"
once() {
  local what=$1 sql=$2 found
  found=$(psql -tA "$url" -c "$sql")
  if [ -n "$found" ]; then echo "DUPLICATE $what: $found"; status=1; else echo "once: $what"; fi
}
# (A receipt credited twice, a reminder, a day's rollup or reconciliation claimed twice: the tables' keys refuse
# those outright, whichever process tries. What no key refuses is checked here.)
once "payments (one payment recorded twice in the payments' history)" \
  "SELECT application_id FROM payment_events WHERE kind = 'paid' GROUP BY application_id, detail HAVING COUNT(*) > 1"
once "messages (the same text to the same person twice in one second)" \
  "SELECT recipient || ': ' || LEFT(body, 60) FROM outbox GROUP BY recipient, body, created_at HAVING COUNT(*) > 1"
echo "== counts"
psql -tA "$url" -F ' ' -c "SELECT 'accounts', COUNT(*) FROM accounts UNION ALL SELECT 'applications', COUNT(*) FROM applications
  UNION ALL SELECT 'payment credits', COUNT(*) FROM payment_credits UNION ALL SELECT 'messages', COUNT(*) FROM outbox
  UNION ALL SELECT 'reminders', COUNT(*) FROM reminders_sent UNION ALL SELECT 'days rolled up', COUNT(*) FROM daily_rollups"
echo "requests answered by each process (nginx's log):"
awk '{print $1}' "$work/access.log" | sort | uniq -c
echo "most connections seen at once: $(sort -n "$work/connections" | tail -1) (bound: $((processes * pool)))"
for port in 3001 3002 3003; do
  if grep -q '"level":"ERROR"\|panicked' "$work/server-$port.log"; then
    echo "errors logged by $port:"; grep '"level":"ERROR"\|panicked' "$work/server-$port.log" | head -5; status=1
  fi
done
exit "$status"
