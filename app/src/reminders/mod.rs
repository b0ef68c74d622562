//! Reminders before anything expires (issue 29): a driving licence, an inspection certificate, a PSV licence or a
//! PSV badge, 90, 30 and 7 days before, by SMS and email, each once, never at night.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod service;
