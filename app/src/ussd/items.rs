//! What each item of the menu shows or does, once the caller may see it: the licence, the renewal's offer and its
//! payment request, the latest applications, the check of a slip. Each reaches another feature only through its
//! service functions, as a page does.

use anyhow::Context;

use super::{
    menu::{Item, Node},
    service::Step,
};
use crate::{
    applications::service::{self as applications, Submitted},
    calendar,
    documents::{domain::DocumentCode, service as documents},
    error::AppError,
    fees::domain::format_kes,
    i18n::Lang,
    ids::{display_phone, PhoneNumber},
    payments::mpesa::{self, Prompted},
    records::service as records,
    services::renewal::{domain::Period, service as renewal},
    state::AppState,
    web::{guard::SignedIn, throttle},
};

/// The item chosen, now the PIN is right.
pub(super) async fn opened(state: &AppState, lang: Lang, who: &SignedIn, item: Item) -> anyhow::Result<Step> {
    Ok(match item {
        Item::Licence => Step::End(licence(state, lang, who).await?),
        Item::Renew => offer(state, lang, who).await?,
        Item::Applications => Step::End(latest_applications(state, lang, who).await?),
        Item::Slip => Step::Ask(Node::SlipCode, lang.t("ussd-slip-code")),
    })
}

/// The caller's licence: classes, expiry and whether it is valid today.
async fn licence(state: &AppState, lang: Lang, who: &SignedIn) -> anyhow::Result<String> {
    let mut licences = records::licences(state, who).await?;
    licences.sort_by_key(|l| l.holder_id_number != who.id_number);
    let Some(licence) = licences.first() else {
        return Ok(no_licence(state, lang));
    };
    let today = calendar::date_of(state.clock.now());
    Ok(lang.t_with(
        "ussd-licence",
        &[
            ("classes", licence.classes.join(", ")),
            ("date", calendar::long_date(lang, licence.expires_on)),
            ("status", lang.t(licence.standing(today).status_key())),
        ],
    ))
}

fn no_licence(state: &AppState, lang: Lang) -> String {
    lang.t_with(
        "ussd-no-licence",
        &[("address", format!("{}{}", state.origin, lang.href("tims")))],
    )
}

/// The renewal's offer: the licence and each period's fee (access fee included), or why it cannot be renewed.
pub(super) async fn offer(state: &AppState, lang: Lang, who: &SignedIn) -> anyhow::Result<Step> {
    let licence = match renewal::licence(state, who).await? {
        Ok(licence) => licence,
        Err(renewal::Refusal::NoLicence) => return Ok(Step::End(no_licence(state, lang))),
        Err(renewal::Refusal::UnpaidOffences { amount, .. }) => {
            return Ok(Step::End(
                lang.t_with("ussd-renew-offences", &[("amount", amount.to_string())]),
            ))
        }
    };
    let schedule = crate::fees::db::schedule(&state.pool).await?;
    let total = |period: Period| {
        schedule
            .quote(period.fee_code())
            .map(|quote| format_kes(quote.total_kes))
            .with_context(|| format!("no fee {}", period.fee_code()))
    };
    Ok(Step::Ask(
        Node::Period,
        lang.t_with(
            "ussd-renew-periods",
            &[
                ("date", calendar::long_date(lang, licence.expires_on)),
                ("one", total(Period::OneYear)?),
                ("three", total(Period::ThreeYears)?),
            ],
        ),
    ))
}

pub(super) async fn confirm_screen(
    state: &AppState,
    lang: Lang,
    who: &SignedIn,
    period: Period,
) -> anyhow::Result<String> {
    let schedule = crate::fees::db::schedule(&state.pool).await?;
    let quote = schedule.quote(period.fee_code()).context("no renewal fee")?;
    Ok(lang.t_with(
        "ussd-renew-confirm",
        &[
            ("period", lang.t(&format!("ussd-period-{}", period.code()))),
            ("amount", format_kes(quote.total_kes)),
            ("phone", display_phone(&who.phone)),
        ],
    ))
}

/// The renewal, as the website makes it: a draft with the period, submitted for its fee, and its payment request
/// sent to the caller's phone (the session ends first on the phone, so the request can show).
pub(super) async fn renew(state: &AppState, lang: Lang, who: &SignedIn, period: Period) -> anyhow::Result<Step> {
    let said = |error: AppError| -> anyhow::Result<Step> {
        match error {
            AppError::Invalid(errors) if !errors.is_empty() => Ok(Step::End(errors[0].message(lang))),
            other => Err(other.into()),
        }
    };
    let id = applications::start(state, who, crate::services::renewal::domain::CODE).await?;
    let draft = applications::owned(state, who, id.as_str()).await?;
    if let Err(error) = renewal::choose_period(state, who, &draft, period.code()).await {
        return said(error);
    }
    let draft = applications::owned(state, who, id.as_str()).await?;
    let fee_code = match renewal::ready(state, who, &draft).await {
        Ok(Ok(fee_code)) => fee_code,
        Ok(Err(_)) => anyhow::bail!("a USSD renewal draft is not ready after its period"),
        Err(error) => return said(error),
    };
    match applications::submit(state, who, &draft, fee_code).await? {
        Submitted::Now(_) | Submitted::Already => {}
        Submitted::TooManyUnpaid => {
            let address = format!("{}{}", state.origin, lang.href("applications"));
            return Ok(Step::End(lang.t_with("ussd-renew-unpaid", &[("address", address)])));
        }
        Submitted::Changed | Submitted::Again => anyhow::bail!("a USSD renewal changed while it was submitted"),
    }
    let application = applications::owned(state, who, id.as_str()).await?;
    let (Some(reference), Some(invoice)) = (&application.reference, &application.invoice) else {
        anyhow::bail!("a submitted renewal without its reference or invoice");
    };
    let args = [
        ("reference", reference.to_string()),
        ("amount", format_kes(invoice.total().0)),
    ];
    match mpesa::prompt(state, who, &application, &who.phone).await {
        Ok(Prompted::Sent(_) | Prompted::AlreadyWaiting(_)) => Ok(Step::End(lang.t_with("ussd-renew-sent", &args))),
        Ok(Prompted::NotPayable) => anyhow::bail!("a renewal just submitted is not payable"),
        Err(error) => said(error),
    }
}

/// The latest three applications sent (drafts are not yet applications), each with its reference and status.
async fn latest_applications(state: &AppState, lang: Lang, who: &SignedIn) -> anyhow::Result<String> {
    let lines: Vec<String> = applications::mine(state, who)
        .await?
        .into_iter()
        .filter_map(|application| {
            let reference = application.reference.as_ref()?;
            let status = lang.t(&format!("applications-status-{}", application.status.code()));
            Some(format!("{reference} {status}"))
        })
        .take(3)
        .collect();
    if lines.is_empty() {
        return Ok(lang.t("ussd-applications-none"));
    }
    Ok(format!("{}\n{}", lang.t("ussd-applications"), lines.join("\n")))
}

/// The public check of a slip's code, in a screen: what the verify page says, first lines first. Unknown codes
/// are counted per phone (each tells whether a code exists).
pub(super) async fn check_slip(
    state: &AppState,
    lang: Lang,
    phone: &PhoneNumber,
    answer: &str,
) -> anyhow::Result<String> {
    let Some(code) = DocumentCode::parse(answer) else {
        return Ok(lang.t("verify-error-code"));
    };
    // Reserved before the lookup (one statement, so a burst of parallel posts cannot all pass a lock check), and
    // given back when the code is found: only unknown codes count.
    let key = throttle::ussd_checks_key(phone);
    let reserved = throttle::reserve(&state.pool, &key, throttle::USSD_CHECKS, state.clock.now()).await?;
    if let throttle::Reservation::Locked(wait) = reserved {
        return Ok(throttle::wait_error("code", "ussd-checks-locked", wait).message(lang));
    }
    let check = documents::check(state, &code).await?;
    if !matches!(check, documents::Check::Unknown) {
        throttle::release(&state.pool, &key, throttle::USSD_CHECKS).await?;
    }
    let verdict = documents::verdict(lang, &check);
    let mut lines = vec![format!("{}: {}", lang.t(verdict.heading), verdict.message)];
    lines.extend(
        verdict
            .rows
            .into_iter()
            .map(|(label, value)| format!("{label}: {value}")),
    );
    Ok(lines.join("\n"))
}
