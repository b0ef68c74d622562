//! What an M-Pesa result means for the person paying: each Daraja result code, the state it leaves a request in,
//! and what to read and do next (DOMAIN.md). No I/O.

/// Where an STK push stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestStatus {
    /// Being handed to M-Pesa (a request that stays here failed to reach it).
    Sending,
    /// Accepted by M-Pesa; the phone shows the prompt; the result is awaited.
    Pending,
    Paid,
    Failed,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Sending => "sending",
            RequestStatus::Pending => "pending",
            RequestStatus::Paid => "paid",
            RequestStatus::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Sending,
            RequestStatus::Pending,
            RequestStatus::Paid,
            RequestStatus::Failed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

crate::ids::stored_as_code!(RequestStatus);

/// What to do after a failed prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Send another prompt.
    TryAgain,
    /// Another prompt is on the phone: wait a minute, then try again.
    Wait,
    /// The phone cannot be reached: pay by Paybill instead (or try again).
    Paybill,
}

/// A Daraja result code, read for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MpesaResult(pub i64);

impl MpesaResult {
    pub const PAID: MpesaResult = MpesaResult(0);

    pub fn paid(self) -> bool {
        self.0 == 0
    }

    /// The translation key of what happened (payments.ftl).
    pub fn message_key(self) -> &'static str {
        match self.0 {
            0 => "payments-result-paid",
            1 => "payments-result-1",
            1032 => "payments-result-1032",
            1037 => "payments-result-1037",
            2001 => "payments-result-2001",
            1001 => "payments-result-1001",
            1019 => "payments-result-1019",
            17 | 26 | 1025 | 9999 => "payments-result-busy",
            _ => "payments-result-other",
        }
    }

    pub fn next_step(self) -> NextStep {
        match self.0 {
            1037 => NextStep::Paybill,
            1001 | 17 | 26 | 1025 | 9999 => NextStep::Wait,
            _ => NextStep::TryAgain,
        }
    }
}

/// An M-Pesa receipt as Safaricom writes them: 10 upper-case letters and digits (`OEB44R5U3U`).
pub fn is_receipt(text: &str) -> bool {
    text.len() == 10 && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_documented_code_has_its_own_message() {
        let codes = [0, 1, 1032, 1037, 2001, 1001, 1019];
        let keys: std::collections::HashSet<_> = codes.iter().map(|c| MpesaResult(*c).message_key()).collect();
        assert_eq!(keys.len(), codes.len());
        assert_eq!(MpesaResult(9999).message_key(), MpesaResult(17).message_key());
        assert_eq!(MpesaResult(4242).message_key(), "payments-result-other");
    }

    #[test]
    fn an_unreachable_phone_leads_to_paybill_and_a_busy_one_to_waiting() {
        assert_eq!(MpesaResult(1037).next_step(), NextStep::Paybill);
        assert_eq!(MpesaResult(1001).next_step(), NextStep::Wait);
        assert_eq!(MpesaResult(1032).next_step(), NextStep::TryAgain);
        assert!(MpesaResult::PAID.paid());
    }

    #[test]
    fn receipts_are_ten_capitals_and_digits() {
        assert!(is_receipt("OEB44R5U3U"));
        assert!(!is_receipt("oeb44r5u3u"));
        assert!(!is_receipt("OEB44R5U3"));
    }

    #[test]
    fn statuses_round_trip() {
        for s in ["sending", "pending", "paid", "failed"] {
            assert_eq!(RequestStatus::parse(s).unwrap().code(), s);
        }
    }
}
