//! The seller's return policy, as submitted. Field names are the JSON format.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A seller's return policy for one marketplace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReturnPolicy {
    /// Days after delivery during which the buyer may ask for a return.
    pub return_window_days: u32,
    /// Whether buyers send items back, or keep them and get a refund.
    pub returns: ReturnMode,
    /// With [`ReturnMode::ReturnlessBelowThreshold`]: items priced at or below
    /// this amount (minor units of the marketplace currency) are refunded
    /// without a return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returnless_threshold_minor: Option<u64>,
    /// Where returns go; required unless every refund is returnless.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_address: Option<ReturnAddress>,
    /// The seller sends buyers a prepaid return label (pays international
    /// return shipping) — the US alternative to a domestic address.
    #[serde(default)]
    pub prepaid_return_label: bool,
    /// Who pays return shipping, per reason. A reason left out follows the
    /// marketplace default: the seller for the seller-fault reasons, the buyer
    /// for the others.
    #[serde(default)]
    pub return_shipping: BTreeMap<ReturnReason, Payer>,
    /// The product categories the seller sells, and how returns work for each.
    #[serde(default)]
    pub categories: Vec<CategoryTerms>,
    /// Business days after a return arrives within which the seller refunds.
    pub refund_within_business_days: u32,
    /// A restocking fee withheld from refunds, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restocking_fee: Option<RestockingFee>,
}

/// How returns are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReturnMode {
    /// The buyer sends the item back to the return address.
    SendBack,
    /// The buyer keeps the item and is refunded (no return address needed).
    Returnless,
    /// Returnless at or below `returnless_threshold_minor`, sent back above it.
    ReturnlessBelowThreshold,
}

impl ReturnMode {
    /// Whether some buyers are asked to send the item back.
    pub fn asks_for_items_back(self) -> bool {
        !matches!(self, ReturnMode::Returnless)
    }
}

/// Where returned items go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReturnAddress {
    /// ISO 3166-1 alpha-2 code, upper case ("JP", "US", "CN").
    pub country: Country,
    /// The address lines as printed on a label.
    pub lines: Vec<String>,
}

/// An ISO 3166-1 alpha-2 country code: two upper-case ASCII letters. Checked
/// when parsed, so a policy file with "Japan" fails with its line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Country(String);

impl Country {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 3166-1 alpha-2 country code (two capital letters, such as JP or US)")]
pub struct InvalidCountry(pub String);

impl InvalidCountry {
    pub fn code(&self) -> &'static str {
        "invalid_country_code"
    }
}

impl TryFrom<String> for Country {
    type Error = InvalidCountry;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Country(s))
        } else {
            Err(InvalidCountry(s))
        }
    }
}

impl std::str::FromStr for Country {
    type Err = InvalidCountry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::try_from(s.to_owned())
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.0
    }
}

/// Who pays to ship a return back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Seller,
    Buyer,
}

/// A product category as far as return rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Apparel,
    Bags,
    Shoes,
    Food,
    Beverages,
    /// Hazardous or potentially hazardous goods (the seed: 危险物品或潜在危险品).
    Hazmat,
    Drugs,
    MedicalDevices,
    Electronics,
    Home,
    Toys,
    Beauty,
    Books,
    Other,
}

impl Category {
    pub const ALL: [Category; 14] = [
        Category::Apparel,
        Category::Bags,
        Category::Shoes,
        Category::Food,
        Category::Beverages,
        Category::Hazmat,
        Category::Drugs,
        Category::MedicalDevices,
        Category::Electronics,
        Category::Home,
        Category::Toys,
        Category::Beauty,
        Category::Books,
        Category::Other,
    ];

    /// The stable snake_case code (the JSON spelling).
    pub fn code(self) -> &'static str {
        match self {
            Category::Apparel => "apparel",
            Category::Bags => "bags",
            Category::Shoes => "shoes",
            Category::Food => "food",
            Category::Beverages => "beverages",
            Category::Hazmat => "hazmat",
            Category::Drugs => "drugs",
            Category::MedicalDevices => "medical_devices",
            Category::Electronics => "electronics",
            Category::Home => "home",
            Category::Toys => "toys",
            Category::Beauty => "beauty",
            Category::Books => "books",
            Category::Other => "other",
        }
    }
}

/// How returns work for one category the seller sells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CategoryTerms {
    pub category: Category,
    /// Whether the seller accepts returns of this category.
    pub returnable: bool,
    /// The seller pays return shipping whatever the reason.
    #[serde(default)]
    pub free_returns: bool,
}

/// When a restocking fee is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RestockingWhen {
    /// On every return, including items sent back unused within the window.
    AnyReturn,
    /// Only when the item comes back used, damaged or incomplete by the buyer's doing.
    UsedOrDamaged,
    /// Only when the item comes back after the return window.
    Late,
}

impl RestockingWhen {
    pub fn code(self) -> &'static str {
        match self {
            RestockingWhen::AnyReturn => "any_return",
            RestockingWhen::UsedOrDamaged => "used_or_damaged",
            RestockingWhen::Late => "late",
        }
    }
}

/// A restocking fee: a whole percentage of the item price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RestockingFee {
    pub percent: u8,
    pub when: RestockingWhen,
}

/// Why a buyer returns an item: the reasons of Amazon's return form, as listed
/// in the JP seed (15 at the seller's cost, 7 that may be at the buyer's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    /// 性能或品质不理想
    PerformanceOrQualityNotAdequate,
    /// 不符合或无法用于预期使用目的
    NotCompatibleWithIntendedUse,
    /// 因包装不充分而导致商品残损
    DamagedDueToInadequatePackaging,
    /// 错过了预计送达时间
    MissedEstimatedDelivery,
    /// 零件或配件缺失
    MissingPartsOrAccessories,
    /// 商品在配送中残损
    DamagedInShipping,
    /// 发送的商品错误
    WrongItemSent,
    /// 商品有瑕疵或无法正常工作
    Defective,
    /// 收到了订购商品以外的商品
    ReceivedExtraOrDifferentItem,
    /// 不记得曾购买
    UnauthorizedPurchase,
    /// 网站上对商品的描述不准确
    InaccurateWebsiteDescription,
    /// 电池没电/不能正常工作
    BatteryDead,
    /// 缺少文件/手册/保修单
    MissingDocumentsOrManualOrWarranty,
    /// 缺少质量证明，验证书
    MissingCertificateOfAuthenticity,
    /// 没有光泽/变色了/状况不可接受
    NoShineDiscoloredOrUnacceptableCondition,
    /// 意外订单
    AccidentalOrder,
    /// 发现比Amazon更便宜的同种商品
    BetterPriceFound,
    /// 不再需要或不想要
    NoLongerNeeded,
    /// 零件与当前系统不兼容
    IncompatibleWithExistingSystem,
    /// 安装费用超过意料
    InstallationCostHigherThanExpected,
    /// 尺寸错误：太小/太短
    SizeTooSmall,
    /// 尺寸错误：太大/太长
    SizeTooLarge,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 22] = [
        ReturnReason::PerformanceOrQualityNotAdequate,
        ReturnReason::NotCompatibleWithIntendedUse,
        ReturnReason::DamagedDueToInadequatePackaging,
        ReturnReason::MissedEstimatedDelivery,
        ReturnReason::MissingPartsOrAccessories,
        ReturnReason::DamagedInShipping,
        ReturnReason::WrongItemSent,
        ReturnReason::Defective,
        ReturnReason::ReceivedExtraOrDifferentItem,
        ReturnReason::UnauthorizedPurchase,
        ReturnReason::InaccurateWebsiteDescription,
        ReturnReason::BatteryDead,
        ReturnReason::MissingDocumentsOrManualOrWarranty,
        ReturnReason::MissingCertificateOfAuthenticity,
        ReturnReason::NoShineDiscoloredOrUnacceptableCondition,
        ReturnReason::AccidentalOrder,
        ReturnReason::BetterPriceFound,
        ReturnReason::NoLongerNeeded,
        ReturnReason::IncompatibleWithExistingSystem,
        ReturnReason::InstallationCostHigherThanExpected,
        ReturnReason::SizeTooSmall,
        ReturnReason::SizeTooLarge,
    ];

    /// The stable snake_case code (the JSON spelling).
    pub fn code(self) -> &'static str {
        match self {
            ReturnReason::PerformanceOrQualityNotAdequate => "performance_or_quality_not_adequate",
            ReturnReason::NotCompatibleWithIntendedUse => "not_compatible_with_intended_use",
            ReturnReason::DamagedDueToInadequatePackaging => "damaged_due_to_inadequate_packaging",
            ReturnReason::MissedEstimatedDelivery => "missed_estimated_delivery",
            ReturnReason::MissingPartsOrAccessories => "missing_parts_or_accessories",
            ReturnReason::DamagedInShipping => "damaged_in_shipping",
            ReturnReason::WrongItemSent => "wrong_item_sent",
            ReturnReason::Defective => "defective",
            ReturnReason::ReceivedExtraOrDifferentItem => "received_extra_or_different_item",
            ReturnReason::UnauthorizedPurchase => "unauthorized_purchase",
            ReturnReason::InaccurateWebsiteDescription => "inaccurate_website_description",
            ReturnReason::BatteryDead => "battery_dead",
            ReturnReason::MissingDocumentsOrManualOrWarranty => "missing_documents_or_manual_or_warranty",
            ReturnReason::MissingCertificateOfAuthenticity => "missing_certificate_of_authenticity",
            ReturnReason::NoShineDiscoloredOrUnacceptableCondition => "no_shine_discolored_or_unacceptable_condition",
            ReturnReason::AccidentalOrder => "accidental_order",
            ReturnReason::BetterPriceFound => "better_price_found",
            ReturnReason::NoLongerNeeded => "no_longer_needed",
            ReturnReason::IncompatibleWithExistingSystem => "incompatible_with_existing_system",
            ReturnReason::InstallationCostHigherThanExpected => "installation_cost_higher_than_expected",
            ReturnReason::SizeTooSmall => "size_too_small",
            ReturnReason::SizeTooLarge => "size_too_large",
        }
    }

    /// The catalog message id of the reason's label (`return-reason-…`).
    pub fn message_id(self) -> String {
        format!("return-reason-{}", self.code().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_json_spelling() -> Result<(), serde_json::Error> {
        for reason in ReturnReason::ALL {
            assert_eq!(serde_json::to_string(&reason)?, format!("\"{}\"", reason.code()));
        }
        for category in Category::ALL {
            assert_eq!(serde_json::to_string(&category)?, format!("\"{}\"", category.code()));
        }
        Ok(())
    }

    #[test]
    fn country_codes_are_two_capital_letters() {
        assert!("JP".parse::<Country>().is_ok());
        for bad in ["jp", "JPN", "J", "", "J1", "日本"] {
            assert!(bad.parse::<Country>().is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        let json =
            r#"{"return_window_days": 30, "returns": "send_back", "refund_within_business_days": 2, "colour": 1}"#;
        let err = serde_json::from_str::<ReturnPolicy>(json).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("unknown field `colour`"), "{err}");
    }
}
