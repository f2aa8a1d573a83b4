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
    /// FedEx: 12-digit Express, 15-digit Ground, the 22-digit Ground `96`
    /// barcode, the 32/34-digit label barcodes and SSCC-18.
    Fedex,
    /// USPS: IMpb (22, 26 or 30 digits), USPS 20 and legacy 91 numbers,
    /// optionally after the `420`+ZIP routing prefix, and S10 ending in `US`
    /// for international mail.
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
    /// Amazon Logistics (Amazon Shipping): `TBA`/`TBC`/`TBM` + 12 digits, no
    /// check digit.
    AmazonLogistics,
    /// DHL eCommerce: `GM`, `LX`, `RX`, … + 10–39 letters and digits, or 14
    /// digits, no check digit. Its US parcels are delivered by USPS under a
    /// USPS IMpb number (`420`+ZIP+`92…`), which a seller who chose DHL
    /// eCommerce may give (see [`Carrier::accepts`]).
    DhlEcommerce,
}

impl Carrier {
    pub const ALL: [Carrier; 16] = [
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
        Carrier::AmazonLogistics,
        Carrier::DhlEcommerce,
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
            Carrier::AmazonLogistics => "amazon-logistics",
            Carrier::DhlEcommerce => "dhl-ecommerce",
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
    /// DHL eCommerce hands its US parcels to USPS for delivery and prints a
    /// USPS IMpb number on the label (Buy Shipping's DHL eCommerce labels
    /// carry `420`+ZIP+`9261…`), so a seller who chose DHL eCommerce may give
    /// one; nothing in the number itself says DHL, so undeclared it is USPS.
    pub fn accepts(self, detected: Carrier, format: Format) -> bool {
        self == detected
            || (self == Carrier::UpuS10 && format == Format::S10)
            || (self == Carrier::DhlEcommerce && detected == Carrier::Usps && format == Format::UspsImpb)
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
    ("dhlecommerce", Carrier::DhlEcommerce),
    ("dhlecommercesolutions", Carrier::DhlEcommerce),
    ("dhlglobalmail", Carrier::DhlEcommerce),
    ("amazonlogistics", Carrier::AmazonLogistics),
    ("amazonshipping", Carrier::AmazonLogistics),
    ("amzl", Carrier::AmazonLogistics),
    ("亚马逊物流", Carrier::AmazonLogistics),
    ("アマゾン配送", Carrier::AmazonLogistics),
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

/// The number formats, each with its check (or pattern). Where a rule comes
/// from `tracking_number_data` (the definitions the `tracking_number` Ruby
/// gem and its ports use), the id of its definition is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    S10,
    Ups1Z,
    Fedex12,
    Fedex15,
    /// USPS Intelligent Mail package barcode (USPS Publication 199), the
    /// `usps_impb_n` (`94…`) and `usps_impb_c` (`92…`, `93…`, `95…`)
    /// constructs: 22, 26 or 30 digits, mod 10 weights 3,1 from the right.
    UspsImpb,
    DhlExpress,
    /// The 12-digit mod-7 format shared by Yamato, Sagawa and Japan Post.
    JapanDomestic12,
    YunExpress,
    FourPx,
    Cainiao,
    SfExpress,
    /// FedEx Ground `96` barcode (`fedex_ground_96`): `96` + 2 + 3 + a
    /// 14-digit serial + check digit (mod 10, weights 3,1 over the serial
    /// only). Its last 15 digits are the FedEx Ground tracking number.
    FedexGround96,
    /// FedEx Express 34-digit label barcode (`fedex_34`, first digit 0–8):
    /// check digit mod 11 then mod 10 with weights 1,7,3 over the 13-digit
    /// serial before it; the last 12 digits are the tracking number.
    Fedex34,
    /// FedEx Ground's 34-digit barcode starting `96` (`fedex_ground_gsn`):
    /// the same check and the same embedded 12-digit tracking number.
    FedexGroundGsn,
    /// FedEx's legacy 32-digit ASTRA barcode (`fedex_astra_32`, first digit
    /// 3): digits 17–28 are a FedEx Express 12-digit tracking number with its
    /// own check digit, the only one the barcode carries.
    FedexAstra32,
    /// GS1 Serial Shipping Container Code: 18 digits, GS1 mod 10, or 20
    /// digits with the `00` application identifier in front
    /// (`fedex_ground_sscc_18`).
    Sscc18,
    /// USPS 20-digit Delivery/Signature Confirmation number (`usps_20`):
    /// mod 10 weights 3,1 over the first 19 digits.
    Usps20,
    /// USPS legacy Delivery/Signature Confirmation (`usps_legacy`): `91` + 20
    /// digits, or the 20 digits alone with the check computed as if `91`
    /// stood in front.
    UspsLegacy,
    /// Amazon Logistics (`amazon_logistics`): `TBA`, `TBC` or `TBM` + 12
    /// digits. No check digit is published: pattern only.
    AmazonLogistics,
    /// DHL eCommerce (`dhl_ecommerce`): `GM`, `LX`, `RX`, `UV`, `CN`, `SG`,
    /// `TH`, `IN`, `HK` or `MY` + 10–39 letters and digits, at least one a
    /// digit. Pattern only.
    DhlEcommerce,
    /// DHL eCommerce 14 digits (`dhl_ecommerce_14`). Pattern only.
    DhlEcommerce14,
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
            Format::FedexGround96 => "fedex-ground-96",
            Format::Fedex34 => "fedex-34",
            Format::FedexGroundGsn => "fedex-ground-gsn",
            Format::FedexAstra32 => "fedex-astra-32",
            Format::Sscc18 => "sscc-18",
            Format::Usps20 => "usps-20",
            Format::UspsLegacy => "usps-legacy",
            Format::AmazonLogistics => "amazon-logistics",
            Format::DhlEcommerce => "dhl-ecommerce",
            Format::DhlEcommerce14 => "dhl-ecommerce-14",
        }
    }

    /// Whether this format has a check digit (pattern-only formats do not).
    pub fn has_check_digit(self) -> bool {
        !matches!(
            self,
            Format::YunExpress
                | Format::FourPx
                | Format::Cainiao
                | Format::SfExpress
                | Format::AmazonLogistics
                | Format::DhlEcommerce
                | Format::DhlEcommerce14
        )
    }

    /// Where, in a number of this format (without any routing prefix), the
    /// carrier's own tracking number sits when the format carries more than
    /// that: the FedEx label barcodes. `None` when the whole number is the
    /// tracking number.
    pub fn embedded(self) -> Option<std::ops::Range<usize>> {
        match self {
            // 96 + SCNC + service type, then the 15-digit Ground number.
            Format::FedexGround96 => Some(7..22),
            // The 12-digit Express number ends the barcode.
            Format::Fedex34 | Format::FedexGroundGsn => Some(22..34),
            Format::FedexAstra32 => Some(16..28),
            _ => None,
        }
    }
}

/// A small ordered set of carriers (a bit set: no allocation, so checking a
/// million numbers allocates nothing). Room for 32 carriers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CarrierSet(u32);

impl CarrierSet {
    pub fn insert(&mut self, c: Carrier) {
        self.0 |= 1 << c as u32;
    }
    pub fn contains(self, c: Carrier) -> bool {
        self.0 & (1 << c as u32) != 0
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
        assert_eq!(Carrier::from_name("Amazon Logistics"), Some(Carrier::AmazonLogistics));
        assert_eq!(Carrier::from_name("DHL eCommerce"), Some(Carrier::DhlEcommerce));
        assert_eq!(Carrier::from_name("DHL"), Some(Carrier::DhlExpress));
    }

    #[test]
    fn a_seller_who_chose_dhl_ecommerce_may_give_its_usps_impb_number() {
        assert!(Carrier::DhlEcommerce.accepts(Carrier::Usps, Format::UspsImpb));
        assert!(!Carrier::DhlEcommerce.accepts(Carrier::Usps, Format::S10));
        assert!(!Carrier::Usps.accepts(Carrier::DhlEcommerce, Format::DhlEcommerce));
    }
}
