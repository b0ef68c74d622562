//! One-time secrets: the email link (24 hours, single use) and six-digit codes (10 minutes, 5 tries), with the
//! resend rules from issue 3: 60 seconds between sends, at most 5 an hour, and a resend never resets failed tries.
//! A try is counted before the comparison, in one conditional UPDATE, so parallel guesses cannot outrun the
//! count; wrong codes also count per account (across codes and purposes) and per client address (issue 9).

use sqlx::Row;

use crate::{
    channel::Channel,
    db::Pool,
    error::{AppError, FieldError},
    i18n::Lang,
    ids::AccountId,
    state::AppState,
    web::{
        outbox::{self, Message},
        secrets::{self, CodeKey},
        throttle::{self, Reservation},
    },
};

pub const LINK_SECONDS: i64 = 24 * 3_600;
pub const CODE_SECONDS: i64 = 10 * 60;
pub const MAX_TRIES: i64 = 5;
pub const RESEND_COOLDOWN_SECONDS: i64 = 60;
pub const SENDS_PER_HOUR: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    VerifyPhone,
    SignIn,
    Reset,
    /// Proof, before a change of email, phone or code channel, that the person also holds a verified channel.
    StepUp,
    /// Proof that a legacy TIMS account is the person's: a code to the phone on the TIMS record.
    TimsLink,
    /// A buyer's acceptance of a vehicle transfer: a code to their phone.
    TransferAccept,
    /// A person's acceptance of an organisation's invitation to act for it: a code to their phone.
    OrganisationJoin,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::VerifyPhone => "verify_phone",
            Purpose::SignIn => "sign_in",
            Purpose::Reset => "reset",
            Purpose::StepUp => "step_up",
            Purpose::TimsLink => "tims_link",
            Purpose::TransferAccept => "transfer_accept",
            Purpose::OrganisationJoin => "organisation_join",
        }
    }
}

/// Refuses a send within the cooldown or past the hourly limit. The cooldown applies while the last secret sent is
/// still unused: a person who used a code and signs in again a minute later gets a new one.
pub async fn may_send(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    purpose: Purpose,
    field: &str,
    now: i64,
) -> anyhow::Result<Result<(), FieldError>> {
    let sent: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT created_at, used_at FROM challenges WHERE account_id = $1 AND purpose = $2 AND created_at > $3 \
         ORDER BY created_at DESC",
    )
    .bind(account_id)
    .bind(purpose.code())
    .bind(now - 3_600)
    .fetch_all(&mut *conn)
    .await?;
    // A link and a code are different words (and noun classes in Kiswahili): each has its own message.
    let kind = if purpose == Purpose::VerifyEmail {
        "link"
    } else {
        "code"
    };
    if let Some((last, None)) = sent.first() {
        if now - last < RESEND_COOLDOWN_SECONDS {
            return Ok(Err(FieldError::new(
                field,
                &format!("accounts-error-resend-wait-{kind}"),
            )));
        }
    }
    if sent.len() as i64 >= SENDS_PER_HOUR {
        let error = FieldError::new(field, &format!("accounts-error-resend-limit-{kind}"));
        return Ok(Err(error.with_arg("count", SENDS_PER_HOUR.to_string())));
    }
    // A new code carries the live one's wrong tries; one whose tries are used up would arrive dead.
    if live_attempts(conn, account_id, purpose, now).await? >= MAX_TRIES {
        return Ok(Err(FieldError::new(field, "accounts-error-code-tries")));
    }
    Ok(Ok(()))
}

/// A secret about to be stored: where it goes and its hash (and salt, for codes).
struct NewChallenge<'a> {
    account_id: &'a str,
    purpose: Purpose,
    channel: &'a str,
    sent_to: &'a str,
    /// What the code authorises (a TIMS record, a transfer offer); empty for the account's own codes.
    subject: &'a str,
    secret_hash: &'a str,
    salt: &'a str,
    attempts: i64,
    lifetime: i64,
}

async fn insert(conn: &mut sqlx::AnyConnection, new: NewChallenge<'_>, now: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO challenges (id, account_id, purpose, channel, sent_to, secret_hash, salt, attempts, created_at, \
         expires_at, subject) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(new.account_id)
    .bind(new.purpose.code())
    .bind(new.channel)
    .bind(new.sent_to)
    .bind(new.secret_hash)
    .bind(new.salt)
    .bind(new.attempts)
    .bind(now)
    .bind(now + new.lifetime)
    .bind(new.subject)
    .execute(conn)
    .await?;
    Ok(())
}

/// A new email link token for `email`. Earlier links stay valid until used or expired, unless the address changed.
pub async fn new_link(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    email: &str,
    now: i64,
) -> anyhow::Result<String> {
    let token = secrets::token();
    let hash = secrets::hash(&token);
    let new = NewChallenge {
        account_id,
        purpose: Purpose::VerifyEmail,
        channel: "email",
        sent_to: email,
        subject: "",
        secret_hash: &hash,
        salt: "",
        attempts: 0,
        lifetime: LINK_SECONDS,
    };
    insert(conn, new, now).await?;
    Ok(token)
}

/// A used email link: the account and the address it was sent to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UsedLink {
    pub account_id: AccountId,
    pub sent_to: String,
}

/// Uses a link, if the token is known, unused and in date.
pub async fn use_link(pool: &Pool, token: &str, now: i64) -> anyhow::Result<Option<UsedLink>> {
    Ok(sqlx::query_as(
        "UPDATE challenges SET used_at = $1 WHERE secret_hash = $2 AND purpose = 'verify_email' \
         AND used_at IS NULL AND expires_at > $1 RETURNING account_id, sent_to",
    )
    .bind(now)
    .bind(secrets::hash(token))
    .fetch_optional(pool)
    .await?)
}

/// The most wrong tries on a live code of `purpose`.
async fn live_attempts(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    purpose: Purpose,
    now: i64,
) -> anyhow::Result<i64> {
    let attempts: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(attempts) FROM challenges WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL \
         AND expires_at > $3",
    )
    .bind(account_id)
    .bind(purpose.code())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(attempts.unwrap_or(0))
}

/// A new code. Any earlier live code of the same purpose ends, and its wrong tries carry over: a resend never
/// gives new tries.
async fn new_code(
    conn: &mut sqlx::AnyConnection,
    key: &CodeKey,
    request: &CodeRequest<'_>,
    now: i64,
) -> anyhow::Result<String> {
    let (account_id, purpose) = (request.account_id, request.purpose);
    let carried = live_attempts(conn, account_id, purpose, now).await?;
    sqlx::query("UPDATE challenges SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now)
        .bind(account_id)
        .bind(purpose.code())
        .execute(&mut *conn)
        .await?;
    let code = secrets::code();
    let salt = secrets::token();
    let hash = key.hash_code(&salt, &code);
    let new = NewChallenge {
        account_id,
        purpose,
        channel: request.channel.code(),
        sent_to: request.to,
        subject: request.subject,
        secret_hash: &hash,
        salt: &salt,
        attempts: carried.min(MAX_TRIES),
        lifetime: CODE_SECONDS,
    };
    insert(conn, new, now).await?;
    Ok(code)
}

/// A code to send: for which account and purpose, where, in which language and message.
pub struct CodeRequest<'a> {
    pub account_id: &'a str,
    pub purpose: Purpose,
    pub channel: Channel,
    pub to: &'a str,
    /// What the code authorises, if more than the account's own act: a code is right only for the subject it was
    /// sent for (a code sent to one TIMS record's phone never links another record).
    pub subject: &'a str,
    pub lang: Lang,
    /// The message's key in the locale files (its text takes `{ $code }` and `{ $minutes }`).
    pub message: &'a str,
    /// The form field a refusal (too soon, too many) is shown at.
    pub field: &'a str,
}

/// Queues a new code within the resend rules, the code and its message in one transaction.
pub async fn send_code(state: &AppState, request: CodeRequest<'_>) -> Result<(), AppError> {
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let now = state.clock.now();
    may_send(&mut tx, request.account_id, request.purpose, request.field, now).await??;
    let code = new_code(&mut tx, &state.code_key, &request, now).await?;
    let message = Message {
        lang: request.lang,
        channel: request.channel,
        to: request.to,
        key: request.message,
        args: &[("code", code), ("minutes", (CODE_SECONDS / 60).to_string())],
        secret: Some(("code", CODE_SECONDS)),
    };
    outbox::enqueue(&mut tx, state, message).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck {
    /// Right: the address or number the code was sent to.
    Right(String),
    Wrong,
    /// The fifth wrong try: this code is finished.
    TooManyTries,
    /// No live code (expired, used, or never sent).
    Expired,
    /// Too many wrong codes on the account or from the address: wait this many seconds.
    Throttled(i64),
}

impl CodeCheck {
    /// The message for a code that was not right, for the `field` it was typed in.
    pub fn error(&self, field: &str) -> FieldError {
        match self {
            CodeCheck::Right(_) | CodeCheck::Wrong => FieldError::new(field, "accounts-error-code-wrong"),
            CodeCheck::TooManyTries => FieldError::new(field, "accounts-error-code-tries"),
            CodeCheck::Expired => FieldError::new(field, "accounts-error-code-expired"),
            CodeCheck::Throttled(wait) => throttle::too_many(field, *wait),
        }
    }

    /// The address the code was sent to, or the message for the `field` it was typed in.
    pub fn right(self, field: &str) -> Result<String, crate::error::AppError> {
        match self {
            CodeCheck::Right(sent_to) => Ok(sent_to),
            other => Err(other.error(field).into()),
        }
    }
}

/// Who is trying a code: the account, and the client address it comes from.
pub struct Trier<'a> {
    pub account_id: &'a str,
    pub client: &'a str,
}

/// Checks a code against the account's live code for `purpose` and `subject` (empty for the account's own codes;
/// a live code sent for another subject is no code here). The try is reserved first on the account's budget and on
/// the code itself; only then is the code compared. A right code gives the reservation back.
pub async fn check_code(
    pool: &Pool,
    key: &CodeKey,
    who: Trier<'_>,
    (purpose, subject): (Purpose, &str),
    code: &str,
    now: i64,
) -> anyhow::Result<CodeCheck> {
    // The address is shared by many (a carrier's gateway): checked before, counted on a wrong code only. The
    // account's budget is reserved, so parallel guesses cannot outrun it.
    let client = throttle::codes_client_key(who.client);
    let wait = throttle::locked_for(pool, &client, now).await?;
    if wait > 0 {
        return Ok(CodeCheck::Throttled(wait));
    }
    let budget = throttle::codes_key(who.account_id);
    if let Reservation::Locked(wait) = throttle::reserve(pool, &budget, throttle::CODES, now).await? {
        return Ok(CodeCheck::Throttled(wait));
    }
    let row = sqlx::query(
        "UPDATE challenges SET attempts = attempts + 1 WHERE id = (SELECT id FROM challenges WHERE account_id = $1 \
         AND purpose = $2 AND used_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1) \
         AND attempts < $3 AND expires_at > $4 AND used_at IS NULL AND subject = $5 \
         RETURNING id, secret_hash, salt, attempts, sent_to",
    )
    .bind(who.account_id)
    .bind(purpose.code())
    .bind(MAX_TRIES)
    .bind(now)
    .bind(subject)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        // Nothing was compared: the reservation is given back, and the reason told.
        throttle::release(pool, &budget, throttle::CODES).await?;
        let attempts: Option<i64> = sqlx::query_scalar(
            "SELECT attempts FROM challenges WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL \
             AND expires_at > $3 AND subject = $4 ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind(who.account_id)
        .bind(purpose.code())
        .bind(now)
        .bind(subject)
        .fetch_optional(pool)
        .await?;
        return Ok(match attempts {
            Some(n) if n >= MAX_TRIES => CodeCheck::TooManyTries,
            _ => CodeCheck::Expired,
        });
    };
    let id: String = row.try_get("id")?;
    let attempts: i64 = row.try_get("attempts")?;
    let salt: String = row.try_get("salt")?;
    let stored: String = row.try_get("secret_hash")?;
    if secrets::same(&key.hash_code(&salt, code), &stored) {
        // Single use, even if two requests race: only one UPDATE finds it unused.
        let used = sqlx::query("UPDATE challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(&id)
            .execute(pool)
            .await?;
        if used.rows_affected() != 1 {
            return Ok(CodeCheck::Expired);
        }
        throttle::release(pool, &budget, throttle::CODES).await?;
        return Ok(CodeCheck::Right(row.try_get("sent_to")?));
    }
    throttle::count_failure(pool, &client, throttle::CODES_CLIENT, now).await?;
    Ok(if attempts >= MAX_TRIES {
        CodeCheck::TooManyTries
    } else {
        CodeCheck::Wrong
    })
}
