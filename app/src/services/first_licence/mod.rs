//! The first smart driving licence (issue 28), the last step from learner to driver: the classes a pass at a
//! test unit gives while its certificate of competence is valid (three months), the passport photo on file, the
//! card's particulars and its collection centre, the smart licence's fee; an officer at that centre decides, and
//! approval puts the licence (or the new classes on one already held) on the register and the dashboard, with a
//! card slip anyone can check. Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
