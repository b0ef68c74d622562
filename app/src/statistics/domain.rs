//! The statistics' filter: all of Kenya, a county, or one centre (an inspection centre, a driving test unit, a
//! licence collection centre), given in the form as `county:Nairobi` or `centre:IC-LKR`.

use serde::Deserialize;

/// A place Uraia serves people at.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Centre {
    pub code: String,
    pub name: String,
    pub county: String,
}

/// Where the figures are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Kenya,
    County(String),
    Centre(String),
}

impl Place {
    /// The form's value; None when it names no county or centre of `centres`.
    pub fn parse(value: &str, centres: &[Centre]) -> Option<Place> {
        let value = value.trim();
        if value.is_empty() {
            return Some(Place::Kenya);
        }
        let (kind, name) = value.split_once(':')?;
        match kind {
            "county" => centres
                .iter()
                .find(|c| c.county == name)
                .map(|c| Place::County(c.county.clone())),
            "centre" => centres
                .iter()
                .find(|c| c.code == name)
                .map(|c| Place::Centre(c.code.clone())),
            _ => None,
        }
    }

    pub fn value(&self) -> String {
        match self {
            Place::Kenya => String::new(),
            Place::County(county) => format!("county:{county}"),
            Place::Centre(code) => format!("centre:{code}"),
        }
    }

    /// The centres whose counts are added up (None: all, and counts of no centre too).
    pub fn codes(&self, centres: &[Centre]) -> Option<Vec<String>> {
        match self {
            Place::Kenya => None,
            Place::County(county) => Some(
                centres
                    .iter()
                    .filter(|c| &c.county == county)
                    .map(|c| c.code.clone())
                    .collect(),
            ),
            Place::Centre(code) => Some(vec![code.clone()]),
        }
    }

    /// The county a register figure is counted in (a centre's county).
    pub fn county(&self, centres: &[Centre]) -> Option<String> {
        match self {
            Place::Kenya => None,
            Place::County(county) => Some(county.clone()),
            Place::Centre(code) => centres.iter().find(|c| &c.code == code).map(|c| c.county.clone()),
        }
    }
}

/// What the statistics page and its CSV links are asked (the dates as their boxes, or as ISO dates for a CSV).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Asked {
    pub figure: String,
    pub from: String,
    pub to: String,
    pub place: String,
    pub lang: String,
}

/// The counties of `centres`, each once, in order.
pub fn counties(centres: &[Centre]) -> Vec<String> {
    let mut counties: Vec<String> = centres.iter().map(|c| c.county.clone()).collect();
    counties.sort();
    counties.dedup();
    counties
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centres() -> Vec<Centre> {
        let centre = |code: &str, county: &str| Centre {
            code: code.into(),
            name: code.into(),
            county: county.into(),
        };
        vec![
            centre("IC-LKR", "Nairobi"),
            centre("TU-NBI-KAS", "Nairobi"),
            centre("IC-MSA", "Mombasa"),
        ]
    }

    #[test]
    fn a_place_is_a_known_county_or_centre() {
        let centres = centres();
        assert_eq!(Place::parse("", &centres), Some(Place::Kenya));
        assert_eq!(
            Place::parse("county:Nairobi", &centres),
            Some(Place::County("Nairobi".into()))
        );
        assert_eq!(
            Place::parse("centre:IC-MSA", &centres),
            Some(Place::Centre("IC-MSA".into()))
        );
        assert_eq!(Place::parse("county:Atlantis", &centres), None);
        assert_eq!(Place::parse("centre:' OR 1=1", &centres), None);
        assert_eq!(Place::parse("Nairobi", &centres), None);
        assert_eq!(Place::County("Nairobi".into()).value(), "county:Nairobi");
    }

    #[test]
    fn a_county_counts_its_centres_and_a_centre_its_county_register() {
        let centres = centres();
        let nairobi = Place::County("Nairobi".into());
        assert_eq!(
            nairobi.codes(&centres),
            Some(vec!["IC-LKR".into(), "TU-NBI-KAS".into()])
        );
        assert_eq!(Place::Centre("IC-MSA".into()).county(&centres), Some("Mombasa".into()));
        assert_eq!(Place::Kenya.codes(&centres), None);
        assert_eq!(counties(&centres), ["Mombasa", "Nairobi"]);
    }
}
