//! The country codes an UPU S10 number may end with.
//!
//! UPU standard S10 (Identification of postal items – 13-character
//! identifier) ends the identifier with "the ISO 3166-1 alpha-2 code of the
//! country of the designated operator that issued it"; UPU standard S31
//! pre-allocates exactly those ISO codes to the posts of the UPU members, so
//! no S10 country code exists outside ISO 3166-1. We accept every officially
//! assigned ISO 3166-1 alpha-2 code (territories included: a territory with
//! its own designated operator, such as `HK`, `MO`, `GG`, `JE`, `IM`, `AX`,
//! issues S10 numbers under its own code) and nothing else:
//!
//! - `UK` is refused. It is only *exceptionally reserved* in ISO 3166-1, not
//!   assigned; Royal Mail and Parcelforce print `GB` on their S10 labels, and
//!   a number ending in `UK` is a typo or a private courier imitating the
//!   format.
//! - User-assigned codes (`AA`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`, so also `XK`
//!   for Kosovo, which has no UPU designated operator) are refused; the
//!   `tracking_number_data` fixtures treat `RB123456785XX` as invalid.
//!
//! The list is data (`data/tracking/iso3166-1-alpha2.tsv`), turned into a
//! 26 × 26 table at compile time: no parsing or allocation at run time, and
//! a malformed line fails the build.

const LIST: &[u8] = include_bytes!("../../data/tracking/iso3166-1-alpha2.tsv");

/// `TABLE[(a − 'A') × 26 + (b − 'A')]` is whether `ab` is assigned.
const TABLE: [bool; 26 * 26] = table(LIST);

const fn table(list: &[u8]) -> [bool; 26 * 26] {
    let mut table = [false; 26 * 26];
    let mut i = 0;
    let mut count = 0;
    while i < list.len() {
        // At the start of a line.
        if list[i] == b'#' || list[i] == b'\n' {
            while i < list.len() && list[i] != b'\n' {
                i += 1;
            }
            i += 1;
            continue;
        }
        assert!(i + 2 < list.len(), "truncated line in iso3166-1-alpha2.tsv");
        let (a, b) = (list[i], list[i + 1]);
        assert!(a.is_ascii_uppercase() && b.is_ascii_uppercase(), "a line must start with two capital letters");
        assert!(list[i + 2] == b'\t', "the code must be followed by a tab");
        let at = (a - b'A') as usize * 26 + (b - b'A') as usize;
        assert!(!table[at], "a code is listed twice");
        table[at] = true;
        count += 1;
        while i < list.len() && list[i] != b'\n' {
            i += 1;
        }
        i += 1;
    }
    // ISO 3166-1 has 249 assigned alpha-2 codes; a different count means the
    // file was cut or edited by mistake.
    assert!(count == 249, "iso3166-1-alpha2.tsv must list the 249 assigned codes");
    table
}

/// Whether `code` (two bytes) is an assigned ISO 3166-1 alpha-2 code, and so
/// a country an S10 number can come from.
pub fn is_s10_country(code: &[u8]) -> bool {
    match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => TABLE[(a - b'A') as usize * 26 + (b - b'A') as usize],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assigned_codes_and_territories_are_countries() {
        for code in ["CN", "JP", "US", "GB", "DE", "HK", "MO", "TW", "GG", "JE", "IM", "AX", "CV", "CF", "SS", "BQ"] {
            assert!(is_s10_country(code.as_bytes()), "{code}");
        }
    }

    #[test]
    fn reserved_and_user_assigned_codes_are_not() {
        for code in ["UK", "EU", "XX", "XK", "AA", "ZZ", "QM", "QZ", "EN", "gb", "G", "GBR", "G1"] {
            assert!(!is_s10_country(code.as_bytes()), "{code}");
        }
    }

    #[test]
    fn the_table_has_every_assigned_code() {
        assert_eq!(TABLE.iter().filter(|b| **b).count(), 249);
    }
}
