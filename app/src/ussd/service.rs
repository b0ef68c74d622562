//! What each USSD screen does, through the other features' services: the caller's licence, a renewal paid by
//! M-Pesa, the public check of a slip, the latest applications; and the PIN that guards the personal ones.
//!
//! A session is claimed answer by answer (`db::claim`): a gateway that posts an answer twice gets the same screen
//! twice, and the step behind it (a renewal's payment request) runs once.

use super::{
    db,
    items::{check_slip, confirm_screen, offer, opened, renew},
    menu::{self, Item, Node, Reply},
    pin::Pin,
};
use crate::{
    accounts::{db::Account, service::account::check_current},
    error::{AppError, FieldError},
    i18n::Lang,
    ids::PhoneNumber,
    state::AppState,
    web::{
        guard::SignedIn,
        outbox,
        throttle::{self, Reservation},
    },
};

/// What the gateway posts for each answer (no `Debug`: the text carries the PIN).
#[derive(Clone)]
pub struct Post<'a> {
    /// The gateway's id of the session.
    pub session_id: &'a str,
    /// The code dialled (`*384*87242#`): the screens that end a session say to dial it again.
    pub service_code: &'a str,
    /// The caller's number, as the gateway gives it (`+254712345678`).
    pub phone: &'a str,
    /// The answers so far, joined by `*`.
    pub text: &'a str,
}

/// The screen for `post`, as the gateway takes it (`CON …` or `END …`, at most 182 characters).
pub async fn answer(state: &AppState, post: &Post<'_>) -> anyhow::Result<String> {
    let answers = menu::answers(post.text);
    let Ok(phone) = PhoneNumber::parse(post.phone) else {
        return Ok(Reply::end(Lang::En.t("ussd-not-kenyan")).wire());
    };
    let ended = |lang: Lang| Reply::end(lang.t_with("ussd-ended", &[("code", post.service_code.to_string())])).wire();
    let Some(session) = db::session(&state.pool, post.session_id).await? else {
        if !answers.is_empty() {
            return Ok(ended(Lang::En));
        }
        let reply = Reply::ask(menu::language_screen()).wire();
        let row = db::SessionRow {
            phone: phone.to_string(),
            lang: Lang::En.code().to_string(),
            node: serde_json::to_string(&Node::Language)?,
            answered: 0,
            last_reply: reply.clone(),
            started_at: state.clock.now(),
        };
        if db::open(&state.pool, post.session_id, &row).await? {
            return Ok(reply);
        }
        // The same first post twice, at once: the screen the other one opened.
        return Ok(db::session(&state.pool, post.session_id)
            .await?
            .map(|session| session.last_reply)
            .unwrap_or(reply));
    };
    let lang = Lang::parse(&session.lang).unwrap_or_default();
    if session.phone != phone.as_str() {
        return Ok(ended(lang));
    }
    if state.clock.now() - session.started_at > menu::SESSION_SECONDS {
        let code = post.service_code.to_string();
        return Ok(Reply::end(lang.t_with("ussd-timeout", &[("code", code)])).wire());
    }
    let given = answers.len() as i64;
    if given == session.answered {
        return repeated(state, post.session_id, lang).await;
    }
    let (Some(answer), true) = (answers.last(), given == session.answered + 1) else {
        return Ok(ended(lang));
    };
    let Ok(node) = serde_json::from_str::<Node>(&session.node) else {
        // A session whose last screen ended it.
        return Ok(ended(lang));
    };
    // Claimed before acting: of two posts of this answer, one acts; the other waits for what it sends.
    if !db::claim(&state.pool, post.session_id, session.answered).await? {
        return repeated(state, post.session_id, lang).await;
    }
    let (lang, next, reply) = match step(state, &phone, lang, node, answer).await {
        Ok((lang, Step::Ask(next, text))) => (lang, Some(next), Reply::ask(text)),
        Ok((lang, Step::End(text))) => (lang, None, Reply::end(text)),
        Err(error) => {
            tracing::error!(error = %format!("{error:#}"), "a USSD step failed");
            (lang, None, Reply::end(lang.t("ussd-error")))
        }
    };
    let wire = reply.wire();
    let node = serde_json::to_string(&next)?;
    db::store(&state.pool, post.session_id, lang.code(), &node, &wire).await?;
    Ok(wire)
}

/// The screen of an answer another post claimed: once it is written (a gateway that retries while a payment request
/// is being sent waits up to 10 seconds for it).
async fn repeated(state: &AppState, session_id: &str, lang: Lang) -> anyhow::Result<String> {
    for _ in 0..100 {
        match db::session(&state.pool, session_id).await? {
            Some(session) if !session.last_reply.is_empty() => return Ok(session.last_reply),
            Some(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            None => break,
        }
    }
    Ok(Reply::end(lang.t("ussd-error")).wire())
}

/// Where an answer leads: another screen that waits for an answer, or the last one.
pub(super) enum Step {
    Ask(Node, String),
    End(String),
}

async fn step(
    state: &AppState,
    phone: &PhoneNumber,
    lang: Lang,
    node: Node,
    answer: &str,
) -> anyhow::Result<(Lang, Step)> {
    let step = match node {
        Node::Language => {
            return Ok(match menu::language(answer) {
                Some(chosen) => (chosen, Step::Ask(Node::Menu, menu::menu_screen(chosen))),
                None => (lang, Step::Ask(Node::Language, menu::language_screen())),
            })
        }
        Node::Menu => match Item::chosen(answer) {
            None => Step::Ask(Node::Menu, menu::again(lang, Item::ALL.len(), &menu::menu_screen(lang))),
            Some(Item::Slip) => Step::Ask(Node::SlipCode, lang.t("ussd-slip-code")),
            Some(item) => match caller(state, phone).await? {
                Caller::Unknown => Step::End(unknown(state, lang)),
                Caller::NoPin => Step::End(no_pin(state, lang)),
                Caller::Ready(..) => Step::Ask(Node::Pin { then: item }, lang.t("ussd-pin")),
            },
        },
        Node::Pin { then } => match caller(state, phone).await? {
            Caller::Unknown => Step::End(unknown(state, lang)),
            Caller::NoPin => Step::End(no_pin(state, lang)),
            Caller::Ready(who, hash) => match pin_right(state, &who, &hash, answer).await? {
                Err(wait) => Step::End(wait_error(wait).message(lang)),
                Ok(false) => Step::Ask(node, lang.t("ussd-pin-wrong")),
                Ok(true) => opened(state, lang, &who, then).await?,
            },
        },
        Node::Period | Node::Confirm { .. } => {
            // Reached through the PIN in this session, on this phone.
            let Caller::Ready(who, _) = caller(state, phone).await? else {
                return Ok((lang, Step::End(unknown(state, lang))));
            };
            match node {
                Node::Period => match menu::period(answer) {
                    Some(period) => Step::Ask(
                        Node::Confirm { period },
                        confirm_screen(state, lang, &who, period).await?,
                    ),
                    None => match offer(state, lang, &who).await? {
                        Step::Ask(node, screen) => Step::Ask(node, menu::again(lang, menu::PERIODS.len(), &screen)),
                        end => end,
                    },
                },
                Node::Confirm { period } if menu::confirmed(answer) => renew(state, lang, &who, period).await?,
                _ => Step::End(lang.t("ussd-renew-cancelled")),
            }
        }
        Node::SlipCode => Step::End(check_slip(state, lang, phone, answer).await?),
    };
    Ok((lang, step))
}

/// Who a calling number is.
enum Caller {
    /// Not the verified phone of a verified account.
    Unknown,
    /// An account that has not set a USSD PIN.
    NoPin,
    /// An account with its PIN's hash.
    Ready(SignedIn, String),
}

async fn caller(state: &AppState, phone: &PhoneNumber) -> anyhow::Result<Caller> {
    let Some((id, pin_hash)) = db::caller(&state.pool, phone).await? else {
        return Ok(Caller::Unknown);
    };
    let Some(who) = crate::web::guard::applicant(&state.pool, &id).await? else {
        return Ok(Caller::Unknown);
    };
    Ok(match pin_hash {
        Some(hash) => Caller::Ready(who, hash),
        None => Caller::NoPin,
    })
}

fn unknown(state: &AppState, lang: Lang) -> String {
    lang.t_with("ussd-unknown", &[("address", state.origin.clone())])
}

fn no_pin(state: &AppState, lang: Lang) -> String {
    let address = format!("{}{}", state.origin, lang.href("account/ussd"));
    lang.t_with("ussd-no-pin", &[("address", address)])
}

/// "You entered a wrong PIN too many times. Wait 2 minutes, then dial again."
fn wait_error(wait_seconds: i64) -> FieldError {
    throttle::wait_error("pin", "ussd-pin-locked", wait_seconds)
}

/// The PIN's stored form's input: the PIN under the code key, salted by the account (argon2 then hashes it like a
/// password). A copy of the database without the key cannot be tried against the 10,000 PINs.
fn peppered(state: &AppState, account: &str, pin: &Pin) -> String {
    state.code_key.hash_code(&format!("ussd-pin:{account}"), pin.as_str())
}

/// The stored form of `account`'s new PIN.
pub async fn hashed(state: &AppState, account: &str, pin: &Pin) -> anyhow::Result<String> {
    state.passwords.hash(&peppered(state, account, pin)).await
}

/// Whether `typed` is the account's PIN, on its throttle: `Err(seconds to wait)` when locked.
async fn pin_right(state: &AppState, who: &SignedIn, hash: &str, typed: &str) -> anyhow::Result<Result<bool, i64>> {
    let key = throttle::ussd_pin_key(&who.id);
    let now = state.clock.now();
    let attempt = match throttle::reserve(&state.pool, &key, throttle::USSD_PIN, now).await? {
        Reservation::Locked(wait) => return Ok(Err(wait)),
        Reservation::Granted(attempt) => attempt,
    };
    let right = state
        .passwords
        .verify(Some(hash), &peppered(state, &who.id, &Pin::typed(typed)))
        .await?;
    if right {
        throttle::clear(&state.pool, &key).await?;
    } else if attempt == throttle::USSD_PIN.threshold {
        // The owner hears once, when the lock starts (not at each longer lock after it): someone with their phone,
        // or someone posing as it, is guessing.
        let mut tx = crate::db::begin_write(&state.pool).await?;
        outbox::tell_account(&mut tx, now, &who.id, "message-ussd-pin-locked", |_| Vec::new()).await?;
        tx.commit().await?;
    }
    Ok(Ok(right))
}

/// Sets the account's USSD PIN (a new one replaces the old): typed twice, and the password again, since the PIN
/// opens the account's licence and payments to whoever holds the phone. The owner is told.
pub async fn set_pin(
    state: &AppState,
    account: &Account,
    pin: &str,
    confirm: &str,
    password: &str,
) -> Result<(), AppError> {
    let pin = Pin::parse_new(pin, "pin")?;
    if confirm.trim() != pin.as_str() {
        return Err(AppError::field("confirm_pin", "ussd-error-pin-confirm"));
    }
    check_current(state, account, password, "pin_password").await?;
    let hash = hashed(state, &account.id, &pin).await?;
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.pool).await?;
    db::set_pin(&mut tx, &account.id, &hash, now).await?;
    outbox::tell_account(&mut tx, now, &account.id, "message-ussd-pin-set", |_| Vec::new()).await?;
    tx.commit().await?;
    // A new PIN starts with a full budget of tries.
    throttle::clear(&state.pool, &throttle::ussd_pin_key(&account.id)).await?;
    Ok(())
}

/// Removes the account's USSD PIN: the personal items are closed until a new one is set. The owner is told.
pub async fn remove_pin(state: &AppState, who: &SignedIn) -> anyhow::Result<bool> {
    let now = state.clock.now();
    let mut tx = crate::db::begin_write(&state.pool).await?;
    let removed = db::remove_pin(&mut tx, &who.id).await?;
    if removed {
        outbox::tell_account(&mut tx, now, &who.id, "message-ussd-pin-removed", |_| Vec::new()).await?;
    }
    tx.commit().await?;
    Ok(removed)
}

/// When `who` set their PIN, if they have one (the account page says so).
pub async fn pin_set_at(state: &AppState, who: &SignedIn) -> anyhow::Result<Option<i64>> {
    db::pin_set_at(&state.pool, &who.id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every screen the service writes, with the longest values it meets, fits a phone whole (no cut) in both
    /// languages.
    #[test]
    fn every_screen_fits_whole_with_long_values() {
        let long = |name: &str| -> String {
            match name {
                "classes" => "A1, A2, B, C1, C, D1, D, CE".into(),
                "date" => "30 September 2027".into(),
                "status" => "Inaisha karibuni".into(),
                "amount" | "one" | "three" => "KES 13,050".into(),
                "reference" => "UR4K7M2PQX".into(),
                "address" => "https://uraia.go.ke/sw/applications".into(),
                "phone" => "0712 345 678".into(),
                "code" => "*384*87242#".into(),
                "period" => "miaka 3".into(),
                "count" => "4".into(),
                "minutes" => "59".into(),
                other => panic!("no long value for {other}"),
            }
        };
        let screens = [
            ("ussd-not-kenyan", &[][..]),
            ("ussd-ended", &["code"]),
            ("ussd-timeout", &["code"]),
            ("ussd-error", &[]),
            ("ussd-unknown", &["address"]),
            ("ussd-no-pin", &["address"]),
            ("ussd-pin", &[]),
            ("ussd-pin-wrong", &[]),
            ("ussd-pin-locked", &[]),
            ("ussd-pin-locked-minutes", &["minutes"]),
            ("ussd-pin-locked-hour", &[]),
            ("ussd-licence", &["classes", "date", "status"]),
            ("ussd-no-licence", &["address"]),
            ("ussd-renew-offences", &["amount"]),
            ("ussd-renew-periods", &["date", "one", "three"]),
            ("ussd-renew-confirm", &["period", "amount", "phone"]),
            ("ussd-renew-cancelled", &[]),
            ("ussd-renew-sent", &["reference", "amount"]),
            ("ussd-renew-unpaid", &["address"]),
            ("ussd-slip-code", &[]),
            ("ussd-checks-locked", &[]),
            ("ussd-checks-locked-minutes", &["minutes"]),
            ("ussd-checks-locked-hour", &[]),
            ("ussd-applications-none", &[]),
            ("verify-error-code", &[]),
        ];
        for lang in Lang::ALL {
            for (key, names) in screens {
                let args: Vec<(&str, String)> = names.iter().map(|name| (*name, long(name))).collect();
                let text = lang.t_with(key, &args);
                assert!(!text.contains('{') && !text.contains(key), "{key}: {text}");
                for reply in [Reply::ask(text.clone()), Reply::end(text.clone())] {
                    let wire = reply.wire();
                    assert!(wire.ends_with(&text), "{key} ({lang:?}) is cut: {text}");
                    assert!(wire.chars().count() <= menu::MAX_CHARS, "{key} ({lang:?}): {wire}");
                }
            }
            // Three applications under their heading, with the longest status.
            let line = format!("UR4K7M2PQX {}", lang.t("applications-status-awaiting_payment"));
            let list = format!("{}\n{line}\n{line}\n{line}", lang.t("ussd-applications"));
            assert!(Reply::end(list.clone()).wire().ends_with(&list), "{list}");
        }
    }

    #[test]
    fn each_period_offered_has_its_words() {
        for lang in Lang::ALL {
            for period in menu::PERIODS {
                assert!(lang.has(&format!("ussd-period-{}", period.code())), "{period:?}");
            }
        }
    }
}
