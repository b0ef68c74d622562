//! The daily reconciliation (issue 27): what M-Pesa and the card provider say was received against what Uraia
//! recorded, run once a day by whichever server process claims it; differences listed for supervisors and
//! exported as CSV. Server-only: the page is plain HTML.

pub mod db;
pub mod pages;
pub mod route;
pub mod service;
pub mod why;
