//! Server functions for fees. Public: anyone may see what a service costs before signing in.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::domain::FeeSchedule;
use crate::error::AppError;

/// The fee schedule. A GET so that it can be cached and needs no cross-site protection.
#[server(endpoint = "fees/schedule", input = GetUrl)]
pub async fn load_fee_schedule() -> Result<FeeSchedule, AppError> {
    let state = expect_context::<crate::state::AppState>();
    super::db::schedule(&state.pool).await.map_err(AppError::from)
}
