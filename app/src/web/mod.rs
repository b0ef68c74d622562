//! Request plumbing every feature uses, and no feature owns: the request context (`Ctx`), the browser session with
//! its flash and one-time notice, the outbox, throttles, secrets, and the generic pieces of a server-rendered form page.
//! Features import from here; nothing here imports a feature.

pub mod challenges;
pub mod context;
mod db;
pub mod guard;
pub mod outbox;
pub mod page;
pub mod passwords;
pub mod private_file;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod throttle;
pub mod upload;
pub mod wizard;
