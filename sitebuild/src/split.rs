//! Each lazy island's code in a wasm chunk of its own, as `cargo leptos --split` makes them.

use anyhow::{anyhow, Context, Result};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The loader script's name before the files are named by content: the placeholder is as long as a hash.
pub const LOADER: &str = "__wasm_split.______________________.js";
/// The map from each lazy function to the chunks it needs, which the server reads to preload an island's chunks.
pub const MANIFEST: &str = "__wasm_split_manifest.json";

/// Splits `input` into the chunks and the loader (written to `pkg`) and the main module (`main_out`, for
/// wasm-bindgen), writes the manifest beside them and returns the chunks' paths.
pub fn split(input: &Path, pkg: &Path, main_out: &Path, name: &str) -> Result<Vec<PathBuf>> {
    let wasm = fs::read(input).with_context(|| format!("reading {}", input.display()))?;
    // Both relative to the loader, which sits beside the JS wasm-bindgen writes.
    let main_module = format!("./{name}.js");
    let link_name = format!("./{LOADER}");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = pkg;
        options.main_out_path = main_out;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|error| anyhow!("splitting {}: {error:?}", input.display()))?;
    // In a fixed order, so that a build of the same code gives the manifest the same name.
    let manifest: BTreeMap<_, _> = split.prefetch_map.into_iter().collect();
    fs::write(pkg.join(MANIFEST), serde_json::to_string_pretty(&manifest)?)?;
    Ok(split.split_modules)
}
