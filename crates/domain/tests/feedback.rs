//! Feedback: classification, the 90-day window, removal grounds and the
//! requests composed for the CSBA team (the JP seed's conventions).

use chrono::{DateTime, NaiveDate, Utc};
use csba_domain::feedback::{
    classify, compose_removal_request, compose_service_question, possible_grounds, removal_deadline, removal_in_time,
    ComposeError, FeedbackEntry, Fulfillment, Ground, Rating, Recipient, Sentiment,
};

type R = Result<(), String>;

fn at(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).map_err(|e| e.to_string())
}

fn entry(stars: u8, comment: &str, fulfillment: Fulfillment, csba: bool) -> Result<FeedbackEntry, String> {
    Ok(FeedbackEntry {
        order_id: "503-4317798-1234567".into(),
        // 2019-03-07 23:30 UTC is already 3月8日 in Tokyo.
        left_at: at("2019-03-07T23:30:00Z")?,
        rating: Rating::try_from(stars).map_err(|e| e.to_string())?,
        comment: comment.into(),
        fulfillment,
        handled_by_csba: csba,
    })
}

fn grounds(e: &FeedbackEntry) -> Vec<Ground> {
    possible_grounds(e, &[]).into_iter().map(|g| g.ground).collect()
}

#[test]
fn one_and_two_stars_are_negative_three_neutral_four_and_five_positive() -> R {
    let s = |n: u8| Rating::try_from(n).map(classify).map_err(|e| e.to_string());
    assert_eq!(
        [s(1)?, s(2)?, s(3)?, s(4)?, s(5)?],
        [Sentiment::Negative, Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive, Sentiment::Positive]
    );
    assert_eq!(Rating::try_from(0).map_err(|e| e.code()), Err("rating_out_of_range"));
    Ok(())
}

#[test]
fn removal_is_possible_for_ninety_days() -> R {
    let left = at("2026-01-31T12:00:00Z")?;
    assert_eq!(removal_deadline(left).map_err(|e| e.to_string())?, at("2026-05-01T12:00:00Z")?);
    assert!(removal_in_time(left, at("2026-05-01T11:59:59Z")?).map_err(|e| e.to_string())?);
    assert!(!removal_in_time(left, at("2026-05-01T12:00:01Z")?).map_err(|e| e.to_string())?);
    Ok(())
}

#[test]
fn seed_a_complaint_about_customer_service_on_a_csba_order_is_a_candidate() -> R {
    for comment in [
        "カスタマーサービスの対応が最悪でした",
        "客服态度太差了",
        "Customer service was rude and unhelpful",
        "상담원이 너무 불친절했습니다",
    ] {
        let e = entry(1, comment, Fulfillment::Seller, true)?;
        let found = possible_grounds(&e, &[]);
        let csba = found.iter().find(|g| g.ground == Ground::CausedByCsba).ok_or(format!("none for {comment}"))?;
        assert!(!csba.evidence.is_empty());
    }
    // Not negative, or not a CSBA order: not this ground.
    assert!(!grounds(&entry(3, "客服态度太差了", Fulfillment::Seller, true)?).contains(&Ground::CausedByCsba));
    assert!(!grounds(&entry(1, "客服态度太差了", Fulfillment::Seller, false)?).contains(&Ground::CausedByCsba));
    Ok(())
}

#[test]
fn obscene_language_is_spotted_in_any_language() -> R {
    for comment in ["What a piece of SHIT", "ｆｕｃｋ this", "傻逼卖家", "씨발 뭐야"] {
        assert!(
            grounds(&entry(1, comment, Fulfillment::Seller, false)?).contains(&Ground::ObsceneLanguage),
            "{comment}"
        );
    }
    assert!(!grounds(&entry(1, "shitake mushrooms were fine", Fulfillment::Seller, false)?)
        .contains(&Ground::ObsceneLanguage));
    Ok(())
}

#[test]
fn personal_information_in_the_comment() -> R {
    let e = entry(
        2,
        "Contact ｓｅｌｌｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ or call ０９０－１２３４－５６７８, ask for Wang Wei",
        Fulfillment::Seller,
        false,
    )?;
    let found = possible_grounds(&e, &["Wang Wei"]);
    let pi = found.iter().find(|g| g.ground == Ground::SellersPersonalInformation).ok_or("no PI")?;
    assert_eq!(pi.evidence, vec!["seller@example.com", "090-1234-5678", "wang wei"]);
    Ok(())
}

#[test]
fn a_pure_product_review_is_a_candidate_but_not_if_service_is_mentioned() -> R {
    assert!(grounds(&entry(2, "The quality is poor and the color is off", Fulfillment::Seller, false)?)
        .contains(&Ground::EntirelyProductReview));
    assert!(
        grounds(&entry(2, "商品の品質が悪い", Fulfillment::Seller, false)?).contains(&Ground::EntirelyProductReview)
    );
    assert!(!grounds(&entry(2, "Poor quality and it arrived late", Fulfillment::Seller, false)?)
        .contains(&Ground::EntirelyProductReview));
    Ok(())
}

#[test]
fn delivery_complaints_count_only_for_amazon_fulfilled_orders() -> R {
    assert!(grounds(&entry(1, "配送が遅すぎる", Fulfillment::Amazon, false)?)
        .contains(&Ground::AmazonFulfilledDeliveryComplaint));
    assert!(!grounds(&entry(1, "配送が遅すぎる", Fulfillment::Seller, false)?)
        .contains(&Ground::AmazonFulfilledDeliveryComplaint));
    Ok(())
}

#[test]
fn seed_the_removal_request_for_the_csba_team() -> R {
    let e = entry(1, "客服态度太差了", Fulfillment::Seller, true)?;
    let now = at("2019-03-11T00:00:00Z")?;
    let req =
        compose_removal_request(&e, Ground::CausedByCsba, "ACME", "CSBA 回复延迟导致差评", chrono_tz::Asia::Tokyo, now)
            .map_err(|e| e.to_string())?;
    assert_eq!(req.recipient, Recipient::CsbaTeam);
    assert_eq!(req.subject.as_deref(), Some("3月/8日卖家ACME客服负面评论请求删除"));
    assert_eq!(req.feedback_date, NaiveDate::from_ymd_opt(2019, 3, 8).ok_or("date")?);
    assert_eq!((req.order_id.as_str(), req.rating, req.comment.as_str()), ("503-4317798-1234567", 1, "客服态度太差了"));
    assert_eq!(req.explanation, "CSBA 回复延迟导致差评");
    Ok(())
}

#[test]
fn removal_requests_that_cannot_apply_are_refused_with_a_code() -> R {
    let now = at("2019-03-11T00:00:00Z")?;
    let tz = chrono_tz::Asia::Tokyo;
    let refuse = |e: &FeedbackEntry, g: Ground, seller: &str, why: &str, now| {
        compose_removal_request(e, g, seller, why, tz, now).err().map(|e| e.code())
    };
    let neg = entry(1, "客服态度太差了", Fulfillment::Seller, true)?;
    assert_eq!(refuse(&neg, Ground::CausedByCsba, "ACME", "x", at("2019-06-06T00:00:00Z")?), Some("out_of_time"));
    assert_eq!(
        refuse(&entry(3, "普通", Fulfillment::Seller, true)?, Ground::CausedByCsba, "ACME", "x", now),
        Some("not_negative")
    );
    assert_eq!(
        refuse(&entry(1, "差", Fulfillment::Seller, false)?, Ground::CausedByCsba, "ACME", "x", now),
        Some("not_handled_by_csba")
    );
    assert_eq!(
        refuse(&neg, Ground::AmazonFulfilledDeliveryComplaint, "ACME", "x", now),
        Some("not_fulfilled_by_amazon")
    );
    assert_eq!(refuse(&neg, Ground::CausedByCsba, " ", "x", now), Some("seller_name_missing"));
    assert_eq!(refuse(&neg, Ground::CausedByCsba, "ACME", "  ", now), Some("explanation_missing"));
    let other =
        compose_removal_request(&neg, Ground::ObsceneLanguage, "", "insult", tz, now).map_err(|e| e.to_string())?;
    assert_eq!((other.recipient, other.subject), (Recipient::FeedbackManager, None));
    Ok(())
}

#[test]
fn seed_the_service_question_subject() -> R {
    let q =
        compose_service_question("ACME", "503-4317798-1234567", "为什么这笔订单被退款？").map_err(|e| e.to_string())?;
    assert_eq!(q.subject, "卖家ACME针对订单503-4317798-1234567的客服疑问");
    assert_eq!(compose_service_question("ACME", "", "?").err(), Some(ComposeError::OrderIdMissing));
    assert_eq!(compose_service_question("ACME", "1", " ").err().map(|e| e.code()), Some("question_missing"));
    Ok(())
}

proptest::proptest! {
    /// The detectors scan arbitrary buyer text (any script, any width): they
    /// must never panic, and every piece of evidence comes from the comment.
    #[test]
    fn grounds_never_panic_on_arbitrary_text(comment in "\\PC{0,200}", stars in 1u8..=5, amazon in proptest::bool::ANY) {
        let e = entry(stars, &comment, if amazon { Fulfillment::Amazon } else { Fulfillment::Seller }, true)
            .map_err(proptest::test_runner::TestCaseError::fail)?;
        let _ = possible_grounds(&e, &["x", "", "王"]);
    }

    #[test]
    fn phone_like_noise_never_panics(comment in "[0-9０-９+()\\- .@a-z＠．]{0,80}") {
        let e = entry(1, &comment, Fulfillment::Seller, false).map_err(proptest::test_runner::TestCaseError::fail)?;
        let _ = possible_grounds(&e, &[]);
    }
}
