//! NTSA's staff (issue 26): roles given by an administrator or the server's `staff add` command, never through the
//! public wizard; the queue of applications in review; claiming and deciding them; the append-only audit log of
//! every staff action. Server-only: the pages are plain forms.

pub mod api;
pub mod audit;
pub mod db;
pub mod decisions;
pub mod domain;
pub mod pages;
pub mod route;
pub mod service;
pub mod withdrawals;
