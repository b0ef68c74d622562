//! The public performance page on both databases, from a seeded day whose answers are known: 20 renewals started,
//! 12 paid (10 by M-Pesa, 2 by card), 11 completed (10 in an hour, one in 20 hours), 5 inspections started and
//! completed ("fewer than 10"), 2 M-Pesa prompts failed, and the server up 1,368 of the day's 1,440 minutes.
//! The day is rolled up once however many processes try, and the page and its CSV show the same figures.

use crate::common;

use app::figures::{domain, rollup};
use common::browser::{count, register_person, Browser};

const PERSON: (&str, &str, &str) = ("7974916", "Rehema", "1983");

async fn execute(app: &common::TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.state.pool).await.unwrap();
}

/// Seeds the day that starts at `day` (unix seconds) for `account`.
async fn seed(app: &common::TestApp, account: &str, day: i64) {
    let hour = 3_600;
    let application = |n: usize, service: &str, start: i64| {
        format!(
            "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
             VALUES ('app-{n}', '{account}', '{service}', 'completed', '{{}}', {start}, {start})"
        )
    };
    for n in 0..20 {
        execute(app, &application(n, "dl-renewal", day + hour)).await;
    }
    for n in 20..25 {
        execute(app, &application(n, "inspection", day + hour)).await;
        let at = day + 3 * hour;
        execute(
            app,
            &format!(
                "INSERT INTO application_events (application_id, status, at) VALUES ('app-{n}', 'completed', {at})"
            ),
        )
        .await;
    }
    for n in 0..11 {
        let at = if n == 10 { day + 21 * hour } else { day + 2 * hour };
        execute(
            app,
            &format!(
                "INSERT INTO application_events (application_id, status, at) VALUES ('app-{n}', 'completed', {at})"
            ),
        )
        .await;
    }
    for n in 0..12 {
        let method = if n < 10 { "mpesa" } else { "card" };
        let at = day + hour + 60;
        execute(app, &format!("INSERT INTO payments (id, application_id, method, receipt, amount_kes, paid_at) VALUES ('pay-{n}', 'app-{n}', '{method}', 'R{n}', 650, {at})")).await;
        if n < 10 {
            execute(app, &format!("INSERT INTO mpesa_requests (id, application_id, phone, amount_kes, status, receipt, created_at, settled_at) VALUES ('m-{n}', 'app-{n}', '254722000002', 650, 'paid', 'R{n}', {at}, {at})")).await;
        } else {
            execute(app, &format!("INSERT INTO card_sessions (id, application_id, reference, amount_kes, lang, status, created_at, closed_at) VALUES ('c-{n}', 'app-{n}', 'ref', 650, 'en', 'paid', {at}, {at})")).await;
        }
    }
    for n in 12..14 {
        let at = day + hour;
        execute(app, &format!("INSERT INTO mpesa_requests (id, application_id, phone, amount_kes, status, result_code, created_at, settled_at) VALUES ('m-{n}', 'app-{n}', '254722000002', 650, 'failed', 1032, {at}, {at})")).await;
    }
    // Down from 02:00 to 03:12: 72 minutes without a record.
    for minute in (day / 60)..(day / 60 + 1_440) {
        if !(day / 60 + 120..day / 60 + 192).contains(&minute) {
            execute(app, &format!("INSERT INTO health_minutes (minute) VALUES ({minute})")).await;
        }
    }
}

on_both_engines!(
    a_known_day_is_rolled_up_once_and_published_without_small_counts,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut someone = Browser::new(&app);
        register_person(&mut someone, PERSON, "rehema@example.com", "0722 000 002").await;
        let account: String = sqlx::query_scalar("SELECT id FROM accounts WHERE id_number = $1")
            .bind(PERSON.0)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        let now = app.state.clock.now();
        let today = app::calendar::date_of(now);
        let day = app::calendar::start_of(today);
        seed(&app, &account, day).await;

        // Nothing is rolled up before the day is over.
        assert_eq!(rollup::roll_up_due(&app.state).await.unwrap(), 0);

        // The next morning two processes roll up at once: the day is counted once.
        let second = app.second_process().await;
        let morning = day + 86_400 + 3_600;
        assert!(app.state.clock.advance(morning - now));
        assert!(second.state.clock.advance(morning - second.state.clock.now()));
        let (one, other) = tokio::join!(rollup::roll_up_due(&app.state), rollup::roll_up_due(&second.state));
        assert_eq!(one.unwrap() + other.unwrap(), 1);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM daily_rollups").await, 1);
        assert_eq!(rollup::roll_up_due(&app.state).await.unwrap(), 0, "once");

        let page = app.get("/en/performance").await;
        assert_eq!(page.status, 200);
        let body = &page.body;
        let an_hour = app::figures::words::duration(app::i18n::Lang::En, domain::middle_of(domain::bucket_of(3_600)));
        for expected in [
            "Completion rate",
            "Renew a driving licence",
            "55.0%",          // 11 completed of 20 started
            "83.3%",          // 10 M-Pesa prompts paid of 12
            "fewer than 10",  // the inspections, the card payments
            "95.0%",          // 1,368 of 1,440 minutes
            an_hour.as_str(), // the median renewal
        ] {
            assert!(body.contains(expected), "{expected} missing: {body}");
        }
        assert!(!body.contains(">5<"), "a count under 10 is never shown: {body}");

        // Each table downloads as CSV with the same figures.
        let csv = app
            .get(&format!(
                "/performance.csv?figure=completion&from={today}&to={today}&lang=en"
            ))
            .await;
        assert_eq!(csv.status, 200);
        assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
        assert_eq!(
            csv.body,
            "Service,Started,Paid,Completed,Completed of those started\n\
             Book a vehicle inspection,fewer than 10,0,fewer than 10,fewer than 10\n\
             Renew a driving licence,20,12,11,55.0%\n"
        );
        let payments = app
            .get(&format!(
                "/performance.csv?figure=payments&from={today}&to={today}&lang=sw"
            ))
            .await;
        assert!(payments.body.contains("M-Pesa,12,10,83.3%"), "{}", payments.body);
        assert!(
            payments.body.contains("Kadi,chini ya 10,chini ya 10,chini ya 10"),
            "{}",
            payments.body
        );
        assert_eq!(app.get("/performance.csv?figure=nothing").await.status, 404);
        assert_eq!(
            app.get(&format!(
                "/performance.csv?figure=completion&from={today}&to=2999-01-01"
            ))
            .await
            .status,
            404
        );

        // In Kiswahili.
        let page = app.get("/sw/performance").await;
        assert!(
            page.body.contains("Utendaji wa huduma") && page.body.contains("chini ya 10"),
            "{}",
            page.body
        );
    }
);

on_both_engines!(
    a_range_that_cannot_be_shown_is_explained_and_kept,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let page = app
            .get("/en/performance?from-day=31&from-month=11&from-year=2026&to-day=1&to-month=1&to-year=2999")
            .await;
        assert_eq!(page.status, 200);
        let body = &page.body;
        assert!(body.contains("Enter the first day as a real date"), "{body}");
        assert!(body.contains("The last day must be yesterday or earlier"), "{body}");
        assert!(body.contains(r#"value="2999""#), "what was typed comes back: {body}");
        assert!(
            body.contains("href=\"#from\""),
            "the summary links to the field: {body}"
        );
    }
);

on_both_engines!(
    the_health_record_has_a_row_a_minute_however_many_processes_write,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let second = app.second_process().await;
        assert!(rollup::record_health(&app.state).await.unwrap());
        assert!(rollup::record_health(&second.state).await.unwrap());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM health_minutes").await, 1);
        assert!(app.state.clock.advance(60));
        assert!(rollup::record_health(&app.state).await.unwrap());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM health_minutes").await, 2);
    }
);
