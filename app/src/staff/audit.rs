//! The audit log as supervisors read it: filtered by who and what, between two days (Nairobi), newest first; the
//! same filter exported as CSV by `route.rs`.

use super::db::AuditQuery;
use crate::calendar;

/// Rows per page of the audit log; an export holds at most `EXPORT_ROWS`.
pub const PAGE_ROWS: i64 = 100;
pub const EXPORT_ROWS: i64 = 100_000;

/// The filter as typed (query parameters), kept as text so the form shows it back.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    pub actor: String,
    pub action: String,
    /// `YYYY-MM-DD`, inclusive; empty: no bound.
    pub from: String,
    pub to: String,
    pub page: i64,
}

impl Filter {
    /// The query for one page (or, with `limit`, an export).
    pub fn query(&self, limit: i64, offset: i64) -> AuditQuery<'_> {
        let from = calendar::parse_iso(self.from.trim()).map_or(0, calendar::start_of);
        let to = calendar::parse_iso(self.to.trim())
            .and_then(|day| calendar::add_days(day, 1))
            .map_or(i64::MAX, calendar::start_of);
        AuditQuery {
            actor: self.actor.trim(),
            action: self.action.trim(),
            from,
            to,
            limit,
            offset,
        }
    }

    /// The filter as query parameters (for the export link and the page links).
    pub fn to_query(&self, page: i64) -> String {
        serde_urlencoded::to_string([
            ("actor", self.actor.as_str()),
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
            ("page", &page.to_string()),
        ])
        .unwrap_or_default()
    }
}

/// A cell as a spreadsheet will not run it: text that starts like a formula gets a leading apostrophe (OWASP's
/// advice on CSV injection); the csv crate does the quoting.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_text_is_kept() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("approve"), "approve");
    }

    #[test]
    fn days_bound_the_time_and_empty_ones_do_not() {
        let open = Filter::default();
        let query = open.query(10, 0);
        assert_eq!((query.from, query.to), (0, i64::MAX));
        let day = Filter {
            from: "2026-12-05".into(),
            to: "2026-12-05".into(),
            ..Filter::default()
        };
        let query = day.query(10, 0);
        assert_eq!(query.to - query.from, 86_400);
    }
}
