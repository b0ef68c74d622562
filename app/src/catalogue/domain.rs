//! The services and the agencies that offer them. Names, summaries and search words are translations
//! (`catalogue.ftl`: `catalogue-<code>-title`, `-summary`, `-keywords`); fees are in the fee table.

/// A government agency, in the order the catalogue lists them: NTSA's services are the ones Uraia offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agency {
    Ntsa,
    Immigration,
    CivilRegistration,
    BusinessRegistration,
    Kra,
}

impl Agency {
    pub const ALL: [Agency; 5] = [
        Agency::Ntsa,
        Agency::Immigration,
        Agency::CivilRegistration,
        Agency::BusinessRegistration,
        Agency::Kra,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Agency::Ntsa => "ntsa",
            Agency::Immigration => "immigration",
            Agency::CivilRegistration => "civil-registration",
            Agency::BusinessRegistration => "brs",
            Agency::Kra => "kra",
        }
    }
}

/// Whether a person can use a service here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Open on Uraia as an application: the service page has a "Start now" button.
    Open,
    /// Open on Uraia at its own page (not an application: nothing to pay).
    Page(&'static str),
    /// An NTSA service Uraia will offer, not yet open: its page says so and where to go meanwhile.
    Soon,
    /// Another agency's service, listed so a search for it is answered: use eCitizen.
    Elsewhere,
}

/// One service in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Service {
    /// The address (`/en/services/<code>`) and the translations' key.
    pub code: &'static str,
    pub agency: Agency,
    /// Its fees in the fee table (one per option: 1 or 3 years, engine size, seats).
    pub fee_codes: &'static [&'static str],
    pub availability: Availability,
}

const fn ntsa(code: &'static str, fee_codes: &'static [&'static str], availability: Availability) -> Service {
    Service {
        code,
        agency: Agency::Ntsa,
        fee_codes,
        availability,
    }
}

const fn elsewhere(code: &'static str, agency: Agency) -> Service {
    Service {
        code,
        agency,
        fee_codes: &[],
        availability: Availability::Elsewhere,
    }
}

/// The catalogue, in display order (what motorists come for first).
pub const SERVICES: [Service; 18] = [
    ntsa(
        "dl-renewal",
        &["dl-renewal-1y", "dl-renewal-3y", "smart-dl"],
        Availability::Open,
    ),
    ntsa("tims", &[], Availability::Page("tims")),
    ntsa("inspection", &["inspection"], Availability::Open),
    ntsa("provisional-dl", &["provisional-dl"], Availability::Open),
    ntsa("driving-test", &["driving-test"], Availability::Open),
    ntsa("first-dl", &["smart-dl"], Availability::Open),
    ntsa("dl-replacement", &["smart-dl"], Availability::Open),
    ntsa(
        "registration",
        &[
            "registration-under-1000cc",
            "registration-1001-1200cc",
            "registration-over-3000cc",
        ],
        Availability::Open,
    ),
    ntsa(
        "transfer",
        &[
            "transfer-upto-1000cc",
            "transfer-1001-1200cc",
            "transfer-1201-1500cc",
            "transfer-1501-1700cc",
            "transfer-1701-2000cc",
            "transfer-2001-2500cc",
            "transfer-2501-3000cc",
            "transfer-over-3000cc",
        ],
        Availability::Open,
    ),
    ntsa(
        "psv-licence",
        &["psv-6-8-seats", "psv-9-14-seats", "psv-over-26-seats"],
        Availability::Open,
    ),
    ntsa("psv-badge", &["psv-badge"], Availability::Open),
    ntsa("vehicle-search", &["vehicle-search"], Availability::Open),
    elsewhere("passport", Agency::Immigration),
    elsewhere("evisa", Agency::Immigration),
    elsewhere("birth-certificate", Agency::CivilRegistration),
    elsewhere("business-name", Agency::BusinessRegistration),
    elsewhere("kra-pin", Agency::Kra),
    elsewhere("tax-returns", Agency::Kra),
];

/// The service at `code`, if the catalogue has it.
pub fn service(code: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|service| service.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_agencies_come_in_order() {
        let mut codes: Vec<_> = SERVICES.iter().map(|s| s.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), SERVICES.len());
        let order: Vec<usize> = SERVICES
            .iter()
            .map(|s| Agency::ALL.iter().position(|a| *a == s.agency).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "grouped by agency, NTSA first");
    }

    #[test]
    fn the_home_page_lists_as_available_only_what_is_open() {
        use crate::pages::home::{OPEN, SOON};
        for (key, codes) in OPEN {
            for code in codes.iter() {
                let availability = service(code).unwrap().availability;
                assert!(
                    matches!(availability, Availability::Open | Availability::Page(_)),
                    "{key}: {code} is {availability:?}"
                );
            }
        }
        for (key, codes) in SOON {
            assert!(!codes.is_empty(), "{key}");
            for code in codes.iter() {
                assert_eq!(service(code).unwrap().availability, Availability::Soon, "{key}: {code}");
            }
        }
    }

    #[test]
    fn only_ntsa_services_have_fees_here() {
        for service in SERVICES {
            assert_eq!(
                service.agency == Agency::Ntsa,
                service.availability != Availability::Elsewhere,
                "{}",
                service.code
            );
        }
        assert_eq!(service("dl-renewal").unwrap().fee_codes.len(), 3);
        assert_eq!(service("nope"), None);
    }
}
