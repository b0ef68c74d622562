//! What Uraia issues after a payment (a receipt, and the service's own document such as the licence renewal slip),
//! the short code that lets anyone check one, and what a check may show. No I/O.

use serde::{Deserialize, Serialize};

use crate::ids::readable;

/// The kinds of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Proof of payment for an application.
    Receipt,
    /// Proof that a driving licence was renewed, carried until the card is printed (DOMAIN.md).
    RenewalSlip,
    /// A new vehicle's registration: its plate and particulars, until the logbook arrives.
    RegistrationSlip,
    /// A copy of a vehicle's record (vehicle search), as the register had it when paid for.
    VehicleRecord,
    /// An inspection booking: where and when; not proof of passing.
    InspectionSlip,
    /// A transfer of ownership, acknowledged to the seller (issued with the application)...
    TransferSeller,
    /// ...and to the buyer, who holds it without owning the application.
    TransferBuyer,
    /// A learner's provisional driving licence: its classes and its last day.
    ProvisionalLicence,
    /// A PSV driver's or conductor's badge: the role and its last day.
    PsvBadge,
    /// A driving test booking: the class, where and when; not a licence.
    TestSlip,
    /// A new smart driving licence card (the first after a test, or a replacement): proof of the licence until
    /// the card is collected; withdrawn when a later card replaces it.
    SmartLicence,
    /// A PSV road service licence: the vehicle, its operator, route and seats, and the period.
    PsvLicence,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Receipt => "receipt",
            Kind::RenewalSlip => "renewal_slip",
            Kind::RegistrationSlip => "registration_slip",
            Kind::VehicleRecord => "vehicle_record",
            Kind::InspectionSlip => "inspection_slip",
            Kind::TransferSeller => "transfer_seller",
            Kind::TransferBuyer => "transfer_buyer",
            Kind::ProvisionalLicence => "provisional_licence",
            Kind::PsvBadge => "psv_badge",
            Kind::TestSlip => "test_slip",
            Kind::SmartLicence => "smart_licence",
            Kind::PsvLicence => "psv_licence",
        }
    }

    pub const ALL: [Kind; 12] = [
        Kind::Receipt,
        Kind::RenewalSlip,
        Kind::RegistrationSlip,
        Kind::VehicleRecord,
        Kind::InspectionSlip,
        Kind::TransferSeller,
        Kind::TransferBuyer,
        Kind::ProvisionalLicence,
        Kind::PsvBadge,
        Kind::TestSlip,
        Kind::SmartLicence,
        Kind::PsvLicence,
    ];

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

crate::ids::stored_as_code!(Kind);

const LENGTH: usize = 12;

/// A document's verification code: 12 characters from a 29-letter alphabet (58 bits), random, so one document's
/// code says nothing of another's. Shown in groups of four (`7KQ2-M9XD-4TNB`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentCode(String);

impl DocumentCode {
    /// A new random code; `pick(n)` gives a uniform index below `n` (the caller's random source).
    pub fn generate(pick: impl FnMut(usize) -> usize) -> DocumentCode {
        DocumentCode(readable::generate(LENGTH, pick))
    }

    /// A code as typed or scanned: any case, with or without spaces and dashes.
    pub fn parse(text: &str) -> Option<DocumentCode> {
        let compact = readable::compact(text);
        (compact.len() == LENGTH && readable::is(&compact)).then_some(DocumentCode(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `7KQ2-M9XD-4TNB`: in groups of four, as printed.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// What a document says, frozen when it is issued.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Details {
    /// The holder's full name (printed on the document; masked on the public check).
    pub holder: String,
    /// The application's reference.
    pub reference: String,
    /// The catalogue code of the service (`dl-renewal`).
    pub service: String,
    /// The fee option paid for (`dl-renewal-1y`).
    pub fee_code: String,
    pub amount_kes: i64,
    /// `M-Pesa`, with its receipt.
    pub method: String,
    pub receipt: String,
    pub paid_at: i64,
    /// Renewal slips: the licence classes and the new expiry (ISO date), and whether a smart card follows.
    #[serde(default)]
    pub classes: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
    #[serde(default)]
    pub smart: bool,
    /// Every other service's particulars, in the order printed (a registration slip: the plate, the vehicle).
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// One printed line of a service's document: a label (a message key), its value, and who may read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub label: String,
    pub value: FactValue,
    #[serde(default)]
    pub visibility: Visibility,
}

/// Who reads a fact: the public check (`/verify`) shows only what an officer at a roadside needs to match the paper
/// to the vehicle or person in front of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Everyone (a plate, a make, a date).
    #[default]
    Public,
    /// A person's name: masked on the public check as the holder's is (`J*** H*****`).
    Masked,
    /// The holder only (chassis and engine numbers: they identify a vehicle beyond its plate).
    HolderOnly,
}

/// A value as frozen at issue; dates and listed words are put into the reader's language when shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum FactValue {
    /// As it is (a plate, a chassis number, a name).
    Text(String),
    /// An ISO date.
    Date(String),
    /// A message key (a colour, a body type).
    Message(String),
}

impl Fact {
    fn new(label: &str, value: FactValue, visibility: Visibility) -> Fact {
        Fact {
            label: label.into(),
            value,
            visibility,
        }
    }

    pub fn text(label: &str, value: impl Into<String>) -> Fact {
        Fact::new(label, FactValue::Text(value.into()), Visibility::Public)
    }

    /// A person's name: masked on the public check.
    pub fn person(label: &str, name: impl Into<String>) -> Fact {
        Fact::new(label, FactValue::Text(name.into()), Visibility::Masked)
    }

    /// Text the holder reads and the public check leaves out.
    pub fn holder_only(label: &str, value: impl Into<String>) -> Fact {
        Fact::new(label, FactValue::Text(value.into()), Visibility::HolderOnly)
    }

    pub fn message(label: &str, key: impl Into<String>) -> Fact {
        Fact::new(label, FactValue::Message(key.into()), Visibility::Public)
    }

    pub fn date(label: &str, iso: impl Into<String>) -> Fact {
        Fact::new(label, FactValue::Date(iso.into()), Visibility::Public)
    }
}

/// What a service's own document says beyond the payment (a renewal slip: the classes and the new expiry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceDocument {
    pub kind: Kind,
    pub classes: Option<String>,
    /// ISO date.
    pub valid_until: Option<String>,
    pub smart: bool,
    pub facts: Vec<Fact>,
}

/// `Wanjiku Njeri Kamau` → `W****** N**** K****`: enough for an officer to match the person in front of them with
/// their ID card, not enough to learn a name from a code.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            first + &"*".repeat(chars.count())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_however_typed() {
        let mut n = 0;
        let code = DocumentCode::generate(|len| {
            n += 7;
            n % len
        });
        assert_eq!(code.as_str().len(), 12);
        assert_eq!(DocumentCode::parse(&code.grouped().to_lowercase()), Some(code.clone()));
        assert_eq!(DocumentCode::parse(&format!(" {} ", code.grouped())), Some(code));
        assert_eq!(DocumentCode::parse("7KQ2-M9XD-4TN"), None);
        assert_eq!(DocumentCode::parse("7KQ2-M9XD-4TN0"), None);
    }

    #[test]
    fn names_are_masked_word_by_word() {
        assert_eq!(mask_name("Wanjiku Njeri Kamau"), "W****** N**** K****");
        assert_eq!(mask_name("  Jo  "), "J*");
    }

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.code()), Some(kind));
        }
    }
}
