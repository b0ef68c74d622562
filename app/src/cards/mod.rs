//! The smart driving licence card, shared by the services that issue one (the renewal's smart option, the first
//! licence after a test, a replacement): its particulars and their page, the collection centres, and the cards
//! issued, where a new card marks the one before it replaced.

pub mod db;
pub mod domain;
pub mod pages;
pub mod service;
