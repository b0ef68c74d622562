//! Linking an old TIMS account (NTSA's portal before January 2024): find the legacy record by KRA PIN or ID
//! number, prove it is yours (a code to the phone on the record, or your first name and year of birth as the
//! register has them), and its vehicles and licences appear on the dashboard. A record of another identity cannot
//! be linked, a record is linked to one account only, and failed tries are limited like sign-in codes.
//! Server-only.

pub mod api;
pub mod db;
pub mod pages;
pub mod service;
