//! Turning what a seller typed or pasted into the canonical form of a
//! tracking ID. Sellers in Japan and China often type with a full-width IME,
//! and ERP exports and carrier labels group digits with spaces or hyphens;
//! none of that is part of the number.

use std::borrow::Cow;

/// Full-width digits and letters become ASCII, every kind of white space
/// (including the ideographic space U+3000) and every dash-like character
/// disappears, and lower case becomes upper case. Other characters are kept
/// so that the check can reject them as `invalid_characters`.
///
/// Already-normal input (the common case in bulk files) is borrowed.
pub fn normalize(input: &str) -> Cow<'_, str> {
    if input.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let c = match c {
            // U+FF01..=U+FF5E mirror ASCII U+0021..=U+007E at a fixed offset.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_whitespace() || is_dash(c) {
            continue;
        }
        out.push(c.to_ascii_uppercase());
    }
    Cow::Owned(out)
}

/// Hyphens, dashes, minus signs and the katakana prolonged sound mark (which
/// a Japanese IME produces for "-" in kana mode).
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
            | '\u{30FC}'
            | '\u{FF0D}'
            | '\u{FF70}'
            | '\u{FE58}'
            | '\u{FE63}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_input_is_borrowed() {
        assert!(matches!(normalize("EV876297563CN"), Cow::Borrowed(_)));
    }

    #[test]
    fn full_width_spaces_dashes_and_case_are_normalized() {
        assert_eq!(normalize("ｅｖ８７６ ２９７－５６３\u{3000}ｃｎ"), "EV876297563CN");
        assert_eq!(normalize("1234-5678‐9012"), "123456789012");
        assert_eq!(normalize("1z 999 aa1 01 2345 6784"), "1Z999AA10123456784");
        assert_eq!(normalize("4912ー3456ー7890"), "491234567890");
        assert_eq!(normalize("12–34—56―78−90"), "1234567890");
        assert_eq!(normalize(" \t\n"), "");
    }

    #[test]
    fn other_characters_are_kept_for_the_check_to_reject() {
        assert_eq!(normalize("12#34"), "12#34");
        assert_eq!(normalize("追跡123"), "追跡123");
    }
}
