//! What NTSA services cost: the fee table and the per-transaction access fee, shown before anyone starts.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
