//! The catalogue through the real router on both databases: every fee in the fee table is offered by a service
//! (the smart licence's by three: renewal, first licence and replacement), and every page offering it states the
//! fee, the access fee and their total; unknown services are 404; search works as a
//! plain GET.

use crate::common;

use app::{
    catalogue::domain::{Availability, SERVICES},
    fees::{db, domain::format_kes},
};
use common::browser::main;

on_both_engines!(every_fee_is_on_its_services_page_with_the_total, |app| {
    let schedule = db::schedule(&app.state.pool).await.unwrap();
    assert!(!schedule.fees.is_empty());
    for fee in &schedule.fees {
        let offering: Vec<_> = SERVICES
            .iter()
            .filter(|s| s.fee_codes.contains(&fee.service_code.as_str()))
            .collect();
        let shared = if fee.service_code == "smart-dl" { 3 } else { 1 };
        assert_eq!(offering.len(), shared, "{} is offered by {shared}", fee.service_code);
        let quote = schedule.quote(&fee.service_code).unwrap();
        assert_eq!(quote.total_kes, quote.fee_kes + schedule.access_fee(quote.fee_kes));
        let row = format!(
            "{}</td><td class=\"table__cell table__cell--numeric\">{}</td><td class=\"table__cell table__cell--numeric\">{}",
            format_kes(quote.fee_kes),
            format_kes(quote.access_fee_kes),
            format_kes(quote.total_kes)
        );
        for service in offering {
            let page = app.get(&format!("/en/services/{}", service.code)).await;
            assert_eq!(page.status, 200);
            assert!(
                page.body.contains(&row),
                "{} on {}: {row}",
                fee.service_code,
                service.code
            );
        }
    }
});

on_both_engines!(unknown_and_elsewhere_services_have_no_page, |app| {
    assert_eq!(app.get("/en/services/no-such-service").await.status, 404);
    let elsewhere = SERVICES
        .iter()
        .find(|s| s.availability == Availability::Elsewhere)
        .unwrap();
    assert_eq!(app.get(&format!("/sw/services/{}", elsewhere.code)).await.status, 404);
});

on_both_engines!(search_is_a_get_and_says_when_nothing_matches, |app| {
    let page = app.get("/en/services?q=license").await;
    assert_eq!(page.status, 200);
    let html = main(&page.body);
    let first = html.find("service-list__item").unwrap();
    assert!(
        html[first..]
            .split("</li>")
            .next()
            .unwrap()
            .contains("Renew a driving licence"),
        "{html}"
    );
    let page = app.get("/sw/services?q=%3Cscript%3E").await;
    let html = main(&page.body);
    assert!(
        html.contains("Hakuna huduma inayolingana na “&lt;script&gt;”"),
        "{html}"
    );
    assert!(!html.contains("<script>"), "the query is escaped");
});
