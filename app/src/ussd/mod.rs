//! The USSD channel (issue 31): a motorist with a feature phone dials the service code and, screen by screen, sees
//! their driving licence, renews it and pays by M-Pesa, checks a slip, and sees their latest applications. A
//! gateway (Africa's Talking's shape) posts each answer; the reply is one screen of at most 182 characters.
//!
//! `menu` is the pure part (where each answer leads, the screens' shape), `service` takes each post (the session,
//! the caller, the PIN), `items` does what each item needs through the other features' services, `pin` and
//! `pages` are the PIN a person sets on the website for the personal items, `route` is the gateway's address and
//! the development simulator.

pub mod api;
pub mod db;
mod items;
pub mod menu;
pub mod pages;
pub mod pin;
pub mod route;
pub mod service;
