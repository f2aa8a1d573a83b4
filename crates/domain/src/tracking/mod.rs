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
//! any of the three Japanese domestic carriers; a 20-digit number starting
//! `00` may be an SSCC or a USPS 20), so detection gives a set of
//! candidates, never a guess presented as a fact; a declared carrier picks
//! among them.
//!
//! The US formats follow the published definitions of
//! `tracking_number_data` (github.com/jkeen/tracking_number_data,
//! `couriers/*.json`), whose test numbers are fixtures in
//! `tests/tracking.rs`; each rule names its definition.

pub mod carrier;
pub mod check_digit;
mod country;
mod normalize;

pub use carrier::{Carrier, CarrierSet, Format};
pub use country::is_s10_country;
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
    /// A UPU S10 number whose serial is 00000000: its check digit (5) is
    /// right only because every digit is zero; no post issues it, it is a
    /// placeholder or a template left unfilled.
    ZeroSerial,
    /// A UPU S10 number whose last two letters are not an ISO 3166-1
    /// country code (such as `UK`, or `XX`).
    UnknownCountry,
}

impl Rejection {
    pub const ALL: [Rejection; 8] = [
        Rejection::Empty,
        Rejection::InvalidCharacters,
        Rejection::UnknownFormat,
        Rejection::CheckDigitMismatch,
        Rejection::CarrierMismatch,
        Rejection::UnknownCarrier,
        Rejection::ZeroSerial,
        Rejection::UnknownCountry,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rejection::Empty => "empty",
            Rejection::InvalidCharacters => "invalid_characters",
            Rejection::UnknownFormat => "unknown_format",
            Rejection::CheckDigitMismatch => "check_digit_mismatch",
            Rejection::CarrierMismatch => "carrier_mismatch",
            Rejection::UnknownCarrier => "unknown_carrier",
            Rejection::ZeroSerial => "zero_serial",
            Rejection::UnknownCountry => "unknown_country",
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The USPS routing prefix, `420` + the destination ZIP code (5 or 9
/// digits), that IMpb labels put in front of the tracking number (USPS
/// Publication 199; `tracking_number_data` `RoutingApplicationId` /
/// `DestinationZip`). It routes the parcel; it is not part of the tracking
/// number, so [`check`] takes it off and says so here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Routing {
    zip: [u8; 9],
    len: u8,
}

impl Routing {
    fn new(zip: &[u8]) -> Routing {
        let mut r = Routing { zip: [b'0'; 9], len: 0 };
        let len = zip.len().min(9);
        r.zip[..len].copy_from_slice(&zip[..len]);
        r.len = len as u8;
        r
    }
    /// The ZIP code: 5 digits, or 9 (ZIP+4) without a hyphen.
    pub fn zip(&self) -> &str {
        std::str::from_utf8(&self.zip[..usize::from(self.len)]).unwrap_or_default()
    }
    /// How many characters were taken off the number: 8 or 12.
    pub fn prefix_len(&self) -> usize {
        3 + usize::from(self.len)
    }
}

/// The verdict on one tracking ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingCheck<'a> {
    /// The normalized number (borrowed from the input when already normal),
    /// without the USPS routing prefix when there was one (see `routing`).
    pub normalized: Cow<'a, str>,
    /// Every carrier whose format the number passes (check digit included).
    /// When the check digit fails everywhere: the carriers whose shape it has.
    pub candidates: CarrierSet,
    /// The carrier to record: the declared one when it matches, otherwise
    /// the first candidate in `Carrier::ALL` order; `None` when nothing fits.
    pub carrier: Option<Carrier>,
    /// The format of `carrier`'s match.
    pub format: Option<Format>,
    /// The USPS routing prefix (`420` + ZIP) taken off the front of the
    /// number as given; `normalized` is the number without it.
    pub routing: Option<Routing>,
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
    /// The carrier's own tracking number: `normalized`, or the part of it
    /// that is the tracking number when the format is a barcode carrying
    /// more (the last 12 digits of a FedEx 34-digit barcode, the last 15 of
    /// a FedEx Ground `96` barcode).
    pub fn tracking_number(&self) -> &str {
        self.format.and_then(Format::embedded).and_then(|r| self.normalized.get(r)).unwrap_or(&self.normalized)
    }
}

/// One format a number has the shape of, and its verdict for that format
/// alone (`tracking_number_data`'s per-definition `valid?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatMatch {
    pub format: Format,
    pub carriers: CarrierSet,
    /// `Err(CheckDigitMismatch)`, or for S10 `Err(ZeroSerial)` /
    /// `Err(UnknownCountry)`, when the number has the shape but fails.
    pub result: Result<(), Rejection>,
    /// The USPS routing prefix this reading of the number takes off.
    pub routing: Option<Routing>,
}

impl FormatMatch {
    fn passes(&self) -> bool {
        self.result.is_ok()
    }
}

/// At most this many formats can share one shape (34 digits: FedEx 34 and
/// two readings of `420` + ZIP + IMpb; 20 digits: USPS 20, USPS legacy and
/// SSCC with its `00`); a fixed array keeps the check allocation-free.
const MAX_MATCHES: usize = 6;

type Found = [Option<FormatMatch>; MAX_MATCHES];

/// Every format `normalized` (the output of [`normalize`]) has the shape of,
/// with its verdict for each: what [`check`] decides from. Empty when the
/// input is empty or has characters other than A–Z and 0–9.
pub fn formats(normalized: &str) -> impl Iterator<Item = FormatMatch> + use<> {
    let mut found = [None; MAX_MATCHES];
    let bytes = normalized.as_bytes();
    if bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        shapes(bytes, &mut found);
    }
    found.into_iter().flatten()
}

/// Checks `input` (as typed) against every known format and, if given, the
/// carrier the seller declared.
pub fn check(input: &str, declared: Option<Carrier>) -> TrackingCheck<'_> {
    let normalized = normalize(input);
    let mut found = [None; MAX_MATCHES];
    let verdict = {
        let bytes = normalized.as_bytes();
        if bytes.is_empty() {
            Verdict::refused(Rejection::Empty)
        } else if !bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            Verdict::refused(Rejection::InvalidCharacters)
        } else {
            shapes(bytes, &mut found);
            decide(&found, declared)
        }
    };
    let routing = verdict.chosen.and_then(|m| m.routing);
    let normalized = match (normalized, routing) {
        (Cow::Borrowed(s), Some(r)) => Cow::Borrowed(s.get(r.prefix_len()..).unwrap_or(s)),
        (Cow::Owned(mut s), Some(r)) => {
            s.replace_range(..r.prefix_len().min(s.len()), "");
            Cow::Owned(s)
        }
        (n, None) => n,
    };
    TrackingCheck {
        normalized,
        candidates: verdict.candidates,
        carrier: verdict.carrier,
        format: verdict.chosen.map(|m| m.format),
        routing,
        result: verdict.result,
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
            routing: None,
            result: Err(Rejection::UnknownCarrier),
        },
        Some(Ok(c)) => check(input, Some(c)),
        None => check(input, None),
    }
}

/// What [`decide`] found: the match `carrier` was recorded under, if any.
struct Verdict {
    result: Result<(), Rejection>,
    candidates: CarrierSet,
    carrier: Option<Carrier>,
    chosen: Option<FormatMatch>,
}

impl Verdict {
    fn refused(r: Rejection) -> Verdict {
        Verdict { result: Err(r), candidates: CarrierSet::default(), carrier: None, chosen: None }
    }
}

fn decide(found: &Found, declared: Option<Carrier>) -> Verdict {
    let matches = || found.iter().flatten();
    let carriers = |f: &dyn Fn(&FormatMatch) -> bool| -> CarrierSet {
        matches().filter(|m| f(m)).flat_map(|m| m.carriers.iter()).collect()
    };
    let shaped = carriers(&|_| true);
    let checked_pass = carriers(&|m| m.passes() && m.format.has_check_digit());
    let checked_shape = carriers(&|m| m.format.has_check_digit());
    // A pattern-only format cannot vouch for a number that has the shape of
    // a format with a check digit and fails it: `LX123456786CN` has the DHL
    // eCommerce pattern, but as the UPU S10 number it looks like, its check
    // digit says it was mistyped. Undeclared, the failed check wins.
    let passing = if checked_pass.is_empty() && !checked_shape.is_empty() {
        CarrierSet::default()
    } else {
        carriers(&|m| m.passes())
    };
    let match_of = |c: Carrier, passes: bool| matches().find(|m| m.carriers.contains(c) && (m.passes() || !passes));
    let Some(first_shaped) = shaped.first() else {
        return Verdict::refused(Rejection::UnknownFormat);
    };
    let failure = |m: Option<&FormatMatch>| m.and_then(|m| m.result.err()).unwrap_or(Rejection::CheckDigitMismatch);
    let Some(declared) = declared else {
        return match passing.first() {
            Some(c) => {
                Verdict { result: Ok(()), candidates: passing, carrier: Some(c), chosen: match_of(c, true).copied() }
            }
            None => {
                // The reason of the format reported: a checked one when there
                // is one (the pattern-only ones passed).
                let c = checked_shape.first().unwrap_or(first_shaped);
                let m = matches().find(|x| x.carriers.contains(c) && !x.passes()).or_else(|| match_of(c, false));
                Verdict { result: Err(failure(m)), candidates: shaped, carrier: Some(c), chosen: m.copied() }
            }
        };
    };
    // The declared carrier decides among the formats it may use.
    let accepted = |m: &&FormatMatch| m.carriers.iter().any(|c| declared.accepts(c, m.format));
    let all_passing = carriers(&|m| m.passes());
    if let Some(m) = matches().filter(|m| m.passes()).find(accepted) {
        return Verdict { result: Ok(()), candidates: all_passing, carrier: Some(declared), chosen: Some(*m) };
    }
    if let Some(m) = matches().find(accepted) {
        return Verdict {
            result: Err(failure(Some(m))),
            candidates: shaped,
            carrier: Some(declared),
            chosen: Some(*m),
        };
    }
    let (set, passes) = if passing.is_empty() { (shaped, false) } else { (passing, true) };
    let detected = set.first().unwrap_or(first_shaped);
    Verdict {
        result: Err(Rejection::CarrierMismatch),
        candidates: set,
        carrier: Some(detected),
        chosen: match_of(detected, passes).copied(),
    }
}

/// The prefixes of DHL eCommerce numbers (`tracking_number_data`
/// `dhl_ecommerce`).
const DHL_ECOMMERCE_PREFIXES: [&[u8; 2]; 10] = [b"GM", b"LX", b"RX", b"UV", b"CN", b"SG", b"TH", b"IN", b"HK", b"MY"];

/// Fills `out` with every format `n` (normalized, A–Z0–9 only) has the shape
/// of, and whether it passes that format's check.
fn shapes(n: &[u8], out: &mut Found) {
    let mut k = 0;
    let mut push = |format: Format, carriers: CarrierSet, result: Result<(), Rejection>, routing: Option<Routing>| {
        if let Some(slot) = out.get_mut(k) {
            *slot = Some(FormatMatch { format, carriers, result, routing });
            k += 1;
        }
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let letters = |s: &[u8]| s.iter().all(u8::is_ascii_uppercase);
    let one = |c: Carrier| [c].into_iter().collect::<CarrierSet>();
    let checked = |passes: bool| if passes { Ok(()) } else { Err(Rejection::CheckDigitMismatch) };
    let ends_with = check_digit::ends_with_digit;
    let len = n.len();

    // UPU S10 (UPU standard S10): AA 12345678 9 CC.
    if len == 13 && letters(&n[..2]) && digits(&n[2..11]) && letters(&n[11..]) {
        let carrier = match &n[11..] {
            b"CN" => Carrier::ChinaPost,
            b"JP" => Carrier::JapanPost,
            b"US" => Carrier::Usps,
            _ => Carrier::UpuS10,
        };
        let result = if !country::is_s10_country(&n[11..]) {
            Err(Rejection::UnknownCountry)
        } else if !ends_with(&n[..11], check_digit::s10(&n[2..10])) {
            Err(Rejection::CheckDigitMismatch)
        } else if n[2..10].iter().all(|b| *b == b'0') {
            // Serial 00000000 passes (its check digit is 5) only because it
            // is all zeros.
            Err(Rejection::ZeroSerial)
        } else {
            Ok(())
        };
        push(Format::S10, one(carrier), result, None);
    }
    // UPS: 1Z + 15 characters + check digit.
    if len == 18 && n.starts_with(b"1Z") && n[2..].iter().all(u8::is_ascii_alphanumeric) {
        push(Format::Ups1Z, one(Carrier::Ups), checked(ends_with(n, check_digit::ups(&n[2..17]))), None);
    }
    if digits(n) {
        match len {
            10 | 11 => {
                let passes = ends_with(n, check_digit::mod7(&n[..len - 1]));
                push(Format::DhlExpress, one(Carrier::DhlExpress), checked(passes), None);
            }
            12 => {
                push(Format::Fedex12, one(Carrier::Fedex), checked(ends_with(n, check_digit::fedex12(&n[..11]))), None);
                let japan: CarrierSet =
                    [Carrier::Yamato, Carrier::Sagawa, Carrier::JapanPostDomestic].into_iter().collect();
                push(Format::JapanDomestic12, japan, checked(ends_with(n, check_digit::mod7(&n[..11]))), None);
            }
            // dhl_ecommerce_14: 14 digits, no check digit published.
            14 => push(Format::DhlEcommerce14, one(Carrier::DhlEcommerce), Ok(()), None),
            15 => {
                let passes = ends_with(n, check_digit::mod10_weights_3_1(&n[..14]));
                push(Format::Fedex15, one(Carrier::Fedex), checked(passes), None);
            }
            // SSCC-18 (GS1 General Specifications): extension digit, GS1
            // company prefix and serial reference (17 digits), GS1 check digit.
            18 => {
                let passes = ends_with(n, check_digit::mod10_weights_3_1(&n[..17]));
                push(Format::Sscc18, one(Carrier::Fedex), checked(passes), None);
            }
            // The same with its GS1 application identifier (00) in front, as
            // a scanner reads the GS1-128 barcode.
            20 if n.starts_with(b"00") => {
                let passes = ends_with(n, check_digit::mod10_weights_3_1(&n[2..19]));
                push(Format::Sscc18, one(Carrier::Fedex), checked(passes), None);
            }
            // fedex_ground_96: 96, SCNC (2), service type (3), shipper ID (7),
            // package ID (7), check digit; the check covers the 14-digit
            // serial (shipper + package) only.
            22 if n.starts_with(b"96") => {
                let passes = ends_with(n, check_digit::mod10_weights_3_1(&n[7..21]));
                push(Format::FedexGround96, one(Carrier::Fedex), checked(passes), None);
            }
            // fedex_astra_32: 3, 15 digits, a FedEx Express 12 (11 + check), 4.
            32 if n[0] == b'3' => {
                let passes = ends_with(&n[..28], check_digit::fedex12(&n[16..27]));
                push(Format::FedexAstra32, one(Carrier::Fedex), checked(passes), None);
            }
            // fedex_34 (first digit 0–8: 15 digits, destination ZIP, serial
            // 13, check) and fedex_ground_gsn (96, SCNC, 5, GSN 10, 1, serial
            // 13, check): the same check on the same 13 digits.
            34 if n[0] != b'9' || n.starts_with(b"96") => {
                let format = if n[0] == b'9' { Format::FedexGroundGsn } else { Format::Fedex34 };
                let passes = ends_with(n, check_digit::fedex34(&n[20..33]));
                push(format, one(Carrier::Fedex), checked(passes), None);
            }
            _ => {}
        }
        // USPS, read without and with each routing prefix the published
        // patterns allow: 420 + ZIP5 before 20 (legacy), 22 or 26 digits;
        // 420 + ZIP9 before 20 (legacy) or 22.
        let readings: [(usize, &[usize]); 3] = [(0, &[20, 22, 26, 30]), (8, &[20, 22, 26]), (12, &[20, 22])];
        for (prefix, lengths) in readings {
            if prefix > 0 && !n.starts_with(b"420") {
                continue;
            }
            let Some(body) = n.get(prefix..).filter(|b| lengths.contains(&b.len())) else { continue };
            let routing = (prefix > 0).then(|| Routing::new(&n[3..prefix]));
            for (format, passes) in usps(body, prefix > 0).into_iter().flatten() {
                push(format, one(Carrier::Usps), checked(passes), routing);
            }
        }
    }
    // amazon_logistics: TBA, TBC or TBM + 12 digits. Amazon publishes no
    // check digit, so the pattern is all there is.
    if len == 15 && matches!(&n[..3], b"TBA" | b"TBC" | b"TBM") && digits(&n[3..]) {
        push(Format::AmazonLogistics, one(Carrier::AmazonLogistics), Ok(()), None);
    }
    // dhl_ecommerce: a prefix, then 10–39 letters and digits, at least one
    // a digit. No check digit.
    if (12..=41).contains(&len)
        && DHL_ECOMMERCE_PREFIXES.iter().any(|p| n.starts_with(*p))
        && n[2..].iter().any(u8::is_ascii_digit)
    {
        push(Format::DhlEcommerce, one(Carrier::DhlEcommerce), Ok(()), None);
    }
    // Cross-border lines without a check digit: the pattern is all we have.
    if len == 18 && n.starts_with(b"YT") && digits(&n[2..]) {
        push(Format::YunExpress, one(Carrier::YunExpress), Ok(()), None);
    }
    if n.starts_with(b"4PX") {
        let rest = n[3..].strip_suffix(b"CN").unwrap_or(&n[3..]);
        if (10..=16).contains(&rest.len()) && digits(rest) {
            push(Format::FourPx, one(Carrier::FourPx), Ok(()), None);
        }
    }
    if n.starts_with(b"LP") && (14..=16).contains(&(len - 2)) && digits(&n[2..]) {
        push(Format::Cainiao, one(Carrier::Cainiao), Ok(()), None);
    }
    if n.starts_with(b"SF") && (12..=13).contains(&(len - 2)) && digits(&n[2..]) {
        push(Format::SfExpress, one(Carrier::SfExpress), Ok(()), None);
    }
}

/// The USPS formats a digit string `body` (routing prefix already off) has
/// the shape of, each with whether its check digit passes
/// (`tracking_number_data` `couriers/usps.json`).
fn usps(body: &[u8], routed: bool) -> [Option<(Format, bool)>; 2] {
    let len = body.len();
    let last = |c: Option<u8>| check_digit::ends_with_digit(body, c);
    let mod10 = || last(check_digit::mod10_weights_3_1(&body[..len - 1]));
    // IMpb: application identifier, 3-digit service type, then a 9-digit
    // mailer ID (starting with 9) or a 6-digit one (not starting with 9),
    // then the package ID: 22 or 26 digits in all, or 30 for a 94 with a
    // 9-digit mailer ID (usps_impb_n); 92 always has a 9-digit mailer ID and
    // 93 a 6-digit one (usps_impb_c).
    let nine_digit_mid = body.get(5) == Some(&b'9');
    let impb = match (body.get(..2), len) {
        (Some(b"94"), 22 | 26) | (Some(b"95"), 22 | 26) => true,
        (Some(b"94"), 30) => nine_digit_mid,
        (Some(b"92"), 22 | 26) => nine_digit_mid,
        (Some(b"93"), 22 | 26) => !nine_digit_mid,
        _ => false,
    };
    match len {
        _ if impb => [Some((Format::UspsImpb, mod10())), None],
        // usps_legacy: 91 + service type (2) + shipper (9) + package (8) + check.
        22 if body.starts_with(b"91") => [Some((Format::UspsLegacy, mod10())), None],
        // 20 digits: usps_20 (never after a routing prefix), and usps_legacy
        // without its 91, whose check digit counts the 91.
        20 => {
            let legacy = Some((Format::UspsLegacy, last(check_digit::usps_legacy20(&body[..19]))));
            if routed {
                [legacy, None]
            } else {
                [Some((Format::Usps20, mod10())), legacy]
            }
        }
        _ => [None, None],
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
    fn usps_shapes_follow_the_published_patterns() {
        let f = |b: &str, routed| usps(b.as_bytes(), routed).into_iter().flatten().map(|(f, _)| f).collect::<Vec<_>>();
        // 92 needs a 9-digit mailer ID (6th digit 9), 93 a 6-digit one.
        assert_eq!(f("9261292700768711948021", false), [Format::UspsImpb]);
        assert_eq!(f("9200000000000000000000", false), []);
        assert_eq!(f("9361289878700317633795", false), [Format::UspsImpb]);
        assert_eq!(f("9336192345678901234567", false), []);
        // 30 digits only for a 94 with a 9-digit mailer ID.
        assert_eq!(f("940119999999999999999999999999", false), [Format::UspsImpb]);
        assert_eq!(f("950119999999999999999999999999", false), []);
        // 20 digits: USPS 20 and legacy; after a routing prefix only legacy.
        assert_eq!(f("71969010756003077385", false), [Format::Usps20, Format::UspsLegacy]);
        assert_eq!(f("71969010756003077385", true), [Format::UspsLegacy]);
        // 21 digits is no USPS format.
        assert_eq!(f("940011120620640626078", false), []);
    }

    #[test]
    fn a_failed_check_digit_is_not_rescued_by_a_pattern_only_format() {
        // S10-shaped and DHL eCommerce-shaped: the S10 verdict is reported.
        let c = check("LX123456786CN", None);
        assert_eq!(
            (c.result, c.carrier, c.format),
            (Err(Rejection::CheckDigitMismatch), Some(Carrier::ChinaPost), Some(Format::S10))
        );
        assert!(c.candidates.contains(Carrier::DhlEcommerce));
        // A shape with no checked format is judged by its pattern alone.
        assert_eq!(code("GM2951173225174494", None), Ok(Some(Carrier::DhlEcommerce)));
        assert_eq!(code("60120172242323", None), Ok(Some(Carrier::DhlEcommerce)));
    }

    #[test]
    fn dhl_express_is_mod_7() {
        // 123456789 mod 7 = 1.
        assert_eq!(code("1234567891", None), Ok(Some(Carrier::DhlExpress)));
        assert_eq!(code("1234567892", None), Err("check_digit_mismatch"));
    }
}
