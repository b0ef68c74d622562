//! Help (issue 27): `/help` lists a page per service Uraia offers and per common question (paying and refunds,
//! the account), in English and Kiswahili; each service page says what you need before you start, how long it
//! takes, the fee, why applications are refused, and what happens after you pay. Linked from each service's
//! page and from the error pages, and found by the catalogue's search. Text lives in `help.ftl`.

pub mod pages;
pub mod topics;
