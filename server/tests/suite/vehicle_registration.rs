//! Vehicle registration through the real router, on both databases: every step's errors, the fee band of the
//! engine, a customs entry used once, payment to review, an officer's approval giving the next plate of the series
//! (two at once: two plates), the vehicle in "My vehicles" and its registration slip.

use crate::common;

use app::{
    applications::{
        domain::{ApplicationId, Decision, Payment},
        service::{self as applications, Decided, Paid},
    },
    fees::domain::Shillings,
    services::vehicle_registration::{
        domain::{IdentityForm, VehicleForm},
        service as registration,
    },
};
use common::browser::{count, errors, main, register_citizen, register_person, signed_in, Browser, EMAIL, PHONE};
use common::registration::{fee_of, paid_registration};

const VIN: &str = "1HGCM82633A004352";
const ENTRY: &str = "24MSAIM4012345";

/// Starts a registration; the draft's id, from the address of its first step.
async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "registration")])
        .await;
    assert!(at.ends_with("/vehicle"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/vehicle")
        .to_string()
}

fn vehicle_form(id: &str) -> Vec<(&str, &str)> {
    vec![
        ("id", id),
        ("make", "Toyota"),
        ("model", "Land Cruiser"),
        ("year", "2024"),
        ("body_type", "suv"),
        ("colour", "white"),
    ]
}

on_both_engines!(a_registration_goes_to_review_and_approval_gives_a_plate, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let id = start(&mut browser).await;

    // Step 1: all five problems at once, and nothing typed is lost.
    let (at, page) = browser
        .follow(
            "/api/registration/vehicle",
            &[("id", &id), ("model", "Land Cruiser"), ("year", "1890")],
        )
        .await;
    assert!(at.ends_with("/vehicle"), "{at}");
    assert_eq!(
        errors(&page.body),
        [
            "Enter the make of the vehicle",
            "Year of manufacture must be a year from 1950 to 2027",
            "Select the body type",
            "Select the colour"
        ]
    );
    assert!(main(&page.body).contains("value=\"Land Cruiser\""));
    let (at, _) = browser.follow("/api/registration/vehicle", &vehicle_form(&id)).await;
    assert!(at.ends_with("/identity"), "{at}");

    // Step 2: a mistyped VIN, an engine size whose fee is not published, a malformed customs entry.
    let (_, page) = browser
        .follow(
            "/api/registration/identity",
            &[
                ("id", &id),
                ("chassis_number", "1HGCM82633A004353"),
                ("engine_number", "1GR-4471122"),
                ("engine_cc", "1500"),
                ("customs_entry", "24-MSA-123"),
            ],
        )
        .await;
    assert_eq!(
        errors(&page.body),
        [
            "Chassis number is not valid: a character is mistyped. Check it against the customs entry",
            "NTSA has not published the fee for engines from 1,201 to 3,000 cc. Register this vehicle at an NTSA office",
            "Customs entry number must be like 24MSAIM4012345: the year, the customs station, IM4 and the serial number"
        ]
    );
    assert!(main(&page.body).contains("value=\"1HGCM82633A004353\""));
    let identity = [
        ("id", id.as_str()),
        ("chassis_number", "1hgcm8-2633a-004352"),
        ("engine_number", "1GR-4471122"),
        ("engine_cc", "4,608"),
        ("customs_entry", "24 msa im4 012345"),
    ];
    let (at, _) = browser.follow("/api/registration/identity", &identity).await;
    assert!(at.ends_with("/owner"), "{at}");
    let (_, page) = browser
        .follow("/api/registration/owner", &[("id", &id), ("owner", "P051234567X")])
        .await;
    assert_eq!(errors(&page.body), ["Select who will own the vehicle"]);
    let (at, page) = browser
        .follow("/api/registration/owner", &[("id", &id), ("owner", "myself")])
        .await;
    assert!(at.ends_with("/check"), "{at}");
    let html = main(&page.body);
    for shown in [VIN, ENTRY, "4608 cc", "SUV", "White", "KES 8,300", "KES 8,350"] {
        assert!(html.contains(shown), "{shown}: {html}");
    }
    let (at, _) = browser
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    assert!(at.ends_with(&id), "{at}");

    let id = ApplicationId::parse(&id).unwrap();
    let paid = Payment {
        method: "counter",
        receipt: "RREG000001".into(),
        amount: Shillings(8350),
    };
    assert_eq!(
        applications::mark_paid(&app.state, &id, &paid).await.unwrap(),
        Paid::InReview
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM documents WHERE kind = 'registration_slip'").await,
        0,
        "no slip before approval"
    );
    assert_eq!(
        applications::decide(&app.state, &id, &Decision::Approve).await.unwrap(),
        Decided::Completed
    );
    let (plate, owner, colour): (String, String, String) =
        sqlx::query_as("SELECT plate, owner_id_number, colour FROM vehicles WHERE chassis_number = $1")
            .bind(VIN)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(
        (plate.as_str(), owner.as_str(), colour.as_str()),
        ("KDZ 001A", "28123456", "white")
    );
    let (_, page) = browser.visit(&format!("/en/applications/{}", id.as_str())).await;
    let html = main(&page.body);
    assert!(
        html.contains("KDZ 001A") && html.contains("Vehicle registration slip"),
        "{html}"
    );
    let (_, page) = browser.visit("/en/dashboard").await;
    assert!(main(&page.body).contains("KDZ 001A"), "in My vehicles");
    // The slip's public check shows the plate and the vehicle, the owner masked, and no chassis or engine number.
    let (code,): (String,) =
        sqlx::query_as("SELECT code FROM documents WHERE kind = 'registration_slip' AND application_id = $1")
            .bind(id.as_str())
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    let (_, page) = browser.visit(&format!("/sw/verify/{code}")).await;
    let html = main(&page.body);
    for shown in ["KDZ 001A", "Nyeupe", "W****** N**** K****"] {
        assert!(html.contains(shown), "{shown}: {html}");
    }
    assert!(!html.contains(VIN), "the chassis number is the holder's: {html}");
    assert!(
        !html.contains("Nambari ya injini") && !html.contains("Engine number"),
        "{html}"
    );
    // The holder's own copy has them.
    let (_, page) = browser.visit(&format!("/en/documents/{code}")).await;
    assert!(main(&page.body).contains(VIN), "{}", main(&page.body));
});

on_both_engines!(concurrent_approvals_take_different_plates, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let who = signed_in(&app, EMAIL).await;
    // An older vehicle already has the series' first plate: it is skipped.
    sqlx::query(
        "INSERT INTO vehicles (plate, make, model, year, engine_cc, chassis_number, engine_number, \
         owner_id_number, logbook_number) VALUES ('KDZ 001A', 'Isuzu', 'D-Max', 2020, 2500, 'OLD-1', 'E-1', \
         '28123456', 'LB00000001')",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    let vins = [
        "1M8GDM9AXKP042788",
        "JH4KA7561PC008269",
        "1G1ZT53826F109149",
        "1GNEK13ZX3R298984",
    ];
    let mut ids = Vec::new();
    for (n, vin) in vins.iter().enumerate() {
        ids.push(paid_registration(&app, &who, vin, &format!("25JKAIM40000{n}1")).await);
    }
    let decisions = ids
        .iter()
        .map(|id| applications::decide(&app.state, id, &Decision::Approve));
    for decided in futures_util::future::join_all(decisions).await {
        assert_eq!(decided.unwrap(), Decided::Completed);
    }
    let plates: Vec<(String,)> =
        sqlx::query_as("SELECT plate FROM vehicle_registrations WHERE plate IS NOT NULL ORDER BY plate")
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
    let plates: Vec<_> = plates.into_iter().map(|(p,)| p).collect();
    assert_eq!(plates, ["KDZ 002A", "KDZ 003A", "KDZ 004A", "KDZ 005A"]);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM documents WHERE kind = 'registration_slip'").await,
        4
    );
});

on_both_engines!(a_customs_entry_registers_one_vehicle, |app| {
    // Otieno's draft names the vehicle first: a draft claims nothing, so it blocks nobody.
    let mut other = Browser::new(&app);
    register_person(
        &mut other,
        ("31234567", "Otieno", "1985"),
        "otieno@example.com",
        "0722 000 111",
    )
    .await;
    let id = start(&mut other).await;
    other.follow("/api/registration/vehicle", &vehicle_form(&id)).await;
    let identity = [
        ("id", id.as_str()),
        ("chassis_number", VIN),
        ("engine_number", "1GR-4471122"),
        ("engine_cc", "4608"),
        ("customs_entry", ENTRY),
    ];
    let (at, _) = other.follow("/api/registration/identity", &identity).await;
    assert!(at.ends_with("/owner"), "{at}");

    // Wanjiku pays for hers: the payment claims both numbers.
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let wanjiku = signed_in(&app, EMAIL).await;
    let first = paid_registration(&app, &wanjiku, VIN, ENTRY).await;
    let (at, page) = other.follow("/api/registration/identity", &identity).await;
    assert!(at.ends_with("/identity"), "{at}");
    assert_eq!(
        errors(&page.body),
        [
            "A vehicle with this chassis number is already registered, or someone has already applied and paid to \
             register it",
            "This customs entry number has already been used to register a vehicle, or in an application that has \
             been paid for"
        ]
    );
    // Once hers is rejected, its claim lapses.
    let reject = Decision::Reject {
        reason: "The customs entry names another vehicle".into(),
    };
    assert_eq!(
        applications::decide(&app.state, &first, &reject).await.unwrap(),
        Decided::Rejected
    );
    let (at, _) = other.follow("/api/registration/identity", &identity).await;
    assert!(at.ends_with("/owner"), "{at}");
    // Another person's draft cannot be answered: the post goes to their own 404.
    let (at, page) = browser
        .follow("/api/registration/owner", &[("id", &id), ("owner", "myself")])
        .await;
    assert!(at.ends_with(&id), "{at}");
    assert_eq!(page.status, 404);
});

on_both_engines!(a_japanese_import_registers_by_its_frame_number_in_its_band, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let who = signed_in(&app, EMAIL).await;
    let id = applications::start(&app.state, &who, "registration").await.unwrap();
    let draft = || async { applications::owned(&app.state, &who, id.as_str()).await.unwrap() };
    let vehicle = VehicleForm {
        make: "Toyota".into(),
        model: "Vitz".into(),
        year: "2017".into(),
        body_type: "hatchback".into(),
        colour: "silver".into(),
    };
    registration::save_vehicle(&app.state, &who, &draft().await, &vehicle)
        .await
        .unwrap();
    // A used import from Japan: a frame number, not a 17-character VIN; 1,100 cc is in a published band.
    let identity = IdentityForm {
        chassis_number: "ksp130 - 2204567".into(),
        engine_number: "1KR-7782341".into(),
        engine_cc: "1,100".into(),
        customs_entry: "24MSAIM4099881".into(),
    };
    registration::save_identity(&app.state, &who, &draft().await, &identity)
        .await
        .unwrap();
    registration::save_owner(&app.state, &who, &draft().await, "myself")
        .await
        .unwrap();
    let fee = fee_of(&app.state, &who, &draft().await).await;
    assert_eq!(fee, "registration-1001-1200cc");
    let answers: String = sqlx::query_scalar("SELECT answers FROM applications WHERE id = $1")
        .bind(id.as_str())
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(answers.contains("\"KSP130-2204567\""), "{answers}");
    let (_, page) = browser.visit(&format!("/en/applications/{}/check", id.as_str())).await;
    assert!(main(&page.body).contains("KES 2,150"), "{}", main(&page.body));
});
