//! Backups (issue 30): `uraia backup` taken while the server goes on writing, and `uraia restore` into a new
//! database that then serves the main journey: the person signs in with their password, their paid renewal is
//! there and its slip checks out. A restore never goes over data, and a damaged backup is refused.

use std::sync::{
    atomic::{AtomicI64, Ordering},
    Arc,
};

use crate::common;

use app::{
    applications::{
        domain::{ApplicationId, Payment},
        service::{mark_paid, Paid},
    },
    fees::domain::Shillings,
};
use common::browser::{main, sign_in_with_code, Browser, EMAIL, PASSWORD};
use common::payments::{awaiting_payment, scalar};

/// Wanjiku's renewal for a year, paid: its id and its slip's code.
async fn paid_renewal(app: &common::TestApp, browser: &mut Browser<'_>) -> (String, String) {
    let id = awaiting_payment(browser).await;
    let payment = Payment {
        method: "mpesa",
        receipt: "OEB44R5U3U".into(),
        amount: Shillings(620),
    };
    let paid = mark_paid(&app.state, &ApplicationId::parse(&id).unwrap(), &payment)
        .await
        .unwrap();
    assert_eq!(paid, Paid::Completed);
    let slip = scalar(app, "SELECT code FROM documents WHERE application_id = $1", &id).await;
    (id, slip)
}

on_both_engines!(
    a_backup_taken_while_serving_restores_into_a_database_that_serves,
    |app| {
        let mut browser = Browser::new(&app);
        let (id, slip) = paid_renewal(&app, &mut browser).await;

        // Writes go on while the backup runs; each is counted once its commit has answered.
        let acknowledged = Arc::new(AtomicI64::new(0));
        let writer = {
            let (pool, acknowledged) = (app.state.pool.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for minute in 0..i64::MAX {
                    if sqlx::query("INSERT INTO health_minutes (minute) VALUES ($1)")
                        .bind(minute)
                        .execute(&pool)
                        .await
                        .is_err()
                    {
                        break;
                    }
                    acknowledged.store(minute + 1, Ordering::SeqCst);
                }
            })
        };
        while acknowledged.load(Ordering::SeqCst) < 20 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let dir = std::env::temp_dir().join(format!("uraia-backup-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("uraia.backup");
        let before = acknowledged.load(Ordering::SeqCst);
        let said = server::backup::backup(&app.state.settings.database_url, &file)
            .await
            .unwrap();
        let after = acknowledged.load(Ordering::SeqCst);
        writer.abort();
        assert!(said.contains("1 applications") && said.contains("1 accounts"), "{said}");
        let again = server::backup::backup(&app.state.settings.database_url, &file).await;
        assert!(again.unwrap_err().to_string().contains("never overwrites"));

        let restored = app.restored(&file).await;
        let kept = common::browser::count(&restored, "SELECT COUNT(*) FROM health_minutes").await;
        assert!(
            (before..=after + 1).contains(&kept),
            "every write acknowledged before the backup began is in it: {before} <= {kept} <= {after}"
        );
        // The main journey on the restored database: the password, the SMS code (the code key came along in the
        // settings), the application and its slip.
        let mut browser = Browser::new(&restored);
        let landed = sign_in_with_code(&mut browser, EMAIL, PASSWORD, false).await;
        assert_eq!(landed, "/en/dashboard");
        let page = browser.get(&format!("/en/applications/{id}")).await;
        assert!(main(&page.body).contains("Completed"), "{}", main(&page.body));
        let page = browser.get(&format!("/en/verify/{slip}")).await;
        assert!(main(&page.body).contains("it is valid today"), "{}", main(&page.body));

        // Never over data: the restored database is not empty now.
        let over = server::backup::restore(&restored.state.settings.database_url, &file).await;
        assert!(over.is_err());
        restored.stop().await;

        // A damaged SQLite backup is refused before anything is put in place.
        if app.state.settings.database_url.starts_with("sqlite") {
            let mut bytes = std::fs::read(&file).unwrap();
            let middle = bytes.len() / 2;
            bytes[middle..middle + 4096].fill(0x5a);
            let damaged = dir.join("damaged.backup");
            std::fs::write(&damaged, bytes).unwrap();
            let target = dir.join("target.db");
            let refused = server::backup::restore(&format!("sqlite://{}", target.display()), &damaged).await;
            assert!(refused.is_err(), "a damaged backup is refused");
            assert!(!target.exists(), "nothing is put in place");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
);
