//! One-time secrets: the email link (24 hours, single use) and six-digit codes (10 minutes, 5 tries), with the
//! resend rules from issue 3: 60 seconds between sends, at most 5 an hour, and a resend never resets failed tries.

use sqlx::Row;

use super::secrets;
use crate::{db::Pool, error::FieldError};

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
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::VerifyPhone => "verify_phone",
            Purpose::SignIn => "sign_in",
            Purpose::Reset => "reset",
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
    if let Some((last, None)) = sent.first() {
        if now - last < RESEND_COOLDOWN_SECONDS {
            return Ok(Err(FieldError::new(field, "accounts-error-resend-wait")));
        }
    }
    if sent.len() as i64 >= SENDS_PER_HOUR {
        return Ok(Err(FieldError::new(field, "accounts-error-resend-limit")));
    }
    Ok(Ok(()))
}

/// A secret about to be stored: where it goes and its hash (and salt, for codes).
struct NewChallenge<'a> {
    account_id: &'a str,
    purpose: Purpose,
    channel: &'a str,
    sent_to: &'a str,
    secret_hash: &'a str,
    salt: &'a str,
    attempts: i64,
    lifetime: i64,
}

async fn insert(conn: &mut sqlx::AnyConnection, new: NewChallenge<'_>, now: i64) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO challenges (id, account_id, purpose, channel, sent_to, secret_hash, salt, attempts, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
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
        secret_hash: &hash,
        salt: "",
        attempts: 0,
        lifetime: LINK_SECONDS,
    };
    insert(conn, new, now).await?;
    Ok(token)
}

/// Uses a link: the account and the address it was sent to, if the token is known, unused and in date.
pub async fn use_link(pool: &Pool, token: &str, now: i64) -> anyhow::Result<Option<(String, String)>> {
    let row = sqlx::query(
        "UPDATE challenges SET used_at = $1 WHERE secret_hash = $2 AND purpose = 'verify_email' \
         AND used_at IS NULL AND expires_at > $1 RETURNING account_id, sent_to",
    )
    .bind(now)
    .bind(secrets::hash(token))
    .fetch_optional(pool)
    .await?;
    Ok(match row {
        Some(row) => Some((row.try_get("account_id")?, row.try_get("sent_to")?)),
        None => None,
    })
}

/// A new code. Any earlier live code of the same purpose ends, and its failed tries carry over.
pub async fn new_code(
    conn: &mut sqlx::AnyConnection,
    account_id: &str,
    purpose: Purpose,
    channel: &str,
    sent_to: &str,
    now: i64,
) -> anyhow::Result<String> {
    let carried: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(attempts) FROM challenges WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL \
         AND expires_at > $3",
    )
    .bind(account_id)
    .bind(purpose.code())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let carried = carried.unwrap_or(0);
    sqlx::query("UPDATE challenges SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now)
        .bind(account_id)
        .bind(purpose.code())
        .execute(&mut *conn)
        .await?;
    let code = secrets::code();
    let salt = secrets::token();
    let hash = secrets::hash_code(&salt, &code);
    // A code whose tries ran out gets a fresh allowance: the hourly send limit bounds the guesses (25 an hour).
    let attempts = if carried >= MAX_TRIES { 0 } else { carried };
    let new = NewChallenge {
        account_id,
        purpose,
        channel,
        sent_to,
        secret_hash: &hash,
        salt: &salt,
        attempts,
        lifetime: CODE_SECONDS,
    };
    insert(conn, new, now).await?;
    Ok(code)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    Right,
    Wrong,
    /// The fifth wrong try: this code is finished.
    TooManyTries,
    /// No live code (expired, used, or never sent).
    Expired,
}

impl CodeCheck {
    /// The message for a code that was not right.
    pub fn error_key(self) -> &'static str {
        match self {
            CodeCheck::Right => "",
            CodeCheck::Wrong => "accounts-error-code-wrong",
            CodeCheck::TooManyTries => "accounts-error-code-tries",
            CodeCheck::Expired => "accounts-error-code-expired",
        }
    }
}

/// Checks a code against the account's live code for `purpose`, counting a wrong try.
pub async fn check_code(
    pool: &Pool,
    account_id: &str,
    purpose: Purpose,
    code: &str,
    now: i64,
) -> anyhow::Result<CodeCheck> {
    let row = sqlx::query(
        "SELECT id, secret_hash, salt, attempts, expires_at FROM challenges WHERE account_id = $1 AND purpose = $2 \
         AND used_at IS NULL ORDER BY created_at DESC LIMIT 1",
    )
    .bind(account_id)
    .bind(purpose.code())
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(CodeCheck::Expired);
    };
    let id: String = row.try_get("id")?;
    let attempts: i64 = row.try_get("attempts")?;
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(CodeCheck::Expired);
    }
    if attempts >= MAX_TRIES {
        return Ok(CodeCheck::TooManyTries);
    }
    let salt: String = row.try_get("salt")?;
    if secrets::hash_code(&salt, code) == row.try_get::<String, _>("secret_hash")? {
        // Single use, even if two requests race: only one UPDATE finds it unused.
        let used = sqlx::query("UPDATE challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(&id)
            .execute(pool)
            .await?;
        return Ok(if used.rows_affected() == 1 {
            CodeCheck::Right
        } else {
            CodeCheck::Expired
        });
    }
    sqlx::query("UPDATE challenges SET attempts = attempts + 1 WHERE id = $1")
        .bind(&id)
        .execute(pool)
        .await?;
    Ok(if attempts + 1 >= MAX_TRIES {
        CodeCheck::TooManyTries
    } else {
        CodeCheck::Wrong
    })
}
