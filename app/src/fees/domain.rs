//! The fee rules, with no I/O: the same code quotes a total in the browser (instantly) and on the server.

use serde::{Deserialize, Serialize};

/// A service's fee in whole shillings (M-Pesa takes whole shillings; DOMAIN.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Fee {
    pub service_code: String,
    pub amount_kes: i64,
}

/// The access fee charged on a transaction of at least `min_amount_kes` (until the next band starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AccessBand {
    pub min_amount_kes: i64,
    pub fee_kes: i64,
}

/// The whole schedule, as stored: fees in display order, bands in ascending order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    pub fees: Vec<Fee>,
    pub bands: Vec<AccessBand>,
}

/// What a person will pay for one service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub fee_kes: i64,
    pub access_fee_kes: i64,
    pub total_kes: i64,
}

impl FeeSchedule {
    /// The access fee for a transaction of `amount_kes`: the fee of the highest band it reaches.
    pub fn access_fee(&self, amount_kes: i64) -> i64 {
        self.bands
            .iter()
            .filter(|band| amount_kes >= band.min_amount_kes)
            .max_by_key(|band| band.min_amount_kes)
            .map_or(0, |band| band.fee_kes)
    }

    /// The quote for a service, or `None` for a code the schedule does not have.
    pub fn quote(&self, service_code: &str) -> Option<Quote> {
        let fee = self.fees.iter().find(|fee| fee.service_code == service_code)?;
        let access_fee_kes = self.access_fee(fee.amount_kes);
        Some(Quote {
            fee_kes: fee.amount_kes,
            access_fee_kes,
            total_kes: fee.amount_kes + access_fee_kes,
        })
    }

    /// The message `key` quoting the fee of `service_code`, its access fee and the total (`{ $fee }`,
    /// `{ $access }`, `{ $total }`), for a page that says what something will cost.
    pub fn quoted(&self, lang: crate::i18n::Lang, service_code: &str, key: &str) -> Option<String> {
        self.quote(service_code).map(|quote| {
            lang.t_with(
                key,
                &[
                    ("fee", format_kes(quote.fee_kes)),
                    ("access", format_kes(quote.access_fee_kes)),
                    ("total", format_kes(quote.total_kes)),
                ],
            )
        })
    }

    /// The upper end of band `index` (inclusive), or `None` for the last band.
    pub fn band_upper(&self, index: usize) -> Option<i64> {
        self.bands.get(index + 1).map(|next| next.min_amount_kes - 1)
    }
}

/// An amount of money in whole shillings (M-Pesa takes whole shillings; DOMAIN.md). Shown as `KES 1,400`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Shillings(pub i64);

impl std::fmt::Display for Shillings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&format_kes(self.0))
    }
}

/// `1400` → `KES 1,400`: the way prices are written in Kenya.
pub fn format_kes(amount: i64) -> String {
    format!("KES {}", grouped(amount))
}

/// A number with thousands separators: 1234567 → "1,234,567" (amounts, and the published figures' counts).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{grouped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gazetted schedule of December 2023 (DOMAIN.md).
    fn schedule() -> FeeSchedule {
        let bands =
            [(0, 5), (200, 10), (300, 15), (500, 20), (700, 25), (1000, 50)].map(|(min_amount_kes, fee_kes)| {
                AccessBand {
                    min_amount_kes,
                    fee_kes,
                }
            });
        FeeSchedule {
            fees: vec![Fee {
                service_code: "dl-renewal-1y".into(),
                amount_kes: 600,
            }],
            bands: bands.to_vec(),
        }
    }

    #[test]
    fn access_fee_follows_the_gazetted_bands_at_every_boundary() {
        let s = schedule();
        for (amount, fee) in [
            (0, 5),
            (199, 5),
            (200, 10),
            (299, 10),
            (300, 15),
            (499, 15),
            (500, 20),
            (699, 20),
            (700, 25),
            (999, 25),
            (1000, 50),
            (8300, 50),
        ] {
            assert_eq!(s.access_fee(amount), fee, "amount {amount}");
        }
    }

    #[test]
    fn a_quote_adds_the_access_fee() {
        assert_eq!(
            schedule().quote("dl-renewal-1y"),
            Some(Quote {
                fee_kes: 600,
                access_fee_kes: 20,
                total_kes: 620
            })
        );
        assert_eq!(schedule().quote("no-such-service"), None);
    }

    #[test]
    fn band_upper_ends_are_one_below_the_next_band() {
        let s = schedule();
        assert_eq!(s.band_upper(0), Some(199));
        assert_eq!(s.band_upper(4), Some(999));
        assert_eq!(s.band_upper(5), None);
    }

    #[test]
    fn shillings_are_grouped_in_thousands() {
        assert_eq!(format_kes(0), "KES 0");
        assert_eq!(format_kes(620), "KES 620");
        assert_eq!(format_kes(1400), "KES 1,400");
        assert_eq!(format_kes(1_234_567), "KES 1,234,567");
        assert_eq!(format_kes(-50), "KES -50");
    }
}
