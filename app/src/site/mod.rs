//! Facts about this deployment that every page shows: the official address (anti-phishing note) and whether the
//! registry behind it is the demo stand-in. The server provides them in each request's context; pages are
//! rendered on the server only (islands mode), so no round trip or resource is needed.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub official_address: String,
    pub demo_data: bool,
}

/// The site facts of the page being rendered (empty outside a request, e.g. in unit tests).
pub fn use_site_info() -> SiteInfo {
    use_context::<SiteInfo>().unwrap_or_default()
}
