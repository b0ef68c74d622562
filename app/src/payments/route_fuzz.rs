//! Property tests of what M-Pesa and the card provider post to Uraia (issue 30): any body, well-formed JSON in
//! Daraja's shapes or not, is read without a panic, and a well-formed one is read as what it says: its amount in
//! whole shillings exactly, or refused.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::fuzz::{body, text};
use crate::gateways::{
    b2c::B2cResult,
    card::{CardCheckout, CardResult},
};

/// The names Daraja's bodies use, as keys and as values.
const NAMES: &[&str] = &[
    "Body",
    "stkCallback",
    "CheckoutRequestID",
    "ResultCode",
    "ResultDesc",
    "CallbackMetadata",
    "Item",
    "Name",
    "Value",
    "Amount",
    "MpesaReceiptNumber",
    "PhoneNumber",
    "TransID",
    "TransAmount",
    "BillRefNumber",
    "MSISDN",
    "Result",
    "ResultParameters",
    "ResultParameter",
    "Key",
    "ReferenceData",
    "ReferenceItem",
    "Occasion",
    "ReceiptNo",
    "TransactionStatus",
    "Completed",
    "OriginatorConversationID",
    "TransactionReceipt",
    "TransactionAmount",
];

/// An amount as Daraja may send it: a number, a whole number as text, or with `.00`, any of them possibly fractional
/// or far out of range.
fn amount() -> impl Strategy<Value = (Value, Option<i64>)> {
    prop_oneof![
        (1..=1_000_000i64).prop_map(|a| (json!(a), Some(a))),
        (1..=1_000_000i64).prop_map(|a| (json!(a.to_string()), Some(a))),
        (1..=1_000_000i64).prop_map(|a| (json!(format!("{a}.00")), Some(a))),
        (1..=1_000_000i64).prop_map(|a| (json!(a as f64 + 0.5), None)),
        any::<f64>()
            .prop_filter("fractional or beyond 2^53", |a| a.is_finite()
                && (a.fract() != 0.0 || a.abs() >= 2f64.powi(53)))
            .prop_map(|a| (json!(a), None)),
    ]
}

proptest! {
    #[test]
    fn fuzz_any_body_is_read_without_a_panic(body in body(NAMES)) {
        if let Some(result) = parse_callback(&body) {
            prop_assert!(result.amount.is_none_or(|a| a == -1 || a.unsigned_abs() < 1 << 53));
        }
        if let Some(c2b) = read_c2b(&body) {
            prop_assert!(c2b.amount > 0 && c2b.amount < 1 << 53);
        }
        if let Some(status) = TransactionStatus::parse(&body) {
            prop_assert!(status.amount.is_none_or(|a| a.unsigned_abs() < 1 << 53));
        }
        if let Some(b2c) = B2cResult::parse(&body) {
            prop_assert!(b2c.description.chars().count() <= 200);
        }
        // The card result arrives as a query string or a form.
        let _ = serde_urlencoded::from_str::<CardResult>(&body);
    }

    #[test]
    fn fuzz_a_paid_stk_callback_is_read_as_it_says(
        id in text(), code in any::<i64>(), as_text in any::<bool>(), (sent, amount) in amount(),
        receipt in "[A-Z0-9]{10}", phone in "2547[0-9]{8}",
    ) {
        let code_value = if as_text { json!(code.to_string()) } else { json!(code) };
        let body = json!({"Body": {"stkCallback": {
            "MerchantRequestID": "29115-34620561-1", "CheckoutRequestID": id, "ResultCode": code_value,
            "ResultDesc": "The service request is processed successfully.",
            "CallbackMetadata": {"Item": [
                {"Name": "Amount", "Value": sent}, {"Name": "MpesaReceiptNumber", "Value": receipt},
                {"Name": "TransactionDate", "Value": 20191219102115u64},
                {"Name": "PhoneNumber", "Value": phone.parse::<u64>().unwrap()},
            ]},
        }}});
        let read = parse_callback(&body.to_string()).expect("a well-formed callback");
        prop_assert_eq!(read.checkout_request_id, id);
        prop_assert_eq!(read.result_code, code);
        prop_assert_eq!(read.amount, Some(amount.unwrap_or(-1)));
        prop_assert_eq!(read.receipt, Some(receipt));
        prop_assert_eq!(read.phone, Some(phone));
    }

    #[test]
    fn fuzz_a_paybill_confirmation_is_read_in_whole_shillings_or_refused(
        trans_id in "[A-Z0-9]{10}", reference in text(), (sent, amount) in amount(), msisdn in "2547[0-9]{8}",
    ) {
        let body = json!({
            "TransactionType": "Pay Bill", "TransID": trans_id, "TransTime": "20191122063845",
            "TransAmount": sent, "BusinessShortCode": "600638", "BillRefNumber": reference, "MSISDN": msisdn,
        });
        let read = read_c2b(&body.to_string());
        match amount {
            Some(amount) => prop_assert_eq!(read, Some(paybill::Confirmation {
                trans_id, bill_reference: reference, amount, msisdn,
            })),
            // Fractional, or too big to be exact: never credited.
            None => prop_assert_eq!(read, None),
        }
    }

    /// A signed result verifies; the same signature over different fields never does, whether a field was changed
    /// or text was moved from one field to the next (which once signed alike when a field held the `|`
    /// separator).
    #[test]
    fn fuzz_a_card_result_signature_covers_exactly_its_fields(
        fields in prop::collection::vec("[a-z0-9|]{0,6}", 5),
        other in prop::collection::vec("[a-z0-9|]{0,6}", 5),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 4),
    ) {
        let card = CardCheckout::for_tests("s3cret");
        let result = |f: &[String]| CardResult {
            session: f[0].clone(), reference: f[1].clone(), amount: f[2].clone(), outcome: f[3].clone(),
            transaction: f[4].clone(), signature: String::new(),
        };
        let mut signed = result(&fields);
        signed.signature = card.sign(&signed);
        prop_assert_eq!(card.verify(&signed), !fields.iter().any(|f| f.contains('|')));
        // The same text split at other separators: what an attacker holding one signed result could send.
        let joined = fields.join("|");
        let mut bounds: Vec<usize> = joined.match_indices('|').map(|(at, _)| at).collect();
        let mut moved = Vec::new();
        if bounds.len() >= 4 {
            let picked: std::collections::BTreeSet<usize> =
                cuts.iter().map(|cut| bounds.remove(cut.index(bounds.len()))).collect();
            if picked.len() == 4 {
                let mut start = 0;
                for at in picked {
                    moved.push(joined[start..at].to_string());
                    start = at + 1;
                }
                moved.push(joined[start..].to_string());
            }
        }
        for tampered in [other, moved] {
            if tampered.len() == 5 && tampered != fields {
                let mut forged = result(&tampered);
                forged.signature = signed.signature.clone();
                prop_assert!(!card.verify(&forged), "{fields:?} signed {tampered:?}");
            }
        }
    }
}
