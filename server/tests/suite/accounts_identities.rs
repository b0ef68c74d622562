//! Issue 9, point 10: identities that cannot be squatted. A citizen's number cannot be taken under another
//! document type; residents and diplomats are checked against their registers; a business's authorised person
//! must be a recorded director; an identity is unique per document type.

use crate::common;

use common::browser::{errors, register_citizen, Browser, EMAIL, PHONE};

/// The type and identity steps; the identity step's errors.
async fn identity(app: &common::TestApp, kind: &str, form: &[(&str, &str)]) -> Vec<String> {
    let mut browser = Browser::new(app);
    browser
        .submit("/api/accounts/register/type", &[("account_type", kind)])
        .await;
    let (_, page) = browser.submit("/api/accounts/register/identity", form).await;
    errors(&page.body)
}

const NATIONAL_ID_SHAPED: &str =
    "This looks like a Kenyan national ID number. If you are a Kenyan citizen, go back and choose Citizen. If not, enter the number exactly as it is on your document";

on_both_engines!(a_citizens_number_cannot_be_taken_under_another_document, |app| {
    for kind in ["visitor", "resident", "diplomat"] {
        let problems = identity(
            &app,
            kind,
            &[
                ("id_number", "28 123 456"),
                ("first_name", "Squat"),
                ("last_name", "Ter"),
                ("nationality", "Nowhere"),
                ("mission", "Nowhere"),
            ],
        )
        .await;
        assert_eq!(problems, vec![NATIONAL_ID_SHAPED], "{kind}");
    }
    // The citizen then registers with their own number.
    let mut browser = Browser::new(&app);
    register_citizen(&mut browser, EMAIL, PHONE).await;
});

on_both_engines!(residents_and_diplomats_are_checked_against_their_registers, |app| {
    let resident = [
        ("id_number", "A1000000"),
        ("first_name", "Ama"),
        ("last_name", "Mensah"),
        ("nationality", "Ghanaian"),
    ];
    let problems = identity(&app, "resident", &resident).await;
    assert!(problems.is_empty(), "{problems:?}");
    let problems = identity(
        &app,
        "resident",
        &[("id_number", "A9999999"), resident[1], resident[2], resident[3]],
    )
    .await;
    assert_eq!(
        problems,
        vec!["We cannot find this number in the register. Enter it exactly as on your document"]
    );
    let problems = identity(
        &app,
        "resident",
        &[
            ("id_number", "A1000000"),
            ("first_name", "Ama"),
            ("last_name", "Owusu"),
            ("nationality", "Ghanaian"),
        ],
    )
    .await;
    assert_eq!(
        problems,
        vec!["The last name does not match the register. Enter it exactly as on your document"]
    );
    let problems = identity(
        &app,
        "diplomat",
        &[
            ("id_number", "DP10000"),
            ("first_name", "Kofi"),
            ("last_name", "Asante"),
            ("mission", "Embassy of Ghana"),
        ],
    )
    .await;
    assert!(problems.is_empty(), "{problems:?}");
    // A passport with the same characters as a resident's certificate is another identity: allowed.
    let problems = identity(
        &app,
        "visitor",
        &[
            ("id_number", "A1000000"),
            ("first_name", "Ama"),
            ("last_name", "Mensah"),
            ("nationality", "Ghanaian"),
        ],
    )
    .await;
    assert!(problems.is_empty(), "{problems:?}");
});

on_both_engines!(a_business_needs_its_authorised_person_to_be_a_director, |app| {
    let business = |id: &'static str, first: &'static str, year: &'static str| {
        [
            ("kra_pin", "P051234567K"),
            ("role", "Fleet manager"),
            ("person", "citizen"),
            ("id_number", id),
            ("first_name", first),
            ("year_of_birth", year),
        ]
    };
    // Otieno is in the national register but not a director of Safari Fleet Logistics.
    let problems = identity(&app, "business", &business("31234567", "Otieno", "1985")).await;
    assert_eq!(
        problems,
        vec!["KRA does not list you as a director of this organisation. Ask the organisation to update its KRA records, or ask one of its directors to register"]
    );
    // Wanjiku is.
    let problems = identity(&app, "business", &business("28123456", "Wanjiku", "1990")).await;
    assert!(problems.is_empty(), "{problems:?}");
});
