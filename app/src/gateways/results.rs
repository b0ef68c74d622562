//! Reading what Daraja posts back: the pieces every asynchronous result shares (`Result.ResultCode`, `ResultDesc`,
//! `ResultParameters.ResultParameter[{Key, Value}]`), and the Transaction Status result built from them. No I/O.

use serde_json::Value;

/// `ResultCode`, a number or a string (`"R000001"`, not a number, reads as -1); `None` when there is none.
pub(super) fn code(result: &Value) -> Option<i64> {
    Some(number(result.get("ResultCode")?).map_or(-1, |c| c as i64))
}

/// `ResultDesc`, at most 200 characters.
pub(super) fn description(result: &Value) -> String {
    result
        .get("ResultDesc")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect()
}

/// The `Value` of the result parameter named `key`.
pub(super) fn parameter(result: &Value, key: &str) -> Option<Value> {
    result
        .get("ResultParameters")?
        .get("ResultParameter")?
        .as_array()?
        .iter()
        .find(|p| p.get("Key").and_then(Value::as_str) == Some(key))?
        .get("Value")
        .cloned()
}

/// A number Daraja sends as a number or as text (`620`, `"620.00"`).
pub(crate) fn number(value: &Value) -> Option<f64> {
    value.as_f64().or_else(|| value.as_str()?.trim().parse().ok())
}

/// An amount in whole shillings, if it is one: finite, no fraction, and small enough to be exact as an `f64` (a
/// bigger one would come out as another number, or as `i64::MAX`, found by the property test).
pub(crate) fn shillings(amount: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    (amount.fract() == 0.0 && amount.abs() < EXACT).then_some(amount as i64)
}

/// A parameter's text.
pub(super) fn text(value: Option<Value>) -> Option<String> {
    value?.as_str().map(str::to_string)
}

/// A parameter that is a whole number of shillings (Daraja sends `620`, `620.00` or `"620"`).
pub(super) fn whole(value: Option<Value>) -> Option<i64> {
    shillings(number(&value?)?)
}

/// A Transaction Status result (posted to `status_result_url`): what M-Pesa's own books say of a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionStatus {
    /// The transaction asked about (our `Occasion`, echoed back).
    pub trans_id: String,
    pub result_code: i64,
    /// `ReceiptNo`, `Amount` and `TransactionStatus` ("Completed") from `ResultParameters`.
    pub receipt: Option<String>,
    pub amount: Option<i64>,
    pub completed: bool,
    /// `ResultDesc`, M-Pesa's words for the result (kept with a refund that failed).
    pub description: String,
}

impl TransactionStatus {
    /// Reads Daraja's result: `Result.{ResultCode, ResultParameters.ResultParameter[{Key, Value}],
    /// ReferenceData.ReferenceItem{Key: "Occasion", Value}}`.
    pub fn parse(body: &str) -> Option<TransactionStatus> {
        let value: Value = serde_json::from_str(body).ok()?;
        let result = value.get("Result")?;
        let result_code = code(result)?;
        let parameter = |key: &str| parameter(result, key);
        let occasion = result.get("ReferenceData")?.get("ReferenceItem")?;
        let trans_id = match occasion.get("Key")?.as_str()? {
            "Occasion" => occasion.get("Value")?.as_str()?.to_string(),
            _ => return None,
        };
        Some(TransactionStatus {
            trans_id,
            result_code,
            receipt: text(parameter("ReceiptNo")),
            amount: whole(parameter("Amount")),
            completed: text(parameter("TransactionStatus")).as_deref() == Some("Completed"),
            description: description(result),
        })
    }

    /// M-Pesa confirms that `trans_id` paid `amount`.
    pub fn confirms(&self, trans_id: &str, amount: i64) -> bool {
        self.result_code == 0
            && self.completed
            && self.trans_id == trans_id
            && self.receipt.as_deref() == Some(trans_id)
            && self.amount == Some(amount)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transaction_status_result_confirms_only_its_own_completed_amount() {
        let body = r#"{"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed.",
            "OriginatorConversationID":"1","ConversationID":"AG_1","TransactionID":"SAI0000000",
            "ResultParameters":{"ResultParameter":[{"Key":"DebitPartyName","Value":"254712345678 - Wanjiku"},
            {"Key":"ReceiptNo","Value":"QWE1234567"},{"Key":"Amount","Value":620},
            {"Key":"TransactionStatus","Value":"Completed"}]},
            "ReferenceData":{"ReferenceItem":{"Key":"Occasion","Value":"QWE1234567"}}}}"#;
        let status = TransactionStatus::parse(body).unwrap();
        assert!(status.confirms("QWE1234567", 620));
        assert!(!status.confirms("QWE1234567", 1450), "another amount");
        assert!(!status.confirms("QWE7654321", 620), "another transaction");
        let unknown = r#"{"Result":{"ResultType":0,"ResultCode":"R000001","ResultDesc":"No such receipt.",
            "ReferenceData":{"ReferenceItem":{"Key":"Occasion","Value":"FORGED0001"}}}}"#;
        let status = TransactionStatus::parse(unknown).unwrap();
        assert_eq!(status.trans_id, "FORGED0001");
        assert!(!status.confirms("FORGED0001", 620));
        assert_eq!(TransactionStatus::parse("{}"), None);
    }
}
