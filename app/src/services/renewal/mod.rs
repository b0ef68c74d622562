//! Driving licence renewal (the product document's main example): the person's licence, refused with the reason
//! and the amount while offences are unpaid; 1 year, 3 years or the smart licence (which asks for more and needs a
//! passport photo on file); check your answers; submit. A payment moves the register's expiry and records the
//! renewal slip. Server-only: the pages are plain HTML forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
