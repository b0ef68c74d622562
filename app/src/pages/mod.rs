//! Pages and the layout around them.

mod fees;
pub mod home;
mod layout;
mod not_found;

pub use fees::FeesPage;
pub use home::HomePage;
pub use layout::{has_session, Layout};
pub use not_found::{ErrorPage, NotFoundPage, STATUS_HEADER};
