//! Transfers with an organisation on either side, through the real router on both databases: a SACCO's director
//! sells one of its vehicles (listed with the SACCO's name, the application made for it) to another SACCO, named
//! by KRA PIN (each mistake named, what was typed kept); any of the buying SACCO's people is told and may answer,
//! nobody else; the one who accepts holds the slip (whose public check names both SACCOs) and the register names
//! the SACCO. A person's offer to a SACCO declined by its director; a SACCO's vehicle sold to a person, and the
//! message that it stays the SACCO's.

use crate::common;

use common::{
    browser::{code_in, count, errors, last_message, main, register_director, register_person, Browser},
    transfer::{id_in, pay, upload_logbook, LUCY},
};

const METRO: &str = "P052468013M";
const EMBASSAVA: &str = "P672271267L";
/// On the register of organisations, with nobody acting for it on Uraia.
const MPYA: &str = "P271678836R";
const GRACE: (&str, &str, &str) = ("21892773", "Grace", "1974");
const GRACE_PHONE: &str = "+254733100201";
const RUTH: (&str, &str, &str) = ("34842557", "Ruth", "1975");
const RUTH_PHONE: &str = "+254733100203";
const JUMA: (&str, &str, &str) = ("15775450", "Juma", "1990");

/// Grace for Super Metro, Ruth for Embassava, and Juma, who acts for neither.
async fn people(app: &common::TestApp) -> (Browser<'_>, Browser<'_>, Browser<'_>) {
    let mut grace = Browser::new(app);
    register_director(
        &mut grace,
        (METRO, "Chairperson"),
        GRACE,
        "grace@example.com",
        "0733 100 201",
    )
    .await;
    let mut ruth = Browser::new(app);
    register_director(
        &mut ruth,
        (EMBASSAVA, "Treasurer"),
        RUTH,
        "ruth@example.com",
        "0733 100 203",
    )
    .await;
    let mut juma = Browser::new(app);
    register_person(&mut juma, JUMA, "juma@example.com", "0722 100 202").await;
    (grace, ruth, juma)
}

/// Starts a transfer of `plate` and uploads its logbook; the draft's id.
async fn started(seller: &mut Browser<'_>, plate: &str) -> String {
    let (at, _) = seller
        .follow("/api/applications/start", &[("service", "transfer")])
        .await;
    let id = id_in(&at);
    let (at, _) = seller
        .follow("/api/transfer/vehicle", &[("id", &id), ("plate", plate)])
        .await;
    assert!(at.ends_with("/logbook"), "{at}");
    upload_logbook(seller, &id).await;
    id
}

/// Submits the draft and pays `amount` at a counter; the application then waits for the buyer.
async fn paid(seller: &mut Browser<'_>, id: &str, receipt: &str, amount: i64) {
    let (at, _) = seller
        .follow("/api/applications/submit", &[("id", id), ("declaration", "yes")])
        .await;
    assert!(!at.ends_with("/check"), "{at}");
    pay(seller, id, receipt, amount).await;
}

async fn owner_of(app: &common::TestApp, plate: &str) -> (Option<String>, Option<String>) {
    sqlx::query_as("SELECT owner_id_number, owner_kra_pin FROM vehicles WHERE plate = $1")
        .bind(plate)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

fn organisation(pin: &str) -> (Option<String>, Option<String>) {
    (None, Some(pin.to_string()))
}

on_both_engines!(a_sacco_sells_to_another_sacco_whose_person_accepts, |app| {
    let (mut grace, mut ruth, mut juma) = people(&app).await;

    // The SACCO's vehicles are listed with its name; choosing one makes the application the SACCO's.
    let (_, page) = grace
        .follow("/api/applications/start", &[("service", "transfer")])
        .await;
    let page = main(&page.body);
    assert!(
        page.contains("KDG 550S – Toyota Coaster (2021), registered to Super Metro Sacco"),
        "{page}"
    );
    assert!(!page.contains("KDH 777P"), "another SACCO's vehicle is not offered");
    let id = started(&mut grace, "KDG 550S").await;
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM applications WHERE id = '{id}' AND organisation_kra_pin = '{METRO}'"),
        )
        .await,
        1
    );

    // Each mistake in the organisation's PIN is named at its field, and what was typed comes back.
    let buyer = |pin: &'static str| vec![("id", id.clone()), ("kra_pin", pin.to_string())];
    for (typed, message) in [
        ("", "Enter the organisation's KRA PIN"),
        (
            "P12345",
            "Enter the organisation's KRA PIN: P, 9 digits and a letter, like P051234567K",
        ),
        (
            "P999999999Z",
            "No organisation has this KRA PIN on the register. Check it against the organisation's PIN certificate",
        ),
        (
            METRO,
            "The vehicle is already registered to Super Metro Sacco. Enter the KRA PIN of the organisation buying it",
        ),
        (
            MPYA,
            "Nobody acts for Kenya Mpya Sacco on Uraia yet. Ask one of its directors to create a business account, \
             then enter the PIN again",
        ),
    ] {
        let form = buyer(typed);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (at, page) = grace.follow("/api/transfer/buyer-organisation", &form).await;
        assert!(at.ends_with("/buyer"), "{typed}: {at}");
        assert_eq!(errors(&page.body), [message], "{typed}");
        assert!(
            page.body.contains(&format!("value=\"{typed}\"")),
            "{typed}: what was typed comes back"
        );
    }
    // The same message in Kiswahili.
    grace.visit(&format!("/sw/applications/{id}/buyer")).await;
    let (_, page) = grace
        .follow("/api/transfer/buyer-organisation", &[("id", &id), ("kra_pin", MPYA)])
        .await;
    assert_eq!(
        errors(&page.body),
        ["Bado hakuna anayewakilisha Kenya Mpya Sacco kwenye Uraia. Mwombe mmoja wa wakurugenzi wake afungue akaunti \
          ya biashara, kisha uandike PIN tena"]
    );
    grace.visit(&format!("/en/applications/{id}/buyer")).await;

    // Embassava, typed loosely, is found; the check page names it.
    let (at, page) = grace
        .follow(
            "/api/transfer/buyer-organisation",
            &[("id", &id), ("kra_pin", "p672 271 267l")],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    assert!(main(&page.body).contains(&format!("Embassava Sacco ({EMBASSAVA})")));
    paid(&mut grace, &id, "RORG000001", 5965).await;
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM vehicle_transfers WHERE application_id = '{id}' AND seller_kra_pin = '{METRO}' \
                 AND seller_id_number IS NULL AND buyer_kra_pin = '{EMBASSAVA}' AND buyer_account IS NULL"
            ),
        )
        .await,
        1
    );

    // Embassava's people are told; the offer is theirs to answer, nobody else's.
    let told = last_message(&app, RUTH_PHONE).await;
    assert!(
        told.contains("Super Metro Sacco wants to transfer vehicle KDG 550S to Embassava Sacco, which you act for"),
        "{told}"
    );
    let dashboard = ruth.get("/en/dashboard").await;
    let dashboard = main(&dashboard.body);
    assert!(
        dashboard.contains("KDG 550S from Super Metro Sacco, to Embassava Sacco"),
        "{dashboard}"
    );
    let offer = format!("/en/transfers/{id}");
    assert_eq!(juma.get(&offer).await.status, 404);
    let (_, page) = juma.follow("/api/transfer/code", &[("id", &id)]).await;
    assert_eq!(page.status, 404);
    let page = ruth.get(&offer).await;
    let page = main(&page.body);
    assert!(page.contains("Super Metro Sacco wants to transfer KDG 550S to Embassava Sacco, which you act for"));

    // Ruth accepts with the code sent to her phone: the register names Embassava, and she holds the slip.
    ruth.follow("/api/transfer/code", &[("id", &id)]).await;
    let code = code_in(&last_message(&app, RUTH_PHONE).await);
    let (at, page) = ruth
        .follow("/api/transfer/accept", &[("id", &id), ("code", &code)])
        .await;
    assert!(at.ends_with(&offer), "{at}");
    let page = main(&page.body);
    assert!(
        page.contains("The vehicle is now registered to the organisation"),
        "{page}"
    );
    assert!(
        page.contains("Ruth Wafula accepted on behalf of Embassava Sacco. KDG 550S is registered to Embassava Sacco.")
    );
    assert_eq!(owner_of(&app, "KDG 550S").await, organisation(EMBASSAVA));
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM documents d JOIN accounts a ON a.id = d.holder_account \
                 WHERE d.application_id = '{id}' AND a.id_number = '{}'",
                RUTH.0
            ),
        )
        .await,
        1
    );
    // The public check names both SACCOs (a public record), where it masks a person's name.
    let slip: String =
        sqlx::query_scalar("SELECT code FROM documents WHERE application_id = $1 AND kind = 'transfer_buyer'")
            .bind(&id)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    let (_, page) = Browser::new(&app).visit(&format!("/en/verify/{slip}")).await;
    let html = main(&page.body);
    assert!(
        html.contains("Super Metro Sacco") && html.contains("Embassava Sacco"),
        "{html}"
    );
    let told = last_message(&app, GRACE_PHONE).await;
    assert!(
        told.contains("Embassava Sacco accepted the transfer of KDG 550S"),
        "{told}"
    );
    // The vehicle is now Embassava's: Grace no longer lists it, and Ruth does.
    let (_, page) = grace
        .follow("/api/applications/start", &[("service", "transfer")])
        .await;
    assert!(!main(&page.body).contains("KDG 550S"));
    let (_, page) = ruth.follow("/api/applications/start", &[("service", "transfer")]).await;
    assert!(main(&page.body).contains("KDG 550S – Toyota Coaster (2021), registered to Embassava Sacco"));
});

on_both_engines!(a_person_offers_to_a_sacco_and_a_sacco_sells_to_a_person, |app| {
    let (mut grace, mut ruth, mut juma) = people(&app).await;
    let mut lucy = Browser::new(&app);
    register_person(&mut lucy, LUCY, "lucy@example.com", "0711 000 001").await;

    // Lucy offers her Vitz to Embassava; Ruth declines for it; the car stays Lucy's and she is told so.
    let id = started(&mut lucy, "KCM 753W").await;
    let (at, _) = lucy
        .follow(
            "/api/transfer/buyer-organisation",
            &[("id", &id), ("kra_pin", EMBASSAVA)],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    paid(&mut lucy, &id, "RORG000002", 1710).await;
    let (_, page) = ruth.follow("/api/transfer/decline", &[("id", &id)]).await;
    assert!(main(&page.body).contains("Ruth Wafula declined on behalf of Embassava Sacco"));
    assert_eq!(owner_of(&app, "KCM 753W").await, (Some(LUCY.0.to_string()), None));
    let told = last_message(&app, "+254711000001").await;
    assert!(told.contains("The vehicle stays registered in your name"), "{told}");

    // Grace cannot name herself as the buyer of the SACCO's vehicle: another of its people must sell it to her.
    let id = started(&mut grace, "KCX 101M").await;
    let (_, page) = grace
        .follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", GRACE.0), ("first_name", "Grace")],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        ["You cannot transfer a vehicle to yourself. Enter the buyer's ID number"]
    );
    // Sold to Juma, who declines: Grace is told it stays the SACCO's, not "in your name".
    let (at, _) = grace
        .follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", JUMA.0), ("first_name", "Juma")],
        )
        .await;
    assert!(at.ends_with("/check"), "{at}");
    paid(&mut grace, &id, "RORG000003", 5965).await;
    juma.follow("/api/transfer/decline", &[("id", &id)]).await;
    let told = last_message(&app, GRACE_PHONE).await;
    assert!(
        told.contains("The vehicle stays registered to Super Metro Sacco"),
        "{told}"
    );
    let (_, page) = grace.visit(&format!("/sw/applications/{id}")).await;
    let page = main(&page.body);
    assert!(page.contains("linabaki limesajiliwa kwa Super Metro Sacco"), "{page}");

    // Offered again and accepted: the register names Juma, and the SACCO no longer.
    let id = started(&mut grace, "KCX 101M").await;
    grace
        .follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", JUMA.0), ("first_name", "Juma")],
        )
        .await;
    paid(&mut grace, &id, "RORG000004", 5965).await;
    juma.follow("/api/transfer/code", &[("id", &id)]).await;
    let code = code_in(&last_message(&app, "+254722100202").await);
    let (_, page) = juma
        .follow("/api/transfer/accept", &[("id", &id), ("code", &code)])
        .await;
    assert!(main(&page.body).contains("The vehicle is now registered in your name"));
    assert_eq!(owner_of(&app, "KCX 101M").await, (Some(JUMA.0.to_string()), None));
});
