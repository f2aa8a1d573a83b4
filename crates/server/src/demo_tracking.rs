//! Tracking numbers for the demo's shipped orders: random, so no two demo
//! orders share one across batches, and valid, with each carrier's check
//! digit, so the app shows them as a seller's real uploads would look.

use csba_domain::tracking::{check_digit, Carrier};
use rand::Rng;

/// A valid number of `carrier` (the carriers the demo script uses; any
/// other gets a UPU S10 of its country-less form, which the script avoids).
pub fn tracking_number(carrier: Carrier, rng: &mut impl Rng) -> String {
    match carrier {
        // Japan's domestic 12 digits: the first 11 as a number, mod 7.
        Carrier::Yamato | Carrier::Sagawa | Carrier::JapanPostDomestic => {
            let payload = digits(rng, 11);
            with_digit(payload.clone(), check_digit::mod7(payload.as_bytes()))
        }
        // 1Z, a 6-character shipper number, a 2-digit service, 7 digits.
        Carrier::Ups => {
            let body = format!("V8A2E6{:02}{}", rng.gen_range(1..=3), digits(rng, 7));
            format!("1Z{}", with_digit(body.clone(), check_digit::ups(body.as_bytes())))
        }
        // IMpb: 9400 (USPS Tracking) and 17 digits, then mod 10 weights 3,1.
        Carrier::Usps => {
            let payload = format!("9400{}", digits(rng, 17));
            with_digit(payload.clone(), check_digit::mod10_weights_3_1(payload.as_bytes()))
        }
        // UPU S10, e.g. EV876297563CN for China Post's EMS.
        other => {
            let serial = digits(rng, 8);
            let country = if other == Carrier::JapanPost { "JP" } else { "CN" };
            format!("EV{}{country}", with_digit(serial.clone(), check_digit::s10(serial.as_bytes())))
        }
    }
}

fn digits(rng: &mut impl Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.gen_range(0..10u8))).collect()
}

fn with_digit(mut payload: String, digit: Option<u8>) -> String {
    payload.push(char::from(b'0' + digit.unwrap_or(0)));
    payload
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_domain::tracking;

    #[test]
    fn every_number_is_valid_for_its_carrier() {
        let mut rng = rand::thread_rng();
        for carrier in [
            Carrier::Yamato,
            Carrier::Sagawa,
            Carrier::JapanPostDomestic,
            Carrier::Ups,
            Carrier::Usps,
            Carrier::ChinaPost,
            Carrier::JapanPost,
        ] {
            for _ in 0..200 {
                let number = tracking_number(carrier, &mut rng);
                let check = tracking::check(&number, Some(carrier));
                assert_eq!(check.result, Ok(()), "{carrier:?} {number}");
                assert_eq!(check.carrier, Some(carrier), "{number}");
                assert_eq!(check.normalized, number.as_str());
            }
        }
    }
}
