//! Uraia: e-Citizen and NTSA services for Kenyan motorists. The shared half of the app: pages, widgets and server
//! functions, compiled for the server (`ssr`) and for the browser (`hydrate`).
#![recursion_limit = "256"]

pub mod account_type;
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod applications;
#[cfg(feature = "ssr")]
pub mod appointments;
#[cfg(feature = "ssr")]
pub mod cards;
#[cfg(feature = "ssr")]
pub mod catalogue;
pub mod channel;
pub mod error;
pub mod fees;
#[cfg(all(test, feature = "ssr"))]
mod fuzz;
#[cfg(feature = "ssr")]
pub mod help;
pub mod i18n;
pub mod ids;
#[cfg(feature = "ssr")]
pub mod island_code;
pub mod island_ready;
pub mod pages;
pub mod payments;
pub mod photo;
pub mod site;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod gateways;
#[cfg(feature = "ssr")]
pub mod notices;
#[cfg(feature = "ssr")]
pub mod organisations;
#[cfg(feature = "ssr")]
pub mod performance;
#[cfg(feature = "ssr")]
pub mod reconciliation;
#[cfg(feature = "ssr")]
pub mod records;
#[cfg(feature = "ssr")]
pub mod refunds;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod schools;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod shell;
#[cfg(feature = "ssr")]
pub mod staff;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod statistics;
#[cfg(feature = "ssr")]
pub mod support;
#[cfg(feature = "ssr")]
pub mod sweep;
#[cfg(feature = "ssr")]
pub mod tims;
#[cfg(feature = "ssr")]
pub mod web;

#[cfg(feature = "ssr")]
pub use shell::{shell, App};
