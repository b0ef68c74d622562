//! The daily reconciliation on both databases, against the Daraja and card sandboxes over HTTP: two processes
//! reconcile a day once; M-Pesa confirms a real Paybill receipt and not a forged one; the card provider's list
//! matches a card payment and shows money Uraia never recorded; what M-Pesa never answers becomes a difference at
//! the deadline; a prompt whose answer was lost is listed with what to look for; supervisors alone download the
//! differences.

use crate::common;

use app::reconciliation::{
    service::{self, Ran, ANSWER_WITHIN_SECONDS},
    why,
};
use common::{
    browser::Browser,
    payments::*,
    refunds::{own_phone, paid, supervisor},
    staff::{staff, SECOND, SECOND_EMAIL, SECOND_PHONE},
};

async fn item(app: &common::TestApp, receipt: &str) -> String {
    scalar(
        app,
        "SELECT state || ':' || COALESCE(why, '') FROM reconciliation_items WHERE receipt = $1",
        receipt,
    )
    .await
}

served_on_both_engines!(a_day_is_reconciled_once_and_its_differences_listed, |app| {
    let mut citizen = Browser::new(&app);
    let phone = own_phone('0');
    let (id, _) = paid(&app, &mut citizen, &phone).await;
    let paybill = scalar(&app, "SELECT receipt FROM payments WHERE application_id = $1", &id).await;
    // Recorded here, unknown to M-Pesa (a forged or mistyped record).
    sqlx::query(
        "INSERT INTO payment_credits (id, application_id, method, receipt, amount_kes, created_at) \
         VALUES ('forged', $1, 'mpesa', 'QQQ1234567', 620, $2)",
    )
    .bind(&id)
    .bind(app.state.clock.now())
    .execute(&app.state.pool)
    .await
    .unwrap();
    // A prompt whose answer was lost, for the application paid since (by Paybill): nothing to look for.
    lost_prompt(&app, &id, &phone).await;
    // A card payment the provider took and Uraia never heard of.
    let today = app.state.clock.today();
    let unrecorded = format!("UNREC{}", &phone[6..]);
    server::card_sandbox::remember(&app.state.origin, &today.to_string(), &unrecorded, 1450);

    let second = app.second_process().await;
    let (one, other) = tokio::join!(service::run(&app.state, today), service::run(&second.state, today));
    let ran = [one.unwrap(), other.unwrap()];
    assert!(ran.contains(&Ran::Claimed), "{ran:?}");
    assert!(
        ran.iter().any(|r| matches!(r, Ran::Started { items: 2, asked: 2 })),
        "{ran:?}"
    );
    // M-Pesa's answers come by themselves.
    wait_for(|| async {
        let state = item(&app, &paybill).await;
        if state.starts_with("asked") {
            String::new()
        } else {
            state
        }
    })
    .await;
    assert_eq!(item(&app, &paybill).await, "matched:");
    let forged = wait_for(|| async {
        let state = item(&app, "QQQ1234567").await;
        if state.starts_with("asked") {
            String::new()
        } else {
            state
        }
    })
    .await;
    assert!(
        forged.starts_with(&format!("difference:{} ", why::NOT_CONFIRMED)),
        "{forged}"
    );
    assert_eq!(item(&app, &unrecorded).await, format!("difference:{}", why::UNRECORDED));
    // At the deadline the day closes with its counts.
    assert!(app.state.clock.advance(ANSWER_WITHIN_SECONDS + 1));
    assert_eq!(service::finish_due(&app.state).await.unwrap(), 1);
    let counts = scalar(
        &app,
        "SELECT CAST(items AS TEXT) || '/' || CAST(differences AS TEXT) FROM reconciliations WHERE day = $1",
        &today.to_string(),
    )
    .await;
    assert_eq!(counts, "3/2");

    // Supervisors see and download the differences; an officer gets the 404.
    let (mut browser, _) = supervisor(&app).await;
    let page = browser.get(&format!("/en/staff/reconciliation?day={today}")).await;
    assert!(
        page.body.contains("QQQ1234567") && page.body.contains(&unrecorded),
        "{}",
        page.body
    );
    let csv = browser.get(&format!("/staff/reconciliation.csv?day={today}")).await;
    assert_eq!(csv.status, 200);
    assert!(csv
        .body
        .starts_with("day,method,receipt,recorded_kes,confirmed_kes,why"));
    assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);
    let mut officer = staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "officer").await;
    assert_eq!(
        officer
            .get(&format!("/staff/reconciliation.csv?day={today}"))
            .await
            .status,
        404
    );
    assert_eq!(officer.get("/en/staff/reconciliation").await.status, 404);
    let exported = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = $1",
        "reconciliation-export",
    )
    .await;
    assert_eq!(exported, 1);
    second.stop().await;
});

/// Writes a prompt for `application` from `phone` as the process left it when it stopped between sending the push
/// and keeping M-Pesa's answer: `sending`, without a CheckoutRequestID. When it was written.
async fn lost_prompt(app: &common::TestApp, application: &str, phone: &str) -> i64 {
    let now = app.state.clock.now();
    sqlx::query(
        "INSERT INTO mpesa_requests (id, application_id, phone, amount_kes, status, created_at) \
         VALUES ($1, $2, $3, 620, 'sending', $4)",
    )
    .bind(uuid::Uuid::now_v7().simple().to_string())
    .bind(application)
    .bind(phone)
    .bind(now)
    .execute(&app.state.pool)
    .await
    .unwrap();
    now
}

// Found by the crash test: M-Pesa took the push, the process stopped before keeping its CheckoutRequestID, and the
// callback came while it was down. Nobody can ask M-Pesa about it, so the day's reconciliation lists it.
served_on_both_engines!(a_prompt_whose_answer_was_lost_is_listed_for_supervisors, |app| {
    let mut citizen = Browser::new(&app);
    let id = awaiting_payment(&mut citizen).await;
    let reference = scalar(&app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    let phone = own_phone('1');
    let at = lost_prompt(&app, &id, &phone).await;
    let today = app.state.clock.today();
    assert_eq!(
        service::run(&app.state, today).await.unwrap(),
        Ran::Started { items: 1, asked: 0 }
    );
    assert_eq!(
        item(&app, &reference).await,
        format!("difference:{} 620 {phone} {at}", why::LOST_PROMPT)
    );
    let (mut browser, _) = supervisor(&app).await;
    let shown = format!("0{} {} {}", &phone[3..6], &phone[6..9], &phone[9..]);
    let english = browser.get(&format!("/en/staff/reconciliation?day={today}")).await;
    assert!(
        english.body.contains(&reference)
            && english
                .body
                .contains(&format!("A payment request of KES 620 to {shown}"))
            && english
                .body
                .contains("Look for this reference in the M-Pesa statement."),
        "{}",
        english.body
    );
    let kiswahili = browser.get(&format!("/sw/staff/reconciliation?day={today}")).await;
    assert!(
        kiswahili
            .body
            .contains(&format!("Kidirisha cha malipo cha KES 620 kwa {shown}")),
        "{}",
        kiswahili.body
    );
    let csv = browser.get(&format!("/staff/reconciliation.csv?day={today}")).await;
    assert!(
        csv.body
            .contains(&format!("{reference},,,\"A payment request of KES 620")),
        "{}",
        csv.body
    );
});
