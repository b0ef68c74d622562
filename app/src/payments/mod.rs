//! Payments (issue 12): an invoice paid by M-Pesa (a prompt on the phone, or Paybill with the bill reference),
//! settled once whichever way the result arrives, with its history kept.

pub mod domain;
pub mod islands;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod card;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod mpesa;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod paybill;
#[cfg(feature = "ssr")]
pub mod route;
#[cfg(feature = "ssr")]
pub mod service;
