//! Password hashing: argon2id with the crate's recommended parameters (OWASP's: 19 MiB, 2 passes, 1 lane).
//!
//! Hashing takes ~20 ms of one core and 19 MiB, so it runs on tokio's blocking threads (the async workers keep
//! serving pages) behind a semaphore: a storm of sign-ins queues for the permits instead of allocating
//! 19 MiB per request and starving page views of CPU.

use std::{collections::HashSet, sync::LazyLock};

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString},
    Argon2,
};
use tokio::sync::Semaphore;

static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../data/common-passwords.txt").lines().collect());

/// True for a password on the shipped list of 19,640 common passwords (app/data/README.md), in any case.
pub fn is_common(password: &str) -> bool {
    COMMON.contains(password.to_lowercase().as_str())
}

/// Verified against when no account matches, so an unknown account costs the same work as a wrong password. A
/// constant with the same parameters (a fixed salt and an all-zero hash that no password produces): computing one
/// at start cost 30 ms of start-up and 19 MiB of resident memory.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$dXJhaWEtdGltaW5nLWR1bW15$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

pub struct Passwords {
    permits: Semaphore,
    /// Password checks done since start: what the throttles are there to bound (tests and the benchmark read it).
    verifications: std::sync::atomic::AtomicU64,
}

impl Passwords {
    /// `concurrency` hashes may run at once (the number of cores that may be spent on them).
    pub fn new(concurrency: usize) -> Passwords {
        Passwords {
            permits: Semaphore::new(concurrency.max(1)),
            verifications: std::sync::atomic::AtomicU64::new(0),
        }
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let password = password.to_string();
        let _permit = self.permits.acquire().await?;
        tokio::task::spawn_blocking(move || hash_now(&password)).await?
    }

    /// Checks `password` against `stored`, or against the dummy hash when there is no account, taking the same
    /// time either way.
    pub async fn verify(&self, stored: Option<&str>, password: &str) -> anyhow::Result<bool> {
        let known = stored.is_some();
        let stored = stored.unwrap_or(DUMMY_HASH).to_string();
        let password = password.to_string();
        let _permit = self.permits.acquire().await?;
        self.verifications.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&stored)
                .map(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
                .unwrap_or(false)
        })
        .await?;
        Ok(known && matches)
    }
}

impl Passwords {
    pub fn verifications(&self) -> u64 {
        self.verifications.load(std::sync::atomic::Ordering::Relaxed)
    }
}

fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_list_is_large_and_case_blind() {
        assert!(COMMON.len() >= 10_000, "{}", COMMON.len());
        assert!(is_common("Password1") || is_common("password1"));
        assert!(is_common("QWERTY123"));
        assert!(!is_common("Nairobi#2026-Matatu"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashes_are_argon2id_with_the_recommended_parameters_and_verify() {
        let passwords = Passwords::new(1);
        let hash = passwords.hash("Nairobi#2026").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(passwords.verify(Some(&hash), "Nairobi#2026").await.unwrap());
        assert!(!passwords.verify(Some(&hash), "nairobi#2026").await.unwrap());
        assert!(!passwords.verify(None, "Nairobi#2026").await.unwrap());
    }

    #[test]
    fn the_dummy_hash_has_the_real_parameters_so_it_costs_the_same() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        let real = Argon2::default();
        assert_eq!(dummy.algorithm, argon2::Algorithm::Argon2id.ident());
        let (params, recommended) = (argon2::Params::try_from(&dummy).unwrap(), real.params());
        let costs = |p: &argon2::Params| (p.m_cost(), p.t_cost(), p.p_cost());
        assert_eq!(costs(&params), costs(recommended));
        assert!(real.verify_password(b"", &dummy).is_err());
    }
}
