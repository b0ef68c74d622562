# Uraia. The two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: run test watch lint bench setup fuzz cluster-test chaos soak

## Set up what is missing, then serve the optimised build at http://127.0.0.1:3000 (SQLite, demo data).
run:
	scripts/setup.sh run
	scripts/build-site.sh
	$${CARGO_TARGET_DIR:-target}/release/uraia

## Set up what is missing, then run every test (unit, server on SQLite and PostgreSQL, Playwright).
test:
	scripts/setup.sh test
	scripts/test.sh

## Development: rebuild and reload on every change (--split: each island's code in a chunk of its own, as in release).
watch:
	scripts/setup.sh watch
	cargo leptos watch --split

## Formatting, the dependencies' licences, sources and known vulnerabilities, and clippy on both the server (ssr)
## and the browser (hydrate) builds.
lint:
	scripts/setup.sh lint
	cargo fmt --all -- --check
	cargo deny check --hide-inclusion-graph licenses bans sources
	scripts/audit.sh
	cargo clippy -p app --features samples --all-targets -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings
	cargo clippy -p sitebuild --all-targets -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

## Page weight, server throughput against nginx, start-up time and memory (prints numbers; asserts nothing).
bench:
	scripts/setup.sh bench
	scripts/bench.sh

setup:
	scripts/setup.sh test

## Property tests of every parser a stranger reaches with a bigger budget (CASES per property; `make test` runs 256).
fuzz:
	PROPTEST_CASES=$${CASES:-20000} cargo test --release -p app --features ssr --lib fuzz

## Three server processes behind nginx on one PostgreSQL (DATABASE_URL's server) run the whole Playwright suite.
cluster-test:
	scripts/setup.sh cluster
	scripts/cluster-test.sh

## The server killed (SIGKILL) 200 times during a write storm, on SQLite and PostgreSQL (DATABASE_URL's server):
## nothing acknowledged is lost, nothing is paid twice (`make test` runs 10 kills). KILLS= to change.
chaos:
	CHAOS_KILLS=$${KILLS:-200} cargo test -p server --test suite -- load::chaos:: --nocapture --test-threads 2

## 30 minutes of the same journeys at half the capacity measured first, on SQLite and PostgreSQL: memory, open
## files, connections and p50/p99 printed each minute (`make test` runs 60 s). MINUTES= to change.
soak:
	SOAK_SECONDS=$$(( $${MINUTES:-30} * 60 )) cargo test -p server --test suite -- load::soak:: --nocapture --test-threads 2
