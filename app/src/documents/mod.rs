//! Documents (issue 12): the receipt and the service's own document (the licence renewal slip) issued when an
//! application is paid, as a PDF and a printable page, each with a QR code and a short code that anyone can check
//! at `/verify/<code>`.

pub mod db;
pub mod domain;
pub mod pages;
pub mod pdf;
pub mod qr;
pub mod route;
pub mod service;
