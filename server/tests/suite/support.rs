//! The help desk through the real router on both databases: someone signed out opens a case, an agent answers, the
//! person replies through the link they were sent (and nobody else can), the agent closes it and the person says
//! whether it solved it; a signed-in person's case names one of their applications and stays under Messages; bad
//! input comes back next to its field; limits per address; only agents and supervisors reach the staff pages; what
//! a stranger types is never markup.

use crate::common;

use common::{
    browser::{errors, last_message, main, register_citizen, Browser, EMAIL, PHONE},
    staff::{e164, staff, SECOND, SECOND_EMAIL, SECOND_PHONE, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE},
};

const STRANGER: &str = "amina@example.com";
const QUESTION: &str = "My <script>alert(1)</script> payment went through twice, UR23456789?";

/// Someone signed out asks a question by email; the case page's address (with its link's secret).
async fn open_as_visitor(browser: &mut Browser<'_>, email: &str) -> String {
    let (location, _) = browser
        .submit(
            "/api/support/contact",
            &[
                ("topic", "payment"),
                ("name", "Amina Wekesa"),
                ("email", email),
                ("phone", ""),
                ("message", QUESTION),
            ],
        )
        .await;
    assert!(
        location.starts_with("/en/contact/SUP-") && location.contains("?t="),
        "{location}"
    );
    location
}

fn reference_of(location: &str) -> String {
    location
        .trim_start_matches("/en/contact/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

on_both_engines!(
    a_visitor_asks_an_agent_answers_and_the_visitor_replies_through_the_link,
    |app| {
        let mut visitor = Browser::new(&app);
        let location = open_as_visitor(&mut visitor, STRANGER).await;
        let reference = reference_of(&location);
        // The link is in the acknowledgement; the page shows what was typed as text, never as markup.
        let sent = last_message(&app, STRANGER).await;
        assert!(sent.contains(&reference) && sent.contains(&location), "{sent}");
        let page = Browser::new(&app).get(&location).await;
        assert_eq!(page.status, 200);
        assert!(
            main(&page.body).contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{}",
            main(&page.body)
        );
        assert!(!page.body.contains("<script>alert(1)"));
        // Without the secret, or with another, the case is not there.
        for wrong in [
            format!("/en/contact/{reference}"),
            format!("/en/contact/{reference}?t=00{}", &location[location.len() - 10..]),
        ] {
            assert_eq!(Browser::new(&app).get(&wrong).await.status, 404, "{wrong}");
        }

        let mut agent = staff(&app, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE, "support").await;
        let queue = agent.get("/en/staff/cases?topic=payment").await;
        assert!(main(&queue.body).contains(&reference));
        let answer = "We have found the second payment: it is being refunded to your phone.";
        let (at, _) = agent
            .submit(
                "/api/staff/case-reply",
                &[("reference", &reference), ("message", answer)],
            )
            .await;
        assert_eq!(at, format!("/en/staff/cases/{reference}"));
        let told = last_message(&app, STRANGER).await;
        assert!(told.contains(answer) && told.contains(&location), "{told}");
        // Answered: out of the queue until the person writes again.
        assert!(!main(&agent.get("/en/staff/cases").await.body).contains(&reference));
        let t = location.split("?t=").nth(1).unwrap();
        let (back, _) = visitor
            .submit(
                "/api/support/reply",
                &[("reference", &reference), ("t", t), ("message", "Thank you. When?")],
            )
            .await;
        assert_eq!(back, location);
        assert!(main(&agent.get("/en/staff/cases").await.body).contains(&reference));
        let (_, _) = agent
            .submit("/api/staff/case-close", &[("reference", &reference)])
            .await;
        assert!(last_message(&app, STRANGER)
            .await
            .contains("Did it solve your problem?"));
        // Closed: no more replies; one answer to the question.
        let (_, page) = visitor
            .follow(
                "/api/support/reply",
                &[("reference", &reference), ("t", t), ("message", "Hello?")],
            )
            .await;
        assert!(errors(&page.body)
            .iter()
            .any(|e| e.starts_with("This question is closed")));
        visitor
            .submit(
                "/api/support/solved",
                &[("reference", &reference), ("t", t), ("answer", "yes")],
            )
            .await;
        let (_, page) = visitor
            .follow(
                "/api/support/solved",
                &[("reference", &reference), ("t", t), ("answer", "no")],
            )
            .await;
        assert!(errors(&page.body)
            .iter()
            .any(|e| e.starts_with("You have already answered")));
        let (solved,): (i64,) = sqlx::query_as("SELECT solved FROM support_cases WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
        assert_eq!(solved, 1);
        let (audited,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM audit_log WHERE subject = $1 AND action IN ('case-reply', 'case-close')",
        )
        .bind(&reference)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
        assert_eq!(audited, 2);
    }
);

on_both_engines!(bad_input_comes_back_next_to_its_field, |app| {
    let mut visitor = Browser::new(&app);
    let typed = "x".repeat(2_001);
    let (location, page) = visitor
        .follow(
            "/api/support/contact",
            &[
                ("topic", "refunds"),
                ("name", ""),
                ("email", "amina@"),
                ("phone", "0712"),
                ("message", &typed),
            ],
        )
        .await;
    assert_eq!(location, "/en/contact");
    let said = errors(&page.body);
    for expected in [
        "Choose what your question is about",
        "Enter your name",
        "Enter an email address in the correct format",
        "Enter a Kenyan mobile number",
        "Your message is too long",
    ] {
        assert!(said.iter().any(|e| e.starts_with(expected)), "{expected} in {said:?}");
    }
    assert!(page.body.contains("value=\"amina@\"") && page.body.contains(&typed));
    let (_, page) = visitor
        .follow(
            "/api/support/contact",
            &[("topic", "other"), ("name", "Amina"), ("message", "Hello")],
        )
        .await;
    assert!(errors(&page.body)
        .iter()
        .any(|e| e.starts_with("Enter an email address or a mobile number")));
});

on_both_engines!(an_address_opens_five_cases_a_day, |app| {
    for n in 0..5 {
        let mut visitor = Browser::new(&app);
        open_as_visitor(&mut visitor, &format!("amina+{n}@example.com")).await;
    }
    // Five from one address; the sixth waits.
    let mut visitor = Browser::new(&app);
    for _ in 0..5 {
        let location = open_as_visitor(&mut Browser::new(&app), "same@example.com").await;
        assert!(location.contains("SUP-"));
    }
    let (_, page) = visitor
        .follow(
            "/api/support/contact",
            &[
                ("topic", "other"),
                ("name", "Amina"),
                ("email", "same@example.com"),
                ("message", "Again"),
            ],
        )
        .await;
    assert!(
        errors(&page.body)
            .iter()
            .any(|e| e.starts_with("You have sent many questions")),
        "{:?}",
        errors(&page.body)
    );
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_cases WHERE email = 'same@example.com'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(n, 5);
});

on_both_engines!(a_signed_in_case_names_an_application_and_stays_under_messages, |app| {
    let mut citizen = Browser::new(&app);
    register_citizen(&mut citizen, EMAIL, PHONE).await;
    let (at, _) = citizen
        .submit("/api/applications/start", &[("service", "dl-renewal")])
        .await;
    let id = at
        .trim_start_matches("/en/applications/")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    citizen
        .submit("/api/renewal/period", &[("id", &id), ("period", "1y")])
        .await;
    citizen
        .submit("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await;
    // Someone else's application (or one that does not exist) is refused.
    let (_, page) = citizen
        .follow(
            "/api/support/contact",
            &[
                ("topic", "application"),
                ("application", "0190a1b2c3d4e5f60718293a4b5c6d7e"),
                ("message", "Where is it?"),
            ],
        )
        .await;
    assert!(errors(&page.body)
        .iter()
        .any(|e| e.starts_with("Choose one of your applications")));
    let (location, _) = citizen
        .submit(
            "/api/support/contact",
            &[
                ("topic", "application"),
                ("application", &id),
                ("message", "Where is it?"),
            ],
        )
        .await;
    assert!(
        location.starts_with("/en/contact/SUP-") && !location.contains("?t="),
        "{location}"
    );
    let reference = reference_of(&location);
    let page = citizen.get(&location).await;
    assert!(main(&page.body).contains("Where is it?"));
    let messages = citizen.get("/en/messages").await;
    assert!(main(&messages.body).contains(&reference), "{}", main(&messages.body));
    assert!(last_message(&app, &e164(PHONE)).await.contains(&reference));
    // Signed out, the same address is not enough: the case needs the account or its link.
    assert_eq!(Browser::new(&app).get(&location).await.status, 404);
});

on_both_engines!(only_agents_and_supervisors_reach_the_cases, |app| {
    let mut visitor = Browser::new(&app);
    let location = open_as_visitor(&mut visitor, STRANGER).await;
    let reference = reference_of(&location);
    let officer = staff(&app, SECOND, SECOND_EMAIL, SECOND_PHONE, "officer").await;
    for mut browser in [officer, visitor] {
        for page in ["/en/staff/cases".to_string(), format!("/en/staff/cases/{reference}")] {
            assert_eq!(browser.get(&page).await.status, 404, "{page}");
        }
        for (post, form) in [
            (
                "/api/staff/case-reply",
                vec![("reference", reference.as_str()), ("message", "Hi")],
            ),
            ("/api/staff/case-close", vec![("reference", reference.as_str())]),
        ] {
            let (_, page) = browser.follow(post, &form).await;
            assert_eq!(page.status, 404, "{post}");
        }
    }
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM support_messages m JOIN support_cases c ON c.id = m.case_id WHERE c.reference = $1",
    )
    .bind(&reference)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(n, 1, "nothing was added");
    let mut supervisor = staff(&app, SUPPORT, SUPPORT_EMAIL, SUPPORT_PHONE, "supervisor").await;
    assert_eq!(
        supervisor.get(&format!("/en/staff/cases/{reference}")).await.status,
        200
    );
});
