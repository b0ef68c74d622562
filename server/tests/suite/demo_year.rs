//! The generated year (`uraia demo year`) on both databases, small: every application is written with its
//! timeline and payments, the 365 days roll up, and the rollups add up to what was written.

use crate::common;

use common::browser::count;

on_both_engines!(
    a_generated_year_rolls_up_to_what_was_written,
    |settings| {
        settings.test_mode = true;
    },
    |app| {
        let made = app::demo::year::generate(&app.state, 3_000).await.unwrap();
        assert_eq!(made, 3_000);
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM applications WHERE id LIKE 'gen-%'").await,
            3_000
        );
        assert_eq!(app::figures::rollup::roll_up_due(&app.state).await.unwrap(), 365);
        let sum = |name: &str| {
            format!("SELECT CAST(COALESCE(SUM(value), 0) AS BIGINT) FROM daily_figures WHERE figure = '{name}'")
        };
        let figure = |name: &'static str| {
            let (app, sql) = (&app, sum(name));
            async move { count(app, &sql).await }
        };
        assert_eq!(figure("started").await, 3_000);
        assert_eq!(figure("paid").await, count(&app, "SELECT COUNT(*) FROM payments").await);
        // Today is not over: its completions are counted tonight.
        let today = app::calendar::start_of(app::calendar::date_of(app.state.clock.now()));
        let completed = count(
            &app,
            &format!("SELECT COUNT(*) FROM application_events WHERE status = 'completed' AND at < {today}"),
        )
        .await;
        assert_eq!(figure("completed").await, completed);
        assert_eq!(figure("completion_time").await, completed);
        // About one in six M-Pesa prompts failed first; some applications were never paid.
        let failed = count(&app, "SELECT COUNT(*) FROM mpesa_requests WHERE status = 'failed'").await;
        assert!(failed > 100 && failed < 800, "{failed}");
        assert!(count(&app, "SELECT COUNT(*) FROM applications WHERE status = 'rejected'").await > 10);
        let page = app.get("/en/performance").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Renew a driving licence"), "{}", page.body);
    }
);
