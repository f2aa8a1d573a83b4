//! Buyer feedback and requests to remove it. Whether a request can be made
//! (the 90-day window, which grounds apply) is the domain's call
//! (`csba_domain::feedback`); this module stores and serves.

use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::page::Page;
use crate::text_limits::check_length;
use crate::write_tx::WriteTx;
use chrono::{DateTime, Utc};
use csba_api::limits::MAX_EXPLANATION_CHARS;
use csba_api::{
    Feedback, FieldError, PossibleGroundView, Problem, ProblemCode, RemovalEligibility, RemovalRequestCreate,
    RemovalRequestView, Resource,
};
use csba_domain::feedback::{
    compose_removal_request, possible_grounds, removal_deadline, removal_in_time, ComposeError, FeedbackEntry,
    Fulfillment, Ground, Rating, Recipient,
};
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// What a feedback record holds before the rules look at it.
#[derive(Debug, Clone)]
pub struct NewFeedback {
    pub id: String,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub left_at: DateTime<Utc>,
    pub rating: u8,
    pub comment: String,
    pub fulfillment: Fulfillment,
    pub handled_by_csba: bool,
}

const COLUMNS: &str = "f.id, f.order_id, f.marketplace, f.left_at, f.rating, f.comment, f.fulfillment, \
     f.handled_by_csba, r.id, r.ground, r.recipient, r.subject, r.explanation, r.status, r.requested_at, \
     r.decided_at";

type Row = (
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

/// Inserts or replaces feedback and records it in the feed (simulator,
/// demo, tests). Call inside a transaction; see [`feed::record`].
pub async fn put_feedback(
    conn: &mut AnyConnection,
    seller_id: &str,
    f: &NewFeedback,
    now: DateTime<Utc>,
) -> Result<()> {
    let rating = Rating::try_from(f.rating)
        .map_err(|e| ServerError::InvalidInput { field: "rating", message: e.to_string() })?;
    let f = NewFeedback { left_at: truncate_ms(f.left_at), ..f.clone() };
    let view = to_view(&f, rating, None, now)?;
    feed::record(conn, seller_id, truncate_ms(now), &Resource::Feedback(view)).await?;
    sqlx::query(
        "INSERT INTO feedback (seller_id, id, order_id, marketplace, left_at, rating, comment, fulfillment, \
         handled_by_csba) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (seller_id, id) DO UPDATE SET \
         order_id = excluded.order_id, marketplace = excluded.marketplace, left_at = excluded.left_at, \
         rating = excluded.rating, comment = excluded.comment, fulfillment = excluded.fulfillment, \
         handled_by_csba = excluded.handled_by_csba",
    )
    .bind(seller_id)
    .bind(&f.id)
    .bind(&f.order_id)
    .bind(f.marketplace.code())
    .bind(to_ms(f.left_at))
    .bind(i64::from(f.rating))
    .bind(&f.comment)
    .bind(fulfillment_code(f.fulfillment))
    .bind(i64::from(f.handled_by_csba))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A page of the seller's feedback, newest first, with removal eligibility
/// at `now`, and the next page's cursor.
pub async fn list(
    db: &Db,
    seller_id: &str,
    now: DateTime<Utc>,
    page: &Page,
) -> Result<(Vec<Feedback>, Option<String>)> {
    let sql = format!(
        "SELECT {COLUMNS} FROM feedback f LEFT JOIN removal_requests r \
         ON r.seller_id = f.seller_id AND r.feedback_id = f.id \
         WHERE f.seller_id = $1{} ORDER BY f.left_at DESC, f.id ASC{}",
        page.condition("f.left_at", "f.id", true, 2),
        page.limit_clause()
    );
    let mut query = sqlx::query_as::<_, Row>(&sql).bind(seller_id);
    if let Some((at, id)) = &page.after {
        query = query.bind(*at).bind(id.as_str());
    }
    let feedback =
        query.fetch_all(db.reads()).await?.into_iter().map(|row| from_row(row, now)).collect::<Result<Vec<_>>>()?;
    Ok(page.split(feedback, |f| (to_ms(f.left_at), f.id.as_str())))
}

async fn get(conn: &mut AnyConnection, seller_id: &str, id: &str, now: DateTime<Utc>) -> Result<Feedback> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM feedback f LEFT JOIN removal_requests r \
         ON r.seller_id = f.seller_id AND r.feedback_id = f.id WHERE f.seller_id = $1 AND f.id = $2"
    ))
    .bind(seller_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| from_row(r, now)).transpose()?.ok_or_else(|| ServerError::NotFound("feedback".to_owned()))
}

/// Files a removal request, if the rules allow it.
pub async fn request_removal(
    db: &Db,
    seller_id: &str,
    seller_name: &str,
    feedback_id: &str,
    request: &RemovalRequestCreate,
    now: DateTime<Utc>,
) -> Result<RemovalRequestView> {
    let now = truncate_ms(now);
    check_length("/explanation", &request.explanation, MAX_EXPLANATION_CHARS)?;
    let ground =
        Ground::ALL.into_iter().find(|g| g.code() == request.ground).ok_or_else(|| ServerError::InvalidInput {
            field: "/ground",
            message: format!("expected one of {}", Ground::ALL.iter().map(|g| g.code()).collect::<Vec<_>>().join(", ")),
        })?;
    let mut tx = WriteTx::begin(db).await?;
    feed::lock_seller(&mut tx, seller_id).await?;
    let mut feedback = get(&mut tx, seller_id, feedback_id, now).await?;
    if feedback.removal_request.is_some() {
        return Err(ServerError::rejected(Problem::new(
            ProblemCode::RemovalAlreadyRequested,
            "A removal request for this feedback is on file",
        )));
    }
    let entry = entry_of(&feedback)?;
    let zone = feedback.marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let composed =
        compose_removal_request(&entry, ground, seller_name, &request.explanation, zone, now).map_err(not_allowed)?;
    let view = RemovalRequestView {
        id: uuid::Uuid::new_v4().to_string(),
        feedback_id: feedback.id.clone(),
        ground: ground.code().to_owned(),
        recipient: match composed.recipient {
            Recipient::CsbaTeam => "csba_team",
            Recipient::FeedbackManager => "feedback_manager",
        }
        .to_owned(),
        subject: composed.subject,
        explanation: composed.explanation,
        status: "submitted".to_owned(),
        requested_at: now,
        decided_at: None,
    };
    feed::record(&mut tx, seller_id, now, &Resource::RemovalRequest(view.clone())).await?;
    feedback.removal_request = Some(view.clone());
    feed::record(&mut tx, seller_id, now, &Resource::Feedback(feedback)).await?;
    sqlx::query(
        "INSERT INTO removal_requests (seller_id, id, feedback_id, ground, recipient, subject, explanation, status, \
         requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seller_id)
    .bind(&view.id)
    .bind(&view.feedback_id)
    .bind(&view.ground)
    .bind(&view.recipient)
    .bind(&view.subject)
    .bind(&view.explanation)
    .bind(&view.status)
    .bind(to_ms(now))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(view)
}

fn not_allowed(e: ComposeError) -> ServerError {
    let field = match e {
        ComposeError::ExplanationMissing => Some("/explanation"),
        ComposeError::NotNegative | ComposeError::NotHandledByCsba | ComposeError::NotFulfilledByAmazon => {
            Some("/ground")
        }
        _ => None,
    };
    let mut problem = Problem::new(ProblemCode::RemovalNotAllowed, "Removal cannot be requested")
        .with_detail(e.to_string())
        .with_errors(vec![FieldError::new(field.map(str::to_owned), e.code())]);
    if let Some(field) = field {
        problem = problem.with_field(field);
    }
    ServerError::rejected(problem)
}

fn fulfillment_code(f: Fulfillment) -> &'static str {
    match f {
        Fulfillment::Seller => "seller",
        Fulfillment::Amazon => "amazon",
    }
}

fn entry_of(f: &Feedback) -> Result<FeedbackEntry> {
    Ok(FeedbackEntry {
        order_id: f.order_id.clone(),
        left_at: f.left_at,
        rating: Rating::try_from(f.rating).map_err(|e| ServerError::Corrupt(e.to_string()))?,
        comment: f.comment.clone(),
        fulfillment: if f.fulfillment == "amazon" { Fulfillment::Amazon } else { Fulfillment::Seller },
        handled_by_csba: f.handled_by_csba,
    })
}

fn to_view(
    f: &NewFeedback,
    rating: Rating,
    removal_request: Option<RemovalRequestView>,
    now: DateTime<Utc>,
) -> Result<Feedback> {
    let mut view = Feedback {
        id: f.id.clone(),
        order_id: f.order_id.clone(),
        marketplace: f.marketplace,
        left_at: f.left_at,
        rating: rating.stars(),
        comment: f.comment.clone(),
        fulfillment: fulfillment_code(f.fulfillment).to_owned(),
        handled_by_csba: f.handled_by_csba,
        removal: RemovalEligibility {
            sentiment: rating.sentiment().code().to_owned(),
            in_time: false,
            deadline: f.left_at,
            possible_grounds: Vec::new(),
        },
        removal_request,
    };
    let entry = entry_of(&view)?;
    view.removal.deadline = removal_deadline(f.left_at).map_err(|e| ServerError::Corrupt(e.to_string()))?;
    view.removal.in_time = removal_in_time(f.left_at, now).map_err(|e| ServerError::Corrupt(e.to_string()))?;
    view.removal.possible_grounds = possible_grounds(&entry, &[])
        .into_iter()
        .map(|g| PossibleGroundView { ground: g.ground.code().to_owned(), evidence: g.evidence })
        .collect();
    Ok(view)
}

fn from_row(row: Row, now: DateTime<Utc>) -> Result<Feedback> {
    let (
        id,
        order_id,
        marketplace,
        left_at,
        rating,
        comment,
        fulfillment,
        handled,
        r_id,
        ground,
        recipient,
        subject,
        explanation,
        status,
        requested_at,
        decided_at,
    ) = row;
    let corrupt = |what: &str| ServerError::Corrupt(format!("feedback {id}: {what}"));
    let stars = u8::try_from(rating).map_err(|_| corrupt("rating"))?;
    let rating = Rating::try_from(stars).map_err(|_| corrupt("rating"))?;
    let removal_request = match (r_id, ground, recipient, explanation, status, requested_at) {
        (Some(rid), Some(ground), Some(recipient), Some(explanation), Some(status), Some(at)) => {
            Some(RemovalRequestView {
                id: rid,
                feedback_id: id.clone(),
                ground,
                recipient,
                subject,
                explanation,
                status,
                requested_at: from_ms(at)?,
                decided_at: decided_at.map(from_ms).transpose()?,
            })
        }
        _ => None,
    };
    let new = NewFeedback {
        marketplace: marketplace.parse().map_err(|_| corrupt("marketplace"))?,
        left_at: from_ms(left_at)?,
        fulfillment: if fulfillment == "amazon" { Fulfillment::Amazon } else { Fulfillment::Seller },
        handled_by_csba: handled != 0,
        rating: stars,
        id,
        order_id,
        comment,
    };
    to_view(&new, rating, removal_request, now)
}
