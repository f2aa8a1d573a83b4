//! The seller's preferences kept in the replica.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::views::Settings;
use csba_i18n::Locale;
use csba_store::Store;

const LOCALE_KEY: &str = "locale";

/// The chosen language, or the OS's negotiated one until the seller picks.
/// The CLI's `--lang` overrides it; the app and `csba` share it otherwise.
pub fn locale(store: &Store) -> Locale {
    store.setting(LOCALE_KEY).ok().flatten().and_then(|tag| Locale::from_tag(&tag)).unwrap_or_else(csba_i18n::os_locale)
}

impl Desk {
    pub fn settings(&self) -> Result<Settings, AppError> {
        Ok(Settings { locale: self.locale() })
    }

    pub fn set_locale(&self, tag: &str) -> Result<Settings, AppError> {
        let locale = Locale::from_tag(tag)
            .ok_or_else(|| AppError::new(ErrorCode::UnknownLocale).with_arg("locale", tag).at("locale"))?;
        self.store()?.set_setting(LOCALE_KEY, locale.tag())?;
        // The tray and the window title are rebuilt in the new language at
        // the scheduler's next round: make that now.
        self.alerts_changed.notify_one();
        Ok(Settings { locale })
    }
}
