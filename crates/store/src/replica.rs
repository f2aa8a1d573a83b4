//! Applying the server's change feed to the replica.

use crate::{AccountId, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_api::{Case, CaseMessage, ChangesPage, Order, Resource};
use csba_domain::CaseStatus;
use rusqlite::{params, OptionalExtension, Transaction};

/// Where the replica stands relative to the service.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    pub cursor: Option<String>,
    /// server clock − local clock, measured at the last sync.
    pub server_offset_ms: i64,
    pub last_sync_at: Option<DateTime<Utc>>,
}

impl Store {
    pub fn sync_state(&self, account: AccountId) -> Result<SyncState, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT cursor, server_offset_ms, last_sync_at FROM sync_state WHERE account_id = ?1",
                [account.0],
                |row| Ok((row.get::<_, Option<String>>(0)?, row.get::<_, i64>(1)?, row.get::<_, Option<i64>>(2)?)),
            )
            .optional()?;
        Ok(match row {
            None => SyncState::default(),
            Some((cursor, server_offset_ms, last)) => {
                SyncState { cursor, server_offset_ms, last_sync_at: last.and_then(DateTime::from_timestamp_millis) }
            }
        })
    }

    /// Applies one page of the change feed and advances the cursor in the
    /// same transaction: a crash between pages re-fetches at most one page,
    /// and applying a change twice is harmless (upserts).
    pub fn apply_changes(
        &mut self,
        account: AccountId,
        page: &ChangesPage,
        local_now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for change in &page.changes {
            match &change.resource {
                Resource::Order(order) => upsert_order(&tx, account, order)?,
                Resource::Case(case) => upsert_case(&tx, account, case)?,
                // Not replicated yet: the replica has no tables for these.
                // Skipping them still advances the cursor, so a later
                // replica version must resync from the start to get them.
                Resource::Enrollment(_)
                | Resource::ReturnPolicy(_)
                | Resource::Feedback(_)
                | Resource::RemovalRequest(_)
                | Resource::ServiceQuestion(_) => {}
            }
        }
        let offset = (page.server_time - local_now).num_milliseconds();
        tx.execute(
            "INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor,
                 server_offset_ms = excluded.server_offset_ms, last_sync_at = excluded.last_sync_at",
            params![account.0, page.next_cursor, offset, local_now.timestamp_millis()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The orders of `account` in the replica, by id (without their
    /// tracking, which the replica does not keep): what a tracking upload is
    /// checked against before it is queued, so an unknown or cancelled order
    /// is caught here instead of blocking the shipment queue at the service.
    pub fn replica_orders(&self, account: AccountId) -> Result<Vec<csba_api::Order>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, marketplace, placed_at, item_title, sku, quantity, status FROM orders
             WHERE account_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([account.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, u32>(5)?,
                row.get::<_, String>(6)?,
            ))
        })?;
        rows.map(|row| {
            let (id, marketplace, placed_at, item_title, sku, quantity, status) = row?;
            let corrupt = |field: &str| StoreError::corrupt(format!("order {id} field {field}"));
            Ok(csba_api::Order {
                marketplace: marketplace.parse().map_err(|_| corrupt("marketplace"))?,
                placed_at: DateTime::from_timestamp_millis(placed_at).ok_or_else(|| corrupt("placed_at"))?,
                id,
                item_title,
                sku,
                quantity,
                status,
                tracking: None,
            })
        })
        .collect()
    }

    /// Forgets what was replicated for `account` and its feed position, so
    /// the next pull rebuilds it from the start: the answer to a "resync"
    /// (`410 cursor_expired`). Drafts and queued actions are the seller's
    /// own work and are kept.
    pub fn reset_replica(&mut self, account: AccountId) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM cases WHERE account_id = ?1", [account.0])?;
        tx.execute("DELETE FROM orders WHERE account_id = ?1", [account.0])?;
        tx.execute("UPDATE sync_state SET cursor = NULL WHERE account_id = ?1", [account.0])?;
        tx.commit()?;
        Ok(())
    }
}

fn upsert_order(tx: &Transaction<'_>, account: AccountId, order: &Order) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO orders (account_id, id, marketplace, placed_at, item_title, sku, quantity, status)
         VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (account_id, id) DO UPDATE SET marketplace = excluded.marketplace, placed_at = excluded.placed_at,
             item_title = excluded.item_title, sku = excluded.sku, quantity = excluded.quantity,
             status = excluded.status",
        params![
            order.id,
            order.marketplace.code(),
            order.placed_at.timestamp_millis(),
            order.item_title,
            order.sku,
            order.quantity,
            order.status,
            account.0
        ],
    )?;
    Ok(())
}

fn upsert_case(tx: &Transaction<'_>, account: AccountId, case: &Case) -> Result<(), StoreError> {
    let messages = serde_json::to_string(&case.messages).map_err(|e| StoreError::corrupt(e.to_string()))?;
    if case_changed_under_draft(tx, account, case)? {
        tx.execute(
            "UPDATE drafts SET case_changed = 1 WHERE account_id = ?1 AND case_id = ?2",
            params![account.0, case.id],
        )?;
    }
    tx.execute(
        "INSERT INTO cases (account_id, id, order_id, marketplace, kind, status, language, subject, messages,
                            opened_at, respond_by)
         VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (account_id, id) DO UPDATE SET order_id = excluded.order_id, marketplace = excluded.marketplace,
             kind = excluded.kind, status = excluded.status, language = excluded.language,
             subject = excluded.subject, messages = excluded.messages, opened_at = excluded.opened_at,
             respond_by = excluded.respond_by",
        params![
            case.id,
            case.order_id,
            case.marketplace.code(),
            case.kind.as_str(),
            case.status.as_str(),
            case.language,
            case.subject,
            messages,
            case.opened_at.timestamp_millis(),
            case.respond_by.timestamp_millis(),
            account.0
        ],
    )?;
    Ok(())
}

/// Whether the incoming version of a case that has a draft brings something
/// the seller has not seen: a message from someone else, or CSBA's
/// resolution. The seller's own replies coming back from the service are
/// not news to them.
fn case_changed_under_draft(tx: &Transaction<'_>, account: AccountId, case: &Case) -> Result<bool, StoreError> {
    let old = tx
        .query_row(
            "SELECT c.messages, c.status FROM drafts d
             JOIN cases c ON c.account_id = d.account_id AND c.id = d.case_id
             WHERE d.account_id = ?1 AND d.case_id = ?2",
            params![account.0, case.id],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )
        .optional()?;
    let Some((old_messages, old_status)) = old else { return Ok(false) };
    let old_messages: Vec<CaseMessage> = serde_json::from_str(&old_messages)
        .map_err(|_| StoreError::corrupt(format!("case {} field messages", case.id)))?;
    let from_others = |messages: &[CaseMessage]| messages.iter().filter(|m| m.author != "seller").count();
    let resolved_now = case.status == CaseStatus::ResolvedByCsba && old_status != case.status.as_str();
    Ok(resolved_now || from_others(&case.messages) > from_others(&old_messages))
}
