//! What `cargo leptos build --release --split` does to the browser's files that needs a library, for
//! `scripts/build-site.sh`. cargo-leptos takes 14 to 25 minutes to build on 2 cores (swc, lightningcss and
//! cargo-generate); this takes under a minute, so serving and testing the site need no cargo-leptos. The steps follow
//! cargo-leptos 0.3.10 (`src/wasm_split_tools`, `src/compile/hash.rs`): the server reads what they write.
//!
//!   sitebuild split <input.wasm> <pkg dir> <main output.wasm> <output name>
//!   sitebuild hash <pkg dir> <output name> <hash file>

mod hash;
mod split;

use anyhow::bail;
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["split", input, pkg, main_out, name] => {
            // The chunks, one a line, for the script to optimise.
            for chunk in split::split(Path::new(input), Path::new(pkg), Path::new(main_out), name)? {
                println!("{}", chunk.display());
            }
            Ok(())
        }
        ["hash", pkg, name, hash_file] => hash::name_by_content(Path::new(pkg), name, Path::new(hash_file)),
        _ => bail!(
            "usage: sitebuild split <input.wasm> <pkg dir> <main output.wasm> <output name>\n       \
             sitebuild hash <pkg dir> <output name> <hash file>"
        ),
    }
}
