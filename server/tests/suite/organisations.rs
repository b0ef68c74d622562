//! Organisations acting through their people, through the real router on both databases: a SACCO's director adds
//! a person by ID number (each mistake named, what was typed kept; the register, the account and an invitation
//! already waiting checked), the person accepts with a code sent to their phone and then sees the SACCO's fleet
//! and applies for its vehicle, the application names the organisation and the person, the director removes them,
//! the last person stays; anyone not one of its people gets the 404 page for its pages and forms; every change is
//! in the audit log.

use crate::common;

use common::browser::{code_in, count, errors, last_message, main, register_director, register_person, Browser};

const SACCO: &str = "P052468013M";
/// Super Metro Sacco's director on the KRA register.
const GRACE: (&str, &str, &str) = ("21892773", "Grace", "1974");
/// A conductor with a Uraia account, and a person on the register without one.
const JUMA: (&str, &str, &str) = ("15775450", "Juma", "1990");
const RUTH: &str = "34842557";

fn invite<'a>(id: &'a str, first: &'a str, role: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("organisation", SACCO),
        ("id_number", id),
        ("first_name", first),
        ("role", role),
    ]
}

async fn audited(app: &common::TestApp, action: &str) -> i64 {
    count(
        app,
        &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject = '{SACCO}'"),
    )
    .await
}

/// Grace, the SACCO's director, and Juma, a citizen who does not act for it yet, both signed in.
async fn director_and_juma(app: &common::TestApp) -> (Browser<'_>, Browser<'_>) {
    let mut grace = Browser::new(app);
    register_director(
        &mut grace,
        (SACCO, "Chairperson"),
        GRACE,
        "grace@example.com",
        "0733 100 201",
    )
    .await;
    let mut juma = Browser::new(app);
    register_person(&mut juma, JUMA, "juma@example.com", "0722 100 202").await;
    (grace, juma)
}

on_both_engines!(
    a_director_adds_a_person_who_accepts_with_a_code_and_acts_for_the_sacco,
    |app| {
        let (mut grace, mut juma) = director_and_juma(&app).await;
        let page_path = format!("/en/organisations/{SACCO}");

        // The director finds the SACCO from the dashboard; Juma does not act for it: its page and forms are 404.
        let dashboard = grace.get("/en/dashboard").await;
        assert!(
            main(&dashboard.body).contains(&format!("href=\"{page_path}\"")),
            "{}",
            main(&dashboard.body)
        );
        assert_eq!(juma.get(&page_path).await.status, 404);
        let (at, _) = juma
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Conductor"))
            .await;
        assert_eq!(at, "/en/not-found");
        assert_eq!(juma.get(&format!("{page_path}/join")).await.status, 404);

        // Every mistake at once, what was typed kept.
        let (at, page) = grace
            .follow("/api/organisations/invite", &invite("1577x", "", ""))
            .await;
        assert_eq!(at, page_path);
        assert_eq!(
            errors(&page.body),
            [
                "Enter their ID number in digits only, at most 14",
                "Enter their first name",
                "Enter their role in the organisation"
            ]
        );
        assert!(main(&page.body).contains(r#"value="1577x""#));
        // The register's name, oneself, a person without an account.
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Peter", "Conductor"))
            .await;
        assert_eq!(
        errors(&page.body),
        ["The ID number and first name do not match the national register. Check them against the person's ID card"]
    );
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(GRACE.0, "Grace", "Conductor"))
            .await;
        assert_eq!(
            errors(&page.body),
            ["You already act for this organisation. Enter the ID number of the person to add"]
        );
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(RUTH, "ruth", "Conductor"))
            .await;
        assert_eq!(
            errors(&page.body),
            ["Ruth has no Uraia account yet. Ask them to create one, then add them again"]
        );

        // Juma, once: the invitation waits, and he is told.
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "juma", "Fleet  manager"))
            .await;
        assert!(
            main(&page.body).contains("The invitation is sent."),
            "{}",
            main(&page.body)
        );
        assert!(main(&page.body).contains("Invitations waiting"));
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Fleet manager"))
            .await;
        assert_eq!(
            errors(&page.body),
            ["An invitation to Juma is already waiting. Withdraw it first to send a new one"]
        );
        assert!(last_message(&app, "juma@example.com")
            .await
            .contains("Grace invites you to act for Super Metro Sacco"));
        assert_eq!(audited(&app, "organisation.invite").await, 1);

        // Someone else cannot open Juma's invitation.
        let mut wanjiku = Browser::new(&app);
        register_person(
            &mut wanjiku,
            ("28123456", "Wanjiku", "1990"),
            "wanjiku@example.com",
            "0712 345 678",
        )
        .await;
        assert_eq!(wanjiku.get(&format!("{page_path}/join")).await.status, 404);
        let (at, _) = wanjiku
            .follow("/api/organisations/code", &[("organisation", SACCO)])
            .await;
        assert_eq!(at, "/en/not-found");

        // Juma accepts from his dashboard with the code sent to his phone; a wrong code first.
        let dashboard = juma.get("/en/dashboard").await;
        assert!(main(&dashboard.body).contains("Grace Wanjiru invites you to act for Super Metro Sacco"));
        let (at, page) = juma.follow("/api/organisations/code", &[("organisation", SACCO)]).await;
        assert_eq!(at, format!("{page_path}/join?code=sent"));
        assert!(main(&page.body).contains("We sent a code to"));
        let code = code_in(&last_message(&app, "+254722100202").await);
        let wrong = if code == "000000" { "111111" } else { "000000" };
        let (_, page) = juma
            .follow("/api/organisations/accept", &[("organisation", SACCO), ("code", wrong)])
            .await;
        assert_eq!(errors(&page.body).len(), 1, "{}", main(&page.body));
        let (at, page) = juma
            .follow("/api/organisations/accept", &[("organisation", SACCO), ("code", &code)])
            .await;
        assert_eq!(at, page_path);
        assert!(main(&page.body).contains("You now act for this organisation."));
        assert!(main(&page.body).contains("Fleet manager"));
        assert!(main(&page.body).contains("(added by Grace Wanjiru)"));
        assert!(last_message(&app, "grace@example.com")
            .await
            .contains("Juma accepted your invitation"));
        assert_eq!(audited(&app, "organisation.join").await, 1);
        assert_eq!(juma.get(&format!("{page_path}/join")).await.status, 404);

        // The SACCO's matatu is among Juma's vehicles now; an inspection of it is made for the SACCO.
        let dashboard = juma.get("/en/dashboard").await;
        assert!(main(&dashboard.body).contains("KDE 789C"));
        assert!(main(&dashboard.body).contains("Super Metro Sacco"));
        let (at, _) = juma
            .follow("/api/applications/start", &[("service", "inspection")])
            .await;
        let id = at
            .trim_start_matches("/en/applications/")
            .trim_end_matches("/vehicle")
            .to_string();
        let (_, page) = juma
            .follow("/api/inspection/vehicle", &[("id", &id), ("plate", "KDE 789C")])
            .await;
        assert!(errors(&page.body).is_empty(), "{:?}", errors(&page.body));
        let made_for: Option<String> =
            sqlx::query_scalar("SELECT organisation_kra_pin FROM applications WHERE id = $1")
                .bind(&id)
                .fetch_one(&app.state.pool)
                .await
                .unwrap();
        assert_eq!(made_for.as_deref(), Some(SACCO));
        let page = grace.get(&page_path).await;
        let body = main(&page.body);
        assert!(body.contains("Applications made for this organisation"), "{body}");
        assert!(body.contains("Book a vehicle inspection"), "{body}");
        assert!(body.contains("Juma Juma Mwangi"), "{body}");

        // The director removes Juma: he is told, and the SACCO's pages and vehicles are gone for him.
        let juma_account: String = sqlx::query_scalar("SELECT id FROM accounts WHERE id_number = $1")
            .bind(JUMA.0)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        let (at, page) = grace
            .follow(
                "/api/organisations/remove",
                &[("organisation", SACCO), ("account", &juma_account)],
            )
            .await;
        assert_eq!(at, page_path);
        assert!(main(&page.body).contains("The person is removed."));
        assert!(last_message(&app, "juma@example.com")
            .await
            .contains("removed you from the authorised people"));
        assert_eq!(audited(&app, "organisation.remove").await, 1);
        assert_eq!(juma.get(&page_path).await.status, 404);
        assert!(!main(&juma.get("/en/dashboard").await.body).contains("KDE 789C"));

        // The last person stays: removing herself is refused with the reason.
        let grace_account: String = sqlx::query_scalar("SELECT id FROM accounts WHERE id_number = $1")
            .bind(GRACE.0)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        let (_, page) = grace
            .follow(
                "/api/organisations/remove",
                &[("organisation", SACCO), ("account", &grace_account)],
            )
            .await;
        assert_eq!(
            errors(&page.body),
            ["You are the only authorised person. Add another person before you stop acting for this organisation"]
        );
    }
);

on_both_engines!(
    an_invitation_is_withdrawn_or_declined_and_then_cannot_be_accepted,
    |app| {
        let (mut grace, mut juma) = director_and_juma(&app).await;
        let page_path = format!("/en/organisations/{SACCO}");

        // Withdrawn while Juma holds a code: the code no longer joins him.
        grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Driver"))
            .await;
        juma.follow("/api/organisations/code", &[("organisation", SACCO)]).await;
        let code = code_in(&last_message(&app, "+254722100202").await);
        let (_, page) = grace
            .follow(
                "/api/organisations/withdraw",
                &[("organisation", SACCO), ("id_number", JUMA.0)],
            )
            .await;
        assert!(main(&page.body).contains("The invitation is withdrawn."));
        let (at, _) = juma
            .follow("/api/organisations/accept", &[("organisation", SACCO), ("code", &code)])
            .await;
        assert_eq!(at, "/en/not-found");
        assert_eq!(juma.get(&page_path).await.status, 404);
        assert_eq!(audited(&app, "organisation.withdraw").await, 1);

        // Invited again and declined: the director is told, and nothing changed.
        grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Driver"))
            .await;
        let (at, page) = juma
            .follow("/api/organisations/decline", &[("organisation", SACCO)])
            .await;
        assert_eq!(at, "/en/dashboard");
        assert!(main(&page.body).contains("You declined the invitation."));
        assert!(last_message(&app, "grace@example.com")
            .await
            .contains("Juma declined your invitation"));
        assert_eq!(juma.get(&page_path).await.status, 404);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM account_organisations WHERE kra_pin = '{SACCO}'")
            )
            .await,
            1
        );

        // An invitation past its fortnight cannot be opened, and a new one may be sent.
        grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Driver"))
            .await;
        sqlx::query("UPDATE organisation_invitations SET expires_at = $1")
            .bind(app.state.clock.now())
            .execute(&app.state.pool)
            .await
            .unwrap();
        assert_eq!(juma.get(&format!("{page_path}/join")).await.status, 404);
        let (_, page) = grace
            .follow("/api/organisations/invite", &invite(JUMA.0, "Juma", "Driver"))
            .await;
        assert!(
            main(&page.body).contains("The invitation is sent."),
            "{:?}",
            errors(&page.body)
        );
    }
);
