//! Tracking IDs: normalization, carrier detection, check digits.
//!
//! CSBA answers "where is my parcel" from the tracking ID the seller gave and
//! may refund the buyer (from the seller's proceeds) when it cannot find the
//! parcel, so a mistyped number costs money. [`check`] catches what can be
//! caught before the number goes to Amazon: characters that cannot be in a
//! tracking ID, shapes no carrier uses, wrong check digits, and a number that
//! does not belong to the carrier the seller chose.
//!
//! Several carriers share a shape (a 12-digit number may be FedEx Express or
//! any of the three Japanese domestic carriers), so detection gives a set of
//! candidates, never a guess presented as a fact; a declared carrier picks
//! among them.

pub mod carrier;
pub mod check_digit;
mod normalize;

pub use carrier::{Carrier, CarrierSet, Format};
pub use normalize::normalize;
use std::borrow::Cow;

/// Why a tracking ID is rejected. `code()` is stable (CLI JSON, UI, import
/// problems).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// Nothing left after normalization.
    Empty,
    /// A character other than A–Z and 0–9 after normalization.
    InvalidCharacters,
    /// No known carrier uses numbers of this shape.
    UnknownFormat,
    /// The shape is known but the check digit is wrong (a typo).
    CheckDigitMismatch,
    /// The number is valid, but not for the carrier the seller chose.
    CarrierMismatch,
    /// The seller named a carrier code that does not exist.
    UnknownCarrier,
}

impl Rejection {
    pub const ALL: [Rejection; 6] = [
        Rejection::Empty,
        Rejection::InvalidCharacters,
        Rejection::UnknownFormat,
        Rejection::CheckDigitMismatch,
        Rejection::CarrierMismatch,
        Rejection::UnknownCarrier,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rejection::Empty => "empty",
            Rejection::InvalidCharacters => "invalid_characters",
            Rejection::UnknownFormat => "unknown_format",
            Rejection::CheckDigitMismatch => "check_digit_mismatch",
            Rejection::CarrierMismatch => "carrier_mismatch",
            Rejection::UnknownCarrier => "unknown_carrier",
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The verdict on one tracking ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingCheck<'a> {
    /// The normalized number (borrowed from the input when already normal).
    pub normalized: Cow<'a, str>,
    /// Every carrier whose format the number passes (check digit included).
    /// When the check digit fails everywhere: the carriers whose shape it has.
    pub candidates: CarrierSet,
    /// The carrier to record: the declared one when it matches, otherwise
    /// the first candidate in `Carrier::ALL` order; `None` when nothing fits.
    pub carrier: Option<Carrier>,
    /// The format of `carrier`'s match.
    pub format: Option<Format>,
    pub result: Result<(), Rejection>,
}

impl TrackingCheck<'_> {
    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }
    /// More than one carrier fits and none was declared to choose.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }
}

/// One format a number has the shape of, and whether it passes its check.
#[derive(Debug, Clone, Copy)]
struct Match {
    format: Format,
    carriers: CarrierSet,
    passes: bool,
}

/// At most this many formats can share one shape (12 digits: FedEx, Japan
/// domestic); a fixed array keeps the check allocation-free.
const MAX_MATCHES: usize = 4;

/// Checks `input` (as typed) against every known format and, if given, the
/// carrier the seller declared.
pub fn check(input: &str, declared: Option<Carrier>) -> TrackingCheck<'_> {
    let normalized = normalize(input);
    let mut found = [None; MAX_MATCHES];
    let outcome = {
        let bytes = normalized.as_bytes();
        if bytes.is_empty() {
            Err(Rejection::Empty)
        } else if !bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            Err(Rejection::InvalidCharacters)
        } else {
            shapes(bytes, &mut found);
            Ok(())
        }
    };
    let matches = found.iter().flatten();
    let verdict = outcome.map_err(|r| (r, CarrierSet::default(), None, None)).and_then(|()| decide(matches, declared));
    match verdict {
        Ok((candidates, carrier, format)) => {
            TrackingCheck { normalized, candidates, carrier: Some(carrier), format: Some(format), result: Ok(()) }
        }
        Err((rejection, candidates, carrier, format)) => {
            TrackingCheck { normalized, candidates, carrier, format, result: Err(rejection) }
        }
    }
}

/// [`check`] with the declared carrier given by its code (as the UI and the
/// CLI receive it): an unknown code is the `unknown_carrier` rejection.
pub fn check_with_code<'a>(input: &'a str, declared: Option<&str>) -> TrackingCheck<'a> {
    match declared.map(|code| Carrier::from_code(code).ok_or(code)) {
        Some(Err(_)) => TrackingCheck {
            normalized: normalize(input),
            candidates: CarrierSet::default(),
            carrier: None,
            format: None,
            result: Err(Rejection::UnknownCarrier),
        },
        Some(Ok(c)) => check(input, Some(c)),
        None => check(input, None),
    }
}

type Verdict = Result<(CarrierSet, Carrier, Format), (Rejection, CarrierSet, Option<Carrier>, Option<Format>)>;

fn decide<'m>(matches: impl Iterator<Item = &'m Match> + Clone, declared: Option<Carrier>) -> Verdict {
    let passing: CarrierSet = matches.clone().filter(|m| m.passes).flat_map(|m| m.carriers.iter()).collect();
    let shaped: CarrierSet = matches.clone().flat_map(|m| m.carriers.iter()).collect();
    let format_of = |c: Carrier, passes: bool| {
        matches.clone().find(|m| m.carriers.contains(c) && (m.passes || !passes)).map(|m| m.format)
    };
    let Some(first_shaped) = shaped.first() else {
        return Err((Rejection::UnknownFormat, shaped, None, None));
    };
    let Some(declared) = declared else {
        return match passing.first() {
            Some(c) => match format_of(c, true) {
                Some(f) => Ok((passing, c, f)),
                None => Err((Rejection::CheckDigitMismatch, shaped, Some(c), None)),
            },
            None => Err((Rejection::CheckDigitMismatch, shaped, Some(first_shaped), format_of(first_shaped, false))),
        };
    };
    // The declared carrier decides among the formats it may use.
    let accepted = |m: &&Match| m.carriers.iter().any(|c| declared.accepts(c, m.format));
    if let Some(m) = matches.clone().filter(|m| m.passes).find(accepted) {
        return Ok((passing, declared, m.format));
    }
    if let Some(m) = matches.clone().find(accepted) {
        return Err((Rejection::CheckDigitMismatch, shaped, Some(declared), Some(m.format)));
    }
    let (set, passes) = if passing.is_empty() { (shaped, false) } else { (passing, true) };
    let detected = set.first().unwrap_or(first_shaped);
    Err((Rejection::CarrierMismatch, set, Some(detected), format_of(detected, passes)))
}

/// Fills `out` with every format `n` (normalized, A–Z0–9 only) has the shape
/// of, and whether it passes that format's check.
fn shapes(n: &[u8], out: &mut [Option<Match>; MAX_MATCHES]) {
    let mut k = 0;
    let mut push = |format: Format, carriers: CarrierSet, passes: bool| {
        if let Some(slot) = out.get_mut(k) {
            *slot = Some(Match { format, carriers, passes });
            k += 1;
        }
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let letters = |s: &[u8]| s.iter().all(u8::is_ascii_uppercase);
    let one = |c: Carrier| [c].into_iter().collect::<CarrierSet>();
    let len = n.len();

    // UPU S10: AA 12345678 9 CC.
    if len == 13 && letters(&n[..2]) && digits(&n[2..11]) && letters(&n[11..]) {
        let carrier = match &n[11..] {
            b"CN" => Carrier::ChinaPost,
            b"JP" => Carrier::JapanPost,
            b"US" => Carrier::Usps,
            _ => Carrier::UpuS10,
        };
        let passes = check_digit::ends_with_digit(&n[..11], check_digit::s10(&n[2..10]));
        push(Format::S10, one(carrier), passes);
    }
    // UPS: 1Z + 15 characters + check digit.
    if len == 18 && n.starts_with(b"1Z") && n[2..].iter().all(u8::is_ascii_alphanumeric) {
        push(Format::Ups1Z, one(Carrier::Ups), check_digit::ends_with_digit(n, check_digit::ups(&n[2..17])));
    }
    if digits(n) {
        match len {
            10 | 11 => {
                let passes = check_digit::ends_with_digit(n, check_digit::mod7(&n[..len - 1]));
                push(Format::DhlExpress, one(Carrier::DhlExpress), passes);
            }
            12 => {
                push(
                    Format::Fedex12,
                    one(Carrier::Fedex),
                    check_digit::ends_with_digit(n, check_digit::fedex12(&n[..11])),
                );
                let japan: CarrierSet =
                    [Carrier::Yamato, Carrier::Sagawa, Carrier::JapanPostDomestic].into_iter().collect();
                push(Format::JapanDomestic12, japan, check_digit::ends_with_digit(n, check_digit::mod7(&n[..11])));
            }
            15 => {
                let passes = check_digit::ends_with_digit(n, check_digit::mod10_weights_3_1(&n[..14]));
                push(Format::Fedex15, one(Carrier::Fedex), passes);
            }
            _ => {}
        }
        // USPS IMpb: 20–22 digits, possibly after 420 + a 5- or 9-digit ZIP.
        let impb = |s: &[u8]| (20..=22).contains(&s.len());
        let body = if impb(n) {
            Some(n)
        } else if n.starts_with(b"420") && impb(&n[8..]) {
            Some(&n[8..])
        } else if n.starts_with(b"420") && len > 12 && impb(&n[12..]) {
            Some(&n[12..])
        } else {
            None
        };
        if let Some(body) = body {
            let passes = check_digit::ends_with_digit(body, check_digit::mod10_weights_3_1(&body[..body.len() - 1]));
            push(Format::UspsImpb, one(Carrier::Usps), passes);
        }
    }
    // Cross-border lines without a check digit: the pattern is all we have.
    if len == 18 && n.starts_with(b"YT") && digits(&n[2..]) {
        push(Format::YunExpress, one(Carrier::YunExpress), true);
    }
    if n.starts_with(b"4PX") {
        let rest = n[3..].strip_suffix(b"CN").unwrap_or(&n[3..]);
        if (10..=16).contains(&rest.len()) && digits(rest) {
            push(Format::FourPx, one(Carrier::FourPx), true);
        }
    }
    if n.starts_with(b"LP") && (14..=16).contains(&(len - 2)) && digits(&n[2..]) {
        push(Format::Cainiao, one(Carrier::Cainiao), true);
    }
    if n.starts_with(b"SF") && (12..=13).contains(&(len - 2)) && digits(&n[2..]) {
        push(Format::SfExpress, one(Carrier::SfExpress), true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str, declared: Option<Carrier>) -> Result<Option<Carrier>, &'static str> {
        let c = check(input, declared);
        c.result.map(|()| c.carrier).map_err(Rejection::code)
    }

    #[test]
    fn the_seed_china_post_number_is_valid_china_post() {
        assert_eq!(code("EV876297563CN", None), Ok(Some(Carrier::ChinaPost)));
        assert_eq!(code("ev 876 297 563 cn", Some(Carrier::ChinaPost)), Ok(Some(Carrier::ChinaPost)));
        assert_eq!(code("ＥＶ８７６２９７５６３ＣＮ", None), Ok(Some(Carrier::ChinaPost)));
        assert_eq!(code("EV876297563CN", Some(Carrier::UpuS10)), Ok(Some(Carrier::UpuS10)));
    }

    #[test]
    fn a_typo_in_the_seed_number_is_a_check_digit_mismatch() {
        assert_eq!(code("EV876297564CN", None), Err("check_digit_mismatch"));
        assert_eq!(code("EV876927563CN", None), Err("check_digit_mismatch"));
    }

    #[test]
    fn declared_carrier_must_match() {
        assert_eq!(code("EV876297563CN", Some(Carrier::Yamato)), Err("carrier_mismatch"));
        assert_eq!(code("1Z999AA10123456784", Some(Carrier::Fedex)), Err("carrier_mismatch"));
        assert_eq!(code("1Z999AA10123456784", Some(Carrier::Ups)), Ok(Some(Carrier::Ups)));
    }

    #[test]
    fn twelve_digits_may_be_fedex_or_japanese_domestic() {
        // 986578788855 passes FedEx; mod 7 of 98657878885 is 1, so not Japan.
        let c = check("986578788855", None);
        assert_eq!(c.result, Ok(()));
        assert_eq!(c.carrier, Some(Carrier::Fedex));
        assert_eq!(code("986578788855", Some(Carrier::Yamato)), Err("check_digit_mismatch"));
        // 123456789013: 12345678901 mod 7 = 3 → Yamato/Sagawa/Japan Post all fit.
        let c = check("1234-5678-9013", None);
        assert_eq!(c.result, Ok(()));
        assert!(c.candidates.contains(Carrier::Yamato) && c.candidates.contains(Carrier::Sagawa));
        assert!(c.is_ambiguous());
        assert_eq!(code("123456789013", Some(Carrier::Sagawa)), Ok(Some(Carrier::Sagawa)));
        assert_eq!(code("123456789013", Some(Carrier::JapanPost)), Ok(Some(Carrier::JapanPost)));
    }

    #[test]
    fn every_rejection_has_its_code() {
        assert_eq!(code("  ", None), Err("empty"));
        assert_eq!(code("12#34", None), Err("invalid_characters"));
        assert_eq!(code("ABC", None), Err("unknown_format"));
        assert_eq!(code("EV876297563CN", Some(Carrier::Fedex)), Err("carrier_mismatch"));
        assert_eq!(check_with_code("EV876297563CN", Some("pigeon")).result, Err(Rejection::UnknownCarrier));
        assert_eq!(check_with_code("EV876297563CN", Some("china-post")).result, Ok(()));
    }

    #[test]
    fn pattern_only_lines() {
        assert_eq!(code("YT2212345678901234", None), Ok(Some(Carrier::YunExpress)));
        assert_eq!(code("4PX3000951357226CN", None), Ok(Some(Carrier::FourPx)));
        assert_eq!(code("LP00123456789012", None), Ok(Some(Carrier::Cainiao)));
        assert_eq!(code("SF1234567890123", None), Ok(Some(Carrier::SfExpress)));
        assert_eq!(code("YT22123456", None), Err("unknown_format"));
    }

    #[test]
    fn usps_impb_with_and_without_routing_prefix() -> Result<(), String> {
        let body = "9400111899223100000000";
        let payload = &body[..21];
        let c = check_digit::mod10_weights_3_1(payload.as_bytes()).ok_or("no digit")?;
        let valid = format!("{payload}{c}");
        assert_eq!(code(&valid, None), Ok(Some(Carrier::Usps)));
        assert_eq!(code(&format!("42010001{valid}"), None), Ok(Some(Carrier::Usps)));
        assert_eq!(code(&format!("420100011234{valid}"), None), Ok(Some(Carrier::Usps)));
        Ok(())
    }

    #[test]
    fn dhl_express_is_mod_7() {
        // 123456789 mod 7 = 1.
        assert_eq!(code("1234567891", None), Ok(Some(Carrier::DhlExpress)));
        assert_eq!(code("1234567892", None), Err("check_digit_mismatch"));
    }
}
