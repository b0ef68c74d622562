//! What officers review and how applicants put a rejection right, on both engines: a paid transfer whose offer
//! could not be made goes to the officers' queue (an offered one waits for the buyer and is not there); rejected,
//! the seller corrects it and sends it again without paying twice; staff download an application's files, each
//! download in the audit log; an officer at a centre sees that centre's queue.

use crate::common;

use app::{
    applications::domain::{ApplicationId, Payment},
    fees::domain::Shillings,
    staff::{
        domain::Shown,
        service::{self as staff_service, QueueFilter},
    },
};
use common::{
    browser::{count, errors, main, register_person, Browser},
    staff::{member, staff, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, SECOND, SECOND_EMAIL, SECOND_PHONE},
    transfer::{note_caveat, seller_and_buyer, submitted, upload_logbook, PDF, REHEMA, WANJIKU},
};

/// Lucy's transfer of KCM 753W to Rehema, submitted (not paid); its id.
async fn submitted_transfer(lucy: &mut Browser<'_>) -> String {
    submitted(lucy, "KCM 753W", REHEMA).await
}

/// The invoice's total (the fee table as gazetted in this database).
async fn total(app: &common::TestApp, id: &str) -> i64 {
    sqlx::query_scalar("SELECT fee_kes + access_fee_kes FROM applications WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

async fn pay(app: &common::TestApp, id: &str, receipt: &str) {
    let payment = Payment {
        method: "counter",
        receipt: receipt.into(),
        amount: Shillings(total(app, id).await),
    };
    let paid = app::applications::service::mark_paid(&app.state, &ApplicationId::parse(id).unwrap(), &payment)
        .await
        .unwrap();
    assert_eq!(paid, app::applications::service::Paid::InReview);
}

async fn row(app: &common::TestApp, id: &str) -> (String, i64) {
    sqlx::query_as("SELECT status, waiting_for FROM applications WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

on_both_engines!(
    a_transfer_whose_offer_failed_is_rejected_corrected_and_sent_again_without_paying,
    |app| {
        let (mut lucy, mut rehema) = seller_and_buyer(&app).await;
        let mut wanjiku = Browser::new(&app);
        register_person(&mut wanjiku, WANJIKU, "wanjiku@example.com", "0733 000 003").await;
        let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;

        // A caveat noted between submission and payment: the offer cannot be made, so an officer has it.
        let id = submitted_transfer(&mut lucy).await;
        note_caveat(&app, "KCM 753W").await;
        pay(&app, &id, "RFAILED001").await;
        assert_eq!(row(&app, &id).await, ("in_review".into(), 0));
        let queue = officer.get("/en/staff").await;
        assert!(
            main(&queue.body).contains(&format!("/en/staff/applications/{id}")),
            "{}",
            main(&queue.body)
        );

        // Rejected with a reason; the seller reads it and may correct the application.
        officer.follow("/api/staff/claim", &[("id", &id)]).await;
        // Only the buyer's acceptance changes the owner: an officer cannot approve a transfer.
        let (_, page) = officer.follow("/api/staff/approve", &[("id", &id)]).await;
        assert_eq!(
        errors(&page.body),
        ["An officer cannot approve this service: it is completed by the other party. Reject it with a reason, or \
          ask the applicant a question."]
    );
        assert!(!main(&page.body).contains(">Approve<"), "{}", main(&page.body));
        assert_eq!(row(&app, &id).await.0, "in_review");
        officer
            .follow(
                "/api/staff/reject",
                &[
                    ("id", &id),
                    ("reason", "particulars"),
                    ("note", "A caveat is recorded on KCM 753W."),
                ],
            )
            .await;
        assert_eq!(row(&app, &id).await.0, "rejected");
        let page = lucy.get(&format!("/en/applications/{id}")).await;
        let html = main(&page.body);
        assert!(
            html.contains("A caveat is recorded on KCM 753W.") && html.contains("Correct and send again"),
            "{html}"
        );
        // Nobody else can reopen it: the buyer gets the 404.
        let (at, _) = rehema.submit("/api/applications/reopen", &[("id", &id)]).await;
        assert!(at.ends_with("/not-found"), "{at}");
        assert_eq!(row(&app, &id).await.0, "rejected");

        // The caveat is lifted; Lucy reopens it: the check page says it is paid for.
        sqlx::query("DELETE FROM vehicle_caveats WHERE plate = 'KCM 753W'")
            .execute(&app.state.pool)
            .await
            .unwrap();
        let (at, page) = lucy.follow("/api/applications/reopen", &[("id", &id)]).await;
        assert!(at.ends_with(&format!("/applications/{id}/check")), "{at}");
        assert!(
            main(&page.body).contains("Sending it again costs nothing"),
            "{}",
            main(&page.body)
        );
        let paid = app::fees::domain::format_kes(total(&app, &id).await);
        assert!(main(&page.body).contains(&paid), "{}", main(&page.body));
        // Paid for, it is not a draft to delete: its payment and receipt stay.
        lucy.follow("/api/applications/delete", &[("id", &id)]).await;
        assert_eq!(row(&app, &id).await.0, "draft");
        assert!(!main(&lucy.get("/en/dashboard").await.body).contains("Delete draft"));

        // A correction that changes the fee is refused with what to do; what was answered stays.
        lucy.follow("/api/transfer/vehicle", &[("id", &id), ("plate", "KAZ 388M")])
            .await;
        upload_logbook(&mut lucy, &id).await;
        let (_, page) = lucy
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert_eq!(
        errors(&page.body),
        ["Your correction changes the fee, so it needs a new application. Change that answer back, or start a new \
          application"]
    );
        assert_eq!(row(&app, &id).await.0, "draft");

        // Corrected (the first vehicle again, another buyer) and sent: offered to Wanjiku, no second payment.
        lucy.follow("/api/transfer/vehicle", &[("id", &id), ("plate", "KCM 753W")])
            .await;
        upload_logbook(&mut lucy, &id).await;
        lucy.follow(
            "/api/transfer/buyer",
            &[("id", &id), ("id_number", WANJIKU.0), ("first_name", "Wanjiku")],
        )
        .await;
        let (at, page) = lucy
            .follow("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
            .await;
        assert!(
            at.ends_with(&format!("/applications/{id}")),
            "{at} {}",
            main(&page.body)
        );
        assert_eq!(row(&app, &id).await, ("in_review".into(), 2));
        let html = main(&page.body);
        let (rejected, waiting) = (
            html.find("Rejected").unwrap(),
            html.rfind("Waiting for the buyer").unwrap(),
        );
        assert!(
            rejected < waiting,
            "the timeline keeps the rejection and then the new review: {html}"
        );
        let payments = format!("SELECT COUNT(*) FROM payments WHERE application_id = '{id}'");
        assert_eq!(count(&app, &payments).await, 1);
        let offered = format!(
            "SELECT COUNT(*) FROM vehicle_transfers WHERE application_id = '{id}' AND buyer_id_number = '{}'",
            WANJIKU.0
        );
        assert_eq!(count(&app, &offered).await, 1);
        // Waiting for the buyer, it is not the officers' to claim.
        let queue = officer.get("/en/staff").await;
        assert!(!main(&queue.body).contains(&id), "{}", main(&queue.body));
        let (_, page) = officer.follow("/api/staff/claim", &[("id", &id)]).await;
        assert!(
            main(&page.body).contains("waits for the other party"),
            "{}",
            main(&page.body)
        );
        // Sent once: a second click finds it sent, and it cannot be reopened while in review.
        let (at, _) = lucy.follow("/api/applications/reopen", &[("id", &id)]).await;
        assert!(at.ends_with(&format!("/applications/{id}")), "{at}");
        assert_eq!(row(&app, &id).await, ("in_review".into(), 2));
    }
);

on_both_engines!(
    staff_download_an_applications_files_and_each_download_is_recorded,
    |app| {
        let (mut lucy, mut rehema) = seller_and_buyer(&app).await;
        let id = submitted_transfer(&mut lucy).await;
        pay(&app, &id, "RFILES0001").await;
        let logbook = format!("/staff/applications/{id}/files/logbook");
        let photo = format!("/staff/applications/{id}/files/photo");

        // A visitor, the seller and the buyer: the ordinary 404 (the seller has /logbooks/ for their own).
        let mut visitor = Browser::new(&app);
        for browser in [&mut visitor, &mut lucy, &mut rehema] {
            assert_eq!(browser.get(&logbook).await.status, 404);
        }
        let mut officer = staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
        let page = officer.get(&format!("/en/staff/applications/{id}")).await;
        assert!(main(&page.body).contains(&logbook), "{}", main(&page.body));
        let file = officer.get(&logbook).await;
        assert_eq!(file.status, 200);
        assert_eq!(file.bytes, PDF);
        assert_eq!(file.header("content-type"), "application/pdf");
        assert_eq!(
            file.header("content-disposition"),
            "attachment; filename=\"logbook.pdf\""
        );
        assert_eq!(file.header("cache-control"), "no-store");
        // No photo on file, no such file: 404, and nothing recorded for it.
        assert_eq!(officer.get(&photo).await.status, 404);
        assert_eq!(
            officer
                .get(&format!("/staff/applications/{id}/files/secret"))
                .await
                .status,
            404
        );
        let recorded: Vec<(String, String, String)> =
            sqlx::query_as("SELECT actor_email, subject, after FROM audit_log WHERE action = 'file-download'")
                .fetch_all(&app.state.pool)
                .await
                .unwrap();
        assert_eq!(
            recorded,
            [(OFFICER_EMAIL.to_string(), id.clone(), "logbook".to_string())]
        );
    }
);

on_both_engines!(
    an_officer_at_a_centre_sees_its_queue_and_a_supervisor_filters_by_centre,
    |app| {
        let (mut lucy, _rehema) = seller_and_buyer(&app).await;
        let id = submitted_transfer(&mut lucy).await;
        note_caveat(&app, "KCM 753W").await;
        pay(&app, &id, "RCENTRE001").await;
        staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
        staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "supervisor").await;
        let (mut officer, supervisor) = (member(&app, OFFICER_EMAIL).await, member(&app, SECOND_EMAIL).await);
        let shown = |centre: Option<&str>| QueueFilter {
            service: None,
            shown: Shown::InReview,
            centre: centre.map(str::to_string),
            older_than_days: 0,
            page: 0,
        };
        let ids = |queue: staff_service::Queue| queue.rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        let queue = |staff, centre| {
            let state = app.state.clone();
            let filter = shown(centre);
            async move { ids(staff_service::queue(&state, &staff, &filter).await.unwrap()) }
        };
        // Of no centre: every officer's, and in a supervisor's unfiltered queue only.
        officer.centre = Some("IC-LKR".into());
        assert_eq!(queue(officer.clone(), None).await, vec![id.clone()]);
        assert_eq!(queue(supervisor.clone(), None).await, vec![id.clone()]);
        assert!(queue(supervisor.clone(), Some("IC-LKR")).await.is_empty());
        // At a centre: that centre's officer and filter see it; another centre's officer does not.
        sqlx::query("UPDATE applications SET centre = 'IC-LKR' WHERE id = $1")
            .bind(&id)
            .execute(&app.state.pool)
            .await
            .unwrap();
        assert_eq!(queue(officer.clone(), None).await, vec![id.clone()]);
        assert_eq!(queue(supervisor.clone(), Some("IC-LKR")).await, vec![id.clone()]);
        officer.centre = Some("IC-MSA".into());
        assert!(queue(officer.clone(), Some("IC-LKR")).await.is_empty());
        // Nor can they open it by its address; its own centre's officer can.
        let opened = staff_service::application(&app.state, &officer, &id).await.unwrap();
        assert!(opened.is_none());
        officer.centre = Some("IC-LKR".into());
        let opened = staff_service::application(&app.state, &officer, &id).await.unwrap();
        assert_eq!(opened.map(|a| a.centre), Some(Some("IC-LKR".to_string())));
    }
);

on_both_engines!(
    a_rejected_registration_is_corrected_and_claims_what_it_says_now,
    |app| {
        use app::{
            applications::{
                domain::Decision,
                service::{self as applications, Reopened, Submitted},
            },
            services::vehicle_registration::{domain::IdentityForm, service as registration},
            staff::decisions,
        };
        let mut wanjiku = Browser::new(&app);
        common::browser::register_citizen(&mut wanjiku, common::browser::EMAIL, common::browser::PHONE).await;
        let who = common::browser::signed_in(&app, common::browser::EMAIL).await;
        let id = common::registration::paid_registration(&app, &who, "1HGCM82633A004352", "24MSAIM4012345").await;
        staff(&app, OFFICER, OFFICER_EMAIL, OFFICER_PHONE, "officer").await;
        let officer = member(&app, OFFICER_EMAIL).await;
        let application = || async { applications::owned(&app.state, &who, id.as_str()).await.unwrap() };
        // Not rejected yet: nothing to reopen.
        assert_eq!(
            applications::reopen(&app.state, &who, &application().await)
                .await
                .unwrap(),
            Reopened::NotAllowed
        );
        decisions::claim(&app.state, &officer, "test", &application().await)
            .await
            .unwrap();
        let reject = Decision::Reject {
            reason: "applications-reason-particulars\nThe chassis number is mistyped.".into(),
        };
        decisions::decide(&app.state, &officer, "test", &application().await, &reject)
            .await
            .unwrap();
        assert_eq!(
            applications::reopen(&app.state, &who, &application().await)
                .await
                .unwrap(),
            Reopened::Reopened
        );
        assert!(application().await.correcting());
        let identity = IdentityForm {
            chassis_number: "JTDBR32E820054321".into(),
            engine_number: "PF-123456".into(),
            engine_cc: "800".into(),
            customs_entry: "24MSAIM4012345".into(),
        };
        registration::save_identity(&app.state, &who, &application().await, &identity)
            .await
            .unwrap();
        let corrected = application().await;
        let fee = common::registration::fee_of(&app.state, &who, &corrected).await;
        assert_eq!(
            applications::resubmit(&app.state, &who, &corrected, fee).await.unwrap(),
            Submitted::Again
        );
        assert_eq!(row(&app, id.as_str()).await, ("in_review".into(), 0));
        let claimed: Vec<(String,)> =
            sqlx::query_as("SELECT chassis_number FROM vehicle_registrations WHERE application_id = $1")
                .bind(id.as_str())
                .fetch_all(&app.state.pool)
                .await
                .unwrap();
        assert_eq!(claimed, [("JTDBR32E820054321".to_string(),)]);
        let payments = format!("SELECT COUNT(*) FROM payments WHERE application_id = '{}'", id.as_str());
        assert_eq!(count(&app, &payments).await, 1);
        // The new review is the officer's again, with no decision on it yet.
        let now = application().await;
        assert_eq!((now.decision_reason, now.decided_by), (None, None));
        // A stale copy (sent twice, two tabs) changes nothing.
        assert_eq!(
            applications::resubmit(&app.state, &who, &corrected, fee).await.unwrap(),
            Submitted::Already
        );
    }
);
