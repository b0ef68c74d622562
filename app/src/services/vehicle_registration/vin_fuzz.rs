//! Property tests of the chassis number and customs entry parsers (issue 30): any text is answered without a panic,
//! an accepted value is its own stored form, and a VIN with a right check digit is accepted however it is typed.

use proptest::prelude::*;

use super::*;
use crate::fuzz::{near, text, typed};
use crate::services::vehicle_registration::domain::{parse_customs_entry, CUSTOMS_STATIONS};

/// 17 characters a VIN may hold, with the check digit put right when its first character calls for one.
fn vin() -> impl Strategy<Value = String> {
    "[0-9A-HJ-NPR-Z]{17}".prop_map(|vin| {
        let mut bytes = vin.into_bytes();
        if check_digit_mandatory(&bytes) {
            bytes[8] = check_digit(&bytes).expect("letters of a VIN");
        }
        String::from_utf8(bytes).expect("ASCII")
    })
}

fn customs_entry() -> impl Strategy<Value = String> {
    (
        "[0-9]{2}",
        prop::sample::select(CUSTOMS_STATIONS.to_vec()),
        "[0-9]{6,8}",
    )
        .prop_map(|(year, station, serial)| format!("{year}{station}IM4{serial}"))
}

fn candidates() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        vin().prop_flat_map(near),
        "[A-Z][A-Z0-9]{1,7}-[0-9]{5,8}".prop_flat_map(near),
        customs_entry().prop_flat_map(near),
    ]
}

proptest! {
    #[test]
    fn fuzz_an_accepted_chassis_number_or_entry_is_its_stored_form(raw in candidates()) {
        if let Ok(chassis) = parse(&raw) {
            prop_assert!(chassis.is_ascii() && !chassis.contains(' ') && chassis == chassis.to_uppercase());
            prop_assert!(chassis.len() == 17 || frame_number(&chassis).is_some());
            prop_assert_eq!(parse(&chassis), Ok(chassis.clone()));
        }
        if let Some(entry) = parse_customs_entry(&raw) {
            prop_assert!((14..=16).contains(&entry.len()));
            prop_assert_eq!(parse_customs_entry(&entry), Some(entry.clone()));
        }
    }

    #[test]
    fn fuzz_a_vin_with_its_check_digit_is_accepted_however_typed(
        (vin, raw) in vin().prop_flat_map(|v| (Just(v.clone()), typed(v, &[" ", "-"])))
    ) {
        // 17 characters are too many for a frame number (at most 8 + 1 + 8), so dashes never make it read as one.
        prop_assert_eq!(parse(&raw), Ok(vin));
    }

    #[test]
    fn fuzz_a_customs_entry_typed_with_spaces_dashes_or_slashes_is_the_entry(
        (entry, raw) in customs_entry().prop_flat_map(|e| (Just(e.clone()), typed(e, &[" ", "-", "/"])))
    ) {
        prop_assert_eq!(parse_customs_entry(&raw), Some(entry));
    }
}
