//! The database layer: migrations, the demo registry, SQLite's durability settings.

use crate::common;

use sqlx::Row;

async fn count(app: &common::TestApp, table: &str) -> i64 {
    sqlx::query(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
        .get(0)
}

on_both_engines!(the_demo_registry_is_loaded, |app| {
    assert_eq!(count(&app, "register_people").await, 204, "200 and four learners");
    assert!(count(&app, "vehicles").await >= 150);
    assert!(count(&app, "driving_licences").await >= 100);
    assert_eq!(
        count(&app, "fees").await,
        22,
        "every published band and the provisional licence"
    );
    assert_eq!(count(&app, "access_fee_bands").await, 6);
    for table in ["organisations", "tims_accounts", "inspection_centres", "test_units"] {
        assert!(count(&app, table).await > 0, "{table}");
    }
    let row = sqlx::query("SELECT first_name, year_of_birth, born_on FROM register_people WHERE id_number = $1")
        .bind("28123456")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>(0), "Wanjiku");
    assert_eq!(row.get::<i64, _>(1), 1990);
    assert_eq!(
        row.get::<String, _>(2),
        "1990-02-27",
        "the register's full date of birth"
    );
});

on_both_engines!(every_fee_in_the_table_has_a_name_in_both_languages, |app| {
    let codes: Vec<String> = sqlx::query_scalar("SELECT service_code FROM fees")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    for lang in app::i18n::Lang::ALL {
        for code in &codes {
            let name = lang.t(&format!("service-{code}"));
            assert!(!name.contains("Unknown localization key"), "{code}: {name}");
        }
    }
});

on_both_engines!(loading_the_demo_registry_again_changes_nothing, |app| {
    assert_eq!(
        app::demo::load(&app.state.pool).await.unwrap(),
        0,
        "skipped: the files did not change"
    );
    sqlx::query("DELETE FROM demo_seeds")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        app::demo::load(&app.state.pool).await.unwrap(),
        0,
        "reloaded, but every row was there"
    );
    assert_eq!(count(&app, "register_people").await, 204);
});

on_both_engines!(
    no_demo_data_when_turned_off,
    |settings| { settings.demo_data = false },
    |app| {
        assert_eq!(count(&app, "register_people").await, 0);
        assert_eq!(count(&app, "fees").await, 0);
    }
);

on_both_engines!(foreign_keys_are_enforced, |app| {
    let orphan =
        sqlx::query("INSERT INTO driving_licences (holder_id_number, classes, expires_on) VALUES ($1, $2, $3)")
            .bind("99999999")
            .bind("B")
            .bind("2030-01-01")
            .execute(&app.state.pool)
            .await;
    assert!(orphan.is_err(), "a licence for a person not in the register");
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_runs_in_wal_mode_with_full_sync_and_a_busy_timeout() {
    let app = common::TestApp::start(common::Engine::Sqlite).await.unwrap();
    let mut conn = app.state.pool.acquire().await.unwrap();
    let pragma = |name: &'static str| format!("PRAGMA {name}");
    let journal: String = sqlx::query(&pragma("journal_mode"))
        .fetch_one(&mut *conn)
        .await
        .unwrap()
        .get(0);
    assert_eq!(journal, "wal");
    let synchronous: i64 = sqlx::query(&pragma("synchronous"))
        .fetch_one(&mut *conn)
        .await
        .unwrap()
        .get(0);
    assert_eq!(synchronous, 2, "FULL");
    let busy: i64 = sqlx::query(&pragma("busy_timeout"))
        .fetch_one(&mut *conn)
        .await
        .unwrap()
        .get(0);
    assert_eq!(busy, 5000);
    drop(conn);
    app.stop().await;
}
