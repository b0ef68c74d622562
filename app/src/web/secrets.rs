//! Random secrets and how they are kept: only hashes reach the database. Tokens carry 256 bits from the
//! operating system's CSPRNG (through rand's ThreadRng, a ChaCha generator reseeded from it) and are stored as
//! SHA-256. A six-digit code has only a million values, so any unkeyed hash of it (salted or not) is reversed by
//! trying them all; codes are kept as HMAC-SHA-256 under a server key that is not in the database (NIST SP
//! 800-63B 5.1.1.2, keyed hash for low-entropy secrets).

use hmac::{Hmac, Mac};
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

/// The server's key for codes: 32 bytes, from the settings or from a file in the data folder.
#[derive(Clone)]
pub struct CodeKey([u8; 32]);

impl CodeKey {
    /// From 64 hex characters.
    pub fn from_hex(text: &str) -> Option<CodeKey> {
        let text = text.trim();
        if text.len() != 64 {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(CodeKey(key))
    }

    /// `security.code_key` when set; else the key in `file`, made on first start (readable by the owner only).
    pub fn load(configured: &str, file: &std::path::Path) -> anyhow::Result<CodeKey> {
        use anyhow::Context;
        if !configured.is_empty() {
            return CodeKey::from_hex(configured).context("security.code_key must be 64 hex characters");
        }
        if let Ok(text) = std::fs::read_to_string(file) {
            return CodeKey::from_hex(&text).with_context(|| format!("{} must hold 64 hex characters", file.display()));
        }
        if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let text = token();
        write_private(file, &text).with_context(|| format!("writing {}", file.display()))?;
        CodeKey::from_hex(&text).context("a new key")
    }

    /// The stored form of a code: HMAC-SHA-256 of salt and code under this key.
    pub fn hash_code(&self, salt: &str, code: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(salt.as_bytes());
        mac.update(b":");
        mac.update(code.as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey(..)")
    }
}

#[cfg(unix)]
fn write_private(file: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)?;
    out.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(file: &std::path::Path, text: &str) -> std::io::Result<()> {
    std::fs::write(file, text)
}

/// A new token for a cookie or a link: 32 random bytes as 64 hex characters.
pub fn token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The stored form of a token.
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// A six-digit code, uniformly from 000000 to 999999.
pub fn code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

/// Compares two secrets (stored hashes, tokens, signatures) in time that does not depend on where they first differ.
pub fn same(a: &str, b: &str) -> bool {
    subtle::ConstantTimeEq::ct_eq(a.as_bytes(), b.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_hashed() {
        let (a, b) = (token(), token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(hash(&a), a);
        assert_eq!(hash(&a), hash(&a));
    }

    #[test]
    fn codes_are_six_digits_salted_and_keyed() {
        let c = code();
        assert!(c.len() == 6 && c.chars().all(|d| d.is_ascii_digit()), "{c}");
        let key = CodeKey::from_hex(&"ab".repeat(32)).unwrap();
        let other = CodeKey::from_hex(&"cd".repeat(32)).unwrap();
        assert_ne!(key.hash_code("s1", "123456"), key.hash_code("s2", "123456"));
        assert_ne!(key.hash_code("s1", "123456"), other.hash_code("s1", "123456"));
        assert_ne!(key.hash_code("s1", "123456"), hash("s1:123456"), "not an unkeyed hash");
    }

    #[test]
    fn a_key_is_made_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("uraia-key-{}", token()));
        let file = dir.join("code.key");
        let first = CodeKey::load("", &file).unwrap();
        let again = CodeKey::load("", &file).unwrap();
        assert_eq!(first.hash_code("s", "1"), again.hash_code("s", "1"));
        assert!(CodeKey::load("not hex", &file).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
