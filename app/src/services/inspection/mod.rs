//! Inspection booking (issue 13): one of the person's own vehicles, the inspection type, a centre, a day within
//! the next 30 working days and a time with places left. The place is held for 15 minutes until payment (from
//! submission), never beyond the slot's capacity; a booked inspection can be moved or cancelled until 24 hours
//! before, freeing its place at once. The booking slip says it is not proof of passing. Server-only.

pub mod api;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
