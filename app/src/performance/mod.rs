//! `/en/performance`, public (issue 29; the GOV.UK Service Standard, point 10): for each service the completion
//! rate (started, paid, completed), the median time to complete, the payment success rate by method, and the
//! service's availability over the last 30 days, from the daily rollups, with each table as CSV.

pub mod domain;
pub mod pages;
pub mod route;
pub mod service;
