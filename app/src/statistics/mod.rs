//! `/en/staff/statistics`, for supervisors and analysts (issue 29): applications per week and service, decisions
//! and their reasons, time from payment to decision by service and centre, payments by method and failure, driving
//! tests and inspections by centre, what expires in the next 90 days by county, PSV licences by route and SACCO.
//! Every figure from the daily rollups or the registers, never a person; each table as CSV.

pub mod db;
pub mod domain;
pub mod figures;
pub mod pages;
pub mod registers;
pub mod route;
pub mod service;
