//! Refunds and money to investigate (issue 27): what is owed back (paid twice, the wrong amount, a rejected
//! application's fee, money under no reference) in one queue for supervisors; an approved refund goes back the way
//! it came (M-Pesa B2C, the card provider's refund) and is settled once; money nobody asked for is attached to its
//! application or refunded. Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod money;
pub mod pages;
pub mod route;
pub mod service;
