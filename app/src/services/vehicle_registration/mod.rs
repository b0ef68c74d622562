//! Vehicle registration (issue 13): a new or imported vehicle's particulars, its VIN and customs entry (each
//! named by one application only), its owner (the person or an organisation they act for), the fee of its
//! engine's band; after payment an officer decides, and on approval the vehicle takes the next plate of the
//! current series, joins "My vehicles" and gets its registration slip. Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
pub mod vin;
