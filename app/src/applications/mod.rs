//! The application framework every service stands on: a draft in the database answered one page at a time on the
//! shared wizard, resumable from "My applications" on any device; submission with a reference and an invoice;
//! the status timeline; `mark_paid` and `decide`, which payments and officers call. Every read and write checks
//! that the application is the person's: anyone else gets 404. Server-only.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod questions;
pub mod service;
