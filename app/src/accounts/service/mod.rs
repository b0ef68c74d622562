//! The accounts rules, testable without a browser: registration, verification, sign-in, reset, account changes.

pub mod account;
pub mod browsers;
pub mod registers;
pub mod registration;
pub mod reset;
pub mod sign_in;
pub mod verification;
