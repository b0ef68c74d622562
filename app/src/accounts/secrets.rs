//! Random secrets and how they are kept: only SHA-256 hashes reach the database. Tokens carry 256 bits from the
//! operating system's CSPRNG (through rand's ThreadRng, a ChaCha generator reseeded from it); a six-digit code is
//! hashed with its own salt, since a bare hash of a million possible codes is a lookup table.

use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

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

/// The stored form of a code: SHA-256 of salt and code.
pub fn hash_code(salt: &str, code: &str) -> String {
    hash(&format!("{salt}:{code}"))
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
    fn codes_are_six_digits_and_salted() {
        let c = code();
        assert!(c.len() == 6 && c.chars().all(|d| d.is_ascii_digit()), "{c}");
        assert_ne!(hash_code("s1", "123456"), hash_code("s2", "123456"));
    }
}
