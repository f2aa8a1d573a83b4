//! The simulator's phrasebook: products, and what CSBA, sellers and buyers
//! write, per language. Text only, no logic. `{order}`, `{item}` and
//! `{quote}` are filled in by `simulate.rs`.

use csba_domain::{CaseKind, Marketplace};

pub struct Product {
    pub marketplace: Marketplace,
    pub title: &'static str,
    pub sku: &'static str,
    /// Per unit, in minor units of the marketplace currency (JPY, US cents).
    pub price_minor: i64,
}

pub const PRODUCTS: &[Product] = &[
    Product {
        marketplace: Marketplace::Jp,
        title: "有田焼 急須 300ml 茶こし付き 藍染付",
        sku: "KYUSU-300",
        price_minor: 4_280,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "竹製 茶さじ・茶こし 5点セット 天然竹 手作り",
        sku: "BAMBOO-SET5",
        price_minor: 1_980,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "陶器茶香炉 ティーライトキャンドル用 アロマポット 白磁",
        sku: "CHAKORO-WH",
        price_minor: 3_450,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "レディース スニーカー 軽量 ウォーキングシューズ 24.0cm ネイビー",
        sku: "SNK-NV-240",
        price_minor: 5_990,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "USB-C 急速充電器 65W 2ポート 折りたたみ式",
        sku: "CHG-65W-2P",
        price_minor: 3_299,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "ステンレス 真空断熱 タンブラー 450ml 蓋付き",
        sku: "TMB-450-SS",
        price_minor: 2_480,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "南部鉄器風 鋳鉄ティーポット 600ml ブラック",
        sku: "IRON-POT-600",
        price_minor: 6_800,
    },
    Product {
        marketplace: Marketplace::Jp,
        title: "リネン ランチョンマット 4枚組 ベージュ 45×30cm",
        sku: "LINEN-MAT-4",
        price_minor: 2_200,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Airtight Tea Caddy, Brushed Tin, 150 g, Double Lid",
        sku: "CADDY-150",
        price_minor: 1_899,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Bamboo Matcha Whisk Set (4 pieces) with Holder",
        sku: "MATCHA-4",
        price_minor: 2_499,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Shockproof Phone Case for iPhone 15, Clear Matte",
        sku: "IP15-CLR",
        price_minor: 1_599,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Ceramic Teapot Warmer with Tealight Holder, 4.5 in",
        sku: "WARMER-US",
        price_minor: 2_299,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Silk Sleep Mask with Adjustable Strap, Charcoal",
        sku: "MASK-SILK-CH",
        price_minor: 1_450,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Glass Cold Brew Pitcher 1.5 qt with Stainless Filter",
        sku: "COLDBREW-15",
        price_minor: 2_895,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Cast Iron Trivet, Cherry Blossom Pattern, 7 in",
        sku: "TRIVET-SAKURA",
        price_minor: 1_999,
    },
    Product {
        marketplace: Marketplace::Us,
        title: "Wireless Earbuds Charging Case Replacement, Type-C",
        sku: "EARBUD-CASE",
        price_minor: 2_199,
    },
];

pub const SELLER_NAMES: &[&str] = &[
    "Sakura Trading Co.",
    "深圳市晨光电子商务有限公司",
    "Han River Goods",
    "Kyoto Craft Works",
    "义乌优品家居",
    "Maple & Stone Home",
    "Osaka Kitchen Supply",
    "杭州茶语贸易",
];

/// (subject, first CSBA message) for a case of `kind` written in `language`.
pub fn case_text(kind: CaseKind, language: &str) -> (&'static str, &'static str) {
    match (language, kind) {
        ("ja", CaseKind::ProductQuestion) => (
            "商品に関するお問い合わせ（注文番号 {order}）",
            "出品者様\n\nAmazonカスタマーサービスです。注文番号 {order} のお客様より「{item}」について、商品詳細ページに記載のないご質問をいただいております。\n\nお客様のお問い合わせ：「{quote}」\n\nケースログにてご回答ください。24時間以内にご回答がない場合、CSBAは商品詳細ページの情報をもとにお客様へご案内いたします。\n\nAmazonカスタマーサービス",
        ),
        ("ja", CaseKind::Delivery) => (
            "配送状況の確認のお願い（注文番号 {order}）",
            "出品者様\n\n注文番号 {order}（{item}）のお客様より、商品がまだ届いていないとのご連絡をいただきました。追跡番号の配送状況が数日間更新されていません。\n\nお客様のお申し出：「{quote}」\n\n実際の発送日、配送業者、追跡番号が正しいかをご確認ください。配送状況が確認できない場合、CSBAはポリシーに基づきお客様へ返金することがあり、その金額は売上金から差し引かれます。\n\nAmazonカスタマーサービス",
        ),
        ("ja", CaseKind::Return) => (
            "返品のご相談（注文番号 {order}）",
            "出品者様\n\n注文番号 {order} のお客様より「{item}」の返品のご希望をいただいております。\n\nお客様のお申し出：「{quote}」\n\n返品先住所と、交換が可能な場合は在庫の有無をケースログにてお知らせください。\n\nAmazonカスタマーサービス",
        ),
        ("ja", CaseKind::Refund) => (
            "返金のご承認のお願い（注文番号 {order}）",
            "出品者様\n\n注文番号 {order}（{item}）のお客様より返金のご希望をいただいております。\n\nお客様のお申し出：「{quote}」\n\n返送料が商品代金を上回るため、返品不要での返金をご提案します。承認または却下（理由を添えて）をケースログにてご回答ください。\n\nAmazonカスタマーサービス",
        ),
        ("ja", CaseKind::OrderChange) => (
            "ご注文内容の変更のご依頼（注文番号 {order}）",
            "出品者様\n\n注文番号 {order}（{item}）のお客様より、発送前のご注文内容の変更をご希望いただいております。\n\nお客様のお申し出：「{quote}」\n\n対応の可否をケースログにてお知らせください。\n\nAmazonカスタマーサービス",
        ),
        ("zh-CN", CaseKind::ProductQuestion) => (
            "商品咨询（订单 {order}）",
            "卖家您好，\n\n这里是亚马逊客户服务。订单 {order} 的买家就商品「{item}」提出了商品详情页中没有说明的问题。\n\n买家原话：「{quote}」\n\n请在案例日志中回复。如24小时内未收到您的回复，CSBA将根据商品详情页的信息答复买家。\n\n亚马逊客户服务",
        ),
        ("zh-CN", CaseKind::Delivery) => (
            "配送调查：包裹多日无物流更新（订单 {order}）",
            "卖家您好，\n\n订单 {order}（{item}）的买家表示至今尚未收到商品，您上传的追踪编码已多日没有物流更新。\n\n买家原话：「{quote}」\n\n请确认实际发货日期、承运商以及追踪编码是否正确。如无法确认配送状态，CSBA可能会按政策为买家办理退款，退款金额将从您的销售款中扣除。\n\n亚马逊客户服务",
        ),
        ("zh-CN", CaseKind::Return) => (
            "退货咨询（订单 {order}）",
            "卖家您好，\n\n订单 {order} 的买家希望退回商品「{item}」。\n\n买家原话：「{quote}」\n\n请在案例日志中提供退货地址；如可换货，请告知库存情况。\n\n亚马逊客户服务",
        ),
        ("zh-CN", CaseKind::Refund) => (
            "需要您批准退款（订单 {order}）",
            "卖家您好，\n\n订单 {order}（{item}）的买家申请退款。\n\n买家原话：「{quote}」\n\n由于退货运费高于商品价格，我们建议无需退货直接退款。请在案例日志中回复批准或拒绝（并说明理由）。\n\n亚马逊客户服务",
        ),
        ("zh-CN", CaseKind::OrderChange) => (
            "订单修改请求（订单 {order}）",
            "卖家您好，\n\n订单 {order}（{item}）的买家在发货前希望修改订单。\n\n买家原话：「{quote}」\n\n请在案例日志中告知能否处理。\n\n亚马逊客户服务",
        ),
        (_, CaseKind::ProductQuestion) => (
            "Product question (order {order})",
            "Hello,\n\nThis is Customer Service by Amazon. The buyer of order {order} has a question about \"{item}\" that the detail page does not answer.\n\nThe buyer wrote: \"{quote}\"\n\nPlease reply in this case log. If we do not hear from you within 24 hours, CSBA will answer from the detail page.\n\nCustomer Service by Amazon",
        ),
        (_, CaseKind::Delivery) => (
            "Delivery investigation: no tracking updates (order {order})",
            "Hello,\n\nThe buyer of order {order} (\"{item}\") has not received the package, and the tracking ID you provided has not been updated for several days.\n\nThe buyer wrote: \"{quote}\"\n\nPlease confirm the ship date, the carrier and the tracking ID. If the delivery cannot be confirmed, CSBA may refund the buyer under policy, and the refund will be deducted from your proceeds.\n\nCustomer Service by Amazon",
        ),
        (_, CaseKind::Return) => (
            "Return request (order {order})",
            "Hello,\n\nThe buyer of order {order} would like to return \"{item}\".\n\nThe buyer wrote: \"{quote}\"\n\nPlease give us a return address in this case log and, if an exchange is possible, whether you have stock.\n\nCustomer Service by Amazon",
        ),
        (_, CaseKind::Refund) => (
            "Refund approval needed (order {order})",
            "Hello,\n\nThe buyer of order {order} (\"{item}\") is asking for a refund.\n\nThe buyer wrote: \"{quote}\"\n\nAs return shipping would cost more than the item, we propose a refund without a return. Please approve or decline (with a reason) in this case log.\n\nCustomer Service by Amazon",
        ),
        (_, CaseKind::OrderChange) => (
            "Order change request (order {order})",
            "Hello,\n\nThe buyer of order {order} (\"{item}\") asked to change the order before it ships.\n\nThe buyer wrote: \"{quote}\"\n\nPlease tell us in this case log whether you can do this.\n\nCustomer Service by Amazon",
        ),
    }
}

/// What buyers say, in their own language, by case kind.
pub fn buyer_quotes(kind: CaseKind, language: &str) -> &'static [&'static str] {
    match (language, kind) {
        ("ja", CaseKind::ProductQuestion) => &[
            "食洗機で洗っても大丈夫ですか？",
            "箱の中に説明書は日本語で入っていますか？",
            "IH対応かどうか教えてください。",
        ],
        ("ja", CaseKind::Delivery) => &[
            "一週間たっても届きません。追跡番号を調べても動きがありません。",
            "配達完了になっていますが、ポストにも玄関にもありませんでした。",
        ],
        ("ja", CaseKind::Return) => {
            &["サイズが合わなかったので、未使用のまま返品したいです。", "写真と色がかなり違いました。"]
        }
        ("ja", _) => &["届いた時点で欠けていました。返金をお願いします。", "住所を引っ越し先に変更したいです。"],
        ("zh", CaseKind::Delivery) => &["已经等了十天还没收到，物流信息一直没有更新。"],
        ("zh", _) => &["这个可以用洗碗机清洗吗？", "收到的时候盖子已经裂了，希望退款。", "颜色和图片不一样，想退货。"],
        (_, CaseKind::ProductQuestion) => &[
            "Is this dishwasher safe?",
            "Does it work on an induction stove?",
            "Is the inside coated or bare metal? I want to store matcha in it.",
        ],
        (_, CaseKind::Delivery) => &[
            "It has been over a week and tracking still says label created.",
            "Tracking says delivered but there is nothing at my door or in the mailroom.",
        ],
        (_, CaseKind::Return) => {
            &["It arrived scratched and I'd like to return it.", "Wrong size, never used, still in the box."]
        }
        (_, CaseKind::Refund) => {
            &["The lid was cracked when I opened the box.", "Only 3 of the 4 pieces were in the package."]
        }
        (_, CaseKind::OrderChange) => {
            &["Can you ship it to my office address instead?", "I ordered the wrong color, can I switch to black?"]
        }
    }
}

/// A seller's answer in the case log, in the case's language.
pub fn seller_replies(language: &str) -> &'static [&'static str] {
    match language {
        "ja" => &[
            "ご連絡ありがとうございます。確認いたしました。本日中に代替品を発送いたします。",
            "お問い合わせの件、食洗機のご使用は可能です。ただし高温乾燥はお避けください。",
            "配送業者に調査を依頼しました。追跡番号に誤りがあったため、正しい番号をお知らせします。",
        ],
        "zh-CN" => &[
            "您好，已确认。我们今天会为买家补发一件新的商品。",
            "该商品可以使用洗碗机清洗，但请避免高温烘干。",
            "我们已联系承运商查件，正确的追踪编码已更新，请查收。",
        ],
        _ => &[
            "Thanks for letting us know. We will ship a replacement today and share the tracking ID here.",
            "Yes, it is dishwasher safe on the top rack. Please avoid the high-heat dry cycle.",
            "We contacted the carrier; the tracking ID had a typo. The correct one is now on the order.",
        ],
    }
}

/// Feedback comments in the buyer's language: (rating, comment).
pub fn feedback_comments(language: &str) -> &'static [(u8, &'static str)] {
    match language {
        "ja" => &[
            (5, "丁寧な梱包で、予定より早く届きました。また利用したいです。"),
            (4, "商品は良いですが、発送まで少し時間がかかりました。"),
            (2, "届くまで二週間かかり、連絡もありませんでした。"),
            (1, "商品が破損していました。出品者からの返信もありません。"),
        ],
        "zh" => &[
            (5, "包装很仔细，物流也很快，非常满意。"),
            (3, "东西还可以，就是物流有点慢。"),
            (1, "收到的商品是坏的，很失望。"),
        ],
        _ => &[
            (5, "Arrived quickly and well packed. Exactly as described."),
            (4, "Nice quality, shipping took a few extra days."),
            (2, "Took almost three weeks to arrive and no updates from the seller."),
            (1, "Item arrived broken and I never got a reply."),
        ],
    }
}
