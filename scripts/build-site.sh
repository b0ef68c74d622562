#!/usr/bin/env bash
# The optimised site, as `cargo leptos build --release --split` builds it, without cargo-leptos (a 14 to 25 minute
# build of its own on 2 cores): the server binary, and under target/site the browser's files named by their content.
# `make run`, `make test`, the bench and the cluster test build with this; `make watch` still uses cargo-leptos.
# The steps follow cargo-leptos 0.3.10 (src/compile/front.rs, style.rs, hash.rs); the library-bound ones (the wasm
# split and the hashed names) are the sitebuild crate's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Cargo.toml's [[workspace.metadata.leptos]] settings, each after its key (server/tests/suite/config.rs checks them).
name=uraia                 # output-name
site=target/site           # site-root
pkg_dir=pkg                # site-pkg-dir
style=style/main.css       # style-file
assets=public              # assets-dir
lib=frontend               # lib-package
bin_package=server         # bin-package
bin=uraia                  # bin-target
browsers=defaults          # browserquery
wasm_profile=wasm-release  # lib-profile-release
pkg=$site/$pkg_dir
target=${CARGO_TARGET_DIR:-target}
front=$target/front        # cargo-leptos' own folder for the wasm build, so `make watch` and this share it
wasm_dir=$front/wasm32-unknown-unknown/$wasm_profile

say() { printf '\033[1mbuild-site:\033[0m %s\n' "$*"; }
started=$SECONDS

say "the browser's wasm ($lib, $wasm_profile profile)"
# The relocations are what the splitter reads to cut each lazy island's code into a chunk.
RUSTFLAGS="-Clink-args=--emit-relocs" cargo build --package="$lib" --lib --target=wasm32-unknown-unknown \
  --target-dir="$front" --profile="$wasm_profile"

say "the server (release profile) and the build's own helper"
cargo build --release --package="$bin_package" --bin="$bin"
cargo build --release --package=sitebuild
sitebuild=$target/release/sitebuild

rm -rf "$site"
mkdir -p "$pkg"
cp -R "$assets/." "$site/"

say "split, wasm-bindgen, wasm-opt, JS and CSS"
"$sitebuild" split "$wasm_dir/$lib.wasm" "$pkg" "$wasm_dir/${lib}_split.wasm" "$name" >"$front/chunks.txt"
wasm-bindgen --target=web --keep-lld-exports --no-demangle --no-typescript --out-name="$name" --out-dir="$pkg" \
  "$wasm_dir/${lib}_split.wasm"
# Leptos' hydration script asks for <name>.wasm.
mv "$pkg/${name}_bg.wasm" "$pkg/$name.wasm"
# Every module, two at a time (the machine's cores), with the flags cargo-leptos passes.
{ echo "$pkg/$name.wasm"; cat "$front/chunks.txt"; } |
  xargs -P 2 -I{} wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int {} -o {}
terser "$pkg/$name.js" --module --compress --mangle --output "$pkg/$name.js"
# Prefixed where the browsers named by `browserquery` need it, and minified.
lightningcss --minify --bundle --targets "$browsers" "$style" --output-file "$pkg/$name.css"

say "names by content, and $target/release/hash.txt for the server"
"$sitebuild" hash "$pkg" "$name" "$target/release/hash.txt"
say "done in $((SECONDS - started)) s: $target/release/$bin and $site"
