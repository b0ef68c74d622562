//! Passport photos (issue 4; product document step 6): upload with the 500 x 500 limit, an in-browser crop, and
//! a server that checks everything, strips metadata and shows a photo only to its owner.

pub mod domain;
#[cfg(all(test, feature = "ssr"))]
mod fuzz;
pub mod islands;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod check;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod route;
#[cfg(feature = "ssr")]
pub mod service;
