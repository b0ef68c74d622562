//! NTSA's staff: their roles, what each role may do, and the values their pages filter and decide with.

use serde::{Deserialize, Serialize};

use crate::ids::{AccountId, Email};

/// A staff role. Officers decide applications of their services (at their centre); supervisors see every queue
/// and read the audit log; support agents see applications to answer people, without deciding; administrators
/// give and change roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Officer,
    Supervisor,
    Support,
    Administrator,
    /// Reads the statistics and nothing else (issue 29): no application, no person.
    Analyst,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Officer,
        Role::Supervisor,
        Role::Support,
        Role::Administrator,
        Role::Analyst,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Supervisor => "supervisor",
            Role::Support => "support",
            Role::Administrator => "administrator",
            Role::Analyst => "analyst",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code.trim())
    }
}

/// What a staff member may do; each staff page and server function asks for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the queue and an application's page.
    See,
    /// Claim, approve, reject.
    Decide,
    /// Read and export the audit log.
    Audit,
    /// Give and change roles.
    Administer,
    /// Approve refunds; attach or refund money nobody asked for.
    Refund,
    /// Withdraw a document Uraia issued.
    Withdraw,
    /// Answer and close the help desk's cases.
    Support,
    /// Read the statistics and download their tables (issue 29).
    Statistics,
}

/// A signed-in member of staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub account: AccountId,
    pub email: Email,
    pub first_name: String,
    pub role: Role,
    /// An officer's centre; `None`: every centre.
    pub centre: Option<String>,
    /// An officer's services; empty: every service.
    pub services: Vec<String>,
}

impl Staff {
    pub fn may(&self, permission: Permission) -> bool {
        match permission {
            // An analyst sees figures, never an application or a person.
            Permission::See => self.role != Role::Analyst,
            Permission::Decide => matches!(self.role, Role::Officer | Role::Supervisor),
            Permission::Audit => matches!(self.role, Role::Supervisor | Role::Administrator),
            Permission::Administer => self.role == Role::Administrator,
            Permission::Refund | Permission::Withdraw => self.role == Role::Supervisor,
            Permission::Support => matches!(self.role, Role::Support | Role::Supervisor),
            Permission::Statistics => matches!(self.role, Role::Supervisor | Role::Analyst),
        }
    }

    /// Whether the service is one this person works on (an officer's list; everyone else: all).
    pub fn serves(&self, service: &str) -> bool {
        self.role != Role::Officer || self.services.is_empty() || self.services.iter().any(|s| s == service)
    }
}

/// Services as stored: comma-separated codes, trimmed, without empties.
pub fn parse_services(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_string)
        .collect()
}

/// What a queue shows: applications in review (not waiting for the applicant), those waiting for the applicant's
/// answer, and what was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    InReview,
    Asked,
    Completed,
    Rejected,
}

impl Shown {
    pub const ALL: [Shown; 4] = [Shown::InReview, Shown::Asked, Shown::Completed, Shown::Rejected];

    pub fn code(self) -> &'static str {
        match self {
            Shown::InReview => "in_review",
            Shown::Asked => "asked",
            Shown::Completed => "completed",
            Shown::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|shown| shown.code() == code)
    }
}

/// Reasons an officer picks from to reject (each a message key `applications-reason-<code>`), with free text.
pub const REJECT_REASONS: [&str; 4] = ["documents", "particulars", "duplicate", "other"];

/// How long opening an application to decide holds it for the officer.
pub const CLAIM_SECONDS: i64 = 30 * 60;

/// Queue rows per page.
pub const PAGE_SIZE: i64 = 50;

/// The queue's age filter: waiting more than this many days.
pub const AGES: [i64; 3] = [1, 3, 7];

/// The administrators' form giving a role, as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GrantForm {
    pub email: String,
    pub role: String,
    /// Comma-separated service codes (an officer's).
    pub services: String,
    /// A centre's code (an officer's).
    pub centre: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, services: &[&str]) -> Staff {
        Staff {
            account: AccountId::from_stored("a".into()),
            email: Email::from_stored("o@ntsa.go.ke".into()),
            first_name: "Otieno".into(),
            role,
            centre: None,
            services: services.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn an_analyst_reads_the_statistics_and_nothing_else() {
        let analyst = staff(Role::Analyst, &[]);
        assert!(analyst.may(Permission::Statistics));
        for other in [
            Permission::See,
            Permission::Decide,
            Permission::Audit,
            Permission::Administer,
            Permission::Refund,
            Permission::Withdraw,
            Permission::Support,
        ] {
            assert!(!analyst.may(other), "an analyst may not {other:?}");
        }
        assert!(staff(Role::Supervisor, &[]).may(Permission::Statistics));
        for role in [Role::Officer, Role::Support, Role::Administrator] {
            assert!(!staff(role, &[]).may(Permission::Statistics), "{role:?}");
        }
    }

    #[test]
    fn roles_round_trip_and_unknown_ones_are_refused() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("citizen"), None);
    }

    #[test]
    fn only_officers_and_supervisors_decide_and_an_officer_only_their_services() {
        assert!(staff(Role::Officer, &[]).may(Permission::Decide));
        assert!(!staff(Role::Support, &[]).may(Permission::Decide));
        assert!(!staff(Role::Administrator, &[]).may(Permission::Decide));
        assert!(!staff(Role::Officer, &[]).may(Permission::Audit));
        assert!(staff(Role::Supervisor, &[]).may(Permission::Audit));
        assert!(staff(Role::Administrator, &[]).may(Permission::Administer));
        assert!(!staff(Role::Supervisor, &[]).may(Permission::Administer));
        assert!(staff(Role::Support, &[]).may(Permission::Support));
        assert!(staff(Role::Supervisor, &[]).may(Permission::Support));
        assert!(!staff(Role::Officer, &[]).may(Permission::Support));
        for money in [Permission::Refund, Permission::Withdraw] {
            assert!(staff(Role::Supervisor, &[]).may(money));
            for role in [Role::Officer, Role::Support, Role::Administrator] {
                assert!(!staff(role, &[]).may(money), "{role:?} may not {money:?}");
            }
        }
        let officer = staff(Role::Officer, &["registration"]);
        assert!(officer.serves("registration") && !officer.serves("dl-renewal"));
        assert!(staff(Role::Supervisor, &["registration"]).serves("dl-renewal"));
        assert_eq!(
            parse_services(" registration, ,dl-renewal "),
            ["registration", "dl-renewal"]
        );
    }
}
