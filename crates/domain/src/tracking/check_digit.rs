//! The check-digit algorithms of the carriers, on ASCII bytes. Each
//! `*_check_digit` computes the digit a payload must end with; callers
//! compare it with the last character. Inputs must already have the right
//! shape (length, digits/letters); the functions return `None` otherwise
//! rather than panic.
//!
//! What each algorithm can detect (asserted exactly by the property tests in
//! `tests/tracking.rs`):
//! - UPU S10: any change of the check digit; a change of one serial digit
//!   unless it moves `sum mod 11` between 0 and 6 (both give check digit 5,
//!   because 11 → 5). The weights are all non-zero mod 11, so the residue
//!   always moves; only that collapse hides it. (11 − 1 = 10 → 0 is unique.)
//!   The letters are not covered by the check digit.
//! - UPS 1Z: any change whose mapped value difference times its weight
//!   (1 or 2) is not a multiple of 10, i.e. a change by ±5 in a weight-2
//!   position, or between letters with the same mapped value, goes unseen.
//! - FedEx 12 and the FedEx 32/34-digit barcodes: the weighted sum mod 11
//!   always moves (every weight is non-zero mod 11); it is missed only when
//!   it moves between 0 and 10 (both give check digit 0 after mod 10).
//! - mod 10 with weights 3,1 (GS1: SSCC-18; FedEx 15 and the FedEx Ground
//!   96 barcode; USPS IMpb, USPS 20 and legacy): every single-digit change
//!   of a covered digit (3 is invertible mod 10). Digits outside the covered
//!   payload (FedEx 96's first seven) are not protected at all.
//! - mod 7 (DHL Express, Yamato, Sagawa, Japan Post domestic): any change of
//!   the check digit; a payload digit changed by exactly ±7 is missed (10^k
//!   is never a multiple of 7, so every other change moves the residue).

/// UPU S10 (`AA` + 8-digit serial + check digit + `CC`): weights
/// 8,6,4,2,3,5,9,7; c = 11 − (sum mod 11); 10 → 0; 11 → 5.
pub fn s10(serial: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    if serial.len() != 8 {
        return None;
    }
    let mut sum = 0u32;
    for (b, w) in serial.iter().zip(WEIGHTS) {
        sum += digit(*b)? * w;
    }
    Some(match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c as u8,
    })
}

/// The value UPS gives a character of a 1Z number: digits as themselves,
/// letters as (position in the alphabet + 2) mod 10, so A=2 … H=9, I=0, J=1 ….
pub fn ups_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'A'..=b'Z' => Some((u32::from(b - b'A') + 2) % 10),
        _ => None,
    }
}

/// UPS: the 15 characters after `1Z` (before the check digit); odd positions
/// weight 1, even positions weight 2; c = (10 − sum mod 10) mod 10.
pub fn ups(body: &[u8]) -> Option<u8> {
    if body.len() != 15 {
        return None;
    }
    let mut sum = 0u32;
    for (i, b) in body.iter().enumerate() {
        sum += ups_value(*b)? * if i % 2 == 1 { 2 } else { 1 };
    }
    Some(((10 - sum % 10) % 10) as u8)
}

/// FedEx Express 12 digits: the first 11 digits weighted 3,1,7,3,1,7,…
/// from the left (1,3,7,… from the right), sum mod 11, then mod 10.
pub fn fedex12(payload: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 3] = [3, 1, 7];
    if payload.len() != 11 {
        return None;
    }
    let mut sum = 0u32;
    for (i, b) in payload.iter().enumerate() {
        sum += digit(*b)? * WEIGHTS[i % 3];
    }
    Some((sum % 11 % 10) as u8)
}

/// FedEx 34-digit barcode (Express, and Ground's "GSN" barcode starting
/// `96`): the 13-digit serial before the last digit, weighted 1,7,3,1,7,3,…
/// from the left, sum mod 11, then mod 10. Source: `tracking_number_data`
/// `couriers/fedex.json`, `fedex_34` and `fedex_ground_gsn`
/// (`sum_product_with_weightings_and_modulo`, weightings
/// 1,7,3,1,7,3,1,7,3,1,7,3,1, modulo1 11, modulo2 10). The last 11 serial
/// digits get 3,1,7,…, the FedEx 12 weights: the last 12 digits are the
/// FedEx Express tracking number the barcode carries.
pub fn fedex34(serial: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 3] = [1, 7, 3];
    if serial.len() != 13 {
        return None;
    }
    let mut sum = 0u32;
    for (i, b) in serial.iter().enumerate() {
        sum += digit(*b)? * WEIGHTS[i % 3];
    }
    Some((sum % 11 % 10) as u8)
}

/// GS1 mod 10 (GS1 General Specifications, "check digit calculation"):
/// weights 3,1,3,1,… starting from the rightmost payload digit;
/// c = (10 − sum mod 10) mod 10. SSCC-18 (over its first 17 digits), FedEx
/// 15-digit Ground, the FedEx Ground 96 barcode (over its 14-digit serial),
/// USPS IMpb and USPS 20.
///
/// `tracking_number_data` writes the USPS and FedEx ones as `mod10` with
/// `evens_multiplier` 3 / `odds_multiplier` 1 (or the reverse) counted from
/// the left or the right; every payload it applies them to has a length for
/// which that is this same weighting.
pub fn mod10_weights_3_1(payload: &[u8]) -> Option<u8> {
    if payload.is_empty() {
        return None;
    }
    let mut sum = 0u32;
    for (i, b) in payload.iter().rev().enumerate() {
        sum += digit(*b)? * if i % 2 == 0 { 3 } else { 1 };
    }
    Some(((10 - sum % 10) % 10) as u8)
}

/// USPS legacy 20-digit Delivery/Signature Confirmation numbers printed
/// without their `91` application identifier: the check digit is computed as
/// if `91` stood in front (`tracking_number_data` `couriers/usps.json`,
/// `usps_legacy`: `serial_number_format.prepend_if` "91"). The 19-digit
/// payload becomes 21 digits, so `9` weighs 3 and `1` weighs 1: the sum
/// grows by 28.
pub fn usps_legacy20(payload: &[u8]) -> Option<u8> {
    if payload.len() != 19 {
        return None;
    }
    let mut with_ai = [0u8; 21];
    with_ai[..2].copy_from_slice(b"91");
    with_ai[2..].copy_from_slice(payload);
    mod10_weights_3_1(&with_ai)
}

/// The payload read as a decimal number, mod 7 (DHL Express; Yamato, Sagawa
/// and Japan Post domestic). Computed digit by digit, so any length works.
pub fn mod7(payload: &[u8]) -> Option<u8> {
    if payload.is_empty() {
        return None;
    }
    let mut r = 0u32;
    for b in payload {
        r = (r * 10 + digit(*b)?) % 7;
    }
    Some(r as u8)
}

/// Whether `number` ends with `expected` as an ASCII digit.
pub(crate) fn ends_with_digit(number: &[u8], expected: Option<u8>) -> bool {
    match (number.last(), expected) {
        (Some(last), Some(c)) => *last == b'0' + c,
        _ => false,
    }
}

fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_china_post_number_has_the_right_s10_digit() {
        // EV 87629756 3 CN, from the JP seed's order page.
        assert_eq!(s10(b"87629756"), Some(3));
    }

    #[test]
    fn s10_collapses_10_to_0_and_11_to_5() {
        // sum mod 11 = 0 → 5; = 1 → 0.
        assert_eq!(s10(b"00000000"), Some(5));
        assert_eq!(s10(b"00000008"), Some(0)); // 8*7 = 56 ≡ 1 (mod 11)
    }

    #[test]
    fn ups_known_number() {
        // 1Z999AA10123456784 is UPS's published sample.
        assert_eq!(ups(b"999AA1012345678"), Some(4));
    }

    #[test]
    fn fedex_and_mod10_known_numbers() {
        assert_eq!(fedex12(b"98657878885"), Some(5)); // 986578788855
                                                      // The GS1 example UPC-A 0 12345 67890 5 uses the same weights.
        assert_eq!(mod10_weights_3_1(b"01234567890"), Some(5));
    }

    #[test]
    fn fedex34_published_numbers() {
        // tracking_number_data fedex_34 and fedex_ground_gsn valid numbers.
        for n in ["1001921334250001000300779017972697", "9622001560001234567100794808390594"] {
            let n = n.as_bytes();
            assert_eq!(fedex34(&n[20..33]).map(|c| b'0' + c), Some(n[33]));
        }
        assert_eq!(fedex34(b"123"), None);
    }

    #[test]
    fn sscc_and_usps_legacy_published_numbers() {
        // GS1's SSCC example 0 0614141 123456789 + check 0 is "(00) 006141411234567890".
        assert_eq!(mod10_weights_3_1(b"00614141123456789"), Some(0));
        // tracking_number_data usps_legacy: 7196 9010 7560 0307 7385 is valid, …86 not.
        assert_eq!(usps_legacy20(b"7196901075600307738"), Some(5));
        assert_eq!(usps_legacy20(b"71969010756003077"), None);
    }

    #[test]
    fn mod7_is_the_number_mod_7() {
        assert_eq!(mod7(b"12345678901"), Some((12_345_678_901u64 % 7) as u8));
        assert_eq!(mod7(b""), None);
        assert_eq!(mod7(b"12a"), None);
    }
}
