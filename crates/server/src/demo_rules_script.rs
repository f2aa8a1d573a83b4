//! The demo seller's feedback, returns and return policies: text only, no
//! logic. Comments are in the marketplace's buyer language (JP Japanese,
//! US English) and use words the ground detection knows
//! (`csba_domain::feedback::grounds`).

use csba_domain::tracking::Carrier;
use csba_domain::Marketplace;

pub struct DemoFeedback {
    pub marketplace: Marketplace,
    pub hours_ago: i64,
    pub rating: u8,
    pub comment: &'static str,
    pub amazon_fulfilled: bool,
    pub handled_by_csba: bool,
    /// The ground the comment is written to suggest (only the script's
    /// test reads it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub expect_ground: Option<&'static str>,
    /// A removal request the team already decided.
    pub request: Option<DemoRequest>,
}

pub struct DemoRequest {
    pub ground: &'static str,
    pub explanation: &'static str,
    /// `removed` or `declined`.
    pub status: &'static str,
}

const fn fb(marketplace: Marketplace, hours_ago: i64, rating: u8, comment: &'static str) -> DemoFeedback {
    DemoFeedback {
        marketplace,
        hours_ago,
        rating,
        comment,
        amazon_fulfilled: false,
        handled_by_csba: false,
        expect_ground: None,
        request: None,
    }
}

pub const FEEDBACK: [DemoFeedback; 12] = [
    // CSBA answered the buyer, and the buyer complains about the answer.
    DemoFeedback {
        handled_by_csba: true,
        expect_ground: Some("caused_by_csba"),
        ..fb(Marketplace::Jp, 30, 1, "カスタマーサービスの対応が最悪でした。問い合わせても同じ説明を繰り返すだけです。")
    },
    // Its window closes within three days.
    DemoFeedback {
        handled_by_csba: true,
        expect_ground: Some("caused_by_csba"),
        ..fb(Marketplace::Jp, 88 * 24, 2, "チャットのオペレーターの態度が冷たく、がっかりしました。")
    },
    DemoFeedback {
        expect_ground: Some("obscene_language"),
        ..fb(Marketplace::Jp, 4 * 24, 1, "くそったれ、二度と買わない。")
    },
    DemoFeedback {
        expect_ground: Some("sellers_personal_information"),
        ..fb(Marketplace::Jp, 9 * 24, 2, "店長の携帯 090-1234-5678 に何度かけても出ません。")
    },
    DemoFeedback {
        expect_ground: Some("entirely_product_review"),
        ..fb(Marketplace::Jp, 14 * 24, 2, "急須の品質が悪く、色も写真と全然違いました。")
    },
    DemoFeedback {
        amazon_fulfilled: true,
        expect_ground: Some("amazon_fulfilled_delivery_complaint"),
        ..fb(Marketplace::Jp, 20 * 24, 1, "配送が遅く、予定日を過ぎても届かない日が続きました。")
    },
    fb(Marketplace::Jp, 6 * 24, 3, "普通の茶筒です。可もなく不可もなく。"),
    fb(Marketplace::Jp, 2 * 24, 5, "丁寧な梱包ですぐに届きました。ありがとうございました。"),
    // Decided earlier: removed (obscene) and declined (the comment is also
    // about the delivery, so not entirely a product review).
    DemoFeedback {
        request: Some(DemoRequest {
            ground: "obscene_language",
            explanation: "The comment is abusive and says nothing about the order.",
            status: "removed",
        }),
        ..fb(Marketplace::Jp, 50 * 24, 1, "死ね。最悪の店。")
    },
    DemoFeedback {
        request: Some(DemoRequest {
            ground: "entirely_product_review",
            explanation: "The buyer only reviews the teapot itself.",
            status: "declined",
        }),
        ..fb(Marketplace::Jp, 60 * 24, 2, "商品は普通ですが、配送が遅かったです。")
    },
    fb(Marketplace::Us, 3 * 24, 5, "Lovely tea caddy, it arrived quickly and well packed."),
    fb(Marketplace::Us, 8 * 24, 2, "The color is duller than in the photo and the material feels cheap."),
];

pub struct DemoReturn {
    pub marketplace: Marketplace,
    pub item_title: &'static str,
    pub sku: &'static str,
    pub carrier: Carrier,
    /// Days from today until the refund is due (2 business days after the
    /// return arrived).
    pub refund_due_in_days: i64,
}

pub const RETURNS: [DemoReturn; 3] = [
    DemoReturn {
        marketplace: Marketplace::Jp,
        item_title: "有田焼 湯呑み 2客セット 染付",
        sku: "SKR-ARITA-YUNOMI-2",
        carrier: Carrier::Yamato,
        refund_due_in_days: 1,
    },
    DemoReturn {
        marketplace: Marketplace::Jp,
        item_title: "南部鉄器 急須 0.65L 黒",
        sku: "SKR-NANBU-065",
        carrier: Carrier::Sagawa,
        refund_due_in_days: 3,
    },
    DemoReturn {
        marketplace: Marketplace::Us,
        item_title: "Bamboo Tea Tray with Drainage, 14 in",
        sku: "SKR-US-BAMBOO-TRAY",
        carrier: Carrier::Ups,
        refund_due_in_days: 2,
    },
];

/// JP, first version: compliant.
pub const POLICY_JP_V1: &str = r#"{
  "return_window_days": 30,
  "returns": "returnless_below_threshold",
  "returnless_threshold_minor": 2000,
  "return_address": { "country": "JP", "lines": ["〒272-0127", "千葉県市川市塩浜2-13-1", "返品センター 気付 さくら商事"] },
  "return_shipping": { "accidental_order": "buyer", "no_longer_needed": "buyer", "defective": "seller", "wrong_item_sent": "seller" },
  "categories": [ { "category": "home", "returnable": true }, { "category": "food", "returnable": false } ],
  "refund_within_business_days": 2,
  "restocking_fee": { "percent": 20, "when": "used_or_damaged" }
}"#;

/// JP, second version: a longer return window, no restocking fee.
pub const POLICY_JP_V2: &str = r#"{
  "return_window_days": 45,
  "returns": "returnless_below_threshold",
  "returnless_threshold_minor": 2000,
  "return_address": { "country": "JP", "lines": ["〒272-0127", "千葉県市川市塩浜2-13-1", "返品センター 気付 さくら商事"] },
  "return_shipping": { "accidental_order": "buyer", "no_longer_needed": "buyer", "defective": "seller", "wrong_item_sent": "seller" },
  "categories": [ { "category": "home", "returnable": true }, { "category": "food", "returnable": false } ],
  "refund_within_business_days": 2
}"#;

/// US: refunds promised within 5 business days, more than the rules allow.
pub const POLICY_US: &str = r#"{
  "return_window_days": 30,
  "returns": "send_back",
  "return_address": { "country": "CN", "lines": ["Room 1201, 88 Keji Road", "Nanshan District, Shenzhen 518057"] },
  "prepaid_return_label": true,
  "return_shipping": { "no_longer_needed": "buyer", "better_price_found": "buyer" },
  "categories": [ { "category": "home", "returnable": true } ],
  "refund_within_business_days": 5
}"#;
