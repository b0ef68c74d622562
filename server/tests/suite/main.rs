//! Every server test in one binary: one link instead of one per file (each link of the whole app took time and
//! gigabytes of disk), and tests from all files share the two cores. `logs.rs` alone has a binary of its own: it
//! sets the log subscriber, which must not meet call sites other tests' threads met first.

#[macro_use]
mod common;

mod accounts_changes;
mod accounts_identities;
mod accounts_registration;
mod accounts_sign_in;
mod accounts_throttles;
mod applications;
mod assets;
mod backup;
mod catalogue;
mod config;
mod database;
mod delivery;
mod demo_year;
mod deployment;
mod driving_test;
mod first_licence;
mod help;
mod inspection;
mod load;
mod organisations;
mod outage;
mod pages;
mod payments;
mod payments_card;
mod payments_paybill;
mod performance;
mod photo;
mod provisional;
mod psv_badge;
mod psv_licence;
mod reconciliation;
mod records;
mod refunds;
mod reminders;
mod replacement;
mod schools;
mod security;
mod shutdown;
mod staff;
mod staff_review;
mod statistics;
mod support;
mod tims;
mod transfer;
mod transfer_organisations;
mod ussd;
mod vehicle_registration;
mod vehicle_search;
