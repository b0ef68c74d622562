#!/usr/bin/env bash
# The optimised site, as `cargo leptos build --release --split` builds it, without cargo-leptos (a 14 to 25 minute
# build of its own on 2 cores): the server binary, and under target/site the browser's files named by their content.
# `make run`, `make test`, the bench and the cluster test build with this; `make watch` still uses cargo-leptos.
# The steps follow cargo-leptos 0.3.10 (src/compile/front.rs, style.rs, hash.rs); the library-bound ones (the wasm
# split and the hashed names) are the sitebuild crate's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

name=uraia                    # output-name in Cargo.toml and Leptos.toml
site=target/site              # site-root (beside the sources, whatever CARGO_TARGET_DIR says, as cargo-leptos has it)
pkg=$site/pkg                 # site-pkg-dir
target=${CARGO_TARGET_DIR:-target}
front=$target/front           # cargo-leptos' own folder for the wasm build, so `make watch` and this share it
wasm_dir=$front/wasm32-unknown-unknown/wasm-release

say() { printf '\033[1mbuild-site:\033[0m %s\n' "$*"; }
started=$SECONDS

say "the browser's wasm (frontend, wasm-release profile)"
# The relocations are what the splitter reads to cut each lazy island's code into a chunk.
RUSTFLAGS="-Clink-args=--emit-relocs" cargo build --package=frontend --lib --target=wasm32-unknown-unknown \
  --target-dir="$front" --profile=wasm-release

say "the server (release profile) and the build's own helper"
cargo build --release --package=server --bin=uraia
cargo build --release --package=sitebuild
sitebuild=$target/release/sitebuild

rm -rf "$site"
mkdir -p "$pkg"
cp -R public/. "$site/"

say "split, wasm-bindgen, wasm-opt, JS and CSS"
"$sitebuild" split "$wasm_dir/frontend.wasm" "$pkg" "$wasm_dir/frontend_split.wasm" "$name" >"$front/chunks.txt"
wasm-bindgen --target=web --keep-lld-exports --no-demangle --no-typescript --out-name="$name" --out-dir="$pkg" \
  "$wasm_dir/frontend_split.wasm"
# Leptos' hydration script asks for <name>.wasm.
mv "$pkg/${name}_bg.wasm" "$pkg/$name.wasm"
# Every module, two at a time (the machine's cores), with the flags cargo-leptos passes.
{ echo "$pkg/$name.wasm"; cat "$front/chunks.txt"; } |
  xargs -P 2 -I{} wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int {} -o {}
terser "$pkg/$name.js" --module --compress --mangle --output "$pkg/$name.js"
# The browsers `browserquery = "defaults"` names: prefixes where they need them, minified.
lightningcss --minify --bundle --targets defaults style/main.css --output-file "$pkg/$name.css"

say "names by content, and $target/release/hash.txt for the server"
"$sitebuild" hash "$pkg" "$name" "$target/release/hash.txt"
say "done in $((SECONDS - started)) s: $target/release/$name and $site"
