//! Throttles, kept in the database so that they hold across several server processes.
//!
//! An attempt is *reserved* before the work it guards (a password hash, a code comparison, a register lookup, a
//! photo decode), in one conditional upsert: a burst of parallel requests is serialised by the row, and only the
//! first `threshold` get through before the lock that the threshold-th reservation sets itself (OWASP ASVS 5.0
//! V6.3.1; "read, compare, write" let 200 parallel guesses all pass). A success gives its reservation back.
//! Past the threshold each further attempt that gets in locks the key for a growing delay: 30 s, 1 min, 2 min, ...
//! up to an hour. A key is forgotten after its window passes with no attempt.

use crate::{db::Pool, error::FieldError};

/// The message for a locked key, saying how long to wait: `key` ("a minute"), `key-minutes` ("N minutes", rounded
/// up) or `key-hour` (the longest delay).
pub fn wait_error(field: &str, key: &str, wait_seconds: i64) -> FieldError {
    match wait_seconds {
        ..=60 => FieldError::new(field, key),
        61..=3_540 => FieldError::new(field, &format!("{key}-minutes"))
            .with_arg("minutes", ((wait_seconds + 59) / 60).to_string()),
        _ => FieldError::new(field, &format!("{key}-hour")),
    }
}

/// "You have tried too many times. Wait 2 minutes, then try again."
pub fn too_many(field: &str, wait_seconds: i64) -> FieldError {
    wait_error(field, "accounts-error-throttled", wait_seconds)
}

/// How many attempts a key gets before delays start, and how long a quiet key takes to be forgotten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub threshold: i64,
    pub window_seconds: i64,
}

/// Wrong passwords on one account (or on one identifier that has no account), forgotten after a quiet day.
pub const LOGIN: Rule = Rule {
    threshold: 5,
    window_seconds: 86_400,
};
/// One address may be a shared office or a mobile carrier's gateway: more room, same growth.
pub const CLIENT: Rule = Rule {
    threshold: 30,
    window_seconds: 15 * 60,
};
/// Identity details that do not match a register, per client address.
pub const REGISTER: Rule = Rule {
    threshold: 10,
    window_seconds: 15 * 60,
};
/// Registration conflicts ("this email already has an account"), per client address: each tells that an
/// address or number is registered, so they are rationed like register lookups.
pub const CONFLICT: Rule = Rule {
    threshold: 10,
    window_seconds: 15 * 60,
};
/// Photo uploads per account (each costs a decode and an encode).
pub const PHOTO: Rule = Rule {
    threshold: 20,
    window_seconds: 15 * 60,
};
/// Wrong codes per account, across codes and purposes (sign-in, reset, verification, step-up): a new code must
/// not mean new guesses.
pub const CODES: Rule = Rule {
    threshold: 10,
    window_seconds: 86_400,
};
/// Wrong codes per client address, whichever account they were for.
pub const CODES_CLIENT: Rule = Rule {
    threshold: 30,
    window_seconds: 15 * 60,
};

/// M-Pesa prompts per account: each puts a prompt on a phone, so a script cannot ring one all day.
pub const PROMPTS: Rule = Rule {
    threshold: 10,
    window_seconds: 60 * 60,
};

/// Wrong USSD PINs per account: a PIN has only 10,000 values, so the budget is small and lasts a day (M-Pesa locks
/// after three).
pub const USSD_PIN: Rule = Rule {
    threshold: 3,
    window_seconds: 86_400,
};

/// Unknown slip codes checked by USSD, per phone: each tells whether a code exists.
pub const USSD_CHECKS: Rule = Rule {
    threshold: 10,
    window_seconds: 60 * 60,
};

/// TIMS lookups that find nothing linkable, and wrong details when proving one, per account: each tells something
/// about the legacy register.
pub const TIMS: Rule = Rule {
    threshold: 5,
    window_seconds: 86_400,
};

/// A transfer's buyer named by ID number and first name that do not match the register, per account: each
/// answer tells whether a name goes with a number.
pub const BUYERS: Rule = Rule {
    threshold: 5,
    window_seconds: 86_400,
};

/// Learners named by ID number and first name that do not match the register, per school account: each answer
/// tells whether a name goes with a number; a school typing from its forms makes a few mistakes a day, not dozens.
pub const STUDENTS: Rule = Rule {
    threshold: 20,
    window_seconds: 86_400,
};

/// People named by ID number and first name to act for an organisation that do not match the register, per
/// account: each answer tells whether a name goes with a number; an organisation adds a few people, not dozens.
pub const PEOPLE: Rule = Rule {
    threshold: 5,
    window_seconds: 86_400,
};

/// Inspection places held per account (each takes a place from everyone else for 15 minutes): enough to change
/// one's mind a few times, not to hold a centre's day.
pub const HOLDS: Rule = Rule {
    threshold: 12,
    window_seconds: 60 * 60,
};

/// Per account: the email and the ID number of one account share one budget.
pub fn account_key(account_id: &str) -> String {
    format!("account:{account_id}")
}

/// An identifier that no account has: throttled the same way, so a lock does not tell whether an account exists.
pub fn login_key(identifier: &str) -> String {
    format!("login:{identifier}")
}

pub fn client_key(address: &str) -> String {
    format!("client:{address}")
}

pub fn register_key(address: &str) -> String {
    format!("client-register:{address}")
}

pub fn conflict_key(address: &str) -> String {
    format!("client-conflict:{address}")
}

pub fn photo_key(account_id: &str) -> String {
    format!("photo:{account_id}")
}

pub fn prompts_key(account_id: &str) -> String {
    format!("prompts:{account_id}")
}

pub fn ussd_pin_key(account_id: &str) -> String {
    format!("ussd-pin:{account_id}")
}

pub fn ussd_checks_key(phone: &str) -> String {
    format!("ussd-checks:{phone}")
}

pub fn students_key(account_id: &str) -> String {
    format!("students:{account_id}")
}

pub fn people_key(account_id: &str) -> String {
    format!("people:{account_id}")
}

pub fn tims_key(account_id: &str) -> String {
    format!("tims:{account_id}")
}

pub fn buyers_key(account_id: &str) -> String {
    format!("buyers:{account_id}")
}

pub fn logbooks_key(account_id: &str) -> String {
    format!("logbooks:{account_id}")
}

pub fn holds_key(account_id: &str) -> String {
    format!("holds:{account_id}")
}

pub fn codes_key(account_id: &str) -> String {
    format!("codes:{account_id}")
}

pub fn codes_client_key(address: &str) -> String {
    format!("client-codes:{address}")
}

/// The delay after the `attempts`-th attempt in a row.
pub fn delay_seconds(attempts: i64, threshold: i64) -> i64 {
    if attempts < threshold {
        return 0;
    }
    let doublings = (attempts - threshold).min(7) as u32;
    (30 * 2i64.pow(doublings)).min(3_600)
}

/// The answer to a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    /// Go ahead: this is the `n`-th attempt in a row.
    Granted(i64),
    /// Locked: try again in this many seconds.
    Locked(i64),
}

/// `locked_until` after the `n`-th attempt (an SQL expression of `n`): the delays written out as a CASE, which
/// both engines evaluate inside the upsert (no POWER in SQLite's default build).
fn lock_sql(n: &str, rule: Rule) -> String {
    let mut sql = format!("CASE WHEN {n} < {} THEN 0", rule.threshold);
    for extra in 0..7 {
        let attempt = rule.threshold + extra;
        sql.push_str(&format!(
            " WHEN {n} = {attempt} THEN $2 + {}",
            delay_seconds(attempt, rule.threshold)
        ));
    }
    sql.push_str(&format!(" ELSE $2 + {} END", delay_seconds(i64::MAX, rule.threshold)));
    sql
}

/// The counting upsert: the `n`-th attempt in a row, or None when `only_unlocked` and the key is locked.
async fn upsert(pool: &Pool, key: &str, rule: Rule, now: i64, only_unlocked: bool) -> anyhow::Result<Option<i64>> {
    let n = "(CASE WHEN sign_in_throttles.updated_at < $3 THEN 1 ELSE sign_in_throttles.failures + 1 END)";
    let sql = format!(
        "INSERT INTO sign_in_throttles (throttle_key, failures, locked_until, updated_at) VALUES ($1, 1, {first}, $2) \
         ON CONFLICT (throttle_key) DO UPDATE SET failures = {n}, locked_until = {lock}, updated_at = $2 \
         {condition} RETURNING failures",
        first = lock_sql("1", rule),
        lock = lock_sql(n, rule),
        condition = if only_unlocked {
            "WHERE sign_in_throttles.locked_until <= $2"
        } else {
            ""
        },
    );
    Ok(sqlx::query_scalar(&sql)
        .bind(key)
        .bind(now)
        .bind(now - rule.window_seconds)
        .fetch_optional(pool)
        .await?)
}

/// Reserves an attempt on `key`, atomically: granted unless the key is locked, and the reservation that reaches
/// the threshold locks the key in the same statement.
pub async fn reserve(pool: &Pool, key: &str, rule: Rule, now: i64) -> anyhow::Result<Reservation> {
    match upsert(pool, key, rule, now, true).await? {
        Some(n) => Ok(Reservation::Granted(n)),
        None => Ok(Reservation::Locked(locked_for(pool, key, now).await?.max(1))),
    }
}

/// Seconds until `key` may try again (0: now).
pub async fn locked_for(pool: &Pool, key: &str, now: i64) -> anyhow::Result<i64> {
    let until: Option<i64> = sqlx::query_scalar("SELECT locked_until FROM sign_in_throttles WHERE throttle_key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await?;
    Ok((until.unwrap_or(now) - now).max(0))
}

/// Counts a failure after the fact, for a key many people share (a client address: an office, or a mobile
/// carrier's gateway with thousands behind it). Reserving there would count the right passwords in flight, and a
/// busy gateway would lock itself out; the per-account reservation already bounds the work a burst can cause.
pub async fn count_failure(pool: &Pool, key: &str, rule: Rule, now: i64) -> anyhow::Result<i64> {
    Ok(upsert(pool, key, rule, now, false).await?.unwrap_or(rule.threshold))
}

/// Gives back a reservation whose attempt succeeded (the count goes down by one, and a lock that only the
/// count's own growth had set is lifted).
pub async fn release(pool: &Pool, key: &str, rule: Rule) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE sign_in_throttles SET failures = failures - 1, \
         locked_until = CASE WHEN failures - 1 < $2 THEN 0 ELSE locked_until END \
         WHERE throttle_key = $1 AND failures > 0",
    )
    .bind(key)
    .bind(rule.threshold)
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets a key: a success on an account (a right password, a completed reset) starts its count again. An
/// address's count is never cleared: one good account must not let an address guess at others.
pub async fn clear<'e>(conn: impl sqlx::Executor<'e, Database = sqlx::Any>, key: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sign_in_throttles WHERE throttle_key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// Reserves an attempt on `key` for a form: granted, or the message for `field` saying how long to wait.
pub async fn admit(
    pool: &Pool,
    key: &str,
    rule: Rule,
    now: i64,
    field: &str,
) -> anyhow::Result<Result<(), FieldError>> {
    Ok(match reserve(pool, key, rule, now).await? {
        Reservation::Granted(_) => Ok(()),
        Reservation::Locked(wait) => Err(too_many(field, wait)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_is_said_in_whole_minutes_rounded_up() {
        let said = |wait| {
            let error = too_many("login", wait);
            (error.key, error.args)
        };
        assert_eq!(said(30), ("accounts-error-throttled".to_string(), vec![]));
        assert_eq!(said(60).0, "accounts-error-throttled");
        let minutes = |n: &str| {
            (
                "accounts-error-throttled-minutes".to_string(),
                vec![("minutes".into(), n.into())],
            )
        };
        assert_eq!(said(61), minutes("2"));
        assert_eq!(said(600), minutes("10"));
        assert_eq!(said(3_540), minutes("59"));
        assert_eq!(said(3_600).0, "accounts-error-throttled-hour");
        let photo = wait_error("photo", "photo-error-throttled", 120);
        assert_eq!(
            photo.message(crate::i18n::Lang::Sw),
            "Umepakia picha 20 katika dakika 15 zilizopita. Subiri dakika 2, kisha ujaribu tena"
        );
    }

    #[test]
    fn delays_start_at_the_threshold_and_grow_to_an_hour() {
        assert_eq!(delay_seconds(4, LOGIN.threshold), 0);
        assert_eq!(delay_seconds(5, LOGIN.threshold), 30);
        assert_eq!(delay_seconds(6, LOGIN.threshold), 60);
        assert_eq!(delay_seconds(8, LOGIN.threshold), 240);
        assert_eq!(delay_seconds(50, LOGIN.threshold), 3_600);
        assert_eq!(delay_seconds(i64::MAX, LOGIN.threshold), 3_600);
    }

    #[test]
    fn the_sql_lock_follows_the_same_delays() {
        let sql = lock_sql("n", LOGIN);
        assert!(
            sql.starts_with("CASE WHEN n < 5 THEN 0 WHEN n = 5 THEN $2 + 30 WHEN n = 6 THEN $2 + 60"),
            "{sql}"
        );
        assert!(sql.ends_with("WHEN n = 11 THEN $2 + 1920 ELSE $2 + 3600 END"), "{sql}");
    }
}
