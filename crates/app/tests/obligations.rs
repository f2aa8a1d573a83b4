//! Return policy, feedback removal and questions to the CSBA team on a real
//! replica file: what the screens show, what the app's buttons and the
//! `csba` commands refuse (code and field) before anything is queued, and
//! what they queue. Feed rows are built from JSON, as the service sends them.

use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_api::{Change, ChangesPage, Resource};
use csba_app::{AppError, Desk, ErrorCode, ViewFilter};
use csba_domain::policy::{Payer, ReturnPolicy, ReturnReason};
use csba_domain::Marketplace;
use csba_store::{AccountId, SellerProfile, Store};
use serde_json::{json, Value};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn now() -> Result<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).single().ok_or("bad instant")?)
}

fn resource(kind: &str, data: Value) -> Result<Resource> {
    Ok(serde_json::from_value(json!({ "kind": kind, "data": data }))?)
}

fn jp_policy() -> Value {
    json!({
        "return_window_days": 30,
        "returns": "send_back",
        "return_address": { "country": "JP", "lines": ["千葉県市川市塩浜2-13-1"] },
        "categories": [{ "category": "electronics", "returnable": true }],
        "refund_within_business_days": 2
    })
}

fn order(id: &str, marketplace: &str, at: DateTime<Utc>) -> Value {
    json!({
        "id": id, "marketplace": marketplace, "placed_at": at - Duration::days(3), "item_title": "陶器茶香炉",
        "sku": "SKU-1", "quantity": 1, "status": "shipped"
    })
}

fn feedback(id: &str, rating: u8, comment: &str, left_at: DateTime<Utc>, grounds: Value) -> Value {
    json!({
        "id": id, "order_id": "503-0000001-0000001", "marketplace": "JP", "left_at": left_at, "rating": rating,
        "comment": comment, "fulfillment": "seller", "handled_by_csba": true,
        "removal": {
            "sentiment": if rating <= 2 { "negative" } else if rating == 3 { "neutral" } else { "positive" },
            "in_time": true, "deadline": left_at + Duration::days(90), "possible_grounds": grounds
        }
    })
}

/// A replica file with one account selling on JP and US, and the given feed.
fn desk(dir: &std::path::Path, resources: Vec<Resource>) -> Result<(Desk, AccountId)> {
    let at = now()?;
    let mut store = Store::open(&dir.join("replica.sqlite"))?;
    let seller = SellerProfile {
        seller_id: "A1".into(),
        display_name: "茶店".into(),
        marketplaces: vec![Marketplace::Jp, Marketplace::Us],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, at)?;
    let changes =
        resources.into_iter().enumerate().map(|(i, resource)| Change { seq: i as i64 + 1, at, resource }).collect();
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "1".into(), has_more: false, server_time: at },
        at,
    )?;
    Ok((Desk::new(store, csba_i18n::Catalog::load()?), account.id))
}

fn refusal<T>(r: std::result::Result<T, AppError>) -> Option<(ErrorCode, Option<String>)> {
    r.err().map(|e| (e.code, e.field))
}

#[test]
fn a_policy_is_checked_at_its_fields_submitted_and_compared_by_version() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let mut v2 = jp_policy();
    v2["return_window_days"] = json!(60);
    v2["return_shipping"] = json!({ "size_too_large": "seller" });
    let (desk, account) = desk(
        dir.path(),
        vec![
            resource(
                "return_policy",
                json!({ "marketplace": "JP", "version": 1, "submitted_at": at - Duration::days(40), "policy": jp_policy() }),
            )?,
            resource(
                "return_policy",
                json!({ "marketplace": "JP", "version": 2, "submitted_at": at - Duration::days(4), "policy": v2 }),
            )?,
        ],
    )?;

    let screen = desk.policy_screen(ViewFilter::default(), at)?;
    let markets: Vec<Marketplace> = screen.policies.iter().map(|p| p.marketplace).collect();
    assert_eq!(markets, vec![Marketplace::Jp, Marketplace::Us], "a marketplace without a policy still has a form");
    let jp = &screen.policies[0];
    assert_eq!(jp.current.as_ref().map(|c| c.version), Some(2));
    assert_eq!(jp.history.iter().map(|h| h.version).collect::<Vec<_>>(), vec![2, 1]);
    assert!(jp.violations_now.is_empty());
    assert_eq!((jp.rules.seller_pays.len(), jp.rules.max_refund_business_days), (15, 2));
    assert!(screen.policies[1].current.is_none());

    let changes = desk.policy_diff(account, Marketplace::Jp, 1, 2)?;
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, vec!["return_shipping.size_too_large", "return_window_days"]);
    assert_eq!((changes[1].before.as_deref(), changes[1].after.as_deref()), (Some("30"), Some("60")));
    assert_eq!(
        refusal(desk.policy_diff(account, Marketplace::Jp, 1, 7)),
        Some((ErrorCode::PolicyVersionNotFound, Some("to_version".into())))
    );

    // Broken: an address abroad on JP and a buyer-paid defect. Refused at
    // the first field, nothing queued.
    let mut broken: ReturnPolicy = serde_json::from_value(jp_policy())?;
    broken.return_address = Some(serde_json::from_value(json!({ "country": "CN", "lines": ["深圳"] }))?);
    broken.return_shipping.insert(ReturnReason::Defective, Payer::Buyer);
    let live = csba_app::policy::check_policy(Marketplace::Jp, &broken, at)?;
    let live_fields: Vec<&str> = live.iter().map(|v| v.field.as_str()).collect();
    assert_eq!(live_fields, vec!["return_address.country", "return_shipping.defective"]);
    let refused = desk.submit_policy(account, Marketplace::Jp, broken, at).err().ok_or("queued a broken policy")?;
    assert_eq!(
        (refused.code, refused.field.as_deref()),
        (ErrorCode::PolicyNotCompliant, Some("return_address.country"))
    );
    assert_eq!(refused.args.get("count").map(String::as_str), Some("2"));
    assert!(desk.policy_screen(ViewFilter::default(), at)?.policies[0].pending.is_none());

    // Fixed: queued, and the screen shows it pending.
    let mut fixed: ReturnPolicy = serde_json::from_value(jp_policy())?;
    fixed.return_address =
        Some(serde_json::from_value(json!({ "country": "JP", "lines": ["<script>alert(1)</script>"] }))?);
    let item = desk.submit_policy(account, Marketplace::Jp, fixed, at)?;
    assert_eq!(item.subject, "JP");
    let screen = desk.policy_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Jp) }, at)?;
    assert_eq!(screen.policies.len(), 1);
    assert_eq!(screen.policies[0].pending.as_ref().map(|p| p.state.as_str()), Some("queued"));
    let queued = desk.store.lock().map_err(|_| "lock")?.unsent_outbox()?;
    assert_eq!(
        queued[0]
            .body
            .as_ref()
            .and_then(|b| b.decode::<serde_json::Value>().ok())
            .map(|b| b["return_address"]["lines"][0].clone()),
        Some(json!("<script>alert(1)</script>"))
    );
    Ok(())
}

#[test]
fn feedback_removal_is_checked_before_it_is_queued() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let csba = json!([{ "ground": "caused_by_csba", "evidence": ["対応"] }]);
    let (desk, account) = desk(
        dir.path(),
        vec![
            resource("order", order("503-0000001-0000001", "JP", at))?,
            resource("feedback", feedback("neg-old", 1, "CSの対応が最悪", at - Duration::days(88), csba.clone()))?,
            resource("feedback", feedback("pos-new", 5, "早い！", at - Duration::hours(2), json!([])))?,
            resource("feedback", feedback("neg-new", 2, "<b>対応</b>が遅い", at - Duration::days(1), csba))?,
            resource("feedback", feedback("neg-closed", 1, "対応が悪い", at - Duration::days(95), json!([])))?,
        ],
    )?;

    let screen = desk.feedback_screen(ViewFilter::default(), at)?;
    let ids: Vec<&str> = screen.items.iter().map(|f| f.record.id.as_str()).collect();
    assert_eq!(ids, vec!["neg-new", "neg-old", "neg-closed", "pos-new"], "negatives first, newest first");
    let old = &screen.items[1];
    assert_eq!((old.removable_now, old.days_left), (true, Some(2)), "88 days in: two whole days left");
    assert_eq!(screen.items[2].days_left, None);
    let new = &screen.items[0];
    // JP local day of at − 1 day (2026-11-30 12:00 JST).
    assert_eq!(new.subject_preview.as_deref(), Some("11月/30日卖家茶店客服负面评论请求删除"));
    assert_eq!(new.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), vec![(3, 5)], "対応 inside <b>…</b>");
    let badges = desk.badges(ViewFilter::default(), at)?;
    assert_eq!(badges.removable_feedback as usize, screen.items.iter().filter(|f| f.removable_now).count());

    let draft = desk.compose_removal(account, "neg-new", "caused_by_csba", "", at)?;
    assert_eq!((draft.recipient.as_str(), draft.subject.as_deref()), ("csba_team", new.subject_preview.as_deref()));
    let manager = desk.compose_removal(account, "neg-new", "entirely_product_review", "商品の話だけ", at)?;
    assert_eq!((manager.recipient.as_str(), manager.subject), ("feedback_manager", None));

    let field = |r| refusal(r);
    assert_eq!(
        field(desk.request_removal(account, "neg-new", "caused_by_csba", "  ", at)),
        Some((ErrorCode::ExplanationMissing, Some("explanation".into())))
    );
    let long = "説".repeat(2_001);
    assert_eq!(
        field(desk.request_removal(account, "neg-new", "caused_by_csba", &long, at)),
        Some((ErrorCode::ExplanationTooLong, Some("explanation".into())))
    );
    assert_eq!(
        field(desk.request_removal(account, "neg-new", "amazon_fulfilled_delivery_complaint", "x", at)),
        Some((ErrorCode::GroundNotPossible, Some("ground".into()))),
        "a delivery complaint needs an Amazon-fulfilled order"
    );
    assert_eq!(
        field(desk.request_removal(account, "pos-new", "caused_by_csba", "x", at)),
        Some((ErrorCode::GroundNotPossible, Some("ground".into()))),
        "positive feedback is not sent to the CSBA team"
    );
    assert_eq!(
        field(desk.request_removal(account, "neg-closed", "obscene_language", "x", at)),
        Some((ErrorCode::RemovalNotPossible, Some("ground".into())))
    );
    assert_eq!(
        field(desk.request_removal(account, "neg-new", "no_such_ground", "x", at)),
        Some((ErrorCode::GroundNotPossible, Some("ground".into())))
    );
    assert_eq!(
        field(desk.request_removal(account, "nope", "caused_by_csba", "x", at)).map(|r| r.0),
        Some(ErrorCode::FeedbackNotFound)
    );
    assert!(desk.store.lock().map_err(|_| "lock")?.unsent_outbox()?.is_empty(), "nothing refused was queued");

    let item =
        desk.request_removal(account, "neg-new", "caused_by_csba", "<script>alert(1)</script> CS の誤案内です", at)?;
    assert_eq!(item.subject, "neg-new");
    let body: serde_json::Value =
        desk.store.lock().map_err(|_| "lock")?.unsent_outbox()?[0].body.clone().ok_or("no body")?.decode()?;
    assert_eq!(body, json!({ "ground": "caused_by_csba", "explanation": "<script>alert(1)</script> CS の誤案内です" }));
    let screen = desk.feedback_screen(ViewFilter::default(), at)?;
    let asked = &screen.items[0];
    assert_eq!((asked.removable_now, asked.pending.as_ref().map(|p| p.state.as_str())), (false, Some("queued")));
    assert_eq!(
        field(desk.request_removal(account, "neg-new", "caused_by_csba", "again", at)),
        Some((ErrorCode::RemovalAlreadyRequested, Some("ground".into())))
    );
    let badges = desk.badges(ViewFilter::default(), at)?;
    assert_eq!(badges.removable_feedback as usize, screen.items.iter().filter(|f| f.removable_now).count());
    Ok(())
}

#[test]
fn a_question_needs_text_and_an_order_and_shows_queued_until_it_is_back() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let question = |id: &str, status: &str, asked: DateTime<Utc>| {
        json!({ "id": id, "order_id": "503-0000001-0000001", "subject": "s", "question": "q", "asked_at": asked,
                "answer_by": asked + Duration::hours(48), "status": status })
    };
    let (desk, account) = desk(
        dir.path(),
        vec![
            resource("order", order("503-0000001-0000001", "JP", at))?,
            resource("service_question", question("late", "awaiting_answer", at - Duration::hours(50)))?,
            resource("service_question", question("soon", "awaiting_answer", at - Duration::hours(47)))?,
            resource("service_question", question("done", "answered", at - Duration::days(9)))?,
        ],
    )?;
    assert_eq!(desk.question_subject(account, "503-0000001-0000001")?, "卖家茶店针对订单503-0000001-0000001的客服疑问");

    let field = |r| refusal(r);
    assert_eq!(
        field(desk.ask_question(account, "503-0000001-0000001", " \n ", at)),
        Some((ErrorCode::QuestionMissing, Some("question".into())))
    );
    assert_eq!(
        field(desk.ask_question(account, "503-0000001-0000001", &"問".repeat(2_001), at)),
        Some((ErrorCode::QuestionTooLong, Some("question".into())))
    );
    assert_eq!(
        field(desk.ask_question(account, "503-9999999-9999999", "why?", at)),
        Some((ErrorCode::OrderNotFound, Some("order_id".into())))
    );
    desk.ask_question(account, " 503-0000001-0000001 ", "<img src=x onerror=alert(1)> なぜ返金？", at)?;

    let screen = desk.questions_screen(ViewFilter::default(), at)?;
    let rows: Vec<(&str, &str)> =
        screen.questions.iter().map(|q| (q.record.id.as_str(), q.record.status.as_str())).collect();
    assert_eq!(rows[1..], [("late", "awaiting_answer"), ("soon", "awaiting_answer"), ("done", "answered")]);
    let queued = &screen.questions[0];
    assert_eq!(queued.record.status, "queued");
    assert_eq!(queued.record.question, "<img src=x onerror=alert(1)> なぜ返金？");
    assert_eq!(queued.record.subject, "卖家茶店针对订单503-0000001-0000001的客服疑问");
    assert_eq!(queued.record.item_title.as_deref(), Some("陶器茶香炉"));
    assert!(screen.questions[1].overdue && !screen.questions[2].overdue);
    assert_eq!(screen.questions[2].answer_in_ms, Some(Duration::hours(1).num_milliseconds()));
    assert_eq!(screen.questions[3].answer_in_ms, None);
    let awaiting = screen.questions.iter().filter(|q| q.record.status == "awaiting_answer").count();
    assert_eq!(desk.badges(ViewFilter::default(), at)?.questions_awaiting as usize, awaiting);
    let us_only = desk.questions_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Us) }, at)?;
    assert!(us_only.questions.is_empty(), "a JP order's question is not on the US screen");

    // Confirmed by the service, not yet back in the feed: still on screen.
    {
        let store = desk.store.lock().map_err(|_| "lock")?;
        let entry = store.unsent_outbox()?.first().map(|e| e.id).ok_or("no entry")?;
        store.mark_sent_with_response(entry, Some(&json!({ "id": "q-new" }).to_string()), at)?;
    }
    let sent = desk.questions_screen(ViewFilter::default(), at)?;
    assert_eq!(sent.questions.len(), 4);
    assert_eq!(
        (sent.questions[0].record.status.as_str(), sent.questions[0].pending.as_ref().map(|p| p.state.as_str())),
        ("queued", Some("sent"))
    );
    // Back in the feed: shown once, as the service has it.
    let mut back = question("q-new", "awaiting_answer", at);
    back["question"] = json!("<img src=x onerror=alert(1)> なぜ返金？");
    let page = ChangesPage {
        changes: vec![Change { seq: 9, at, resource: resource("service_question", back)? }],
        next_cursor: "9".into(),
        has_more: false,
        server_time: at,
    };
    desk.store.lock().map_err(|_| "lock")?.apply_changes(account, &page, at)?;
    let screen = desk.questions_screen(ViewFilter::default(), at)?;
    let ids: Vec<&str> = screen.questions.iter().map(|q| q.record.id.as_str()).collect();
    assert_eq!(ids, vec!["late", "soon", "q-new", "done"]);
    Ok(())
}
