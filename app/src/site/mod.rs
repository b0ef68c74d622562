//! Facts about this deployment that every page shows: the official address (anti-phishing note) and whether the
//! registry behind it is the demo stand-in.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub official_address: String,
    pub demo_data: bool,
}

/// The layout loads the site facts once per page and shares them through context.
pub type SiteInfoResource = OnceResource<Result<SiteInfo, AppError>>;

#[server(endpoint = "site/info", input = GetUrl)]
pub async fn load_site_info() -> Result<SiteInfo, AppError> {
    let state = expect_context::<crate::state::AppState>();
    Ok(SiteInfo {
        official_address: state.settings.official_address.clone(),
        demo_data: state.settings.demo_data,
    })
}
