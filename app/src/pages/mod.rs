//! Pages and the layout around them.

mod fees;
mod home;
mod layout;
mod not_found;

pub use fees::FeesPage;
pub use home::HomePage;
pub use layout::Layout;
pub use not_found::{ErrorPage, NotFoundPage, STATUS_HEADER};
