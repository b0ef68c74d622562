//! Refund tests' ground: money owed back made the way it happens (a Paybill payment twice), a supervisor, and
//! waiting for a refund to end.

use std::time::Duration;

use super::{
    browser::Browser,
    payments::{awaiting_payment, pay_through_the_sandbox, scalar, wait_for},
    staff::{member, staff, OFFICER, OFFICER_EMAIL, OFFICER_PHONE},
    TestApp,
};

/// A phone of its own for each test (the sandbox's books are shared by the tests of a process), ending in `last`
/// (the sandbox's B2C outcome: 9 fails, 6 never answers, any other is paid).
pub fn own_phone(last: char) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("2547{:07}{last}", nanos % 10_000_000)
}

/// Wanjiku's renewal paid by Paybill from `phone`: its id and reference.
pub async fn paid(app: &TestApp, browser: &mut Browser<'_>, phone: &str) -> (String, String) {
    let id = awaiting_payment(browser).await;
    let reference = scalar(app, "SELECT reference FROM applications WHERE id = $1", &id).await;
    pay_through_the_sandbox(app, &reference, "620", phone, true).await;
    wait_for(|| scalar(app, "SELECT receipt FROM payments WHERE application_id = $1", &id)).await;
    (id, reference)
}

/// Wanjiku's renewal paid by Paybill from `phone`, then paid again from it: the id of the application and of the
/// credit owed back.
pub async fn paid_twice(app: &TestApp, browser: &mut Browser<'_>, phone: &str) -> (String, String) {
    let (id, reference) = paid(app, browser, phone).await;
    pay_through_the_sandbox(app, &reference, "620", phone, false).await;
    let credit = wait_for(|| scalar(app, "SELECT id FROM payment_credits WHERE application_id = $1", &id)).await;
    (id, credit)
}

/// A supervisor signed in, and who they are.
pub async fn supervisor(app: &TestApp) -> (Browser<'_>, app::staff::domain::Staff) {
    let browser = staff(app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "supervisor").await;
    (browser, member(app, OFFICER_EMAIL).await)
}

/// Waits (up to 10 s) for the refund of `source_id` to end; its status.
pub async fn refund_ended(app: &TestApp, source_id: &str) -> String {
    for _ in 0..100 {
        let status = scalar(app, "SELECT status FROM refunds WHERE source_id = $1", source_id).await;
        if status == "refunded" || status == "failed" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the refund of {source_id} never ended");
}
