//! Clients of the systems outside Uraia (M-Pesa's Daraja API, the card provider's checkout): beside the shared
//! ground, imported by features, never a feature themselves.

pub mod b2c;
pub mod card;
pub mod daraja;
pub mod results;
