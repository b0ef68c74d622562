//! Organisations act through their people (issue 28). A business account's person acts for an organisation (a
//! SACCO, a company, a school): its fleet shows under "My vehicles", its vehicles' services are applied for by
//! them, and each application records the organisation it was made for. An authorised person adds another by ID
//! number (checked against the register; that person accepts with a code to their phone) and removes one; the
//! last person is never removed. Whoever is not one of its people finds nothing there (404, never "not
//! allowed"). Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod service;

/// The flash of the organisations' forms.
pub const FORM: &str = "organisations";
