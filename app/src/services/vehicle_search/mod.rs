//! Copy of records (vehicle search, issue 13): a person names a plate, pays the search fee, and receives the
//! register's record of that vehicle as it stood when they paid (make, model, colour, year, the owner's name
//! masked, caveats, inspection), as a document with the same verify code as every other. Server-only.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
