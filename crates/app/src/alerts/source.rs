//! The alert scheduler's view of the desk: the obligations, settings,
//! snooze and told-ledger from the replica, and the ledger written back.

use crate::alerts::settings::{saved_settings, snoozed_until};
use crate::desk::Desk;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use csba_alerts::{AlertSource, ObligationKey, Snapshot, SourceError, Told};
use std::sync::Arc;

/// How long the ledger remembers what it told. Every deadline the app
/// tracks is at most 30 days out when its first alert can fire, so a key
/// told 60 days ago belongs to an obligation long settled.
pub const LEDGER_KEPT: Duration = Duration::days(60);

/// The desk as the source of deadline alerts (`csba_alerts::run`).
pub struct DeskAlerts(pub Arc<Desk>);

impl AlertSource for DeskAlerts {
    fn snapshot(&self, now: DateTime<Utc>) -> Result<Snapshot, SourceError> {
        snapshot(&self.0, now).map_err(source_error)
    }

    fn record(&self, told: &[(ObligationKey, u32)], now: DateTime<Utc>) -> Result<(), SourceError> {
        let rows: Vec<(String, u32)> = told.iter().map(|(key, minutes)| (key.ledger_key(), *minutes)).collect();
        let mut store = self.0.store().map_err(source_error)?;
        store.record_alerts_told(&rows, now).map_err(|e| source_error(e.into()))?;
        // Purged here, where the ledger grows, not on every round's read.
        store.purge_alerts_told(now - LEDGER_KEPT).map_err(|e| source_error(e.into()))?;
        Ok(())
    }
}

/// Everything one round needs, from the replica: also what `csba alerts`
/// previews.
pub(crate) fn snapshot(desk: &Desk, now: DateTime<Utc>) -> Result<Snapshot, AppError> {
    let obligations = desk.obligations(now)?;
    let store = desk.store()?;
    let told: Told = store.alerts_told()?.into_iter().collect();
    Ok(Snapshot {
        obligations,
        settings: saved_settings(&store),
        snoozed_until: snoozed_until(&store, now),
        told,
        zone: desk.alert_zone(),
    })
}

fn source_error(e: AppError) -> SourceError {
    SourceError(e.to_string())
}

/// The desktop's IANA zone; UTC when the OS does not say or names a zone
/// chrono-tz does not know (alerts still fire, quiet hours read in UTC).
pub fn desktop_zone() -> Tz {
    match iana_time_zone::get_timezone() {
        Ok(name) => name.parse().unwrap_or_else(|_| {
            tracing::warn!("desktop zone {name} unknown; alerts use UTC");
            Tz::UTC
        }),
        Err(e) => {
            tracing::warn!("desktop zone unknown ({e}); alerts use UTC");
            Tz::UTC
        }
    }
}
