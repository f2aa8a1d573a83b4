use serde::Serialize;
use ts_rs::TS;

/// Whether the service answered the last time we asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Connectivity {
    Online,
    Offline,
    Syncing,
}
