//! Delivers the outbox: email through SMTP (lettre) and SMS through an Africa's Talking-shaped HTTP API
//! (reqwest), each only when configured. Several server processes may run this at once: a message is claimed by
//! bumping its attempt count from the value read, so only one process sends it.

use std::time::Duration;

use app::{settings::Settings, state::AppState};
use lettre::{
    message::header::ContentType, transport::smtp::AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use sqlx::Row;

const MAX_ATTEMPTS: i64 = 5;

/// One message as the transports see it.
pub struct Outgoing {
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Sends SMS through an Africa's Talking-shaped API: a form POST of username, to, message (and from) with the key
/// in an `apiKey` header.
pub struct SmsClient {
    http: reqwest::Client,
    settings: app::settings::Sms,
}

impl SmsClient {
    pub fn new(settings: app::settings::Sms) -> SmsClient {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .expect("an HTTP client with rustls");
        SmsClient { http, settings }
    }

    pub async fn send(&self, message: &Outgoing) -> anyhow::Result<()> {
        let mut form = vec![
            ("username", self.settings.username.as_str()),
            ("to", message.recipient.as_str()),
            ("message", message.body.as_str()),
        ];
        if !self.settings.sender_id.is_empty() {
            form.push(("from", self.settings.sender_id.as_str()));
        }
        let response = self
            .http
            .post(&self.settings.api_url)
            .header("apiKey", &self.settings.api_key)
            .header("Accept", "application/json")
            .form(&form)
            .send()
            .await?;
        let status = response.status();
        if !status.is_success() {
            anyhow::bail!("SMS provider answered {status}");
        }
        Ok(())
    }
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl Mailer {
    pub fn new(settings: &app::settings::Mail) -> anyhow::Result<Mailer> {
        Ok(Mailer {
            transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)?.build(),
            from: settings.from.parse()?,
        })
    }

    pub async fn send(&self, message: &Outgoing) -> anyhow::Result<()> {
        let email = Message::builder()
            .from(self.from.clone())
            .to(message.recipient.parse()?)
            .subject(&message.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())?;
        self.transport.send(email).await?;
        Ok(())
    }
}

/// Starts the delivery loop if SMTP or SMS is configured; otherwise messages stay in the outbox.
pub fn spawn(state: AppState) -> anyhow::Result<Option<tokio::task::JoinHandle<()>>> {
    let settings: &Settings = &state.settings;
    let mailer = (!settings.mail.smtp_url.is_empty())
        .then(|| Mailer::new(&settings.mail))
        .transpose()?;
    let sms = (!settings.sms.api_url.is_empty()).then(|| SmsClient::new(settings.sms.clone()));
    if mailer.is_none() && sms.is_none() {
        return Ok(None);
    }
    Ok(Some(tokio::spawn(async move {
        loop {
            if let Err(error) = deliver_once(&state, mailer.as_ref(), sms.as_ref()).await {
                tracing::warn!(error = %error, "outbox delivery failed");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    })))
}

/// Sends what is waiting on the configured channels; returns how many went.
pub async fn deliver_once(state: &AppState, mailer: Option<&Mailer>, sms: Option<&SmsClient>) -> anyhow::Result<usize> {
    let rows = sqlx::query(
        "SELECT id, channel, recipient, subject, body, attempts FROM outbox WHERE sent_at IS NULL AND attempts < $1 \
         ORDER BY created_at LIMIT 20",
    )
    .bind(MAX_ATTEMPTS)
    .fetch_all(&state.pool)
    .await?;
    let mut sent = 0;
    for row in rows {
        let (id, channel, attempts): (String, String, i64) =
            (row.try_get("id")?, row.try_get("channel")?, row.try_get("attempts")?);
        let message = Outgoing {
            recipient: row.try_get("recipient")?,
            subject: row.try_get("subject")?,
            body: row.try_get("body")?,
        };
        if (channel == "email" && mailer.is_none()) || (channel == "sms" && sms.is_none()) {
            continue;
        }
        let claimed = sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = $1 AND attempts = $2 AND sent_at IS NULL",
        )
        .bind(&id)
        .bind(attempts)
        .execute(&state.pool)
        .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        let result = match (channel.as_str(), mailer, sms) {
            ("email", Some(mailer), _) => mailer.send(&message).await,
            (_, _, Some(sms)) => sms.send(&message).await,
            _ => continue,
        };
        match result {
            Ok(()) => {
                // Delivered: the code or link in it is no longer kept (issue 9).
                sqlx::query(
                    "UPDATE outbox SET sent_at = $1, last_error = NULL, body = COALESCE(redacted_body, body), \
                     redacted_body = NULL WHERE id = $2",
                )
                .bind(state.clock.now())
                .bind(&id)
                .execute(&state.pool)
                .await?;
                sent += 1;
            }
            Err(error) => {
                // Recipients are personal data: the log names the message, not the person.
                tracing::warn!(message = %id, error = %error, "message not delivered");
                sqlx::query("UPDATE outbox SET last_error = $1 WHERE id = $2")
                    .bind(error.to_string())
                    .bind(&id)
                    .execute(&state.pool)
                    .await?;
            }
        }
    }
    Ok(sent)
}
