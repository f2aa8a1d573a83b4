//! Tracking IDs: the seed's examples, and property tests for every check
//! digit — generated valid numbers pass, and every single-character
//! substitution fails exactly when the algorithm can detect it.

use csba_domain::tracking::{check, check_digit, normalize, Carrier, Rejection};
use proptest::prelude::*;

fn digits(n: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, n).prop_map(|v| v.into_iter().map(|d| b'0' + d).collect())
}

fn letters(n: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..26, n).prop_map(|v| v.into_iter().map(|d| b'A' + d).collect())
}

fn alnum(n: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..36, n)
        .prop_map(|v| v.into_iter().map(|d| if d < 10 { b'0' + d } else { b'A' + d - 10 }).collect())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn with(bytes: &[u8], at: usize, b: u8) -> String {
    let mut v = bytes.to_vec();
    v[at] = b;
    text(&v)
}

/// Another digit than `old` (offset 1–9, so the test never has to discard a case).
fn other_digit(old: u8, offset: u8) -> u8 {
    b'0' + (old - b'0' + offset) % 10
}

fn s10_number(prefix: &[u8], serial: &[u8], suffix: &[u8]) -> Option<Vec<u8>> {
    let c = check_digit::s10(serial)?;
    Some([prefix, serial, &[b'0' + c], suffix].concat())
}

/// The residue the S10 check digit is derived from.
fn s10_residue(serial: &[u8]) -> u32 {
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    serial.iter().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum::<u32>() % 11
}

fn fedex12_residue(payload: &[u8]) -> u32 {
    const W: [u32; 3] = [3, 1, 7];
    payload.iter().enumerate().map(|(i, b)| u32::from(b - b'0') * W[i % 3]).sum::<u32>() % 11
}

#[test]
fn the_seed_number_is_valid_china_post() {
    let c = check("EV876297563CN", None);
    assert_eq!(c.result, Ok(()));
    assert_eq!(c.carrier, Some(Carrier::ChinaPost));
    assert_eq!(c.normalized, "EV876297563CN");
    // As a seller in Japan might type it.
    let c = check("ＥＶ　８７６－２９７－５６３　ｃｎ", Some(Carrier::ChinaPost));
    assert_eq!((c.result, c.normalized.as_ref()), (Ok(()), "EV876297563CN"));
}

#[test]
fn japan_post_and_other_posts_by_suffix() -> Result<(), String> {
    let jp = s10_number(b"EJ", b"12345678", b"JP").ok_or("s10")?;
    assert_eq!(check(&text(&jp), None).carrier, Some(Carrier::JapanPost));
    let gb = s10_number(b"RB", b"12345678", b"GB").ok_or("s10")?;
    assert_eq!(check(&text(&gb), None).carrier, Some(Carrier::UpuS10));
    assert_eq!(check(&text(&gb), Some(Carrier::UpuS10)).result, Ok(()));
    assert_eq!(check(&text(&gb), Some(Carrier::ChinaPost)).result, Err(Rejection::CarrierMismatch));
    Ok(())
}

#[test]
fn rejection_codes_are_stable() {
    let codes: Vec<&str> = Rejection::ALL.iter().map(|r| r.code()).collect();
    assert_eq!(
        codes,
        [
            "empty",
            "invalid_characters",
            "unknown_format",
            "check_digit_mismatch",
            "carrier_mismatch",
            "unknown_carrier"
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn normalization_is_idempotent(s in "\\PC{0,30}") {
        let once = normalize(&s).into_owned();
        prop_assert_eq!(normalize(&once).into_owned(), once);
    }

    #[test]
    fn full_width_and_separators_do_not_change_the_verdict(
        prefix in letters(2), serial in digits(8), suffix in letters(2), lower in any::<bool>()
    ) {
        let n = s10_number(&prefix, &serial, &suffix).unwrap_or_default();
        let plain = text(&n);
        let wide: String = plain.chars().map(|c| {
            let c = if lower { c.to_ascii_lowercase() } else { c };
            char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
        }).collect();
        let spaced = format!(" {}-{}\u{3000}{} ", &wide[..6], &wide[6..18], &wide[18..]);
        let c = check(&spaced, None);
        prop_assert_eq!(c.normalized.as_ref(), plain.as_str());
        prop_assert_eq!(c.result, Ok(()));
    }

    // UPU S10: the letters are not covered; a serial digit change is missed
    // only when the residue moves between 0 and 6 (11 → 5 and 11 − 6 = 5);
    // a check-digit change is always seen.
    #[test]
    fn s10(prefix in letters(2), serial in digits(8), suffix in letters(2), pos in 2usize..11, to in 1u8..10) {
        let n = s10_number(&prefix, &serial, &suffix).unwrap_or_default();
        prop_assert!(check(&text(&n), None).is_valid());
        let new = other_digit(n[pos], to);
        let mutated = with(&n, pos, new);
        let detected = if pos < 10 {
            let mut s = serial.clone();
            s[pos - 2] = new;
            let (r, r2) = (s10_residue(&serial), s10_residue(&s));
            !matches!((r, r2), (0, 6) | (6, 0))
        } else {
            true
        };
        prop_assert_eq!(check(&mutated, None).is_valid(), !detected, "{} → {}", text(&n), mutated);
        if detected {
            prop_assert_eq!(check(&mutated, None).result, Err(Rejection::CheckDigitMismatch));
        }
    }

    // UPS 1Z: weights 1,2 on mapped values mod 10; a change is missed
    // exactly when weight × (value difference) is a multiple of 10.
    #[test]
    fn ups(body in alnum(15), pos in 2usize..18, to in 1u8..36) {
        let c = check_digit::ups(&body).unwrap_or(0);
        let n = [b"1Z".as_slice(), &body, &[b'0' + c]].concat();
        prop_assert_eq!(check(&text(&n), None).carrier, Some(Carrier::Ups));
        prop_assert!(check(&text(&n), None).is_valid());
        let index = |b: u8| if b.is_ascii_digit() { b - b'0' } else { b - b'A' + 10 };
        let shifted = (index(n[pos]) + to) % 36;
        let new = if shifted < 10 { b'0' + shifted } else { b'A' + shifted - 10 };
        let mutated = with(&n, pos, new);
        let detected = if pos == 17 {
            true
        } else {
            let w = if (pos - 2) % 2 == 1 { 2 } else { 1 };
            let old = check_digit::ups_value(n[pos]).unwrap_or(0);
            let val = check_digit::ups_value(new).unwrap_or(0);
            // Missed exactly when the weighted difference is 0 mod 10.
            let moved = (w * (10 + val - old)) % 10;
            moved != 0
        };
        prop_assert_eq!(check(&mutated, None).is_valid(), !detected, "{} → {}", text(&n), mutated);
    }

    // FedEx 12: the weighted sum mod 11 always moves; only 0 ↔ 10 is
    // missed (both become check digit 0). Tested on the algorithm: a
    // 12-digit number may also be a valid Japanese domestic number.
    #[test]
    fn fedex12(payload in digits(11), pos in 0usize..12, to in 1u8..10) {
        let c = check_digit::fedex12(&payload).unwrap_or(0);
        let n = [payload.as_slice(), &[b'0' + c]].concat();
        let passes = |n: &[u8]| check_digit::fedex12(&n[..11]).map(|c| b'0' + c) == Some(n[11]);
        prop_assert!(passes(&n));
        prop_assert_eq!(check(&text(&n), Some(Carrier::Fedex)).result, Ok(()));
        let new = other_digit(n[pos], to);
        let mut m = n.clone();
        m[pos] = new;
        let detected = pos == 11 || !matches!((fedex12_residue(&n[..11]), fedex12_residue(&m[..11])), (0, 10) | (10, 0));
        prop_assert_eq!(passes(&m), !detected);
        prop_assert_eq!(check(&text(&m), Some(Carrier::Fedex)).is_valid(), !detected);
    }

    // FedEx 15 (mod 10, weights 3,1): every single-digit change is seen.
    #[test]
    fn fedex15(payload in digits(14), pos in 0usize..15, to in 1u8..10) {
        let c = check_digit::mod10_weights_3_1(&payload).unwrap_or(0);
        let n = [payload.as_slice(), &[b'0' + c]].concat();
        prop_assert_eq!(check(&text(&n), None).carrier, Some(Carrier::Fedex));
        prop_assert!(check(&text(&n), None).is_valid());
        let new = other_digit(n[pos], to);
        prop_assert_eq!(check(&with(&n, pos, new), None).result, Err(Rejection::CheckDigitMismatch));
    }

    // USPS IMpb (20–22 digits, optionally after 420 + ZIP): mod 10, weights
    // 3,1 from the right; every single-digit change in the barcode is seen.
    #[test]
    fn usps_impb(len in 20usize..23, payload in digits(21), zip in prop::option::of(digits(5)), pos in 0usize..22, to in 1u8..10) {
        let payload = &payload[..len - 1];
        let c = check_digit::mod10_weights_3_1(payload).unwrap_or(0);
        let body = [payload, &[b'0' + c]].concat();
        let prefix = zip.map(|z| [b"420".as_slice(), &z].concat()).unwrap_or_default();
        let n = [prefix.as_slice(), &body].concat();
        prop_assert_eq!(check(&text(&n), None).carrier, Some(Carrier::Usps));
        prop_assert!(check(&text(&n), None).is_valid());
        let at = prefix.len() + pos % len;
        prop_assert!(!check(&with(&n, at, other_digit(n[at], to)), Some(Carrier::Usps)).is_valid());
    }

    // DHL Express (10–11 digits, mod 7): a payload digit changed by ±7 is
    // missed; every other change, and any check-digit change, is seen.
    #[test]
    fn dhl_express(len in 10usize..12, payload in digits(10), pos in 0usize..11, to in 1u8..10) {
        let payload = &payload[..len - 1];
        let c = check_digit::mod7(payload).unwrap_or(0);
        let n = [payload, &[b'0' + c]].concat();
        prop_assert_eq!(check(&text(&n), None).carrier, Some(Carrier::DhlExpress));
        let pos = pos % len;
        let new = other_digit(n[pos], to);
        let detected = pos == len - 1 || n[pos].abs_diff(new) != 7;
        prop_assert_eq!(check(&with(&n, pos, new), None).is_valid(), !detected);
    }

    // Yamato, Sagawa, Japan Post domestic (12 digits, mod 7): the same rule.
    #[test]
    fn japan_domestic(payload in digits(11), pos in 0usize..12, to in 1u8..10, which in 0usize..3) {
        let carrier = [Carrier::Yamato, Carrier::Sagawa, Carrier::JapanPostDomestic][which];
        let c = check_digit::mod7(&payload).unwrap_or(0);
        let n = [payload.as_slice(), &[b'0' + c]].concat();
        let t = text(&n);
        let v = check(&t, Some(carrier));
        prop_assert_eq!((v.result, v.carrier), (Ok(()), Some(carrier)));
        let undeclared = check(&t, None);
        prop_assert!(undeclared.candidates.contains(Carrier::Yamato) && undeclared.candidates.contains(Carrier::Sagawa));
        let new = other_digit(n[pos], to);
        let detected = pos == 11 || n[pos].abs_diff(new) != 7;
        prop_assert_eq!(check(&with(&n, pos, new), Some(carrier)).is_valid(), !detected);
    }

    #[test]
    fn check_never_panics(s in "\\PC{0,40}", declared in prop::option::of(0usize..14)) {
        let _ = check(&s, declared.map(|i| Carrier::ALL[i]));
    }
}
