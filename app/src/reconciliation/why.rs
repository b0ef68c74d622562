//! Why an item is a difference, as `reconciliation_items.why` keeps it: a message key, then (after a space) what
//! the message needs, so supervisors read it in their own language. Text written before keys is shown as it is.

use crate::{calendar, fees::domain::format_kes, i18n::Lang, ids::display_phone};

pub const NO_RECEIPT: &str = "reconciliation-why-no-receipt";
pub const UNRECORDED: &str = "reconciliation-why-unrecorded";
/// Followed by M-Pesa's description.
pub const NOT_CONFIRMED: &str = "reconciliation-why-not-confirmed";
pub const AMOUNTS_DIFFER: &str = "reconciliation-why-amounts-differ";
pub const MPESA_OFF: &str = "reconciliation-why-mpesa-off";
pub const CARD_OFF: &str = "reconciliation-why-card-off";
pub const NOT_IN_CARD_LIST: &str = "reconciliation-why-not-in-card-list";
/// Followed by the minutes M-Pesa had to answer.
pub const MPESA_NO_ANSWER: &str = "reconciliation-why-mpesa-no-answer";
pub const CARD_LIST_UNREAD: &str = "reconciliation-why-card-list-unread";
/// Followed by the amount, the M-Pesa phone (`2547…`) and when the prompt was sent.
pub const LOST_PROMPT: &str = "reconciliation-why-lost-prompt";

/// `key` with its details, as kept.
pub fn kept(key: &str, details: &[&str]) -> String {
    std::iter::once(key)
        .chain(details.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a kept `why` says, in `lang`.
pub fn shown(lang: Lang, why: &str) -> String {
    let (key, rest) = why.split_once(' ').unwrap_or((why, ""));
    if !key.starts_with("reconciliation-why-") {
        return why.to_string();
    }
    if key == LOST_PROMPT {
        let mut parts = rest.split(' ');
        let (Some(amount), Some(phone), Some(at)) = (
            parts.next().and_then(|a| a.parse().ok()),
            parts.next(),
            parts.next().and_then(|a| a.parse().ok()),
        ) else {
            return why.to_string();
        };
        return lang.t_with(
            key,
            &[
                ("amount", format_kes(amount)),
                ("phone", display_phone(&format!("+{phone}"))),
                ("at", calendar::moment(lang, at)),
            ],
        );
    }
    lang.t_with(key, &[("detail", rest.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_reason_reads_in_either_language() {
        let lost = kept(LOST_PROMPT, &["620", "254712345678", "1764900000"]);
        assert_eq!(lost, "reconciliation-why-lost-prompt 620 254712345678 1764900000");
        let en = shown(Lang::En, &lost);
        assert!(en.contains("KES 620") && en.contains("0712 345 678"), "{en}");
        let sw = shown(Lang::Sw, &lost);
        assert!(sw.starts_with("Kidirisha cha malipo cha KES 620"), "{sw}");
        let said = shown(Lang::En, &kept(NOT_CONFIRMED, &["The transaction does not exist"]));
        assert!(said.ends_with("The transaction does not exist"), "{said}");
        assert_ne!(shown(Lang::Sw, UNRECORDED), shown(Lang::En, UNRECORDED));
    }

    #[test]
    fn text_from_before_keys_and_broken_details_are_shown_as_they_are() {
        assert_eq!(shown(Lang::Sw, "M-Pesa did not answer"), "M-Pesa did not answer");
        let broken = "reconciliation-why-lost-prompt 620";
        assert_eq!(shown(Lang::En, broken), broken);
    }
}
