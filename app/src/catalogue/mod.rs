//! The catalogue of government services: what Uraia offers (NTSA's services), what it lists honestly as found
//! elsewhere (other agencies), each service's fees from the fee table, and a search that forgives spelling in
//! English and Kiswahili. Server-only: the pages are plain HTML with a GET search form.

pub mod domain;
pub mod pages;
pub mod search;
