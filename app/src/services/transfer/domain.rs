//! Transfer of ownership's rules, with no I/O: the answers, which vehicles may be offered, what a logbook file
//! is, and where an offer stands.

use serde::{Deserialize, Serialize};

use crate::{error::FieldError, ids::PlateNumber};

/// The catalogue code of the service.
pub const CODE: &str = "transfer";

/// The fee's band for an engine of `engine_cc` (DOMAIN.md: the schedule motoring guides have reprinted unchanged
/// since 2017, from KES 1,660 up to 1,000 cc to 5,915 over 3,000 cc). Every size has a published fee, so every car
/// on Kenya's roads can be transferred here. (Trailers and tractors have bands of their own; the register does not
/// say which vehicles are those, so they are charged by engine like the rest until it does.)
pub fn fee_code(engine_cc: i64) -> &'static str {
    match engine_cc {
        ..=1000 => "transfer-upto-1000cc",
        1001..=1200 => "transfer-1001-1200cc",
        1201..=1500 => "transfer-1201-1500cc",
        1501..=1700 => "transfer-1501-1700cc",
        1701..=2000 => "transfer-1701-2000cc",
        2001..=2500 => "transfer-2001-2500cc",
        2501..=3000 => "transfer-2501-3000cc",
        _ => "transfer-over-3000cc",
    }
}

/// The logbook's largest size (issue 13).
pub const LOGBOOK_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// The form field the logbook is posted in.
pub const LOGBOOK_FIELD: &str = "logbook";

/// The buyer has this long to accept (a vehicle left in the seller's name longer is an offence: DOMAIN.md).
pub const DEADLINE_SECONDS: i64 = 14 * 86_400;

/// What the logbook file is, by its first bytes (its name and declared type are the sender's word only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Jpeg,
    Png,
}

impl Format {
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF-") {
            Some(Format::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Jpeg => "jpeg",
            Format::Png => "png",
        }
    }

    pub fn parse(code: &str) -> Option<Format> {
        [Format::Pdf, Format::Jpeg, Format::Png]
            .into_iter()
            .find(|f| f.code() == code)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// Why a logbook file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogbookProblem {
    Missing,
    TooLarge { bytes: u64 },
    NotDocument,
    Interrupted,
}

impl LogbookProblem {
    pub fn field_error(&self) -> FieldError {
        match self {
            LogbookProblem::Missing => FieldError::new(LOGBOOK_FIELD, "transfer-error-logbook-missing"),
            LogbookProblem::TooLarge { bytes } => FieldError::new(LOGBOOK_FIELD, "transfer-error-logbook-too-large")
                .with_arg("size", crate::photo::domain::megabytes(*bytes)),
            LogbookProblem::NotDocument => FieldError::new(LOGBOOK_FIELD, "transfer-error-logbook-format"),
            LogbookProblem::Interrupted => FieldError::new(LOGBOOK_FIELD, "transfer-error-logbook-interrupted"),
        }
    }
}

/// A received file's checks: its size, then what it is.
pub fn check_logbook(bytes: &[u8]) -> Result<Format, LogbookProblem> {
    if bytes.is_empty() {
        return Err(LogbookProblem::Missing);
    }
    if bytes.len() as u64 > LOGBOOK_MAX_BYTES {
        return Err(LogbookProblem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Format::sniff(bytes).ok_or(LogbookProblem::NotDocument)
}

/// The uploaded logbook, as the answers remember it (the file itself is in `transfer_logbooks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logbook {
    pub format: Format,
    pub bytes: u64,
}

/// The buyer as the seller named them, checked against the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Buyer {
    pub id_number: String,
    pub first_name: String,
}

/// The transfer's answers, saved on every step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub plate: Option<PlateNumber>,
    pub logbook: Option<Logbook>,
    pub buyer: Option<Buyer>,
    /// An organisation buying instead of a person (one or the other: naming one forgets the other).
    #[serde(default)]
    pub buyer_organisation: Option<BuyerOrganisation>,
}

impl Answers {
    /// Whether a buyer, person or organisation, is named.
    pub fn has_buyer(&self) -> bool {
        self.buyer.is_some() || self.buyer_organisation.is_some()
    }
}

/// An organisation buying, by its KRA PIN, with its name as the register has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyerOrganisation {
    pub kra_pin: String,
    pub name: String,
}

/// Why one of the seller's vehicles cannot be offered here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// A financier's interest, a police hold or a court order is on the register: only an office may transfer it.
    Caveat,
    /// Already offered to someone, waiting for their answer.
    InProgress,
}

impl Unavailable {
    pub fn key(self) -> &'static str {
        match self {
            Unavailable::Caveat => "transfer-error-caveat",
            Unavailable::InProgress => "transfer-error-in-progress",
        }
    }
}

/// Whether a vehicle with (or without) an offer waiting and a caveat may be offered. A caveat comes first: it is
/// what an office must look at.
pub fn availability(offered: bool, caveated: bool) -> Result<(), Unavailable> {
    if caveated {
        Err(Unavailable::Caveat)
    } else if offered {
        Err(Unavailable::InProgress)
    } else {
        Ok(())
    }
}

/// Where an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfferStatus {
    Offered,
    Accepted,
    Declined,
    Lapsed,
}

impl OfferStatus {
    pub fn code(self) -> &'static str {
        match self {
            OfferStatus::Offered => "offered",
            OfferStatus::Accepted => "accepted",
            OfferStatus::Declined => "declined",
            OfferStatus::Lapsed => "lapsed",
        }
    }

    pub fn parse(code: &str) -> Option<OfferStatus> {
        [
            OfferStatus::Offered,
            OfferStatus::Accepted,
            OfferStatus::Declined,
            OfferStatus::Lapsed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Whether an offer may still be answered at `now`: offered, and its deadline not passed (the sweep marks a
/// lapsed one later; the deadline itself decides).
pub fn answerable(status: OfferStatus, deadline: i64, now: i64) -> bool {
    status == OfferStatus::Offered && now < deadline
}

/// The buyer's step as posted (a field left out is empty).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BuyerForm {
    pub id_number: String,
    pub first_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logbook_is_known_by_its_first_bytes() {
        assert_eq!(check_logbook(b"%PDF-1.7\n..."), Ok(Format::Pdf));
        assert_eq!(check_logbook(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Ok(Format::Jpeg));
        assert_eq!(check_logbook(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok(Format::Png));
        // A text file named logbook.pdf, a Word file, a GIF: refused whatever their names say.
        assert_eq!(check_logbook(b"Logbook KCM 753W"), Err(LogbookProblem::NotDocument));
        assert_eq!(check_logbook(b"PK\x03\x04word/"), Err(LogbookProblem::NotDocument));
        assert_eq!(check_logbook(b"GIF89a"), Err(LogbookProblem::NotDocument));
        assert_eq!(check_logbook(b""), Err(LogbookProblem::Missing));
        let big = [b"%PDF-".as_slice(), &vec![0; LOGBOOK_MAX_BYTES as usize]].concat();
        assert_eq!(
            check_logbook(&big),
            Err(LogbookProblem::TooLarge {
                bytes: LOGBOOK_MAX_BYTES + 5
            })
        );
    }

    #[test]
    fn only_the_published_band_and_one_offer_at_a_time() {
        assert_eq!(availability(false, false), Ok(()));
        assert_eq!(availability(true, false), Err(Unavailable::InProgress));
        assert_eq!(availability(false, true), Err(Unavailable::Caveat));
        assert_eq!(availability(true, true), Err(Unavailable::Caveat));
    }

    #[test]
    fn every_engine_size_has_its_published_band() {
        for (cc, band) in [
            (990, "transfer-upto-1000cc"),
            (1000, "transfer-upto-1000cc"),
            (1001, "transfer-1001-1200cc"),
            (1300, "transfer-1201-1500cc"),
            (1500, "transfer-1201-1500cc"),
            (1600, "transfer-1501-1700cc"),
            (1800, "transfer-1701-2000cc"),
            (2400, "transfer-2001-2500cc"),
            (2700, "transfer-2501-3000cc"),
            (3001, "transfer-over-3000cc"),
            (4600, "transfer-over-3000cc"),
        ] {
            assert_eq!(fee_code(cc), band, "{cc} cc");
        }
    }

    #[test]
    fn a_draft_saved_before_organisations_could_buy_still_reads() {
        let old = r#"{"plate":"KCM 753W","logbook":null,"buyer":{"id_number":"7974916","first_name":"Rehema"}}"#;
        let answers: Answers = serde_json::from_str(old).unwrap();
        assert!(answers.has_buyer());
        assert_eq!(answers.buyer_organisation, None);
        let organisation = Answers {
            buyer_organisation: Some(BuyerOrganisation {
                kra_pin: "P672271267L".into(),
                name: "Embassava Sacco".into(),
            }),
            ..Answers::default()
        };
        assert!(organisation.has_buyer());
        assert!(!Answers::default().has_buyer());
    }

    #[test]
    fn an_offer_is_answerable_until_its_deadline() {
        assert!(answerable(OfferStatus::Offered, 100, 99));
        assert!(!answerable(OfferStatus::Offered, 100, 100));
        assert!(!answerable(OfferStatus::Declined, 100, 0));
        for status in ["offered", "accepted", "declined", "lapsed"] {
            assert_eq!(OfferStatus::parse(status).map(OfferStatus::code), Some(status));
        }
        assert_eq!(Format::parse("pdf"), Some(Format::Pdf));
    }
}
