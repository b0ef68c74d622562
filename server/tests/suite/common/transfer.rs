//! A transfer taken through the seller's steps in tests: the people of the demo register who sell and buy, the
//! logbook, and a caveat noted as the register would.

use super::{
    browser::{register_person, Browser},
    TestApp,
};

pub const LUCY: (&str, &str, &str) = ("28130103", "Lucy", "1958");
pub const REHEMA: (&str, &str, &str) = ("7974916", "Rehema", "1983");
pub const WANJIKU: (&str, &str, &str) = ("28123456", "Wanjiku", "1990");
pub const REHEMA_PHONE: &str = "+254722000002";
pub const LUCY_PHONE: &str = "+254711000001";
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The id in an application step's address.
pub fn id_in(at: &str) -> String {
    let (_, rest) = at.split_once("/applications/").unwrap();
    rest.split('/').next().unwrap().to_string()
}

/// Lucy (the seller) and Rehema (the buyer), registered, each in a browser of their own.
pub async fn seller_and_buyer(app: &TestApp) -> (Browser<'_>, Browser<'_>) {
    let mut lucy = Browser::new(app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;
    let mut rehema = Browser::new(app);
    register_person(&mut rehema, REHEMA, "rehema@example.com", "0722 000 002").await;
    (lucy, rehema)
}

/// Uploads the logbook of draft `id`; onwards to the buyer's step (or the check page once the buyer is named).
pub async fn upload_logbook(seller: &mut Browser<'_>, id: &str) {
    let response = seller
        .upload_field(
            &format!("/api/transfer/logbook?id={id}"),
            "logbook",
            "logbook.pdf",
            PDF,
            true,
        )
        .await;
    let next = response.header("location");
    assert!(next.ends_with("/buyer") || next.ends_with("/check"), "{next}");
}

/// The seller offers `plate` to `buyer` and submits it (not paid); the application's id.
pub async fn submitted(seller: &mut Browser<'_>, plate: &str, buyer: (&str, &str, &str)) -> String {
    let (at, _) = seller
        .follow("/api/applications/start", &[("service", "transfer")])
        .await;
    let id = id_in(&at);
    let (at, _) = seller
        .follow("/api/transfer/vehicle", &[("id", &id), ("plate", plate)])
        .await;
    assert!(at.ends_with("/logbook"), "{at}");
    upload_logbook(seller, &id).await;
    let (at, _) = seller
        .follow(
            "/api/transfer/buyer",
            &[
                ("id", &id),
                ("id_number", buyer.0),
                ("first_name", &buyer.1.to_lowercase()),
            ],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    seller
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    id
}

/// Pays the submitted application `id` at a counter (`amount`: the invoice's total); it then waits for the buyer.
pub async fn pay(seller: &Browser<'_>, id: &str, receipt: &str, amount: i64) {
    let payment = app::applications::domain::Payment {
        method: "counter",
        receipt: receipt.into(),
        amount: app::fees::domain::Shillings(amount),
    };
    let application = app::applications::domain::ApplicationId::parse(id).unwrap();
    assert_eq!(
        app::applications::service::mark_paid(&seller.app.state, &application, &payment)
            .await
            .unwrap(),
        app::applications::service::Paid::InReview
    );
}

/// Notes a caveat (a financier's interest) on `plate`, as the register would.
pub async fn note_caveat(app: &TestApp, plate: &str) {
    sqlx::query(
        "INSERT INTO vehicle_caveats (plate, kind, party, noted_on) \
         VALUES ($1, 'financier', 'Equity Bank Kenya Ltd', '2026-11-30')",
    )
    .bind(plate)
    .execute(&app.state.pool)
    .await
    .unwrap();
}
