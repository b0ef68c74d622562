//! The PSV road service licence (issue 28) for a matatu or bus a SACCO or company owns, applied for by one of its
//! authorised people: the vehicle (its seats on the register set the fee band; a band the fee table lacks goes to an
//! office; a valid inspection is needed, else the reason and a link to book one), a route from the seeded list, the
//! first day (the licence runs a year); an officer decides, and approval puts the licence and its last day on the
//! vehicle and issues a slip. Server-only.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
