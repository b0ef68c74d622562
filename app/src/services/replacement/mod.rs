//! Replacing a lost, stolen or damaged smart driving licence (issue 28): the licence on the register under the
//! person's ID number (not expired: a renewal gives a new card then), what happened, the police abstract's number
//! for a lost or stolen card, the passport photo on file and the card's particulars, the smart licence's fee; an
//! officer at the collection centre decides, and approval issues the new card with the licence's classes and
//! expiry, marks the old card replaced, and makes the public check of the old card's slip say it is no longer
//! valid. Server-only: the pages are plain forms.

pub mod api;
pub mod domain;
pub mod pages;
pub mod plugin;
pub mod service;
