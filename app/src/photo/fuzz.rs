//! Property tests of the photo check (issue 30): any bytes, and real pictures damaged or crafted (bytes changed, a
//! piece cut out, the end cut off, a header that lies), are answered with a clean photo or a problem, never a panic,
//! and a photo that passes is a JPEG within the size limits that passes the check again.

use proptest::prelude::*;

use super::check::{clean, samples};
use super::domain::{MAX_SIDE, MIN_SIDE};
use crate::fuzz::damaged;

/// A real picture to damage: a small JPEG or PNG (small, so each case decodes quickly), one with an EXIF turn, or
/// a PNG whose header claims 20,000 x 20,000.
fn picture() -> impl Strategy<Value = Vec<u8>> {
    (MIN_SIDE..MIN_SIDE + 40, MIN_SIDE..MIN_SIDE + 40, 1..=8u16, 0..4u8).prop_map(|(w, h, turn, kind)| match kind {
        0 => samples::jpeg(w, h),
        1 => samples::png(w, h),
        2 => samples::jpeg_with_exif(w, h, turn),
        _ => samples::png_bomb(20_000),
    })
}

proptest! {
    // Each case decodes a picture: a smaller default budget than the parsers' (PROPTEST_CASES still overrides it).
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn fuzz_any_bytes_are_a_problem_or_a_clean_photo(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..2048),
            picture().prop_flat_map(damaged),
        ]
    ) {
        if let Ok(photo) = clean(&bytes) {
            prop_assert!((MIN_SIDE..=MAX_SIDE).contains(&photo.width));
            prop_assert!((MIN_SIDE..=MAX_SIDE).contains(&photo.height));
            prop_assert!(photo.jpeg.starts_with(&[0xFF, 0xD8, 0xFF]));
            let again = clean(&photo.jpeg).expect("a clean photo passes again");
            prop_assert_eq!((again.width, again.height), (photo.width, photo.height));
        }
    }
}
