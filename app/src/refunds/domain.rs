//! What a refund is: where the money owed comes from, where a refund stands, and what a person is shown of it.
//! No I/O.

/// Where money owed back comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Paid again (or the wrong amount) for an application: a credit.
    Credit,
    /// The fee of an application that ended without its service (rejected).
    Application,
    /// Money under no reference, or for a prompt of no application, that staff chose to give back.
    Investigation,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Credit, Source::Application, Source::Investigation];

    pub fn code(self) -> &'static str {
        match self {
            Source::Credit => "credit",
            Source::Application => "application",
            Source::Investigation => "investigation",
        }
    }

    pub fn parse(code: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.code() == code)
    }
}

crate::ids::stored_as_code!(Source);

/// Where a refund stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefundStatus {
    /// Approved; being handed to the gateway (one that stays here is asked about by the sweep).
    Sending,
    /// M-Pesa accepted it; its result is awaited.
    Sent,
    Refunded,
    /// The gateway refused it or M-Pesa's books say it did not happen: owed again, with why.
    Failed,
}

impl RefundStatus {
    pub const ALL: [RefundStatus; 4] = [
        RefundStatus::Sending,
        RefundStatus::Sent,
        RefundStatus::Refunded,
        RefundStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RefundStatus::Sending => "sending",
            RefundStatus::Sent => "sent",
            RefundStatus::Refunded => "refunded",
            RefundStatus::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<RefundStatus> {
        RefundStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The gateway has it and its end is not known yet.
    pub fn open(self) -> bool {
        matches!(self, RefundStatus::Sending | RefundStatus::Sent)
    }
}

crate::ids::stored_as_code!(RefundStatus);

/// How a refund ended, as a gateway said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// Given back; the gateway's receipt (M-Pesa's transaction, the card refund's id).
    Refunded(String),
    /// Not given back, and why (in the gateway's words, with its code).
    Failed(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_are_refused() {
        for source in Source::ALL {
            assert_eq!(Source::parse(source.code()), Some(source));
        }
        for status in RefundStatus::ALL {
            assert_eq!(RefundStatus::parse(status.code()), Some(status));
        }
        assert_eq!(Source::parse("paybill"), None);
        assert!(RefundStatus::Sent.open() && !RefundStatus::Failed.open());
    }
}
