//! Driving test booking (issue 28): a learner whose driving school marked the course for a class complete, and
//! whose provisional licence for it is valid, books a test at a test unit: the class, the unit, a day (up to the
//! permit's last day) and a time with places left. Places are every appointment's (`appointments`): held 15
//! minutes until payment, one live booking per learner and class, moved or cancelled until 24 hours before. An
//! officer at the unit records the result, pass or fail with notes; a pass is the certificate of competence the
//! first smart licence asks for. Server-only: plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod results;
pub mod service;
