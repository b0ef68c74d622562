//! Copy of records (vehicle search) through the real router, on both databases: the plate's messages, the fee,
//! payment completing it at once, and the record as issued (owner masked, caveats, inspection) on the
//! application's page and the public check.

use crate::common;

use app::{
    applications::{
        domain::{ApplicationId, Payment},
        service::Paid,
    },
    fees::domain::Shillings,
};
use common::browser::{errors, main, register_citizen, Browser, EMAIL, PHONE};

on_both_engines!(a_search_gives_the_record_with_the_owner_masked, |app| {
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "vehicle-search")])
        .await;
    assert!(at.ends_with("/plate"), "{at}");
    let id = at
        .trim_start_matches("/en/applications/")
        .trim_end_matches("/plate")
        .to_string();
    for (typed, message) in [
        ("", "Enter the number plate"),
        ("KDA 12", "Enter a number plate like KDA 123A, KMEA 123B or GK 123A"),
        (
            "kzz 999z",
            "There is no vehicle on the register with the number plate KZZ 999Z. Check it and try again",
        ),
    ] {
        let (at, page) = browser
            .follow("/api/vehicle-search/plate", &[("id", &id), ("plate", typed)])
            .await;
        assert!(at.ends_with("/plate"), "{at}");
        assert_eq!(errors(&page.body), [message]);
        assert!(main(&page.body).contains(&format!("value=\"{typed}\"")));
    }
    let (at, page) = browser
        .follow("/api/vehicle-search/plate", &[("id", &id), ("plate", "kad040z")])
        .await;
    assert!(at.ends_with("/check"), "{at}");
    let html = main(&page.body);
    assert!(html.contains("KAD 040Z") && html.contains("KES 570"), "{html}");
    browser
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;

    let application = ApplicationId::parse(&id).unwrap();
    let payment = Payment {
        method: "counter",
        receipt: "RSEARCH001".into(),
        amount: Shillings(570),
    };
    assert_eq!(
        app::applications::service::mark_paid(&app.state, &application, &payment)
            .await
            .unwrap(),
        Paid::Completed
    );
    let (_, page) = browser.visit(&format!("/en/applications/{id}")).await;
    let html = main(&page.body);
    for shown in [
        "Volkswagen",
        "Golf",
        "2013",
        "Not recorded",
        "Not required (private vehicle)",
        "Financier's interest",
        "Equity Bank Kenya Ltd",
        "Copy of vehicle records",
    ] {
        assert!(html.contains(shown), "{shown}: {html}");
    }
    let owner: (String, String) = sqlx::query_as(
        "SELECT p.first_name, p.other_names FROM vehicles v JOIN register_people p \
         ON p.id_number = v.owner_id_number WHERE v.plate = 'KAD 040Z'",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    let masked = app::documents::domain::mask_name(&format!("{} {}", owner.0, owner.1));
    assert!(html.contains(&masked), "{masked}: {html}");
    assert!(!html.contains(&owner.0), "the owner's name is masked");

    // The public check shows the same record, in Kiswahili too.
    let (code,): (String,) = sqlx::query_as("SELECT code FROM documents WHERE kind = 'vehicle_record'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let (_, page) = browser.visit(&format!("/sw/verify/{code}")).await;
    let html = main(&page.body);
    for shown in ["KAD 040Z", "Maslahi ya mkopeshaji", "Haijarekodiwa", masked.as_str()] {
        assert!(html.contains(shown), "{shown}: {html}");
    }
});
