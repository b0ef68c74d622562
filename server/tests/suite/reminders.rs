//! Reminders before anything expires, on both databases: a licence 20 days from its end gets the 30-day reminder
//! once, even with two server processes sending at the same moment; nothing goes at night; a person who turned
//! the kind off gets none; a SACCO's people are reminded of their fleet's inspection.

use crate::common;

use app::reminders::{db as reminders, service};
use common::browser::{count, register_director, register_person, Browser};

const REHEMA: (&str, &str, &str) = ("7974916", "Rehema", "1983");

/// Moves the app's clock to the next `hour`:00 in Nairobi.
fn at_hour(app: &common::TestApp, hour: i64) {
    let now = app.state.clock.now();
    let midnight = app::calendar::start_of(app::calendar::date_of(now));
    let mut target = midnight + hour * 3_600;
    if target <= now {
        target += 86_400;
    }
    assert!(app.state.clock.advance(target - now));
}

/// `days` from the app's today, as the register writes dates.
fn in_days(app: &common::TestApp, days: i32) -> String {
    let today = app::calendar::date_of(app.state.clock.now());
    app::calendar::add_days(today, days).unwrap().to_string()
}

/// The boxes ticked in the account page's reminders form.
fn ticked_boxes(page: &str) -> usize {
    let (_, form) = page.split_once("Remind me before these expire").unwrap();
    let (form, _) = form.split_once("</fieldset>").unwrap();
    form.matches("checked").count()
}

async fn execute(app: &common::TestApp, sql: &str) {
    sqlx::query(sql).execute(&app.state.pool).await.unwrap();
}

on_both_engines!(
    a_reminder_goes_once_by_day_and_not_to_who_turned_it_off,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut rehema = Browser::new(&app);
        register_person(&mut rehema, REHEMA, "rehema@example.com", "0722 000 002").await;
        let second = app.second_process().await;

        // The account page has a box for each kind, all ticked; unticking one turns that kind off.
        let page = rehema.get("/en/account").await;
        assert!(page.body.contains("Remind me before these expire"), "{}", page.body);
        assert_eq!(ticked_boxes(&page.body), 4);
        let ticked = [
            ("on[]", "driving_licence"),
            ("on[]", "inspection"),
            ("on[]", "psv_licence"),
        ];
        let (at, page) = rehema.follow("/api/reminders/save", &ticked).await;
        assert_eq!(at, "/en/account");
        assert!(page.body.contains("Your reminders are saved"));
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM reminders_off WHERE kind = 'psv_badge'").await,
            1
        );
        assert_eq!(ticked_boxes(&rehema.get("/en/account").await.body), 3);

        // At night nothing goes, however due.
        at_hour(&app, 22);
        execute(
            &app,
            &format!(
                "UPDATE driving_licences SET expires_on = '{}' WHERE holder_id_number = '{}'",
                in_days(&app, 20),
                REHEMA.0
            ),
        )
        .await;
        assert_eq!(service::send_due(&app.state).await.unwrap(), 0);

        // In the morning two processes send at once: one reminder, the 30-day one, in one SMS and one email.
        at_hour(&app, 9);
        let offset = app.state.clock.now() - second.state.clock.now();
        assert!(second.state.clock.advance(offset));
        let (one, other) = tokio::join!(service::send_due(&app.state), service::send_due(&second.state));
        assert_eq!(one.unwrap() + other.unwrap(), 1);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM reminders_sent WHERE kind = 'driving_licence' AND lead_days = 30"
            )
            .await,
            1
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM outbox WHERE body LIKE '%your driving licence expires on%'"
            )
            .await,
            2
        );
        assert_eq!(service::send_due(&app.state).await.unwrap(), 0, "sent once");

        // Turned off: the 7-day reminder does not go.
        let account: String = sqlx::query_scalar("SELECT id FROM accounts WHERE id_number = $1")
            .bind(REHEMA.0)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        reminders::turn_off(&app.state.pool, &account, "driving_licence", app.state.clock.now())
            .await
            .unwrap();
        assert!(app.state.clock.advance(14 * 86_400));
        assert_eq!(service::send_due(&app.state).await.unwrap(), 0);
        reminders::turn_on(&app.state.pool, &account, "driving_licence")
            .await
            .unwrap();
        assert_eq!(
            service::send_due(&app.state).await.unwrap(),
            1,
            "the 7-day reminder, once on again"
        );
    }
);

on_both_engines!(
    a_saccos_people_are_reminded_of_its_fleet,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let mut grace = Browser::new(&app);
        register_director(
            &mut grace,
            ("P052468013M", "Chairperson"),
            ("21892773", "Grace", "1974"),
            "grace@example.com",
            "0733 100 201",
        )
        .await;
        at_hour(&app, 10);
        // Only this vehicle is due: the rest of the demo fleet is moved out of every window.
        execute(
            &app,
            "UPDATE vehicles SET inspection_due_on = NULL, psv_licence_expires_on = NULL",
        )
        .await;
        execute(&app, "UPDATE driving_licences SET expires_on = '2020-01-01'").await;
        execute(&app, "UPDATE psv_badges SET expires_on = '2020-01-01'").await;
        execute(
            &app,
            &format!(
                "UPDATE vehicles SET inspection_due_on = '{}' WHERE plate = 'KDE 789C'",
                in_days(&app, 60)
            ),
        )
        .await;
        assert_eq!(service::send_due(&app.state).await.unwrap(), 1);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM outbox WHERE body LIKE '%inspection certificate of KDE 789C runs out%'"
            )
            .await,
            2
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM reminders_sent WHERE kind = 'inspection' AND lead_days = 90"
            )
            .await,
            1
        );
    }
);
