//! Accounts: the registration wizard, email and SMS verification, sign-in with a second step, remembered
//! devices, password reset and the account page (issue 3; product document steps 1 to 7).

pub mod domain;
pub mod islands;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod notify;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
