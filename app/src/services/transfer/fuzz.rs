//! Property test of the logbook check (issue 30): any bytes get an answer, and an accepted file is one of the three
//! formats by its own first bytes, whatever its name or declared type said.

use proptest::prelude::*;

use super::domain::{check_logbook, Format, LogbookProblem};
use crate::fuzz::damaged;

proptest! {
    #[test]
    fn fuzz_a_logbook_is_a_pdf_jpeg_or_png_by_its_bytes_or_refused(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            prop::sample::select(vec![&b"%PDF-1.7\n"[..], b"\xFF\xD8\xFF\xE0", b"\x89PNG\r\n\x1a\n"])
                .prop_flat_map(|magic| damaged(magic.to_vec())),
        ]
    ) {
        match check_logbook(&bytes) {
            Ok(Format::Pdf) => prop_assert!(bytes.starts_with(b"%PDF-")),
            Ok(Format::Jpeg) => prop_assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF])),
            Ok(Format::Png) => prop_assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n")),
            Err(LogbookProblem::Missing) => prop_assert!(bytes.is_empty()),
            Err(problem) => prop_assert_eq!(problem, LogbookProblem::NotDocument),
        }
    }
}
