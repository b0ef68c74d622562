//! The services of the application framework, each in its folder: its answers, wizard, pages, server functions,
//! register changes and the plug-in value the server lists (`server/src/services.rs`).

pub mod driving_test;
pub mod first_licence;
pub mod inspection;
pub mod provisional;
pub mod psv_badge;
pub mod psv_licence;
pub mod renewal;
pub mod replacement;
pub mod transfer;
pub mod vehicle_registration;
pub mod vehicle_search;
