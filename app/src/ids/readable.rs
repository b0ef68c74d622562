//! Codes a person can read out on the phone and type back: letters and digits without the look-alikes (no 0/O,
//! 1/I/L, U/V). Application references, document codes and help-desk cases are made of them.

/// The 29 characters.
pub const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// `length` characters, each picked by `pick(29)` (a random index in production, fixed in tests).
pub fn generate(length: usize, mut pick: impl FnMut(usize) -> usize) -> String {
    (0..length)
        .map(|_| ALPHABET[pick(ALPHABET.len()) % ALPHABET.len()] as char)
        .collect()
}

/// A code as people type it: any case, with spaces and dashes anywhere (`7kq2-m9xd 4tnb`), made compact.
pub fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Every character of `text` is one of them.
pub fn is(text: &str) -> bool {
    text.bytes().all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_are_left_out() {
        for c in ['0', 'O', '1', 'I', 'L', 'U', 'V'] {
            assert!(!is(&c.to_string()), "{c}");
        }
        assert_eq!(generate(3, |_| 0), "222");
        assert!(is(&generate(12, |n| n - 1)));
        assert_eq!(compact(" 7kq2-m9xd 4tnb"), "7KQ2M9XD4TNB");
    }
}
