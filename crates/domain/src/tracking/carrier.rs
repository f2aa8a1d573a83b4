//! The carriers CSBA Desk recognizes, with their stable codes.

/// A carrier, identified by a stable kebab-case code (`code()`), used in the
/// CLI's `--carrier` option, in JSON output and in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Carrier {
    /// China Post / EMS China: UPU S10 numbers ending in `CN`.
    ChinaPost,
    /// Japan Post international (EMS, registered, e-packet): S10 ending in `JP`.
    JapanPost,
    /// Any other postal operator, identified by the S10 country suffix.
    UpuS10,
    /// UPS: `1Z` + 16.
    Ups,
    /// FedEx: 12-digit Express, 15-digit Ground.
    Fedex,
    /// USPS: IMpb 20–22 digits (optionally with the `420`+ZIP routing prefix),
    /// and S10 ending in `US` for international mail.
    Usps,
    /// DHL Express: 10–11 digits, mod 7.
    DhlExpress,
    /// Yamato Transport (クロネコヤマト): 12 digits, mod 7.
    Yamato,
    /// Sagawa Express (佐川急便): 12 digits, mod 7.
    Sagawa,
    /// Japan Post domestic (ゆうパック, ゆうパケット): 12 digits, mod 7.
    JapanPostDomestic,
    /// YunExpress (云途): `YT` + 16 digits, no check digit.
    YunExpress,
    /// 4PX (递四方): `4PX` + 10–16 digits, optionally `CN`, no check digit.
    FourPx,
    /// Cainiao (菜鸟): `LP` + 14–16 digits, no check digit.
    Cainiao,
    /// SF Express (顺丰): `SF` + 12–13 digits, no check digit.
    SfExpress,
}

impl Carrier {
    pub const ALL: [Carrier; 14] = [
        Carrier::ChinaPost,
        Carrier::JapanPost,
        Carrier::UpuS10,
        Carrier::Ups,
        Carrier::Fedex,
        Carrier::Usps,
        Carrier::DhlExpress,
        Carrier::Yamato,
        Carrier::Sagawa,
        Carrier::JapanPostDomestic,
        Carrier::YunExpress,
        Carrier::FourPx,
        Carrier::Cainiao,
        Carrier::SfExpress,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Carrier::ChinaPost => "china-post",
            Carrier::JapanPost => "japan-post",
            Carrier::UpuS10 => "upu-s10",
            Carrier::Ups => "ups",
            Carrier::Fedex => "fedex",
            Carrier::Usps => "usps",
            Carrier::DhlExpress => "dhl-express",
            Carrier::Yamato => "yamato",
            Carrier::Sagawa => "sagawa",
            Carrier::JapanPostDomestic => "japan-post-domestic",
            Carrier::YunExpress => "yunexpress",
            Carrier::FourPx => "4px",
            Carrier::Cainiao => "cainiao",
            Carrier::SfExpress => "sf-express",
        }
    }

    /// The carrier with this code (exact, lower case), as the CLI takes it.
    pub fn from_code(code: &str) -> Option<Carrier> {
        Carrier::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The carrier a bulk file names in its `carrier-code` / `carrier-name`
    /// column: our codes, Amazon's carrier codes and the usual Chinese,
    /// Japanese and Korean names. `None` for "Other" or anything unknown,
    /// in which case the number alone decides.
    pub fn from_name(name: &str) -> Option<Carrier> {
        let name = name.trim();
        if let Some(c) = Carrier::from_code(name) {
            return Some(c);
        }
        // Compared without allocating: this runs once per row of a bulk file.
        NAMES.iter().find(|(key, _)| same_key(name, key)).map(|(_, c)| *c)
    }

    /// Whether a seller who declared `self` may ship with a number detected
    /// as `detected` (in format `format`). Japan Post is one company with two
    /// number systems, and "UPU S10" is any post's international number.
    pub fn accepts(self, detected: Carrier, format: Format) -> bool {
        self == detected
            || (self == Carrier::UpuS10 && format == Format::S10)
            || matches!(
                (self, detected),
                (Carrier::JapanPost, Carrier::JapanPostDomestic) | (Carrier::JapanPostDomestic, Carrier::JapanPost)
            )
    }
}

impl std::fmt::Display for Carrier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Names found in files' carrier columns, as keys: lower case, without
/// spaces, `-` or `_`.
const NAMES: &[(&str, Carrier)] = &[
    ("chinapost", Carrier::ChinaPost),
    ("chinaems", Carrier::ChinaPost),
    ("ems中国", Carrier::ChinaPost),
    ("中国邮政", Carrier::ChinaPost),
    ("中国郵政", Carrier::ChinaPost),
    ("中国邮政ems", Carrier::ChinaPost),
    ("邮政小包", Carrier::ChinaPost),
    ("e邮宝", Carrier::ChinaPost),
    ("japanpost", Carrier::JapanPost),
    ("日本郵便", Carrier::JapanPost),
    ("日本邮政", Carrier::JapanPost),
    ("郵便局", Carrier::JapanPost),
    ("ups", Carrier::Ups),
    ("unitedparcelservice", Carrier::Ups),
    ("fedex", Carrier::Fedex),
    ("federalexpress", Carrier::Fedex),
    ("联邦快递", Carrier::Fedex),
    ("usps", Carrier::Usps),
    ("unitedstatespostalservice", Carrier::Usps),
    ("美国邮政", Carrier::Usps),
    ("dhl", Carrier::DhlExpress),
    ("dhlexpress", Carrier::DhlExpress),
    ("yamato", Carrier::Yamato),
    ("yamatotransport", Carrier::Yamato),
    ("yamatounyu", Carrier::Yamato),
    ("ヤマト運輸", Carrier::Yamato),
    ("ヤマト", Carrier::Yamato),
    ("クロネコヤマト", Carrier::Yamato),
    ("大和运输", Carrier::Yamato),
    ("sagawa", Carrier::Sagawa),
    ("sagawaexpress", Carrier::Sagawa),
    ("佐川急便", Carrier::Sagawa),
    ("佐川", Carrier::Sagawa),
    ("japanpostdomestic", Carrier::JapanPostDomestic),
    ("ゆうパック", Carrier::JapanPostDomestic),
    ("ゆうパケット", Carrier::JapanPostDomestic),
    ("yunexpress", Carrier::YunExpress),
    ("云途", Carrier::YunExpress),
    ("云途物流", Carrier::YunExpress),
    ("4px", Carrier::FourPx),
    ("递四方", Carrier::FourPx),
    ("cainiao", Carrier::Cainiao),
    ("菜鸟", Carrier::Cainiao),
    ("sf", Carrier::SfExpress),
    ("sfexpress", Carrier::SfExpress),
    ("顺丰", Carrier::SfExpress),
    ("顺丰速运", Carrier::SfExpress),
];

/// Whether `name`, ignoring case, white space, `-` and `_`, equals `key`.
fn same_key(name: &str, key: &str) -> bool {
    let mut chars =
        name.chars().filter(|c| !(c.is_whitespace() || *c == '-' || *c == '_')).flat_map(char::to_lowercase);
    let mut key = key.chars();
    loop {
        match (chars.next(), key.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// The number formats, each with its check (or pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    S10,
    Ups1Z,
    Fedex12,
    Fedex15,
    UspsImpb,
    DhlExpress,
    /// The 12-digit mod-7 format shared by Yamato, Sagawa and Japan Post.
    JapanDomestic12,
    YunExpress,
    FourPx,
    Cainiao,
    SfExpress,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::S10 => "upu-s10",
            Format::Ups1Z => "ups-1z",
            Format::Fedex12 => "fedex-12",
            Format::Fedex15 => "fedex-15",
            Format::UspsImpb => "usps-impb",
            Format::DhlExpress => "dhl-express",
            Format::JapanDomestic12 => "japan-domestic-12",
            Format::YunExpress => "yunexpress",
            Format::FourPx => "4px",
            Format::Cainiao => "cainiao",
            Format::SfExpress => "sf-express",
        }
    }

    /// Whether this format has a check digit (pattern-only formats do not).
    pub fn has_check_digit(self) -> bool {
        !matches!(self, Format::YunExpress | Format::FourPx | Format::Cainiao | Format::SfExpress)
    }
}

/// A small ordered set of carriers (a bit set: no allocation, so checking a
/// million numbers allocates nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CarrierSet(u16);

impl CarrierSet {
    pub fn insert(&mut self, c: Carrier) {
        self.0 |= 1 << c as u16;
    }
    pub fn contains(self, c: Carrier) -> bool {
        self.0 & (1 << c as u16) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// In the order of `Carrier::ALL`.
    pub fn iter(self) -> impl Iterator<Item = Carrier> {
        Carrier::ALL.into_iter().filter(move |c| self.contains(*c))
    }
    pub fn first(self) -> Option<Carrier> {
        self.iter().next()
    }
}

impl FromIterator<Carrier> for CarrierSet {
    fn from_iter<I: IntoIterator<Item = Carrier>>(iter: I) -> Self {
        let mut set = CarrierSet::default();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for c in Carrier::ALL {
            assert_eq!(Carrier::from_code(c.code()), Some(c));
        }
        let set: CarrierSet = Carrier::ALL.into_iter().collect();
        assert_eq!(set.len(), Carrier::ALL.len());
    }

    #[test]
    fn file_names_of_carriers_are_recognized() {
        assert_eq!(Carrier::from_name("China Post"), Some(Carrier::ChinaPost));
        assert_eq!(Carrier::from_name("Yamato Transport"), Some(Carrier::Yamato));
        assert_eq!(Carrier::from_name("ヤマト運輸"), Some(Carrier::Yamato));
        assert_eq!(Carrier::from_name("佐川急便"), Some(Carrier::Sagawa));
        assert_eq!(Carrier::from_name("顺丰"), Some(Carrier::SfExpress));
        assert_eq!(Carrier::from_name("FedEx"), Some(Carrier::Fedex));
        assert_eq!(Carrier::from_name("Other"), None);
        assert_eq!(Carrier::from_name("  sagawa_express "), Some(Carrier::Sagawa));
        assert_eq!(Carrier::from_name("UPSX"), None);
        assert_eq!(Carrier::from_name("UP"), None);
    }
}
