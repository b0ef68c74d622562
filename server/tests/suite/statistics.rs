//! Statistics for supervisors and analysts on both databases, from a seeded day whose answers are known: 12
//! transfers decided (10 approved 2 hours after payment, 2 rejected for their documents, one with an officer's
//! words naming the person), 15 renewals started at a Nairobi collection centre, 20 driving tests at Kasarani (12
//! passed) and 3 at Mombasa. Counts under 10 are "fewer than 10"; a county filter keeps its centres; every new
//! staff address is refused to anyone but a supervisor or an analyst.

use crate::common;

use app::figures::{domain, rollup};
use common::{
    browser::{count, Browser},
    staff::{
        self, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, SECOND, SECOND_EMAIL, SECOND_PHONE, SUPPORT, SUPPORT_EMAIL,
        SUPPORT_PHONE,
    },
};

async fn execute(app: &common::TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.state.pool).await.unwrap();
}

async fn account_of(app: &common::TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// The known day, starting at `day`, for `account`.
async fn seed(app: &common::TestApp, account: &str, day: i64) {
    let hour = 3_600;
    let application = |id: String, service: &str, centre: &str, status: &str, reason: &str| {
        format!(
            "INSERT INTO applications (id, account_id, service, status, answers, centre, decision_reason, created_at, updated_at) \
             VALUES ('{id}', '{account}', '{service}', '{status}', '{{}}', {centre}, {reason}, {}, {})",
            day + hour / 2,
            day + hour / 2
        )
    };
    for n in 0..12 {
        let rejected = n >= 10;
        let reason = match n {
            10 => "'applications-reason-documents'",
            11 => "'applications-reason-documents\nWanjiku Kamau''s logbook is a copy'",
            _ => "NULL",
        };
        let status = if rejected { "rejected" } else { "completed" };
        execute(app, &application(format!("t-{n}"), "transfer", "NULL", status, reason)).await;
        let decided = if rejected {
            ("rejected", day + 5 * hour)
        } else {
            ("approved", day + 3 * hour)
        };
        for (status, at) in [("paid", day + hour), decided] {
            execute(
                app,
                &format!(
                    "INSERT INTO application_events (application_id, status, at) VALUES ('t-{n}', '{status}', {at})"
                ),
            )
            .await;
        }
    }
    for n in 0..15 {
        execute(
            app,
            &application(
                format!("r-{n}"),
                "dl-renewal",
                "'CC-NRB-HQ'",
                "awaiting_payment",
                "NULL",
            ),
        )
        .await;
    }
    for (n, unit, passed) in (0..20)
        .map(|n| (n, "TU-NBI-KAS", n < 12))
        .chain((20..23).map(|n| (n, "TU-MSA", n == 20)))
    {
        execute(
            app,
            &application(
                format!("d-{n}"),
                "driving-test",
                &format!("'{unit}'"),
                "completed",
                "NULL",
            ),
        )
        .await;
        execute(
            app,
            &format!(
                "INSERT INTO driving_tests (application_id, id_number, class, unit, day, passed, notes, recorded_by, recorded_at) \
                 VALUES ('d-{n}', '9000{n:04}', 'B', '{unit}', '{}', {}, 'Seeded', '{account}', {})",
                app::calendar::date_of(day),
                u8::from(passed),
                day + 2 * hour
            ),
        )
        .await;
    }
}

on_both_engines!(
    statistics_of_a_known_day_without_a_person_in_them,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        staff::staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "analyst").await;
        let account = account_of(&app, OFFICER_EMAIL).await;
        let now = app.state.clock.now();
        let today = app::calendar::date_of(now);
        let day = app::calendar::start_of(today);
        seed(&app, &account, day).await;
        assert!(app.state.clock.advance(day + 86_400 + 3_600 - now));
        assert_eq!(rollup::roll_up_due(&app.state).await.unwrap(), 1);
        // A day later the staff session has lapsed: the analyst signs in again.
        let mut analyst = staff::sign_in_by_sms(&app, OFFICER_EMAIL, OFFICER_PHONE).await;

        let range = format!(
            "from-day={}&from-month={}&from-year={}&to-day={0}&to-month={1}&to-year={2}",
            today.day(),
            today.month(),
            today.year()
        );
        let page = analyst.get(&format!("/en/staff/statistics?{range}")).await;
        assert_eq!(page.status, 200);
        let body = &page.body;
        let two_hours = app::figures::words::duration(app::i18n::Lang::En, domain::middle_of(domain::bucket_of(7_200)));
        for expected in [
            "Approvals and rejections, by service",
            "Transfer vehicle ownership",
            "The documents do not prove what the application says.",
            "Kasarani Driving Test Unit",
            "60.0%",            // 12 of 20 passed at Kasarani
            two_hours.as_str(), // the median transfer decision
            "fewer than 10",
        ] {
            assert!(body.contains(expected), "{expected} missing: {body}");
        }
        assert!(!body.contains("Wanjiku"), "an officer's words never reach a figure");

        let iso = today.to_string();
        let csv = |figure: &str, place: &str| {
            format!("/staff/statistics.csv?figure={figure}&from={iso}&to={iso}&place={place}&lang=en")
        };
        let decisions = analyst.get(&csv("decisions", "")).await;
        assert_eq!(decisions.status, 200);
        assert_eq!(
            decisions.body,
            "Service,Decided,Approved,Rejected,Rejected of those decided\n\
             Transfer vehicle ownership,12,10,fewer than 10,fewer than 10\n"
        );
        let weekly = analyst.get(&csv("weekly", "")).await;
        assert!(
            weekly.body.lines().nth(1).unwrap().contains(",50,"),
            "12 + 15 + 23 started: {}",
            weekly.body
        );
        // Nairobi: its collection centre's renewals and Kasarani's tests; not Mombasa's, nor the transfers (no centre).
        let nairobi = analyst.get(&csv("weekly", "county:Nairobi")).await;
        assert!(
            nairobi.body.lines().nth(1).unwrap().contains(",35,"),
            "{}",
            nairobi.body
        );
        let tests = analyst.get(&csv("tests", "county:Nairobi")).await;
        assert_eq!(
            tests.body,
            "Test unit,Tests,Passed,Pass rate\nKasarani Driving Test Unit,20,12,60.0%\n"
        );
        let everywhere = analyst.get(&csv("tests", "")).await;
        assert!(everywhere
            .body
            .contains("Mombasa Driving Test Unit,fewer than 10,fewer than 10,fewer than 10"));
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'statistics-export'"
            )
            .await,
            5,
            "each download is in the audit log"
        );
        assert_eq!(analyst.get(&csv("weekly", "county:Atlantis")).await.status, 404);

        // In Kiswahili, with a place that is not on the list: explained, kept, and the page still answers.
        let page = analyst.get("/sw/staff/statistics?place=county%3AAtlantis").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Chagua kaunti au kituo kutoka kwenye orodha"),
            "{}",
            page.body
        );
    }
);

on_both_engines!(
    only_supervisors_and_analysts_see_statistics_and_an_analyst_sees_nothing_else,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut analyst = staff::staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "analyst").await;
        let mut supervisor = staff::staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "supervisor").await;
        let mut support = staff::staff(&app, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE, "support").await;
        let mut nobody = Browser::new(&app);
        let page = "/en/staff/statistics";
        let csv = "/staff/statistics.csv?figure=weekly&from=2026-11-01&to=2026-11-30&place=&lang=en";
        assert_eq!(analyst.get(page).await.status, 200);
        assert_eq!(supervisor.get(page).await.status, 200);
        assert_eq!(supervisor.get(csv).await.status, 200);
        for (who, browser) in [("support", &mut support), ("signed out", &mut nobody)] {
            assert_eq!(browser.get(page).await.status, 404, "{who}");
            assert_eq!(browser.get(csv).await.status, 404, "{who}");
        }
        // An analyst sees no application, no person, no money.
        for other in [
            "/en/staff",
            "/en/staff/audit",
            "/en/staff/refunds",
            "/en/staff/people",
            "/en/staff/cases",
        ] {
            assert_eq!(analyst.get(other).await.status, 404, "{other}");
        }
        let menu = analyst.get(page).await.body;
        assert!(!menu.contains("href=\"/en/staff\""), "no queue link for an analyst");
    }
);

on_both_engines!(
    what_expires_and_what_is_in_force_come_from_the_registers,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut analyst = staff::staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "analyst").await;
        let account = account_of(&app, OFFICER_EMAIL).await;
        let today = app::calendar::date_of(app.state.clock.now());
        let in_days = |n: i32| app::calendar::add_days(today, n).unwrap().to_string();
        execute(&app, "UPDATE driving_licences SET expires_on = '2020-01-01'").await;
        execute(&app, "UPDATE vehicles SET inspection_due_on = NULL").await;
        for (county, n) in [("Nairobi", 12), ("Mombasa", 3)] {
            execute(
                &app,
                &format!(
                    "UPDATE driving_licences SET expires_on = '{}' WHERE holder_id_number IN \
                     (SELECT d.holder_id_number FROM driving_licences d JOIN register_people p ON p.id_number = d.holder_id_number \
                       WHERE p.county = '{county}' ORDER BY d.holder_id_number LIMIT {n})",
                    in_days(30)
                ),
            )
            .await;
        }
        // 11 PSV licences in force on route 237 (a Kiambu route) for one SACCO, and one that has lapsed.
        for n in 0..12 {
            let ends = if n == 11 { in_days(-1) } else { in_days(300) };
            execute(
                &app,
                &format!(
                    "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
                 VALUES ('p-{n}', '{account}', 'psv-licence', 'completed', '{{}}', 1, 1)"
                ),
            )
            .await;
            execute(&app, &format!(
                "INSERT INTO psv_licences (application_id, plate, kra_pin, route, seats, starts_on, expires_on, issued_at) \
                 VALUES ('p-{n}', 'KDE 789C', 'P052468013M', 'NBI-237', 14, '{}', '{ends}', 1)",
                in_days(-30)
            ))
            .await;
        }
        // The range is any past one: what expires counts from today.
        let iso = in_days(-1);
        let csv = |figure: &str, place: &str| {
            format!("/staff/statistics.csv?figure={figure}&from={iso}&to={iso}&place={place}&lang=en")
        };
        let expiring = analyst.get(&csv("expiring", "")).await.body;
        assert!(expiring.contains("Nairobi,12,0"), "{expiring}");
        assert!(expiring.contains("Mombasa,fewer than 10,0"), "{expiring}");
        let routes = analyst.get(&csv("psv-routes", "county:Kiambu")).await.body;
        assert_eq!(
            routes,
            "Route,PSV licences in force\nNairobi CBD – Thika (route 237),11\n"
        );
        let saccos = analyst.get(&csv("psv-saccos", "")).await.body;
        assert!(saccos.lines().nth(1).unwrap().ends_with(",11"), "{saccos}");
        let nairobi = analyst.get(&csv("psv-routes", "county:Nairobi")).await.body;
        assert_eq!(nairobi, "Route,PSV licences in force\n", "no Nairobi route");
    }
);
