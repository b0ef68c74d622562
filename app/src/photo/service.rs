//! The photo rules that need the database and the session: who may upload, how often, and where they go next.

use super::{
    check::{self, CleanPhoto},
    db::{self, PhotoInfo},
    domain::Problem,
};
use crate::{
    error::AppError,
    ids::AccountId,
    state::AppState,
    web::{guard::SignedIn, routes::Page, throttle},
};
use anyhow::Context;

/// Which page the form was on: the step after verification, or the account page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Welcome,
    Account,
}

impl Origin {
    pub fn parse(value: &str) -> Origin {
        if value == "welcome" {
            Origin::Welcome
        } else {
            Origin::Account
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Origin::Welcome => "welcome",
            Origin::Account => "account",
        }
    }

    /// The form's own page (where errors are shown), returning to `then` afterwards.
    pub fn page(self, then: Option<String>) -> Page {
        match self {
            Origin::Welcome => Page::WelcomePhoto,
            Origin::Account => Page::AccountPhoto { then },
        }
    }

    /// Where a saved photo leads.
    pub fn next(self) -> Page {
        match self {
            Origin::Welcome => Page::Dashboard,
            Origin::Account => Page::Account,
        }
    }
}

/// Where to go back to after the photo when a service sent the person here (the smart licence step needs a photo):
/// the `then` parameter, only if it is an application's page, so the photo page cannot be made to send anyone
/// elsewhere.
pub fn return_to(query: &str) -> Option<String> {
    let then = crate::web::upload::query_param(query, "then")?;
    let safe = then.len() <= 100
        && then.starts_with("applications/")
        && then
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'/' || b == b'-');
    safe.then_some(then)
}

/// May this signed-in, verified account send a photo now (within its upload budget)? Asked before a byte of the
/// file is read, so a throttled sender costs no reading, decoding or memory.
pub async fn admit(state: &AppState, who: &SignedIn) -> Result<(), AppError> {
    let key = throttle::photo_key(who.id.as_str());
    match throttle::reserve(&state.pool, &key, throttle::PHOTO, state.clock.now()).await? {
        throttle::Reservation::Locked(wait) => Err(throttle::wait_error("photo", "photo-error-throttled", wait).into()),
        throttle::Reservation::Granted(_) => Ok(()),
    }
}

/// Checks, cleans and stores an uploaded photo as the (admitted) account's, replacing any other.
/// `upload` is the file's bytes, or what went wrong while receiving them.
pub async fn upload(state: &AppState, who: &SignedIn, upload: Result<Vec<u8>, Problem>) -> Result<(), AppError> {
    let photo = clean(state, upload.map_err(|p| p.field_error())?)
        .await?
        .map_err(|p| p.field_error())?;
    db::save(&state.pool, who.id.as_str(), &photo, state.clock.now())
        .await
        .map(|_| ())
        .map_err(AppError::from)
}

/// The check runs on a blocking thread, a bounded number at a time.
async fn clean(state: &AppState, bytes: Vec<u8>) -> Result<Result<CleanPhoto, Problem>, AppError> {
    let _permit = state
        .photo_checks
        .acquire()
        .await
        .context("waiting for a photo check")?;
    Ok(tokio::task::spawn_blocking(move || check::clean(&bytes))
        .await
        .context("checking a photo")?)
}

/// Removes the account's photo; answers whether there was one.
pub async fn remove(state: &AppState, who: &SignedIn) -> Result<bool, AppError> {
    db::remove(&state.pool, who.id.as_str()).await.map_err(AppError::from)
}

/// The account's photo, if it has one. Other features ask this (the smart licence needs a photo on file).
pub async fn info(state: &AppState, account: &AccountId) -> Result<Option<PhotoInfo>, AppError> {
    db::of_account(&state.pool, account.as_str())
        .await
        .map_err(AppError::from)
}

/// The address a page shows the photo from. The id changes with every replacement, so no cache can show an
/// old photo.
pub fn src(info: &PhotoInfo) -> String {
    format!("/photos/{}.jpg", info.id)
}
