//! The PSV road service licence through the real router, on both databases: only a SACCO's or company's
//! authorised people see its vehicles here (anyone else finds none, and a plate typed is the same error as none);
//! a lapsed inspection, a seat count with no published fee and a vehicle that is not a PSV are each refused with
//! the reason; the route and the first day are checked (the day bounded by today, 90 days ahead, the current
//! licence and the inspection); the fee is the seats' band; approval puts the licence on the vehicle with a slip,
//! and the application is listed on the SACCO's page with the person who made it.

use crate::common;

use app::calendar;
use common::browser::{errors, main, register_director, register_person, Browser};
use common::payments::{approved, paid_at_counter, scalar};

const SACCO: &str = "P052468013M";
const GRACE: (&str, &str, &str) = ("21892773", "Grace", "1974");
const JUMA: (&str, &str, &str) = ("15775450", "Juma", "1990");

async fn start(browser: &mut Browser<'_>) -> String {
    let (at, _) = browser
        .follow("/api/applications/start", &[("service", "psv-licence")])
        .await;
    assert!(at.ends_with("/vehicle"), "{at}");
    at.trim_start_matches("/en/applications/")
        .trim_end_matches("/vehicle")
        .to_string()
}

fn period<'a>(id: &'a str, date: &'a [String; 3]) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("starts-day", &date[0]),
        ("starts-month", &date[1]),
        ("starts-year", &date[2]),
    ]
}

/// A date (ISO when shown) as its three boxes: day, month, year.
fn parts(date: impl std::fmt::Display) -> [String; 3] {
    let iso = date.to_string();
    let [year, month, day]: [&str; 3] = iso.splitn(3, '-').collect::<Vec<_>>().try_into().unwrap();
    [day, month, year].map(|p| p.trim_start_matches('0').to_string())
}

async fn inspected_until(app: &common::TestApp, plate: &str, until: impl std::fmt::Display) {
    sqlx::query("UPDATE vehicles SET inspection_due_on = $1 WHERE plate = $2")
        .bind(until.to_string())
        .bind(plate)
        .execute(&app.state.pool)
        .await
        .unwrap();
}

on_both_engines!(a_sacco_person_licenses_a_matatu_with_a_valid_inspection, |app| {
    let today = app.state.clock.today();
    let day = |n: i32| calendar::add_days(today, n).unwrap();
    // The register's dates, relative to today: one matatu inspected for half a year, one bus lapsed yesterday.
    inspected_until(&app, "KDE 789C", day(180)).await;
    inspected_until(&app, "KCX 101M", day(-1)).await;

    // Someone who does not act for the SACCO finds none of its vehicles, and cannot name one.
    let mut juma = Browser::new(&app);
    register_person(&mut juma, JUMA, "juma@example.com", "0722 100 202").await;
    let id = start(&mut juma).await;
    let page = juma.get(&format!("/en/applications/{id}/vehicle")).await;
    assert!(main(&page.body).contains("Your account does not act for a SACCO or company that owns vehicles"));
    let (_, page) = juma
        .follow("/api/psv/vehicle", &[("id", &id), ("plate", "KDE 789C")])
        .await;
    assert_eq!(errors(&page.body), ["Select one of your organisation's vehicles"]);

    let mut grace = Browser::new(&app);
    register_director(
        &mut grace,
        (SACCO, "Chairperson"),
        GRACE,
        "grace@example.com",
        "0733 100 201",
    )
    .await;
    let id = start(&mut grace).await;
    let page = grace.get(&format!("/en/applications/{id}/vehicle")).await;
    let body = main(&page.body);
    for shown in ["KDE 789C", "KCX 101M", "KDG 550S", "14 seats", "Super Metro Sacco"] {
        assert!(body.contains(shown), "{shown}: {body}");
    }

    // A lapsed inspection, with the day and the way to book one; a band with no published fee.
    let (at, page) = grace
        .follow("/api/psv/vehicle", &[("id", &id), ("plate", "kcx101m")])
        .await;
    assert!(at.ends_with("/vehicle"), "{at}");
    let lapsed = format!(
        "The inspection of KCX 101M ran out on {}. A PSV needs a valid inspection: book one, then apply again",
        calendar::long_date(app::i18n::Lang::En, day(-1))
    );
    assert_eq!(errors(&page.body), [lapsed]);
    assert!(main(&page.body).contains(r#"href="/en/services/inspection""#));
    let (_, page) = grace
        .follow("/api/psv/vehicle", &[("id", &id), ("plate", "KDG 550S")])
        .await;
    assert_eq!(
        errors(&page.body),
        ["KDG 550S has 25 seats. There is no published fee for vehicles of 15 to 26 seats: apply for its licence at an NTSA office"]
    );

    // The matatu, a route from the list, a first day within the bounds.
    let (at, _) = grace
        .follow("/api/psv/vehicle", &[("id", &id), ("plate", "KDE 789C")])
        .await;
    assert!(at.ends_with("/route"), "{at}");
    let (_, page) = grace
        .follow("/api/psv/route", &[("id", &id), ("route", "NBI-999")])
        .await;
    assert_eq!(errors(&page.body), ["Select the route the vehicle will work"]);
    let (at, _) = grace
        .follow("/api/psv/route", &[("id", &id), ("route", "NBI-237")])
        .await;
    assert!(at.ends_with("/period"), "{at}");
    let empty = [String::new(), String::new(), String::new()];
    let (_, page) = grace.follow("/api/psv/period", &period(&id, &empty)).await;
    assert_eq!(errors(&page.body), ["Enter the first day of the licence"]);
    let (_, page) = grace.follow("/api/psv/period", &period(&id, &parts(day(-1)))).await;
    assert_eq!(
        errors(&page.body),
        ["The first day cannot be in the past. Enter today or a later day"]
    );
    let (_, page) = grace.follow("/api/psv/period", &period(&id, &parts(day(91)))).await;
    assert_eq!(errors(&page.body), ["The first day must be within 90 days from today"]);
    assert!(
        main(&page.body).contains(&format!(r#"value="{}""#, parts(day(91))[2])),
        "what was typed comes back"
    );
    inspected_until(&app, "KDE 789C", day(10)).await;
    let (_, page) = grace.follow("/api/psv/period", &period(&id, &parts(day(11)))).await;
    assert_eq!(
        errors(&page.body).len(),
        1,
        "the inspection runs out before the first day"
    );
    inspected_until(&app, "KDE 789C", day(180)).await;
    let (at, page) = grace.follow("/api/psv/period", &period(&id, &parts(today))).await;
    assert!(at.ends_with("/check"), "{at}");
    let body = main(&page.body);
    assert!(body.contains("Nairobi CBD – Thika (route 237)"), "{body}");
    assert!(body.contains("KES 3,200"), "the 9 to 14 seats band: {body}");

    // Submitted, paid, approved: the licence on the vehicle, its slip, and the SACCO's page names Grace.
    let (at, _) = grace
        .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    assert!(at.ends_with(&format!("/applications/{id}")), "{at}");
    let application = paid_at_counter(&app, &id, 3250).await;
    approved(&app, &application).await;
    let last = calendar::add_days(calendar::add_years(today, 1).unwrap(), -1).unwrap();
    assert_eq!(
        scalar(
            &app,
            "SELECT psv_licence_expires_on FROM vehicles WHERE plate = $1",
            "KDE 789C"
        )
        .await,
        last.to_string()
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT kind FROM documents WHERE application_id = $1 AND kind <> 'receipt'",
            &id
        )
        .await,
        "psv_licence"
    );
    let page = grace.get(&format!("/en/applications/{id}")).await;
    assert!(main(&page.body).contains("The road service licence"));
    let page = grace.get(&format!("/en/organisations/{SACCO}")).await;
    let body = main(&page.body);
    assert!(
        body.contains("Get a road service licence for a matatu or bus"),
        "{body}"
    );
    assert!(body.contains("Grace Wanjiru"), "{body}");

    // A second licence for the same matatu starts after the first ends.
    let again = start(&mut grace).await;
    grace
        .follow("/api/psv/vehicle", &[("id", &again), ("plate", "KDE 789C")])
        .await;
    grace
        .follow("/api/psv/route", &[("id", &again), ("route", "NBI-237")])
        .await;
    let (_, page) = grace.follow("/api/psv/period", &period(&again, &parts(day(30)))).await;
    assert_eq!(
        errors(&page.body),
        [format!(
            "The vehicle is licensed until {}. Choose a first day after that",
            calendar::long_date(app::i18n::Lang::En, last)
        )]
    );
});
