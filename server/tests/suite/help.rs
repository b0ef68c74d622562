//! The help pages: the index and each page in both languages, a service's fee from the fee table, found by the
//! catalogue's search, linked from service pages and the 404 page; another agency's service has no help here.

use crate::common;

use common::browser::{main, Browser};

on_both_engines!(help_pages_answer_in_both_languages_and_are_found, |app| {
    let mut browser = Browser::new(&app);
    let index = browser.get("/en/help").await;
    assert_eq!(index.status, 200);
    for topic in [
        "Help: renewing a driving licence",
        "Help: paying and refunds",
        "Help: your account",
    ] {
        assert!(main(&index.body).contains(topic), "{topic}");
    }
    let renewal = browser.get("/en/help/dl-renewal").await;
    let body = main(&renewal.body);
    for heading in [
        "What you need before you start",
        "How long it takes",
        "The fee",
        "Why applications are refused",
        "What happens after you pay",
    ] {
        assert!(body.contains(heading), "{heading}");
    }
    assert!(body.contains("KES 600") && body.contains("Contact us"), "{body}");
    let swahili = browser.get("/sw/help/paying").await;
    assert!(main(&swahili.body).contains("Kurejeshewa pesa"));
    assert_eq!(browser.get("/en/help/passport").await.status, 404);
    // Found by the catalogue's search, whatever the language typed; linked from the service's page.
    let found = browser.get("/en/services?q=refund").await;
    assert!(
        main(&found.body).contains("href=\"/en/help/paying\""),
        "{}",
        main(&found.body)
    );
    let found = browser.get("/sw/services?q=kurejesha%20pesa").await;
    assert!(main(&found.body).contains("href=\"/sw/help/paying\""));
    let service = browser.get("/en/services/transfer").await;
    assert!(main(&service.body).contains("href=\"/en/help/transfer\""));
    let missing = browser.get("/en/no-such-page").await;
    assert!(main(&missing.body).contains("href=\"/en/contact\"") && main(&missing.body).contains("href=\"/en/help\""));
});
