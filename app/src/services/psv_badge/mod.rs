//! The PSV badge (issue 28) a matatu or bus driver or conductor must wear: the role, the certificate of good
//! conduct's number; each rule checked against the register (a conductor 18 or older; a driver 21 or older with a
//! valid licence carrying a PSV class held three years) and explained with the day it will be met; the fee; an
//! officer decides, and approval puts the badge on the register for a year with its slip. Server-only.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
