//! The help desk (issue 27): "Contact us" opens a case with a `SUP-` reference, linked to the account (and, when
//! chosen, an application) or to the email address or mobile number someone signed out gave; support agents work
//! the queue, reply and close; the person reads and answers under "Messages" or through the link they were sent,
//! and says whether it solved the problem. Limits per account, address and client; every staff action audited.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod service;
pub mod staff_pages;

/// Every help-desk form's flash is kept under this name.
pub const FORM: &str = "support";
