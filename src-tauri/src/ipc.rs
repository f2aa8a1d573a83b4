//! The shapes that cross the IPC boundary. TypeScript twins are generated
//! into `ui/src/bindings/` by ts-rs; a test fails when they are stale.

use chrono::{DateTime, Utc};
use csba_i18n::Locale;
use csba_store::CaseView;
use csba_sync::Connectivity;
use serde::Serialize;
use ts_rs::TS;

/// Which service the app syncs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// The reference service, embedded in the app, with demo data.
    Sandbox,
    /// A service configured with `CSBA_API_URL`.
    Remote,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SyncView {
    pub state: Connectivity,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub service: ServiceKind,
    /// Why the last sync failed, when it did.
    pub error: Option<crate::error::AppError>,
}

/// What the inbox screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Inbox {
    pub cases: Vec<CaseView>,
    /// server clock − local clock: every countdown uses it.
    #[ts(type = "number")]
    pub server_offset_ms: i64,
    pub sync: SyncView,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Settings {
    pub locale: Locale,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;
    use csba_domain::{CaseKind, CaseStatus, Marketplace};
    use std::path::Path;

    /// Compares the generated TypeScript with `ui/src/bindings/`; run with
    /// `UPDATE_BINDINGS=1` to rewrite them after changing a type.
    #[test]
    fn typescript_bindings_are_up_to_date() -> Result<(), Box<dyn std::error::Error>> {
        let generated = [
            ("Inbox", Inbox::export_to_string()?),
            ("SyncView", SyncView::export_to_string()?),
            ("ServiceKind", ServiceKind::export_to_string()?),
            ("Settings", Settings::export_to_string()?),
            ("AppError", AppError::export_to_string()?),
            ("CaseView", CaseView::export_to_string()?),
            ("Connectivity", Connectivity::export_to_string()?),
            ("Locale", Locale::export_to_string()?),
            ("Marketplace", Marketplace::export_to_string()?),
            ("CaseKind", CaseKind::export_to_string()?),
            ("CaseStatus", CaseStatus::export_to_string()?),
        ];
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
        let update = std::env::var_os("UPDATE_BINDINGS").is_some();
        let mut stale = Vec::new();
        for (name, source) in generated {
            let path = dir.join(format!("{name}.ts"));
            if update {
                std::fs::create_dir_all(&dir)?;
                std::fs::write(&path, &source)?;
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(source.as_str()) {
                stale.push(name);
            }
        }
        assert!(
            stale.is_empty(),
            "stale TypeScript bindings {stale:?}: run `UPDATE_BINDINGS=1 cargo test -p csba-desk`"
        );
        Ok(())
    }
}
