//! Names the built files by their content (`hash-files = true`), so that browsers may keep them for a year: each file
//! in `/pkg` becomes `<stem>.<hash>.<ext>`, the names inside the JS, the loader, the chunks and the manifest follow, and
//! the hash file beside the server binary tells Leptos the new names. A port of cargo-leptos 0.3.10's
//! `src/compile/hash.rs`, with one difference: names are replaced in a fixed order (its map's order was random).

use crate::split::{LOADER, MANIFEST};
use anyhow::{bail, Context, Result};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use md5::{Digest, Md5};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Where a name still has to be filled in (the loader's): as long as a hash.
const PLACEHOLDER: &str = "______________________";

/// MD5 in unpadded URL-safe base64, as cargo-leptos names files (22 characters; the server's cache rules know them).
fn content_hash(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(Md5::digest(bytes))
}

fn hash_of(path: &Path) -> Result<String> {
    Ok(content_hash(
        &fs::read(path).with_context(|| format!("reading {}", path.display()))?,
    ))
}

pub fn name_by_content(pkg: &Path, name: &str, hash_file: &Path) -> Result<()> {
    let js = pkg.join(format!("{name}.js"));
    let wasm = pkg.join(format!("{name}.wasm"));
    let css = pkg.join(format!("{name}.css"));
    let hashes = hashes(pkg, &css)?;
    for file in [&js, &wasm, &css] {
        if !hashes.contains_key(file) {
            bail!("{} is missing: build it first", file.display());
        }
    }
    let renamed = rename(&hashes)?;
    replace_names(&renamed[&js], &renamed, pkg)?;

    let old_loader = pkg.join(LOADER);
    let split = match renamed.get(&old_loader) {
        None => None,
        Some(loader) => {
            replace_names(loader, &renamed, pkg)?;
            point_at_loader(pkg, LOADER, file_name(loader), &renamed)?;
            // The loader's content changed with the names in it: its name must change with it.
            let hash = hash_of(loader)?;
            if hash != hashes[&old_loader] {
                let rehashed = loader.with_file_name(format!("__wasm_split.{hash}.js"));
                fs::rename(loader, &rehashed)?;
                let moved = BTreeMap::from([(loader.clone(), rehashed.clone())]);
                point_at_loader(pkg, file_name(loader), file_name(&rehashed), &moved)?;
                replace_names(&renamed[&js], &moved, pkg)?;
            }
            Some(hash)
        }
    };

    let mut lines = format!("js: {}\nwasm: {}\ncss: {}\n", hashes[&js], hashes[&wasm], hashes[&css]);
    if let Some(hash) = hashes.get(&pkg.join(MANIFEST)) {
        lines.push_str(&format!("manifest: {hash}\n"));
    }
    if let Some(hash) = split {
        lines.push_str(&format!("split: {hash}\n"));
    }
    if let Some(folder) = hash_file.parent() {
        fs::create_dir_all(folder)?;
    }
    fs::write(hash_file, lines).with_context(|| format!("writing {}", hash_file.display()))
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|name| name.to_str()).unwrap_or_default()
}

/// Every file under `pkg` with its hash, except wasm-bindgen's snippets (imported by path from the JS), CSS other
/// than the site's, and files already named by their content.
fn hashes(pkg: &Path, css: &Path) -> Result<BTreeMap<PathBuf, String>> {
    let mut hashes = BTreeMap::new();
    let mut folders = vec![pkg.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let is_other_css = path.extension().is_some_and(|ext| ext == "css") && path != css;
            if is_other_css || path.to_string_lossy().contains("snippets") {
                continue;
            }
            let hash = hash_of(&path)?;
            if path
                .file_stem()
                .is_some_and(|stem| stem.to_str() == Some(hash.as_str()))
            {
                continue;
            }
            hashes.insert(path, hash);
        }
    }
    Ok(hashes)
}

/// Renames each file to carry its hash: in place of the placeholder where its name has one, else before its
/// extension.
fn rename(hashes: &BTreeMap<PathBuf, String>) -> Result<BTreeMap<PathBuf, PathBuf>> {
    let mut renamed = BTreeMap::new();
    for (path, hash) in hashes {
        let name = file_name(path);
        let new_name = if name.contains(PLACEHOLDER) {
            name.replace(PLACEHOLDER, hash)
        } else {
            let (stem, ext) = name
                .rsplit_once('.')
                .with_context(|| format!("{name} has no extension"))?;
            format!("{stem}.{hash}.{ext}")
        };
        let new_path = path.with_file_name(new_name);
        fs::rename(path, &new_path).with_context(|| format!("renaming {}", path.display()))?;
        renamed.insert(path.clone(), new_path);
    }
    Ok(renamed)
}

/// Replaces, in the text file `path`, each old name (relative to `pkg`) with its new one.
fn replace_names(path: &Path, renamed: &BTreeMap<PathBuf, PathBuf>, pkg: &Path) -> Result<()> {
    let mut text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    for (old, new) in renamed {
        let (Ok(old), Ok(new)) = (old.strip_prefix(pkg), new.strip_prefix(pkg)) else {
            continue;
        };
        text = text.replace(&*old.to_string_lossy(), &new.to_string_lossy());
    }
    Ok(fs::write(path, text)?)
}

/// The chunks import the loader by name and the manifest names the chunks: both follow a rename.
fn point_at_loader(pkg: &Path, old: &str, new: &str, renamed: &BTreeMap<PathBuf, PathBuf>) -> Result<()> {
    for entry in fs::read_dir(pkg)? {
        let path = entry?.path();
        let name = file_name(&path);
        if name.ends_with(".wasm") {
            replace_in_binary(&path, old.as_bytes(), new.as_bytes())?;
        } else if name.starts_with("__wasm_split_manifest") {
            rename_in_manifest(&path, renamed, pkg)?;
        }
    }
    Ok(())
}

/// Replaces a name inside a wasm module by one of the same length, so that no offset in the module moves.
fn replace_in_binary(path: &Path, old: &[u8], new: &[u8]) -> Result<()> {
    if old.len() != new.len() {
        bail!(
            "{} cannot be renamed in {}: the names differ in length",
            String::from_utf8_lossy(old),
            path.display()
        );
    }
    let mut bytes = fs::read(path)?;
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(old.len()).position(|window| window == old) {
        bytes[at + found..at + found + old.len()].copy_from_slice(new);
        at += found + old.len();
    }
    Ok(fs::write(path, bytes)?)
}

/// The manifest names chunks without their `.wasm`: it gets their new names the same way.
fn rename_in_manifest(path: &Path, renamed: &BTreeMap<PathBuf, PathBuf>, pkg: &Path) -> Result<()> {
    let stems: BTreeMap<String, String> = renamed
        .iter()
        .filter_map(|(old, new)| {
            let old = old.strip_prefix(pkg).ok()?.to_str()?.strip_suffix(".wasm")?;
            let new = new.strip_prefix(pkg).ok()?.to_str()?.strip_suffix(".wasm")?;
            Some((old.to_string(), new.to_string()))
        })
        .collect();
    fn rename(value: &mut serde_json::Value, stems: &BTreeMap<String, String>) {
        match value {
            serde_json::Value::Array(items) => items.iter_mut().for_each(|item| rename(item, stems)),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(|field| rename(field, stems)),
            serde_json::Value::String(text) => {
                if let Some(new) = stems.get(text.as_str()) {
                    *text = new.clone();
                }
            }
            _ => {}
        }
    }
    let mut manifest: serde_json::Value = serde_json::from_slice(&fs::read(path)?)?;
    rename(&mut manifest, &stems);
    Ok(fs::write(path, serde_json::to_string(&manifest)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A split build as wasm-bindgen and the splitter leave it: the JS imports the loader, the loader imports the JS
    /// and names the chunk, the chunk imports the loader, the manifest names the chunk.
    fn built(pkg: &Path) {
        let _ = fs::remove_dir_all(pkg);
        fs::create_dir_all(pkg.join("snippets/x")).unwrap();
        fs::write(pkg.join("uraia.js"), format!("import {{ load }} from './{LOADER}';")).unwrap();
        fs::write(pkg.join("uraia.wasm"), b"\0asm main").unwrap();
        fs::write(pkg.join("uraia.css"), "p{color:red}").unwrap();
        fs::write(
            pkg.join(LOADER),
            "import { initSync } from './uraia.js'; fetch('./split_1.wasm');",
        )
        .unwrap();
        fs::write(
            pkg.join("split_1.wasm"),
            format!("\0asm imports ./{LOADER} twice ./{LOADER}"),
        )
        .unwrap();
        fs::write(pkg.join(MANIFEST), r#"{"password_help_loader_1": ["split_1"]}"#).unwrap();
        fs::write(pkg.join("snippets/x/inline0.js"), "export {}").unwrap();
    }

    fn only(pkg: &Path, prefix: &str, suffix: &str) -> PathBuf {
        let found: Vec<PathBuf> = fs::read_dir(pkg)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| file_name(path).starts_with(prefix) && file_name(path).ends_with(suffix))
            .collect();
        assert_eq!(found.len(), 1, "{prefix}*{suffix}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn every_name_and_every_reference_follows_the_content() {
        let root = std::env::temp_dir().join(format!("sitebuild-hash-{}", std::process::id()));
        let pkg = root.join("pkg");
        built(&pkg);
        let css_hash = hash_of(&pkg.join("uraia.css")).unwrap();
        name_by_content(&pkg, "uraia", &root.join("release/hash.txt")).unwrap();

        let lines = fs::read_to_string(root.join("release/hash.txt")).unwrap();
        let hash = |key: &str| {
            lines
                .lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
                .unwrap()
                .to_string()
        };
        assert_eq!(hash("css"), css_hash);
        let [js, wasm, css, manifest, split] = ["js", "wasm", "css", "manifest", "split"].map(hash);
        for hash in [&js, &wasm, &css, &manifest, &split] {
            assert_eq!(hash.len(), PLACEHOLDER.len());
        }
        // The names Leptos and the server build from the hash file exist.
        for name in [
            format!("uraia.{js}.js"),
            format!("uraia.{wasm}.wasm"),
            format!("uraia.{css}.css"),
            format!("__wasm_split_manifest.{manifest}.json"),
            format!("__wasm_split.{split}.js"),
        ] {
            assert!(pkg.join(&name).is_file(), "{name} is missing");
        }

        let chunk = only(&pkg, "split_1.", ".wasm");
        let chunk_name = file_name(&chunk).to_string();
        let loader = fs::read_to_string(pkg.join(format!("__wasm_split.{split}.js"))).unwrap();
        assert_eq!(
            loader,
            format!("import {{ initSync }} from './uraia.{js}.js'; fetch('./{chunk_name}');")
        );
        // The loader is named by what it holds once the names in it were filled in.
        assert_eq!(content_hash(loader.as_bytes()), split);

        let main_js = fs::read_to_string(pkg.join(format!("uraia.{js}.js"))).unwrap();
        assert_eq!(main_js, format!("import {{ load }} from './__wasm_split.{split}.js';"));
        let chunk_bytes = String::from_utf8(fs::read(&chunk).unwrap()).unwrap();
        let loader_name = format!("./__wasm_split.{split}.js");
        assert_eq!(chunk_bytes, format!("\0asm imports {loader_name} twice {loader_name}"));

        let manifest: serde_json::Value =
            serde_json::from_slice(&fs::read(pkg.join(format!("__wasm_split_manifest.{manifest}.json"))).unwrap())
                .unwrap();
        let stem = chunk_name.strip_suffix(".wasm").unwrap();
        assert_eq!(manifest, serde_json::json!({ "password_help_loader_1": [stem] }));

        // wasm-bindgen's snippets keep their names: the JS imports them by path.
        assert!(pkg.join("snippets/x/inline0.js").is_file());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_build_without_its_files_is_refused() {
        let root = std::env::temp_dir().join(format!("sitebuild-missing-{}", std::process::id()));
        let pkg = root.join("pkg");
        built(&pkg);
        fs::remove_file(pkg.join("uraia.css")).unwrap();
        let error = name_by_content(&pkg, "uraia", &root.join("hash.txt")).unwrap_err();
        assert!(error.to_string().contains("uraia.css is missing"), "{error}");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_name_is_replaced_in_a_module_only_by_one_as_long() {
        let root = std::env::temp_dir().join(format!("sitebuild-binary-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        let file = root.join("m.wasm");
        fs::write(&file, b"aXbXc").unwrap();
        replace_in_binary(&file, b"X", b"Y").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"aYbYc");
        assert!(replace_in_binary(&file, b"Y", b"ZZ").is_err());
        fs::remove_dir_all(&root).unwrap();
    }
}
