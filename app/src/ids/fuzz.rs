//! Property tests of the identifiers a stranger types (issue 30): whatever the text, each parser answers without
//! panicking, what it accepts is in the stored form and reads back as itself, and a well-formed value typed with the
//! usual noise (spaces, dashes, either case) is accepted as that value.

use proptest::prelude::*;

use super::*;
use crate::fuzz::{near, text, typed};

/// A plate in its stored form: `KDA 123A`, `KMDF 123A` or `GK 123A` (no I or O; never `000`; `KM` begins only a
/// motorcycle's).
fn plate() -> impl Strategy<Value = String> {
    let tail = "[0-9]{3}[A-HJ-NP-Z]".prop_filter("000 is never issued", |t| !t.starts_with("000"));
    let prefix = prop_oneof!["K[A-HJ-LNP-Z][A-HJ-NP-Z]", "KM[A-HJ-NP-Z]{2}", "GK"];
    (prefix, tail).prop_map(|(prefix, tail)| format!("{prefix} {tail}"))
}

fn candidates() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        plate().prop_flat_map(near),
        "[0-9]{8,14}".prop_flat_map(near),
        "P[0-9]{9}[A-Z]".prop_flat_map(near),
        "\\+2547[0-9]{8}".prop_flat_map(near),
        "[a-z]{1,8}@[a-z]{1,8}\\.ke".prop_flat_map(near),
    ]
}

proptest! {
    #[test]
    fn fuzz_whatever_is_typed_an_accepted_identifier_is_stored_form(raw in candidates()) {
        if let Some(id) = NationalId::parse(&raw) {
            prop_assert!((1..=14).contains(&id.0.len()) && id.0.bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(NationalId::parse(&id.0), Some(id.clone()));
        }
        if let Some(plate) = PlateNumber::parse(&raw) {
            prop_assert!(plate.0.is_ascii() && plate.0.contains(' ') && plate.0 == plate.0.to_uppercase());
            prop_assert_eq!(PlateNumber::parse(&plate.0), Some(plate.clone()));
        }
        if let Ok(pin) = KraPin::parse(&raw) {
            prop_assert_eq!(pin.0.len(), 11);
            prop_assert_eq!(KraPin::parse(&pin.0), Ok(pin.clone()));
        }
        if let Ok(email) = Email::parse(&raw) {
            prop_assert!(email.0.len() <= 254 && email.0 == email.0.to_lowercase());
            prop_assert_eq!(Email::parse(&email.0), Ok(email.clone()));
        }
        if let Ok(phone) = PhoneNumber::parse(&raw) {
            prop_assert!(phone.0.len() == 13 && phone.0.starts_with("+254"));
            prop_assert!(phone.0[1..].bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(PhoneNumber::parse(&phone.0), Ok(phone.clone()));
            prop_assert_eq!(PhoneNumber::parse(&display_phone(&phone.0)), Ok(phone.clone()));
        }
        if let Some(Ok(number)) = official_number(&raw) {
            prop_assert_eq!(official_number(&number), Some(Ok(number.clone())));
        }
        let compact = readable::compact(&raw);
        prop_assert_eq!(readable::compact(&compact), compact);
    }

    #[test]
    fn fuzz_a_national_id_typed_with_spaces_or_dashes_is_its_digits(
        (digits, raw) in "[0-9]{1,14}".prop_flat_map(|d| (Just(d.clone()), typed(d, &[" ", "-"])))
    ) {
        prop_assert_eq!(NationalId::parse(&raw).map(|id| id.0), Some(digits));
    }

    #[test]
    fn fuzz_a_plate_typed_any_way_is_the_plate((plate, raw) in plate().prop_flat_map(|p| {
        let bare = p.replace(' ', "");
        (Just(p), typed(bare, &[" ", "-"]))
    })) {
        prop_assert_eq!(PlateNumber::parse(&raw).map(|p| p.0), Some(plate));
    }

    #[test]
    fn fuzz_a_kra_pin_typed_any_way_is_the_pin(
        (pin, raw) in "P[0-9]{9}[A-Z]".prop_flat_map(|p| (Just(p.clone()), typed(p, &[" ", "-"])))
    ) {
        prop_assert_eq!(KraPin::parse(&raw).map(|p| p.0), Ok(pin));
    }

    #[test]
    fn fuzz_a_mobile_number_in_any_usual_form_is_its_e164(
        (national, raw) in "[71][0-9]{8}".prop_flat_map(|n| {
            let prefix = prop::sample::select(vec!["", "0", "254", "+254"]);
            (Just(n.clone()), prefix.prop_flat_map(move |p| typed(format!("{p}{n}"), &[" ", "-", "(", ")"])))
        })
    ) {
        prop_assert_eq!(PhoneNumber::parse(&raw).map(|p| p.0), Ok(format!("+254{national}")));
    }

    #[test]
    fn fuzz_an_email_in_either_case_with_spaces_around_is_the_address(
        (email, raw) in "[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,20}(\\.[a-z]{2,6}){1,2}"
            .prop_flat_map(|e| (Just(e.clone()), typed(e, &[])))
    ) {
        prop_assert_eq!(Email::parse(&raw).map(|e| e.0), Ok(email));
    }
}

/// A code made as Uraia makes them (`generate`, here fed the strategy's picks instead of the random source).
fn picks(n: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..readable::ALPHABET.len(), n)
}

proptest! {
    /// The codes a person reads out and types back: an application reference, a slip's verify code, a help-desk
    /// case. An accepted one is its own stored form; a generated one typed any way is itself; a date from a
    /// form's three boxes reads back as the same date.
    #[test]
    fn fuzz_codes_and_dates_as_typed(
        raw in text(), day in "[0-9 ]{0,4}", month in "[0-9 ]{0,4}", year in "[+0-9 ]{0,6}",
        picks in picks(12), separators in "[ \\t-]{0,2}",
    ) {
        use crate::{applications::domain::ApplicationRef, documents::domain::DocumentCode, support::domain::CaseRef};
        if let Some(reference) = ApplicationRef::parse(&raw) {
            prop_assert_eq!(ApplicationRef::parse(reference.as_str()), Some(reference.clone()));
        }
        if let Some(code) = DocumentCode::parse(&raw) {
            prop_assert_eq!(DocumentCode::parse(&code.grouped()), Some(code.clone()));
        }
        if let Some(case) = CaseRef::parse(&raw) {
            prop_assert_eq!(CaseRef::parse(case.as_str()), Some(case.clone()));
        }
        let mut at = picks.into_iter().cycle();
        let reference = ApplicationRef::generate(|_| at.next().unwrap_or(0));
        let code = DocumentCode::generate(|_| at.next().unwrap_or(0));
        let case = CaseRef::generate(|_| at.next().unwrap_or(0));
        let noisy = |text: &str| -> String {
            text.to_lowercase().chars().map(|c| format!("{separators}{c}")).collect()
        };
        prop_assert_eq!(ApplicationRef::parse(&noisy(reference.as_str())), Some(reference));
        prop_assert_eq!(DocumentCode::parse(&noisy(&code.grouped())), Some(code));
        prop_assert_eq!(CaseRef::parse(&noisy(case.as_str())), Some(case));
        if let Some(date) = crate::calendar::parse_parts(&day, &month, &year) {
            let again = crate::calendar::parse_parts(
                &date.day().to_string(), &date.month().to_string(), &date.year().to_string(),
            );
            prop_assert_eq!(again, Some(date));
            prop_assert_eq!(crate::calendar::parse_iso(&date.to_string()), Some(date));
        }
    }
}
