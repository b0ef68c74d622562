//! Issuing documents when an application is paid, reading them back for their owner, and the public check.

use rand::Rng;

use super::{
    db::{self, DocumentRow},
    domain::{mask_name, Details, DocumentCode, FactValue, Kind, ServiceDocument, Visibility},
    pdf, qr,
};
use crate::{
    applications::domain::{Application, ApplicationId, Payment},
    calendar,
    i18n::Lang,
    state::AppState,
};

/// Issues the receipt and the service's own document (`own`: the renewal slip) for `application`, just paid by
/// `payment`, in the payment's transaction: a payment is never recorded without its documents.
pub async fn issue(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    payment: &Payment,
    own: Option<ServiceDocument>,
    now: i64,
) -> anyhow::Result<()> {
    let details = Details {
        holder: db::holder_name(conn, &application.account).await?,
        reference: application
            .reference
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default(),
        service: application.service.clone(),
        fee_code: application.fee_code.clone().unwrap_or_default(),
        amount_kes: payment.amount.0,
        method: payment.method.to_string(),
        receipt: payment.receipt.clone(),
        paid_at: now,
        ..Details::default()
    };
    insert(conn, application, Kind::Receipt, &details, now).await?;
    if let Some(own) = own {
        insert(conn, application, own.kind, &with_own(details, own), now).await?;
    }
    Ok(())
}

/// Issues the service's own document after the payment's receipt (a registration slip on approval), with the
/// receipt's payment details (every payment issues a receipt). Issuing one twice changes nothing.
pub async fn issue_own(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    own: ServiceDocument,
    now: i64,
) -> anyhow::Result<()> {
    let receipt = db::of_kind(conn, application.id.as_str(), Kind::Receipt)
        .await?
        .ok_or_else(|| anyhow::anyhow!("application {} has no receipt", application.id.as_str()))?;
    let details: Details = serde_json::from_str(&receipt.details)?;
    insert(conn, application, own.kind, &with_own(details, own), now).await
}

/// Issues a document of `application` to someone other than its applicant (the buyer of a transfer): in their
/// name, theirs to open, not listed on the applicant's page.
pub async fn issue_to(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    holder_account: &str,
    own: ServiceDocument,
    now: i64,
) -> anyhow::Result<()> {
    let receipt = db::of_kind(conn, application.id.as_str(), Kind::Receipt)
        .await?
        .ok_or_else(|| anyhow::anyhow!("application {} has no receipt", application.id.as_str()))?;
    let details = Details {
        holder: db::holder_name(conn, holder_account).await?,
        ..serde_json::from_str(&receipt.details)?
    };
    let kind = own.kind;
    let json = serde_json::to_string(&with_own(details, own))?;
    let code = DocumentCode::generate(|n| rand::rng().random_range(0..n));
    db::insert(
        conn,
        code.as_str(),
        application.id.as_str(),
        kind,
        &json,
        Some(holder_account),
        now,
    )
    .await?;
    Ok(())
}

/// Issues the service's own document again with what it says now (a booking moved): a new code, so the old
/// printout no longer checks.
pub async fn reissue_own(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    own: ServiceDocument,
    now: i64,
) -> anyhow::Result<()> {
    let kind = own.kind;
    db::remove(conn, application.id.as_str(), kind).await?;
    issue_own(conn, application, own, now).await
}

/// Withdraws the application's document of `kind` (a cancelled booking's slip): its check says so.
pub async fn revoke(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    kind: Kind,
    now: i64,
) -> anyhow::Result<()> {
    db::revoke(conn, application.id.as_str(), kind, now).await
}

fn with_own(details: Details, own: ServiceDocument) -> Details {
    Details {
        classes: own.classes,
        valid_until: own.valid_until,
        smart: own.smart,
        facts: own.facts,
        ..details
    }
}

async fn insert(
    conn: &mut sqlx::AnyConnection,
    application: &Application,
    kind: Kind,
    details: &Details,
    now: i64,
) -> anyhow::Result<()> {
    let json = serde_json::to_string(details)?;
    let code = DocumentCode::generate(|n| rand::rng().random_range(0..n));
    db::insert(conn, code.as_str(), application.id.as_str(), kind, &json, None, now).await?;
    Ok(())
}

/// A document as issued.
#[derive(Debug, Clone)]
pub struct Document {
    pub code: DocumentCode,
    pub kind: Kind,
    pub details: Details,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    /// Withdrawn because a new card replaced the one it is the slip of.
    pub replaced: bool,
}

impl TryFrom<DocumentRow> for Document {
    type Error = anyhow::Error;

    fn try_from(row: DocumentRow) -> anyhow::Result<Document> {
        Ok(Document {
            code: DocumentCode::parse(&row.code).ok_or_else(|| anyhow::anyhow!("document code {:?}", row.code))?,
            kind: row.kind,
            details: serde_json::from_str(&row.details)?,
            issued_at: row.issued_at,
            revoked_at: row.revoked_at,
            replaced: row.replaced_by.is_some(),
        })
    }
}

/// The application's documents (its owner's page lists them), without those issued to someone else.
pub async fn of_application(state: &AppState, application: &Application) -> anyhow::Result<Vec<Document>> {
    db::of_application(&state.pool, application.id.as_str(), None)
        .await?
        .into_iter()
        .map(Document::try_from)
        .collect()
}

/// The documents of `application_id` issued to `account`, who is not its applicant (a transfer's buyer).
pub async fn held(state: &AppState, application_id: &str, account: &str) -> anyhow::Result<Vec<Document>> {
    db::of_application(&state.pool, application_id, Some(account))
        .await?
        .into_iter()
        .map(Document::try_from)
        .collect()
}

/// `account`'s document `code`; anyone else's, or none, is `None`.
pub async fn owned(state: &AppState, code: &str, account: &str) -> anyhow::Result<Option<Document>> {
    let Some(code) = DocumentCode::parse(code) else {
        return Ok(None);
    };
    db::owned(&state.pool, code.as_str(), account)
        .await?
        .map(Document::try_from)
        .transpose()
}

/// The code of the service's own document issued with `application`'s payment (the renewal slip), if any: the
/// payment's message carries it, so a motorist without a browser can show it to be checked.
pub async fn own_code(
    conn: &mut sqlx::AnyConnection,
    application: &ApplicationId,
) -> anyhow::Result<Option<DocumentCode>> {
    Ok(db::own_code(conn, application.as_str())
        .await?
        .and_then(|code| DocumentCode::parse(&code)))
}

/// What the public check says of a code.
#[derive(Debug, Clone)]
pub enum Check {
    /// Genuine, and valid today.
    Current(Document),
    /// Genuine, but its validity ended (a slip past its date).
    Expired(Document),
    Revoked(Document),
    /// Genuine, but a new card replaced the one it is the slip of (lost, stolen or damaged).
    Replaced(Document),
    /// No document has this code.
    Unknown,
}

pub async fn check(state: &AppState, code: &DocumentCode) -> anyhow::Result<Check> {
    let Some(document) = db::by_code(&state.pool, code.as_str())
        .await?
        .map(Document::try_from)
        .transpose()?
    else {
        return Ok(Check::Unknown);
    };
    if document.replaced {
        return Ok(Check::Replaced(document));
    }
    if document.revoked_at.is_some() {
        return Ok(Check::Revoked(document));
    }
    let today = calendar::date_of(state.clock.now());
    let ended = document
        .details
        .valid_until
        .as_deref()
        .and_then(calendar::parse_iso)
        .is_some_and(|until| until < today);
    Ok(if ended {
        Check::Expired(document)
    } else {
        Check::Current(document)
    })
}

/// What the public check says of a code, in words: the verify page's heading and sentence, and the rows it shows
/// (the holder's name masked). The USSD check of a slip says the same.
pub struct Verdict {
    /// `verify-genuine`, `verify-not-valid` or `verify-not-genuine`.
    pub heading: &'static str,
    /// Valid today.
    pub current: bool,
    pub message: String,
    pub rows: Vec<(String, String)>,
}

pub fn verdict(lang: Lang, outcome: &Check) -> Verdict {
    let (message, document) = match outcome {
        Check::Current(document) => (lang.t("verify-current"), Some(document)),
        Check::Expired(document) => {
            let date = document
                .details
                .valid_until
                .as_deref()
                .and_then(calendar::parse_iso)
                .map(|d| calendar::long_date(lang, d))
                .unwrap_or_default();
            (lang.t_with("verify-expired", &[("date", date)]), Some(document))
        }
        Check::Revoked(document) | Check::Replaced(document) => {
            let date = document
                .revoked_at
                .map(|at| calendar::day_of(lang, at))
                .unwrap_or_default();
            let key = if matches!(outcome, Check::Replaced(_)) {
                "verify-replaced"
            } else {
                "verify-revoked"
            };
            (lang.t_with(key, &[("date", date)]), Some(document))
        }
        Check::Unknown => (lang.t("verify-unknown"), None),
    };
    let current = matches!(outcome, Check::Current(_));
    let heading = match (document, current) {
        (Some(_), true) => "verify-genuine",
        (Some(_), false) => "verify-not-valid",
        (None, _) => "verify-not-genuine",
    };
    let rows = document
        .map(|document| {
            let mut rows = vec![(
                lang.t("verify-row-type"),
                lang.t(&format!("documents-title-{}", document.kind.code())),
            )];
            rows.extend(self::rows(lang, document, true));
            rows.push((lang.t("verify-row-issued"), calendar::day_of(lang, document.issued_at)));
            rows
        })
        .unwrap_or_default();
    Verdict {
        heading,
        current,
        message,
        rows,
    }
}

/// The address a document's QR code and printed line point to: language-neutral, from the configured origin.
pub fn verify_url(state: &AppState, code: &DocumentCode) -> String {
    format!("{}/verify/{}", state.origin, code.as_str())
}

/// The document's rows, translated: the owner's full view (`masked` false) or the public check's.
pub fn rows(lang: Lang, document: &Document, masked: bool) -> Vec<(String, String)> {
    let d = &document.details;
    let holder = if masked { mask_name(&d.holder) } else { d.holder.clone() };
    let mut rows = vec![
        (lang.t("documents-row-holder"), holder),
        (
            lang.t("documents-row-service"),
            lang.t(&format!("service-{}", d.fee_code)),
        ),
    ];
    if !masked {
        rows.push((lang.t("documents-row-reference"), d.reference.clone()));
    }
    match document.kind {
        Kind::Receipt => {
            rows.push((
                lang.t("documents-row-amount"),
                crate::fees::domain::format_kes(d.amount_kes),
            ));
            rows.push((lang.t("documents-row-paid-at"), calendar::moment(lang, d.paid_at)));
            if !masked {
                rows.push((lang.t("documents-row-receipt"), d.receipt.clone()));
            }
        }
        Kind::RenewalSlip | Kind::ProvisionalLicence | Kind::PsvBadge | Kind::SmartLicence | Kind::PsvLicence => {
            if let Some(classes) = &d.classes {
                rows.push((lang.t("documents-row-classes"), classes.clone()));
            }
            if let Some(until) = d.valid_until.as_deref().and_then(calendar::parse_iso) {
                rows.push((lang.t("documents-row-valid-until"), calendar::long_date(lang, until)));
            }
            if d.smart {
                rows.push((lang.t("documents-row-smart"), lang.t("documents-smart-yes")));
            }
        }
        Kind::RegistrationSlip
        | Kind::VehicleRecord
        | Kind::InspectionSlip
        | Kind::TestSlip
        | Kind::TransferSeller
        | Kind::TransferBuyer => {}
    }
    let shown = d
        .facts
        .iter()
        .filter(|fact| !(masked && fact.visibility == Visibility::HolderOnly));
    rows.extend(shown.map(|fact| {
        let value = match &fact.value {
            FactValue::Text(text) if masked && fact.visibility == Visibility::Masked => mask_name(text),
            FactValue::Text(text) => text.clone(),
            FactValue::Message(key) => lang.t(key),
            FactValue::Date(iso) => calendar::parse_iso(iso)
                .map(|date| calendar::long_date(lang, date))
                .unwrap_or_else(|| iso.clone()),
        };
        (lang.t(&fact.label), value)
    }));
    rows
}

/// The line at the foot of a document: who issued it (or that it is a demonstration), and what only its kind needs
/// (a renewal slip is carried with the old licence until the card comes; a receipt or a booking slip is not).
pub fn footer(lang: Lang, kind: Kind, demo: bool) -> String {
    let issued = lang.t(if demo {
        "documents-footer-demo"
    } else {
        "documents-footer"
    });
    match kind {
        Kind::RenewalSlip => format!("{issued} {}", lang.t("documents-footer-renewal")),
        Kind::ProvisionalLicence => format!("{issued} {}", lang.t("documents-footer-provisional")),
        Kind::SmartLicence => format!("{issued} {}", lang.t("documents-footer-smart")),
        _ => issued,
    }
}

/// The document as a PDF, in `lang`.
pub fn pdf(state: &AppState, lang: Lang, document: &Document) -> anyhow::Result<Vec<u8>> {
    let url = verify_url(state, &document.code);
    let qr = qr::modules(&url)?;
    let title = lang.t(&format!("documents-title-{}", document.kind.code()));
    let footer = footer(lang, document.kind, state.settings.demo_data);
    pdf::render(&pdf::Page {
        heading: &lang.t("documents-heading"),
        title: &title,
        rows: &rows(lang, document, false),
        check: &lang.t("documents-check"),
        code_label: &lang.t("documents-code"),
        code: &document.code.grouped(),
        verify_url: &url,
        qr: &qr,
        footer: &footer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_renewal_slip_tells_its_holder_to_carry_it_with_the_old_licence() {
        for lang in Lang::ALL {
            let renewal = footer(lang, Kind::RenewalSlip, false);
            assert!(renewal.starts_with(&lang.t("documents-footer")), "{renewal}");
            assert!(renewal.ends_with(&lang.t("documents-footer-renewal")), "{renewal}");
            for kind in [
                Kind::Receipt,
                Kind::InspectionSlip,
                Kind::TransferBuyer,
                Kind::RegistrationSlip,
            ] {
                assert_eq!(footer(lang, kind, false), lang.t("documents-footer"));
            }
            assert_eq!(footer(lang, Kind::Receipt, true), lang.t("documents-footer-demo"));
        }
    }
}
