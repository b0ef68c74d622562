//! The provisional driving licence (issue 28), the learner's permit and the first step from learner to driver:
//! the classes to learn, each open from the age it needs (16 for a moped or light motorcycle, 18 for the rest,
//! counted from the register's date of birth) and refused when the licence or a valid permit already has it; the
//! fee; an officer decides, and approval puts the permit on the register for three months, on the dashboard and on
//! its slip. Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
