//! What an application is, with no I/O: its status and the order statuses follow, its reference, its invoice.

use serde::{Deserialize, Serialize};

use crate::{
    fees::domain::Shillings,
    ids::{readable, AccountId},
};

/// Where an application stands. Drafts are answered; a submitted application waits for payment with its invoice;
/// a paid one completes itself (a renewal) or is reviewed by an officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Submitted,
    AwaitingPayment,
    Paid,
    InReview,
    Approved,
    Rejected,
    Completed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Draft,
        Status::Submitted,
        Status::AwaitingPayment,
        Status::Paid,
        Status::InReview,
        Status::Approved,
        Status::Rejected,
        Status::Completed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::AwaitingPayment => "awaiting_payment",
            Status::Paid => "paid",
            Status::InReview => "in_review",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Completed => "completed",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The statuses an application may move to from this one. Besides these, a rejection an officer made may become
    /// a draft again to be corrected, and be sent back to review for the fee it paid (`service::reopen`, `resubmit`).
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Draft => &[Status::Submitted],
            Status::Submitted => &[Status::AwaitingPayment],
            Status::AwaitingPayment => &[Status::Paid],
            Status::Paid => &[Status::InReview, Status::Completed],
            Status::InReview => &[Status::Approved, Status::Rejected],
            Status::Approved => &[Status::Completed],
            Status::Rejected | Status::Completed => &[],
        }
    }
}

/// Whom an application in review waits for (`applications.waiting_for`); only an officer's are in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    Officer,
    /// The applicant, to answer an officer's question.
    Applicant,
    /// Another party decides (a transfer's buyer).
    OtherParty,
}

impl Waiting {
    pub fn code(self) -> i64 {
        match self {
            Waiting::Officer => 0,
            Waiting::Applicant => 1,
            Waiting::OtherParty => 2,
        }
    }

    /// As stored; anything unknown is an officer's (the queue is where it would be seen).
    pub fn from_code(code: i64) -> Waiting {
        match code {
            1 => Waiting::Applicant,
            2 => Waiting::OtherParty,
            _ => Waiting::Officer,
        }
    }
}

/// An application's id: random, in its addresses, never typed by a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicationId(String);

impl ApplicationId {
    /// A well-formed id (32 lower-case hex digits), or `None`: anything else is a 404 without a query.
    pub fn parse(text: &str) -> Option<ApplicationId> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
            .then(|| ApplicationId(text.to_string()))
    }

    pub fn from_stored(id: String) -> ApplicationId {
        ApplicationId(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The reference a person quotes and pays against: `UR` and 8 letters or digits from an alphabet without the look-
/// alikes (0/O, 1/I/L, U/V), so it survives being read out on the phone. 10 characters: within M-Pesa's 12 for an
/// account reference (DOMAIN.md), so one reference serves the STK push and Paybill. Random (29^8, about 5 x 10^11
/// values), so one person's reference says nothing about another's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ApplicationRef(String);

impl ApplicationRef {
    /// A new random reference; `pick(n)` gives a uniform index below `n` (the caller's random source).
    pub fn generate(pick: impl FnMut(usize) -> usize) -> ApplicationRef {
        ApplicationRef(format!("UR{}", readable::generate(8, pick)))
    }

    /// A reference as typed (any case, spaces or dashes), if it could be one.
    pub fn parse(text: &str) -> Option<ApplicationRef> {
        let compact = readable::compact(text);
        (compact.len() == 10 && compact.starts_with("UR") && readable::is(&compact[2..]))
            .then_some(ApplicationRef(compact))
    }

    pub fn from_stored(reference: String) -> ApplicationRef {
        ApplicationRef(reference)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ApplicationRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is owed: the service's fee and the access fee, frozen at submission (a later gazette does not change a
/// submitted invoice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub fee: Shillings,
    pub access_fee: Shillings,
}

impl Invoice {
    pub fn total(&self) -> Shillings {
        Shillings(self.fee.0 + self.access_fee.0)
    }
}

/// A payment received for an application (from M-Pesa or a card in the next issue; until then, recorded by a test
/// or an officer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// `mpesa`, `card` or `counter`.
    pub method: &'static str,
    /// The payer's receipt (M-Pesa: 10 letters/digits). Unique: one receipt pays one application once.
    pub receipt: String,
    pub amount: Shillings,
}

/// An officer's decision on an application in review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// A rejection must say why: the person reads it.
    Reject {
        reason: String,
    },
}

/// An application as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub id: ApplicationId,
    pub account: AccountId,
    /// The catalogue code of the service (`dl-renewal`).
    pub service: String,
    pub status: Status,
    /// The service's answers as JSON (each service reads its own shape).
    pub answers: String,
    pub reference: Option<ApplicationRef>,
    pub fee_code: Option<String>,
    pub invoice: Option<Invoice>,
    pub decision_reason: Option<String>,
    /// The officer who decided it (a buyer's answer to a transfer has none).
    pub decided_by: Option<AccountId>,
    /// In review: whom it waits for.
    pub waiting: Waiting,
    /// The centre that deals with it, once paid (`None`: any centre).
    pub centre: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// How many times the answers were saved: a submission freezes the fee only on the version it checked.
    pub version: i64,
}

impl Application {
    /// A draft paid before: an officer rejected it and the applicant is correcting it (sent again without paying).
    pub fn correcting(&self) -> bool {
        self.status == Status::Draft && self.reference.is_some()
    }

    /// Rejected by an officer (whose reason can be put right), not by a buyer or a lapse.
    pub fn rejected_by_officer(&self) -> bool {
        self.status == Status::Rejected && self.decided_by.is_some()
    }
}

/// One step of an application's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub status: Status,
    pub at: i64,
    /// Reaching review: whom it waited for.
    pub waiting: Waiting,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_end_in_completed_or_rejected() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.code()), Some(status));
        }
        // Every status reaches an end by its allowed moves.
        for status in Status::ALL {
            let mut at = status;
            for _ in 0..8 {
                match at.next().last() {
                    Some(next) => at = *next,
                    None => break,
                }
            }
            assert!(matches!(at, Status::Completed | Status::Rejected), "{status:?}");
        }
    }

    #[test]
    fn references_are_ten_readable_characters() {
        let mut n = 0;
        let reference = ApplicationRef::generate(|len| {
            n += 7;
            n % len
        });
        assert_eq!(reference.as_str().len(), 10);
        assert!(reference.as_str().starts_with("UR"));
        assert_eq!(
            ApplicationRef::parse(&reference.as_str().to_lowercase()),
            Some(reference.clone())
        );
        assert_eq!(
            ApplicationRef::parse("UR-2345-6789"),
            ApplicationRef::parse("UR23456789")
        );
        for bad in ["UR2345678O", "UR234567", "XX23456789", "UR23456789A"] {
            assert_eq!(ApplicationRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn whom_review_waits_for_round_trips_and_anything_else_is_an_officers() {
        for waiting in [Waiting::Officer, Waiting::Applicant, Waiting::OtherParty] {
            assert_eq!(Waiting::from_code(waiting.code()), waiting);
        }
        assert_eq!(Waiting::from_code(7), Waiting::Officer);
    }

    #[test]
    fn only_a_paid_draft_is_being_corrected_and_only_an_officers_rejection_can_be() {
        let application = |status, reference: Option<&str>, decided_by: Option<&str>| Application {
            id: ApplicationId::from_stored("0".repeat(32)),
            account: AccountId::from_stored("a".into()),
            service: "transfer".into(),
            status,
            answers: "{}".into(),
            reference: reference.map(|r| ApplicationRef::from_stored(r.into())),
            fee_code: None,
            invoice: None,
            decision_reason: None,
            decided_by: decided_by.map(|d| AccountId::from_stored(d.into())),
            waiting: Waiting::Officer,
            centre: None,
            created_at: 0,
            updated_at: 0,
            version: 0,
        };
        assert!(application(Status::Draft, Some("UR23456789"), None).correcting());
        assert!(!application(Status::Draft, None, None).correcting());
        assert!(!application(Status::InReview, Some("UR23456789"), None).correcting());
        assert!(application(Status::Rejected, Some("UR23456789"), Some("officer")).rejected_by_officer());
        // A buyer's refusal or a lapse has no deciding officer.
        assert!(!application(Status::Rejected, Some("UR23456789"), None).rejected_by_officer());
        assert!(!application(Status::Completed, Some("UR23456789"), Some("officer")).rejected_by_officer());
    }

    #[test]
    fn ids_are_hex_only() {
        assert!(ApplicationId::parse("0123456789abcdef0123456789abcdef").is_some());
        assert!(ApplicationId::parse("0123456789abcdef0123456789abcdeg").is_none());
        assert!(ApplicationId::parse("' OR 1=1 --").is_none());
    }

    #[test]
    fn the_total_is_fee_and_access_fee() {
        let invoice = Invoice {
            fee: Shillings(1400),
            access_fee: Shillings(50),
        };
        assert_eq!(invoice.total(), Shillings(1450));
    }
}
