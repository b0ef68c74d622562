//! A client for Safaricom's Daraja API (M-Pesa Express): the OAuth token, cached until it expires; the STK push;
//! the STK status query. Shapes are from ../shared/DOMAIN.md. Credentials come from the settings and are never
//! logged; every call has a timeout, since a person is waiting on the other end.

use std::time::Duration;

use anyhow::{bail, Context};
use base64::Engine;
use serde::Deserialize;
use serde_json::json;

use crate::settings::Payments;

/// Safaricom's public sandbox shortcode and passkey: the defaults of the sandbox that ships with Uraia.
pub const SANDBOX_SHORTCODE: &str = "174379";
pub const SANDBOX_PASSKEY: &str = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

/// What the client needs to know, from the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DarajaConfig {
    pub base_url: String,
    pub shortcode: String,
    pub passkey: String,
    pub consumer_key: String,
    pub consumer_secret: String,
    /// Where M-Pesa posts results, with its secret token (`/payments/mpesa/callback/{token}`).
    pub callback_url: String,
    /// The Transaction Status API's initiator, its encrypted credential, and where its result is posted
    /// (`/payments/mpesa/c2b/{token}/status-result`).
    pub initiator: String,
    pub security_credential: String,
    pub status_result_url: String,
    /// Where a B2C payment's (a refund's) result is posted, and where a Transaction Status query about one is
    /// answered (`/payments/mpesa/b2c/{token}/result`, `.../status-result`).
    pub b2c_result_url: String,
    pub b2c_status_url: String,
    /// Where the daily reconciliation's Transaction Status answers are posted (`.../reconcile/{token}/status-result`).
    pub reconcile_result_url: String,
}

impl DarajaConfig {
    /// The configured Daraja, or in development the sandbox this server mounts; `None` when M-Pesa is off (no
    /// base URL outside development).
    pub fn from_settings(payments: &Payments, origin: &str, development: bool, callback_token: &str) -> Option<Self> {
        let sandbox = development && payments.mpesa_base_url.is_empty();
        if payments.mpesa_base_url.is_empty() && !sandbox {
            return None;
        }
        let or = |value: &str, default: &str| {
            if value.is_empty() {
                default.to_string()
            } else {
                value.to_string()
            }
        };
        let callback_base = or(
            &payments.mpesa_callback_url,
            &format!("{origin}/payments/mpesa/callback"),
        );
        Some(DarajaConfig {
            base_url: or(&payments.mpesa_base_url, &format!("{origin}/sandbox/daraja")),
            shortcode: or(&payments.mpesa_shortcode, SANDBOX_SHORTCODE),
            passkey: or(&payments.mpesa_passkey, SANDBOX_PASSKEY),
            consumer_key: or(&payments.mpesa_consumer_key, "sandbox"),
            consumer_secret: or(&payments.mpesa_consumer_secret, "sandbox"),
            callback_url: format!("{}/{callback_token}", callback_base.trim_end_matches('/')),
            initiator: or(&payments.mpesa_initiator, "sandbox"),
            security_credential: or(&payments.mpesa_security_credential, "sandbox"),
            status_result_url: format!("{origin}/payments/mpesa/c2b/{callback_token}/status-result"),
            b2c_result_url: format!("{origin}/payments/mpesa/b2c/{callback_token}/result"),
            b2c_status_url: format!("{origin}/payments/mpesa/b2c/{callback_token}/status-result"),
            reconcile_result_url: format!("{origin}/payments/mpesa/reconcile/{callback_token}/status-result"),
        })
    }
}

/// The STK push's `Password`: base64 of shortcode, passkey and timestamp.
pub fn password(shortcode: &str, passkey: &str, timestamp: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{shortcode}{passkey}{timestamp}"))
}

/// Daraja's timestamp: Nairobi time as `YYYYMMDDHHMMSS`.
pub fn timestamp(now: i64) -> String {
    let at = jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    at.to_zoned_datetime(crate::calendar::nairobi().clone())
        .strftime("%Y%m%d%H%M%S")
        .to_string()
}

/// One payment prompt to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StkPush<'a> {
    /// `2547…`
    pub phone: &'a str,
    pub amount_kes: i64,
    /// The bill reference (≤ 12 letters and digits), shown on the phone.
    pub reference: &'a str,
    /// ≤ 13 characters.
    pub description: &'a str,
}

/// Daraja's answer to a push: accepted (not paid: the result comes later) or refused at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StkAnswer {
    Accepted {
        merchant_request_id: String,
        checkout_request_id: String,
    },
    Refused {
        code: String,
        message: String,
    },
}

/// A status query's answer: the final result code, or still being processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryAnswer {
    Final(i64),
    Processing,
}

/// The client. One per server process, shared by every request (the token is cached across them).
pub struct Daraja {
    pub config: DarajaConfig,
    pub(super) http: reqwest::Client,
    /// The access token and when it stops working (unix seconds).
    token: tokio::sync::Mutex<Option<(String, i64)>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    /// Seconds, as a string ("3599").
    expires_in: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct PushAnswer {
    #[serde(rename = "MerchantRequestID")]
    merchant_request_id: Option<String>,
    #[serde(rename = "CheckoutRequestID")]
    checkout_request_id: Option<String>,
    response_code: Option<String>,
    #[serde(rename = "errorCode")]
    error_code: Option<String>,
    #[serde(rename = "errorMessage")]
    error_message: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct QueryReply {
    result_code: Option<serde_json::Value>,
    #[serde(rename = "errorCode")]
    error_code: Option<String>,
}

impl Daraja {
    pub fn new(config: DarajaConfig) -> anyhow::Result<Daraja> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .connect_timeout(Duration::from_secs(5))
            .build()?;
        Ok(Daraja {
            config,
            http,
            token: tokio::sync::Mutex::new(None),
        })
    }

    /// A live access token: the cached one until a minute before it expires, else a new one.
    pub(super) async fn token(&self, now: i64) -> anyhow::Result<String> {
        let mut cached = self.token.lock().await;
        if let Some((token, until)) = cached.as_ref() {
            if now < *until - 60 {
                return Ok(token.clone());
            }
        }
        let answer: TokenAnswer = self
            .http
            .get(format!("{}/oauth/v1/generate", self.config.base_url))
            .query(&[("grant_type", "client_credentials")])
            .basic_auth(&self.config.consumer_key, Some(&self.config.consumer_secret))
            .send()
            .await
            .context("Daraja token request")?
            .error_for_status()
            .context("Daraja refused the credentials")?
            .json()
            .await
            .context("Daraja token answer")?;
        let lifetime: i64 = answer.expires_in.trim().parse().unwrap_or(3_599);
        *cached = Some((answer.access_token.clone(), now + lifetime));
        Ok(answer.access_token)
    }

    pub async fn stk_push(&self, push: &StkPush<'_>, now: i64) -> anyhow::Result<StkAnswer> {
        let token = self.token(now).await?;
        let timestamp = timestamp(now);
        let body = json!({
            "BusinessShortCode": self.config.shortcode,
            "Password": password(&self.config.shortcode, &self.config.passkey, &timestamp),
            "Timestamp": timestamp,
            "TransactionType": "CustomerPayBillOnline",
            "Amount": push.amount_kes,
            "PartyA": push.phone,
            "PartyB": self.config.shortcode,
            "PhoneNumber": push.phone,
            "CallBackURL": self.config.callback_url,
            "AccountReference": push.reference,
            "TransactionDesc": push.description,
        });
        let response = self
            .http
            .post(format!("{}/mpesa/stkpush/v1/processrequest", self.config.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .context("Daraja STK push")?;
        let answer: PushAnswer = response.json().await.context("Daraja STK push answer")?;
        match answer {
            PushAnswer {
                merchant_request_id: Some(merchant_request_id),
                checkout_request_id: Some(checkout_request_id),
                response_code: Some(code),
                ..
            } if code == "0" => Ok(StkAnswer::Accepted {
                merchant_request_id,
                checkout_request_id,
            }),
            PushAnswer {
                response_code,
                error_code,
                error_message,
                ..
            } => Ok(StkAnswer::Refused {
                code: error_code.or(response_code).unwrap_or_default(),
                message: error_message.unwrap_or_default(),
            }),
        }
    }

    pub async fn stk_query(&self, checkout_request_id: &str, now: i64) -> anyhow::Result<QueryAnswer> {
        let token = self.token(now).await?;
        let timestamp = timestamp(now);
        let body = json!({
            "BusinessShortCode": self.config.shortcode,
            "Password": password(&self.config.shortcode, &self.config.passkey, &timestamp),
            "Timestamp": timestamp,
            "CheckoutRequestID": checkout_request_id,
        });
        let reply: QueryReply = self
            .http
            .post(format!("{}/mpesa/stkpushquery/v1/query", self.config.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .context("Daraja STK query")?
            .json()
            .await
            .context("Daraja STK query answer")?;
        // Daraja answers "still processing" as an error (500.001.1001) rather than a result; any other error (an
        // unknown CheckoutRequestID, a bad token) is no answer at all.
        match reply.error_code.as_deref() {
            Some("500.001.1001") => return Ok(QueryAnswer::Processing),
            Some(other) => bail!("Daraja refused the STK query: {other}"),
            None => {}
        }
        match reply.result_code {
            Some(serde_json::Value::String(code)) => Ok(QueryAnswer::Final(code.trim().parse()?)),
            Some(serde_json::Value::Number(code)) => Ok(QueryAnswer::Final(code.as_i64().unwrap_or(-1))),
            _ => bail!("Daraja STK query answered without a result code"),
        }
    }
}

impl Daraja {
    /// Asks M-Pesa's books about a Paybill transaction (Transaction Status API). Accepted is not answered: the
    /// result is posted to `status_result_url`, with the transaction echoed in `Occasion`.
    pub async fn transaction_status(&self, trans_id: &str, now: i64) -> anyhow::Result<()> {
        let url = &self.config.status_result_url;
        self.transaction_status_to(trans_id, url, "Paybill confirmation", now)
            .await
    }

    /// Asks M-Pesa's books about `trans_id`, the answer posted to `result_url` (with `trans_id` as `Occasion`).
    pub async fn transaction_status_to(
        &self,
        trans_id: &str,
        result_url: &str,
        remarks: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        let token = self.token(now).await?;
        let body = json!({
            "Initiator": self.config.initiator,
            "SecurityCredential": self.config.security_credential,
            "CommandID": "TransactionStatusQuery",
            "TransactionID": trans_id,
            "PartyA": self.config.shortcode,
            "IdentifierType": "4",
            "ResultURL": result_url,
            "QueueTimeOutURL": result_url,
            "Remarks": remarks,
            "Occasion": trans_id,
        });
        let reply: PushAnswer = self
            .http
            .post(format!("{}/mpesa/transactionstatus/v1/query", self.config.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .context("Daraja transaction status")?
            .json()
            .await
            .context("Daraja transaction status answer")?;
        match reply.response_code.as_deref() {
            Some("0") => Ok(()),
            _ => bail!(
                "Daraja refused the transaction status query: {} {}",
                reply.error_code.unwrap_or_default(),
                reply.error_message.unwrap_or_default()
            ),
        }
    }
}

impl std::fmt::Debug for Daraja {
    /// The credentials never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Daraja")
            .field("base_url", &self.config.base_url)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_shortcode_passkey_and_timestamp_in_base64() {
        // Safaricom's documented sandbox example.
        assert_eq!(
            password(SANDBOX_SHORTCODE, SANDBOX_PASSKEY, "20160216165627"),
            "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMTYwMjE2MTY1NjI3"
        );
    }

    #[test]
    fn timestamps_are_nairobi_time() {
        // 2025-03-14 22:30:05 UTC is 01:30:05 on the 15th in Nairobi.
        assert_eq!(timestamp(1_741_991_405), "20250315013005");
    }

    #[test]
    fn the_sandbox_is_used_only_in_development_without_a_base_url() {
        let payments = Payments::default();
        let config = DarajaConfig::from_settings(&payments, "http://127.0.0.1:3000", true, "tok").unwrap();
        assert_eq!(config.base_url, "http://127.0.0.1:3000/sandbox/daraja");
        assert_eq!(config.callback_url, "http://127.0.0.1:3000/payments/mpesa/callback/tok");
        assert_eq!(
            DarajaConfig::from_settings(&payments, "https://uraia.go.ke", false, "tok"),
            None
        );
    }
}
