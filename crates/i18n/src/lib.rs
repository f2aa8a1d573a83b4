//! Localization for CSBA Desk.
//!
//! There is one catalog: the Fluent files under `locales/`. The web UI loads
//! the same files; Rust uses them for everything it says itself (tray,
//! notifications, the `csba` command, error text).

mod catalog;
mod locale;

pub use catalog::{Args, Catalog, CatalogError, CatalogFile};
pub use fluent_bundle::FluentValue;
pub use locale::{negotiate, os_locale, Locale};
