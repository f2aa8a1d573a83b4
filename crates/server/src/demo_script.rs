//! The demo seller's orders and cases: text only, no logic. Case messages
//! are written the way CSBA writes in the case log, in the language CSBA
//! uses with that marketplace's sellers (JP: Chinese or Japanese; US:
//! English or Chinese). `{order}` is replaced by the order id, `{tracking}`
//! by its tracking number.

use csba_domain::tracking::Carrier;
use csba_domain::{CaseKind, Marketplace};

pub struct DemoOrder {
    pub marketplace: Marketplace,
    pub item_title: &'static str,
    pub sku: &'static str,
    pub quantity: u32,
    pub status: &'static str,
    /// What the buyer paid per unit, in minor units (JPY, US cents): what
    /// CSBA refunds, at the seller's cost, for a parcel that never arrived.
    pub unit_price_minor: i64,
    pub placed: Placed,
    /// Shipped and delivered orders: how they went out (a valid number is
    /// drawn for each batch, so no two demo orders share one).
    pub tracking: Option<DemoTracking>,
}

/// When the order was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// This many hours before the batch is written. Always before the
    /// opening of any case about this order.
    HoursAgo(i64),
    /// Unshipped work: placed so that it must ship by the end of today (0)
    /// or tomorrow (1) in its marketplace's time zone.
    ShipBy { days_from_today: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoTracking {
    pub carrier: Carrier,
    /// Handed to the carrier this long after the order was placed.
    pub shipped_after_hours: i64,
}

const fn tracked(carrier: Carrier, shipped_after_hours: i64) -> Option<DemoTracking> {
    Some(DemoTracking { carrier, shipped_after_hours })
}

/// The demo seller's CSBA enrollments, written once when the seller is
/// created: JP long past its 90-day trial, US inside its 30-day one.
pub struct DemoEnrollment {
    pub marketplace: Marketplace,
    /// CSBA took over this many days before the demo was seeded.
    pub active_for_days: i64,
    pub terms_version: &'static str,
}

pub const ENROLLMENTS: [DemoEnrollment; 2] = [
    DemoEnrollment { marketplace: Marketplace::Jp, active_for_days: 150, terms_version: "2025-06" },
    DemoEnrollment { marketplace: Marketplace::Us, active_for_days: 10, terms_version: "2026-01" },
];

pub struct DemoCase {
    /// Index into [`ORDERS`].
    pub order: usize,
    pub kind: CaseKind,
    pub language: &'static str,
    pub subject: &'static str,
    /// Minutes from now until the deadline; negative means already overdue.
    pub due_in_minutes: i64,
    /// (minutes after the case opened, body); all written by CSBA.
    pub messages: &'static [(i64, &'static str)],
}

pub const ORDERS: [DemoOrder; 19] = [
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "陶器茶香炉 ティーライトキャンドル用 アロマポット 白磁",
        sku: "SKR-CHAKORO-WH",
        quantity: 1,
        status: "shipped",
        unit_price_minor: 3450,
        placed: Placed::HoursAgo(52),
        tracking: tracked(Carrier::Yamato, 18),
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "竹製 茶さじ・茶こし 5点セット 天然竹 手作り",
        sku: "SKR-BAMBOO-SET5",
        quantity: 2,
        status: "shipped",
        unit_price_minor: 1980,
        placed: Placed::HoursAgo(290),
        tracking: tracked(Carrier::ChinaPost, 74),
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "レディース スニーカー 軽量 ウォーキングシューズ 23.5cm ベージュ",
        sku: "SKR-SNK-BE-235",
        quantity: 1,
        status: "delivered",
        unit_price_minor: 5990,
        placed: Placed::HoursAgo(120),
        tracking: tracked(Carrier::JapanPostDomestic, 22),
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "有田焼 急須 300ml 茶こし付き 藍染付",
        sku: "SKR-KYUSU-300",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 4280,
        placed: Placed::HoursAgo(20),
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Airtight Tea Caddy, Brushed Tin, 150 g, Double Lid",
        sku: "SKR-CADDY-150",
        quantity: 1,
        status: "shipped",
        unit_price_minor: 1899,
        placed: Placed::HoursAgo(70),
        tracking: tracked(Carrier::Ups, 20),
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Shockproof Phone Case for iPhone 15, Clear Matte",
        sku: "SKR-IP15-CLR",
        quantity: 1,
        status: "delivered",
        unit_price_minor: 1599,
        placed: Placed::HoursAgo(160),
        tracking: tracked(Carrier::Usps, 26),
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Ceramic Teapot Warmer with Tealight Holder, 4.5 in",
        sku: "SKR-WARMER-US",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 2299,
        placed: Placed::HoursAgo(10),
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Bamboo Matcha Whisk Set (4 pieces) with Holder",
        sku: "SKR-MATCHA-4",
        quantity: 3,
        status: "shipped",
        unit_price_minor: 2499,
        placed: Placed::HoursAgo(40),
        tracking: tracked(Carrier::Usps, 16),
    },
    // Work to ship: due by the end of today and of tomorrow, on both
    // marketplaces, so the seller's day has a shape.
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "南部鉄器 鉄瓶 0.8L 霰（あられ）IH対応",
        sku: "SKR-TETSUBIN-08",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 12800,
        placed: Placed::ShipBy { days_from_today: 0 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "手作り 樺細工 茶筒 桜皮 200g",
        sku: "SKR-CHAZUTSU-200",
        quantity: 2,
        status: "unshipped",
        unit_price_minor: 6600,
        placed: Placed::ShipBy { days_from_today: 0 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "ガラス ティーポット 600ml 耐熱 茶こし付き",
        sku: "SKR-GLASSPOT-600",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 2480,
        placed: Placed::ShipBy { days_from_today: 1 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "茶托 5枚セット 木製 漆塗り",
        sku: "SKR-CHATAKU-5",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 3300,
        placed: Placed::ShipBy { days_from_today: 1 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Cast Iron Teapot, 40 oz, with Infuser, Black",
        sku: "SKR-CASTPOT-US",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 3999,
        placed: Placed::ShipBy { days_from_today: 0 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Porcelain Tea Cups, Set of 6, 3.4 oz",
        sku: "SKR-CUPS6-US",
        quantity: 2,
        status: "unshipped",
        unit_price_minor: 2599,
        placed: Placed::ShipBy { days_from_today: 0 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Stainless Steel Tea Infuser Ball, 2-Pack",
        sku: "SKR-INFUSER-2",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 999,
        placed: Placed::ShipBy { days_from_today: 1 },
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Bamboo Tea Tray, Gongfu Style, 14 x 9 in",
        sku: "SKR-TRAY-US",
        quantity: 1,
        status: "unshipped",
        unit_price_minor: 3499,
        placed: Placed::ShipBy { days_from_today: 1 },
        tracking: None,
    },
    // Payment not confirmed yet: shows up, but must not be shipped.
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "抹茶 茶筅 百本立 国産 茶筅直し付き",
        sku: "SKR-CHASEN-100",
        quantity: 1,
        status: "pending",
        unit_price_minor: 4950,
        placed: Placed::HoursAgo(1),
        tracking: None,
    },
    // The buyer cancelled before it shipped.
    DemoOrder {
        marketplace: Marketplace::Us,
        item_title: "Electric Gooseneck Kettle, Variable Temperature, 0.8 L",
        sku: "SKR-KETTLE-US",
        quantity: 1,
        status: "cancelled",
        unit_price_minor: 5999,
        placed: Placed::HoursAgo(30),
        tracking: None,
    },
    DemoOrder {
        marketplace: Marketplace::Jp,
        item_title: "常滑焼 急須 250ml 朱泥 ささめ",
        sku: "SKR-TOKONAME-250",
        quantity: 1,
        status: "shipped",
        unit_price_minor: 7700,
        placed: Placed::HoursAgo(96),
        tracking: tracked(Carrier::Sagawa, 24),
    },
];

pub const CASES: [DemoCase; 6] = [
    DemoCase {
        order: 0,
        kind: CaseKind::ProductQuestion,
        language: "zh-CN",
        subject: "商品咨询：茶香炉是否可以使用LED蜡烛（订单 {order}）",
        due_in_minutes: 70,
        messages: &[(
            0,
            "卖家您好，\n\n这里是亚马逊客户服务（Customer Service by Amazon）。订单 {order} 的买家就商品「陶器茶香炉 ティーライトキャンドル用」提出了以下问题，商品详情页中没有相关说明，需要您协助确认。\n\n买家原话：「ティーライトの代わりにLEDキャンドルを使っても、茶葉の香りは出ますか？火を使わずに使いたいです。」\n（译：可以用LED蜡烛代替茶蜡吗？想在不用明火的情况下使用，茶叶还会散发香味吗？）\n\n请在本案例日志中回复：\n1. 本商品是否可以搭配LED蜡烛使用；\n2. 使用LED蜡烛时能否加热茶叶、散发香气；\n3. 如不能，是否有推荐的替代加热方式。\n\n请于24小时内回复。如未在期限内收到您的回复，CSBA将根据现有信息，以对买家最合适的方式处理此咨询。\n\n亚马逊客户服务",
        )],
    },
    DemoCase {
        order: 1,
        kind: CaseKind::Delivery,
        language: "zh-CN",
        subject: "配送调查：追踪编码 {tracking} 已9天无物流更新（订单 {order}）",
        due_in_minutes: 160,
        messages: &[
            (
                0,
                "卖家您好，\n\n订单 {order} 的买家联系我们，表示至今尚未收到商品。您上传的追踪编码为 {tracking}（中国邮政 EMS），查询结果显示自9天前「已交寄」之后再无任何物流更新。\n\n请协助确认：\n1. 包裹的实际发货日期和承运商；\n2. 追踪编码是否正确，是否有更正后的追踪编码；\n3. 是否已向承运商申请查件，以及预计送达时间。\n\n请注意：如无法确认包裹的配送状态，CSBA可能会按政策为买家办理退款，退款金额将从您的销售款中扣除。\n\n请于24小时内在案例日志中回复。\n\n亚马逊客户服务",
            ),
            (
                35,
                "补充信息：买家表示需要在下周的茶会上使用这套茶具，希望尽快知道包裹的下落。如您可以补发，请一并告知补发的追踪编码。\n\n亚马逊客户服务",
            ),
        ],
    },
    DemoCase {
        order: 2,
        kind: CaseKind::Return,
        language: "ja",
        subject: "返品のご相談：サイズが小さい（注文番号 {order}）",
        due_in_minutes: -120,
        messages: &[(
            0,
            "出品者様\n\nAmazonカスタマーサービスです。注文番号 {order} のお客様より、「レディース スニーカー 23.5cm ベージュ」の返品のご希望をいただいております。\n\nお客様のお申し出：「普段は23.5cmを履いていますが、つま先がきつくサイズが小さいです。箱を開けて試し履きしただけなので返品したいです。」\n\nCSBAの返品ポリシーでは、衣料品・バッグ・シューズはお客様の送料負担なく返送いただけます。以下をご確認のうえ、ケースログにてご回答ください。\n\n1. 日本国内の返品先住所\n2. 交換（24.0cm）をご希望の場合、在庫の有無\n\n24時間以内にご回答がない場合、CSBAはお客様にとって最適と判断する方法で対応いたします。\n\nAmazonカスタマーサービス",
        )],
    },
    DemoCase {
        order: 5,
        kind: CaseKind::Refund,
        language: "en",
        subject: "Refund approval needed: phone case arrived cracked (order {order})",
        due_in_minutes: 8 * 60,
        messages: &[
            (
                0,
                "Hello,\n\nThis is Customer Service by Amazon. The buyer of order {order} reports that the \"Shockproof Phone Case for iPhone 15, Clear Matte\" arrived with a crack along the camera cutout, and has sent two photos. The buyer is asking for a full refund of $15.99 and does not want a replacement.\n\nBecause return shipping would cost more than the item, we propose a refund without requiring the buyer to send the item back. Please reply in this case log to approve or decline the refund; if you decline, please tell us why.\n\nPlease respond within 24 hours. If we do not hear from you, CSBA will resolve this request in the way we judge best for the customer.\n\nCustomer Service by Amazon",
            ),
            (
                50,
                "Update: the buyer confirmed the case was not dropped and the crack was already there when the package was opened.\n\nCustomer Service by Amazon",
            ),
        ],
    },
    DemoCase {
        order: 6,
        kind: CaseKind::OrderChange,
        language: "en",
        subject: "Order change request: new shipping address before shipment (order {order})",
        due_in_minutes: 15 * 60,
        messages: &[(
            0,
            "Hello,\n\nThe buyer of order {order} contacted us before the order shipped and asked to change the delivery address.\n\nFrom: 1420 Maple Ave, Apt 3B, Evanston, IL 60201\nTo: 88 Harbor Point Blvd, Suite 210, Chicago, IL 60601\n\nThe order is still unshipped. Amazon cannot edit the address on an existing order: please tell us whether you can ship to the new address, or whether the buyer should cancel and place a new order. If the parcel has already been handed to the carrier, please give us the tracking ID.\n\nPlease respond within 24 hours, including weekends and holidays.\n\nCustomer Service by Amazon",
        )],
    },
    DemoCase {
        order: 4,
        kind: CaseKind::ProductQuestion,
        language: "zh-CN",
        subject: "商品咨询：茶叶罐是否密封防潮、能否存放抹茶粉（订单 {order}）",
        due_in_minutes: 22 * 60,
        messages: &[(
            0,
            "卖家您好，\n\n这里是亚马逊客户服务。订单 {order} 的买家就商品「Airtight Tea Caddy, Brushed Tin, 150 g」咨询如下：\n\n买家原话：\"Is the inner lid really airtight? I want to keep matcha powder in it and I live somewhere very humid. Is the inside coated or bare tin?\"\n（译：内盖真的密封吗？想用来存放抹茶粉，所在地区非常潮湿。罐子内部有涂层还是裸锡？）\n\n请回复：\n1. 内盖是否密封、防潮；\n2. 罐体内部材质，是否可直接接触食品；\n3. 是否适合存放抹茶粉。\n\n请于24小时内在案例日志中回复。\n\n亚马逊客户服务",
        )],
    },
];
