//! Brotli and gzip copies of the built CSS, JS and wasm, so each download costs no CPU and arrives as small as it can
//! be (brotli quality 11: the wasm shrinks from 225 KB to 81 KB; compressing it per request cost 47 ms of CPU and
//! gave 95 KB).
//!
//! A copy is never served when it is older than its file: at start, stale copies are deleted before the server
//! answers, and every `/pkg` request checks its file's copies first ([`refresh`]), because `cargo leptos watch`
//! rebuilds the CSS (and the wasm) while the server keeps running. A stale copy is deleted and remade in the
//! background; until then the compression layer compresses on the fly, so the browser gets the new bytes at once.

use std::{
    collections::HashSet,
    fs,
    io::Write,
    path::{Path, PathBuf},
    sync::{LazyLock, Mutex},
};

const COMPRESSIBLE: [&str; 3] = ["css", "js", "wasm"];
const COPIES: [&str; 2] = ["br", "gz"];

/// Deletes stale copies now and starts remaking missing ones on a blocking thread. A read-only site folder
/// only means no copies: every failure is logged and ignored.
pub fn precompress(pkg_dir: PathBuf) {
    let files = compressible_files(&pkg_dir);
    for file in &files {
        drop_stale(file);
    }
    remake(files);
}

/// Before a `/pkg` file is served: deletes its copies if the file is newer than them (rebuilt since they were
/// made) and starts remaking them. Costs three `stat`s; does nothing for names that are not a built asset.
pub fn refresh(pkg_dir: &Path, name: &str) {
    let simple = !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.');
    let compressible = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e));
    if !(simple && compressible) {
        return;
    }
    let file = pkg_dir.join(name);
    if drop_stale(&file) {
        remake(vec![file]);
    }
}

/// Deletes the copies older than `file`; says whether there were any.
fn drop_stale(file: &Path) -> bool {
    let mut dropped = false;
    for suffix in COPIES {
        let copy = copy_path(file, suffix);
        if is_stale(file, &copy) {
            let _ = fs::remove_file(&copy);
            dropped = true;
        }
    }
    dropped
}

/// Files whose copies are being made: a burst of requests for one rebuilt file starts one job.
static REMAKING: LazyLock<Mutex<HashSet<PathBuf>>> = LazyLock::new(Default::default);

fn remake(files: Vec<PathBuf>) {
    let files: Vec<PathBuf> = {
        let mut busy = REMAKING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        files.into_iter().filter(|file| busy.insert(file.clone())).collect()
    };
    if files.is_empty() {
        return;
    }
    tokio::task::spawn_blocking(move || {
        for file in files {
            for suffix in COPIES {
                let copy = copy_path(&file, suffix);
                if copy.exists() {
                    continue;
                }
                if let Err(error) = write_copy(&file, &copy, suffix) {
                    tracing::warn!(file = %file.display(), %error, "could not precompress");
                }
            }
            REMAKING
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .remove(&file);
        }
    });
}

fn compressible_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| COMPRESSIBLE.contains(&e))
        })
        .collect()
}

pub fn copy_path(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// A copy is stale when it exists and is older than the file it was made from.
pub fn is_stale(file: &Path, copy: &Path) -> bool {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    match (modified(file), modified(copy)) {
        (Some(original), Some(copy)) => copy < original,
        _ => false,
    }
}

/// Writes the copy under a temporary name and renames it, so a half-written copy is never served. The copy takes
/// the time of the file as it was read: if the file is rebuilt while its copy is made, the copy is stale at once.
fn write_copy(file: &Path, copy: &Path, suffix: &str) -> std::io::Result<()> {
    let read_at = fs::metadata(file)?.modified()?;
    let content = fs::read(file)?;
    let compressed = match suffix {
        "br" => brotli_best(&content)?,
        _ => {
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            encoder.write_all(&content)?;
            encoder.finish()?
        }
    };
    let partial = copy_path(copy, "partial");
    fs::write(&partial, compressed)?;
    fs::File::options().write(true).open(&partial)?.set_modified(read_at)?;
    fs::rename(partial, copy)
}

/// `content` brotli-compressed at the highest quality: slow, so only for what is compressed once and sent often.
pub fn brotli_best(content: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &content[..], &mut out, &params)?;
    Ok(out)
}

/// The page-swapping script (`app::shell::NAVIGATION`), brotli-compressed once like the built assets for a browser
/// that takes brotli (the others get it gzipped on the way out).
pub async fn navigation_script(headers: axum::http::HeaderMap) -> axum::response::Response {
    use axum::{
        http::header::{CONTENT_ENCODING, CONTENT_TYPE, VARY},
        response::IntoResponse,
    };
    static BROTLI: std::sync::LazyLock<Option<Vec<u8>>> =
        std::sync::LazyLock::new(|| brotli_best(app::shell::NAVIGATION.body.as_bytes()).ok());
    let javascript = (CONTENT_TYPE, "text/javascript; charset=utf-8");
    match BROTLI.as_deref().filter(|_| accepts(&headers, "br")) {
        Some(brotli) => (
            [javascript, (CONTENT_ENCODING, "br"), (VARY, "accept-encoding")],
            brotli,
        )
            .into_response(),
        None => ([javascript], app::shell::NAVIGATION.body.as_str()).into_response(),
    }
}

/// Whether `Accept-Encoding` lists `coding` without refusing it (`br;q=0`).
pub fn accepts(headers: &axum::http::HeaderMap, coding: &str) -> bool {
    let accepted = headers
        .get(axum::http::header::ACCEPT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    accepted.split(',').any(|listed| {
        let mut parts = listed.split(';');
        let quality = parts
            .next()
            .filter(|name| name.trim().eq_ignore_ascii_case(coding))
            .map(|_| parts.find_map(|param| param.trim().strip_prefix("q=")?.parse::<f32>().ok()));
        matches!(quality, Some(None)) || matches!(quality, Some(Some(q)) if q > 0.0)
    })
}

/// Where Leptos looks for the names of a build with hashed asset names (`hash-files`): cargo-leptos writes the file
/// beside the server binary, and pages read it as they render.
fn hash_file(options: &leptos::config::LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

/// Without the hash file (a binary run by `cargo test`, or one copied away from its build), pages would log an error
/// each and name files that may not exist; they name the plain files instead, and the server says so once.
pub fn check_hash_file(options: &mut leptos::config::LeptosOptions) {
    if options.hash_files && !hash_file(options).is_some_and(|file| file.is_file()) {
        tracing::warn!("hash-files is on but the build's hash file is not beside the binary: plain asset names");
        options.hash_files = false;
    }
}

/// The wasm chunks of each island in a `cargo leptos --split` build, from the manifest the build writes in `/pkg`
/// (`__wasm_split_manifest.<hash>.json`, its hash in the hash file; `__wasm_split_manifest.json` without hashes).
/// A build without the split has no manifest, and its pages name no chunks.
pub fn island_chunks(options: &leptos::config::LeptosOptions) -> app::island_code::IslandChunks {
    let hashes = options
        .hash_files
        .then(|| hash_file(options))
        .flatten()
        .and_then(|file| fs::read_to_string(file).ok())
        .unwrap_or_default();
    let hash = |of: &str| {
        hashes
            .lines()
            .find_map(|line| Some(line.trim().strip_prefix(of)?.strip_prefix(':')?.trim().to_string()))
    };
    let name = match hash("manifest") {
        Some(hash) => format!("__wasm_split_manifest.{hash}.json"),
        None => "__wasm_split_manifest.json".to_string(),
    };
    // Without hashes the split's script keeps cargo-leptos' placeholder in its name.
    let loader = format!(
        "__wasm_split.{}.js",
        hash("split").as_deref().unwrap_or("______________________")
    );
    let pkg = options.site_pkg_dir.trim_matches('/');
    let file = Path::new(&*options.site_root).join(pkg).join(name);
    let Ok(text) = fs::read_to_string(&file) else {
        return Default::default();
    };
    match serde_json::from_str(&text) {
        Ok(manifest) => app::island_code::IslandChunks::from_manifest(manifest, &format!("/{pkg}"), &loader),
        Err(error) => {
            tracing::warn!(file = %file.display(), %error, "unreadable split manifest: islands' chunks are not preloaded");
            Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(codings: &str) -> axum::http::HeaderMap {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(axum::http::header::ACCEPT_ENCODING, codings.parse().unwrap());
        headers
    }

    #[test]
    fn a_refused_coding_is_not_accepted() {
        assert!(accepts(&accepting("gzip, br"), "br"));
        assert!(!accepts(&accepting("gzip, br;q=0"), "br"));
        assert!(accepts(&accepting("gzip;q=0.5"), "gzip"));
        assert!(!accepts(&accepting("identity"), "gzip"));
    }

    #[tokio::test]
    async fn only_a_plain_asset_name_is_refreshed() {
        let dir = std::env::temp_dir().join(format!("uraia-refresh-{}", uuid::Uuid::new_v4().simple()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        for name in ["sub/app.css", "../app.css", ".hidden.css", "notes.txt"] {
            let file = dir.join(name);
            fs::write(&file, "x").unwrap();
            let copy = copy_path(&file, "br");
            fs::write(&copy, "old").unwrap();
            fs::File::options()
                .write(true)
                .open(&copy)
                .unwrap()
                .set_modified(std::time::SystemTime::UNIX_EPOCH)
                .unwrap();
            refresh(&dir, name);
            assert!(copy.exists(), "{name}: left alone");
            let _ = fs::remove_file(copy);
            let _ = fs::remove_file(file);
        }
        fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn copies_are_made_and_stale_ones_replaced() {
        let dir = std::env::temp_dir().join(format!("uraia-assets-{}", uuid::Uuid::new_v4().simple()));
        fs::create_dir_all(&dir).unwrap();
        let wasm = dir.join("app.wasm");
        fs::write(&wasm, "new content ".repeat(100)).unwrap();
        fs::write(dir.join("notes.txt"), "not compressed").unwrap();
        // A copy left by an older build: older than the file, so it must not survive.
        fs::write(copy_path(&wasm, "br"), "old").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(copy_path(&wasm, "br"))
            .unwrap()
            .set_modified(old)
            .unwrap();

        precompress(dir.clone());
        let br = copy_path(&wasm, "br");
        for _ in 0..200 {
            if br.exists() && copy_path(&wasm, "gz").exists() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut fs::read(&br).unwrap().as_slice(), &mut decoded).unwrap();
        assert_eq!(decoded, fs::read(&wasm).unwrap());
        let mut gunzipped = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(fs::File::open(copy_path(&wasm, "gz")).unwrap()),
            &mut gunzipped,
        )
        .unwrap();
        assert_eq!(gunzipped.as_bytes(), fs::read(&wasm).unwrap());
        assert!(!dir.join("notes.txt.br").exists());
        fs::remove_dir_all(dir).unwrap();
    }
}
