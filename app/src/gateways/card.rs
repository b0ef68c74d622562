//! The card provider's hosted checkout, as a client: where to send people, how its results are signed, and how to
//! ask it about a session. What a result means for an application is the payments feature's (`payments::card`).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::settings::Payments;

/// The checkout Uraia sends people to, and the key its results are signed with.
pub struct CardCheckout {
    pub url: String,
    secret: String,
    http: reqwest::Client,
}

impl CardCheckout {
    /// The configured checkout, or in development the sandbox this server mounts; `None`: no card payments.
    pub fn from_settings(payments: &Payments, origin: &str, development: bool, derived_secret: &str) -> Option<Self> {
        let (url, secret) = match (payments.card_checkout_url.as_str(), development) {
            ("", false) => return None,
            ("", true) => (format!("{origin}/sandbox/card"), derived_secret.to_string()),
            // `Settings::check` refuses a checkout without its secret: a derived key the provider cannot know
            // would refuse every result.
            (url, _) => (url.to_string(), payments.card_secret.clone()),
        };
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .build()
            .ok()?;
        Some(CardCheckout { url, secret, http })
    }

    /// A checkout signing with `secret`, for tests.
    #[cfg(test)]
    pub(crate) fn for_tests(secret: &str) -> CardCheckout {
        CardCheckout {
            url: "http://127.0.0.1:3000/sandbox/card".into(),
            secret: secret.into(),
            http: reqwest::Client::new(),
        }
    }

    /// The signature over a result's fields, as hex.
    pub fn sign(&self, result: &CardResult) -> String {
        self.mac(&result.fields())
    }

    /// HMAC-SHA256 over `fields`, each followed by `|`, as hex: how the provider signs whatever it sends.
    pub fn mac(&self, fields: &[&str]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.secret.as_bytes()).expect("HMAC takes a key of any length");
        for field in fields {
            mac.update(field.as_bytes());
            mac.update(b"|");
        }
        mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Checks a result's signature in constant time.
    pub fn verify(&self, result: &CardResult) -> bool {
        self.signed(&result.fields(), &result.signature)
    }

    /// Whether `signature` is the provider's over `fields`, in constant time. A field holding the separator is
    /// refused: `("a|b", "")` and `("a", "b|")` sign alike, so text could move from one field to the next under a
    /// valid signature (found by the property test; no real provider field holds a `|`).
    pub fn signed(&self, fields: &[&str], signature: &str) -> bool {
        !fields.iter().any(|field| field.contains('|')) && crate::web::secrets::same(&self.mac(fields), signature)
    }
}

impl std::fmt::Debug for CardCheckout {
    /// The key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardCheckout")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// What the checkout sends back (as query parameters on the return address).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct CardResult {
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub amount: String,
    /// `paid` or `declined`.
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub transaction: String,
    #[serde(default, rename = "sig")]
    pub signature: String,
}

impl CardResult {
    /// The signed fields, in the provider's order.
    pub fn fields(&self) -> [&str; 5] {
        [
            &self.session,
            &self.reference,
            &self.amount,
            &self.outcome,
            &self.transaction,
        ]
    }
}

impl CardCheckout {
    /// The provider's word on a session: its signed result, or `None` while it is open (`{"status": "open"}`
    /// reads as a result without an outcome).
    pub async fn ask(&self, session: &str) -> anyhow::Result<Option<CardResult>> {
        let answer: CardResult = self
            .http
            .get(format!("{}/sessions/{session}", self.url.trim_end_matches('/')))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(Some(answer).filter(|result| !result.outcome.is_empty()))
    }
}

/// The provider's answer to a refund: `refunded` (with its refund id) or `declined` (with its reason), signed over
/// `refund|transaction|amount|outcome|reason|`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CardRefund {
    pub refund: String,
    pub transaction: String,
    pub amount: String,
    pub outcome: String,
    pub reason: String,
    #[serde(rename = "sig")]
    pub signature: String,
}

impl CardRefund {
    pub fn fields(&self) -> [&str; 5] {
        [
            &self.refund,
            &self.transaction,
            &self.amount,
            &self.outcome,
            &self.reason,
        ]
    }
}

impl CardCheckout {
    /// Asks the provider to give `amount` of `transaction` back, as refund `id` (the provider refunds an id once).
    /// The request is signed like everything between us; an answer whose signature fails is an error.
    pub async fn refund(&self, id: &str, transaction: &str, amount: i64) -> anyhow::Result<CardRefund> {
        let amount = amount.to_string();
        let sig = self.mac(&[id, transaction, &amount]);
        let answer: CardRefund = self
            .http
            .post(format!("{}/refunds", self.url.trim_end_matches('/')))
            .form(&[
                ("refund", id),
                ("transaction", transaction),
                ("amount", &amount),
                ("sig", &sig),
            ])
            .send()
            .await?
            .json()
            .await?;
        let signed = self.signed(&answer.fields(), &answer.signature);
        anyhow::ensure!(signed, "the card provider's refund answer is not signed with our key");
        anyhow::ensure!(answer.refund == id, "the card provider answered about another refund");
        Ok(answer)
    }
}

/// One payment in the provider's list of a day, signed over `transaction|amount|outcome|`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CardTransaction {
    pub transaction: String,
    pub amount: String,
    /// `paid` or `refunded`.
    pub outcome: String,
    #[serde(rename = "sig")]
    pub signature: String,
}

impl CardTransaction {
    pub fn fields(&self) -> [&str; 3] {
        [&self.transaction, &self.amount, &self.outcome]
    }
}

impl CardCheckout {
    /// The provider's list of the payments it took on `day` (`YYYY-MM-DD`, Nairobi). An entry whose signature
    /// fails is an error: the list is the evidence a reconciliation rests on.
    pub async fn transactions(&self, day: &str) -> anyhow::Result<Vec<CardTransaction>> {
        let list: Vec<CardTransaction> = self
            .http
            .get(format!("{}/transactions", self.url.trim_end_matches('/')))
            .query(&[("day", day)])
            .timeout(std::time::Duration::from_secs(120))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        for entry in &list {
            let signed = self.signed(&entry.fields(), &entry.signature);
            anyhow::ensure!(signed, "the card provider's list has an entry not signed with our key");
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkout() -> CardCheckout {
        CardCheckout::for_tests("s3cret")
    }

    #[test]
    fn a_signed_result_verifies_and_any_change_breaks_it() {
        let mut result = CardResult {
            session: "abc".into(),
            reference: "UR23456789".into(),
            amount: "620".into(),
            outcome: "paid".into(),
            transaction: "T1".into(),
            signature: String::new(),
        };
        result.signature = checkout().sign(&result);
        assert!(checkout().verify(&result));
        for change in [
            |r: &mut CardResult| r.amount = "1".into(),
            |r: &mut CardResult| r.outcome = "declined".into(),
            |r: &mut CardResult| r.reference = "UR98765432".into(),
        ] {
            let mut tampered = result.clone();
            change(&mut tampered);
            assert!(!checkout().verify(&tampered));
        }
    }

    #[test]
    fn the_sandbox_is_used_only_in_development() {
        let payments = Payments::default();
        assert!(CardCheckout::from_settings(&payments, "https://uraia.go.ke", false, "k").is_none());
        let sandbox = CardCheckout::from_settings(&payments, "http://127.0.0.1:3000", true, "k").unwrap();
        assert_eq!(sandbox.url, "http://127.0.0.1:3000/sandbox/card");
    }
}
