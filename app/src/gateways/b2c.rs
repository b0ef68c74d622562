//! M-Pesa's B2C payment request (money from Uraia's shortcode to a phone: a refund) and the Transaction Status
//! query that asks what became of one. Both are answered twice: "accepted" now, the result later at the configured
//! address. Credentials and phone numbers never reach a log.

use anyhow::Context;
use serde::Deserialize;
use serde_json::json;

use super::{
    daraja::Daraja,
    results::{code, description, parameter, text, whole},
};

/// What to send: `id` is Uraia's refund id, sent as `OriginatorConversationID` and echoed by the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct B2cPayment<'a> {
    pub id: &'a str,
    /// `2547…`
    pub phone: &'a str,
    pub amount_kes: i64,
    /// Shown in the person's M-Pesa message (`Occassion`, as Daraja spells it).
    pub occasion: &'a str,
}

/// Daraja's answer to a request: accepted (the result comes later) or refused now, with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    Yes { conversation_id: String },
    No { code: String, message: String },
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    #[serde(rename = "ConversationID")]
    conversation_id: Option<String>,
    response_code: Option<String>,
    response_description: Option<String>,
    #[serde(rename = "errorCode")]
    error_code: Option<String>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
}

impl Answer {
    fn read(self) -> Accepted {
        match (self.response_code.as_deref(), self.conversation_id) {
            (Some("0"), Some(conversation_id)) => Accepted::Yes { conversation_id },
            (code, _) => Accepted::No {
                code: self.error_code.or(code.map(str::to_string)).unwrap_or_default(),
                message: self
                    .error_message
                    .or(self.response_description)
                    .unwrap_or_default()
                    .chars()
                    .take(200)
                    .collect(),
            },
        }
    }
}

impl Daraja {
    /// Sends a B2C payment (`BusinessPayment`); its result is posted to `b2c_result_url`.
    pub async fn b2c(&self, payment: &B2cPayment<'_>, now: i64) -> anyhow::Result<Accepted> {
        let token = self.token(now).await?;
        let config = &self.config;
        let body = json!({
            "OriginatorConversationID": payment.id,
            "InitiatorName": config.initiator,
            "SecurityCredential": config.security_credential,
            "CommandID": "BusinessPayment",
            "Amount": payment.amount_kes,
            "PartyA": config.shortcode,
            "PartyB": payment.phone,
            "Remarks": "Uraia refund",
            "QueueTimeOutURL": config.b2c_result_url,
            "ResultURL": config.b2c_result_url,
            "Occassion": payment.occasion,
        });
        let answer: Answer = self
            .http
            .post(format!("{}/mpesa/b2c/v3/paymentrequest", config.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .context("Daraja B2C request")?
            .json()
            .await
            .context("Daraja B2C answer")?;
        Ok(answer.read())
    }

    /// Asks M-Pesa's books what became of the B2C payment Uraia sent as `id` (a result that never came, or one to
    /// confirm); the answer is posted to `b2c_status_url` with `id` as its `Occasion`.
    pub async fn b2c_status(&self, id: &str, now: i64) -> anyhow::Result<Accepted> {
        let token = self.token(now).await?;
        let config = &self.config;
        let body = json!({
            "Initiator": config.initiator,
            "SecurityCredential": config.security_credential,
            "CommandID": "TransactionStatusQuery",
            "TransactionID": "",
            "OriginalConversationID": id,
            "PartyA": config.shortcode,
            "IdentifierType": "4",
            "ResultURL": config.b2c_status_url,
            "QueueTimeOutURL": config.b2c_status_url,
            "Remarks": "Refund status",
            "Occasion": id,
        });
        let answer: Answer = self
            .http
            .post(format!("{}/mpesa/transactionstatus/v1/query", config.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .context("Daraja refund status")?
            .json()
            .await
            .context("Daraja refund status answer")?;
        Ok(answer.read())
    }
}

/// A B2C result as Daraja posts it: `Result.{ResultCode, ResultDesc, OriginatorConversationID, TransactionID,
/// ResultParameters.ResultParameter[{Key, Value}]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct B2cResult {
    /// Uraia's refund id, echoed.
    pub id: String,
    pub result_code: i64,
    pub description: String,
    pub receipt: Option<String>,
    pub amount: Option<i64>,
}

impl B2cResult {
    pub fn parse(body: &str) -> Option<B2cResult> {
        let value: serde_json::Value = serde_json::from_str(body).ok()?;
        let result = value.get("Result")?;
        Some(B2cResult {
            id: result.get("OriginatorConversationID")?.as_str()?.to_string(),
            result_code: code(result).unwrap_or(-1),
            description: description(result),
            receipt: text(parameter(result, "TransactionReceipt")),
            amount: whole(parameter(result, "TransactionAmount")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_b2c_result_names_its_refund_receipt_and_amount() {
        // Safaricom's documented result, with our refund id as the originator's conversation.
        let body = r#"{"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
            "OriginatorConversationID":"0190a1b2","ConversationID":"AG_20191219_00005797af5d7d75f652",
            "TransactionID":"NLJ41HAY6Q","ResultParameters":{"ResultParameter":[{"Key":"TransactionAmount",
            "Value":10},{"Key":"TransactionReceipt","Value":"NLJ41HAY6Q"},{"Key":"ReceiverPartyPublicName",
            "Value":"254708374149 - John Doe"}]},"ReferenceData":{"ReferenceItem":{"Key":"QueueTimeoutURL",
            "Value":"https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit"}}}}"#;
        let result = B2cResult::parse(body).unwrap();
        assert_eq!(result.id, "0190a1b2");
        assert_eq!((result.result_code, result.amount), (0, Some(10)));
        assert_eq!(result.receipt.as_deref(), Some("NLJ41HAY6Q"));
        let failed = r#"{"Result":{"ResultType":0,"ResultCode":2040,
            "ResultDesc":"Credit Party customer type (Unregistered or Registered Customer) can't be supported.",
            "OriginatorConversationID":"0190a1b3","ConversationID":"AG_1","TransactionID":"NLJ0000000"}}"#;
        let failed = B2cResult::parse(failed).unwrap();
        assert_eq!((failed.result_code, failed.receipt), (2040, None));
        assert!(failed.description.starts_with("Credit Party"));
        assert_eq!(B2cResult::parse(r#"{"Result":{}}"#), None);
    }

    #[test]
    fn an_answer_is_accepted_only_with_code_0_and_a_conversation() {
        let yes: Answer =
            serde_json::from_str(r#"{"ConversationID":"AG_1","ResponseCode":"0","ResponseDescription":"ok"}"#).unwrap();
        assert_eq!(
            yes.read(),
            Accepted::Yes {
                conversation_id: "AG_1".into()
            }
        );
        let no: Answer =
            serde_json::from_str(r#"{"requestId":"1","errorCode":"400.002.02","errorMessage":"Invalid PartyB"}"#)
                .unwrap();
        assert_eq!(
            no.read(),
            Accepted::No {
                code: "400.002.02".into(),
                message: "Invalid PartyB".into()
            }
        );
    }
}
