//! Transfer of ownership (issue 13): the seller offers one of their vehicles with its logbook to a buyer named
//! by ID number and first name, and pays; the buyer, told by SMS and email, accepts with a code to their phone or
//! declines within 14 days; acceptance changes the register's owner and issues each an acknowledgement slip.
//! Server-only.

pub mod api;
pub mod db;
pub mod domain;
#[cfg(test)]
mod fuzz;
pub mod offers;
pub mod pages;
pub mod plugin;
pub mod route;
pub mod service;
