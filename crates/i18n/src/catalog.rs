use crate::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));
}

/// One `.ftl` file of the catalog, as embedded at build time.
#[derive(Debug, Clone, Copy)]
pub struct CatalogFile {
    pub locale: &'static str,
    pub name: &'static str,
    pub source: &'static str,
}

/// Named arguments for a message, e.g. `[("time", "5:03:12".into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

/// Formats messages in any of the four locales. `Send + Sync`: one instance
/// is shared by the tray, notifications and commands.
///
/// A locale's bundle is built the first time one of its messages is asked
/// for: the parsed catalogs cost about 0.7 MB each, and a desk runs in one
/// language (plus English, the fallback) for months.
pub struct Catalog {
    bundles: HashMap<Locale, OnceLock<Option<Bundle>>>,
}

type Bundle = FluentBundle<FluentResource>;

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let built: Vec<_> = self.bundles.iter().filter(|(_, b)| b.get().is_some()).map(|(l, _)| l).collect();
        f.debug_struct("Catalog").field("built", &built).finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{locale}/{file}: the file does not parse as Fluent")]
    Syntax { locale: &'static str, file: &'static str },
    #[error("{locale}/{file}: message `{id}` is defined twice")]
    Duplicate { locale: &'static str, file: &'static str, id: String },
}

impl Catalog {
    /// Every embedded catalog file, for consistency checks and the UI build.
    pub fn files() -> impl Iterator<Item = CatalogFile> {
        embedded::FILES.iter().map(|&(locale, name, source)| CatalogFile { locale, name, source })
    }

    /// The catalog, with English (every other locale's fallback) built now:
    /// a syntax error or duplicate id in it fails here rather than silently
    /// dropping messages. The other locales are built on first use; the
    /// files are embedded, so [`Catalog::check`] in the tests proves they
    /// build too.
    pub fn load() -> Result<Self, CatalogError> {
        let english = OnceLock::new();
        let _ = english.set(Some(build(Locale::En)?));
        let mut bundles: HashMap<_, _> = Locale::ALL.into_iter().map(|l| (l, OnceLock::new())).collect();
        bundles.insert(Locale::En, english);
        Ok(Catalog { bundles })
    }

    /// Builds every locale's bundle once, for the tests and the locale
    /// checks: the first error found.
    pub fn check() -> Result<(), CatalogError> {
        Locale::ALL.into_iter().try_for_each(|locale| build(locale).map(drop))
    }

    /// Formats `id` in `locale`, falling back to English, then to the id
    /// itself (so a missing message is visible, never a crash).
    pub fn format(&self, locale: Locale, id: &str, args: &Args<'_>) -> String {
        [locale, Locale::En].iter().find_map(|l| self.format_exact(*l, id, args)).unwrap_or_else(|| id.to_owned())
    }

    /// Whether `locale` itself (no fallback) has a message `id` with a value.
    pub fn has_message(&self, locale: Locale, id: &str) -> bool {
        self.bundle(locale).and_then(|b| b.get_message(id)).is_some_and(|m| m.value().is_some())
    }

    fn bundle(&self, locale: Locale) -> Option<&Bundle> {
        let cell = self.bundles.get(&locale)?;
        cell.get_or_init(|| {
            build(locale)
                .map_err(|e| {
                    // Unreachable in a tested build; English stands in.
                    tracing::error!("the {} catalog is broken: {e}", locale.tag());
                })
                .ok()
        })
        .as_ref()
    }

    fn format_exact(&self, locale: Locale, id: &str, args: &Args<'_>) -> Option<String> {
        let bundle = self.bundle(locale)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// Parses `locale`'s embedded files into a bundle.
fn build(locale: Locale) -> Result<Bundle, CatalogError> {
    let langid = locale.tag().parse().map_err(|_| CatalogError::Syntax { locale: locale.tag(), file: "" })?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks (U+2068/U+2069) show up as boxes in tray menus and
    // notifications on some desktops; our placeables are short.
    bundle.set_use_isolating(false);
    for file in Catalog::files().filter(|f| f.locale == locale.tag()) {
        let resource = FluentResource::try_new(file.source.to_owned())
            .map_err(|_| CatalogError::Syntax { locale: file.locale, file: file.name })?;
        bundle.add_resource(resource).map_err(|errors| CatalogError::Duplicate {
            locale: file.locale,
            file: file.name,
            id: format!("{errors:?}"),
        })?;
    }
    Ok(bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_builds() -> Result<(), CatalogError> {
        Catalog::check()
    }

    #[test]
    fn builds_a_locale_only_when_asked() -> Result<(), CatalogError> {
        let catalog = Catalog::load()?;
        assert_eq!(format!("{catalog:?}"), "Catalog { built: [En] }");
        assert!(catalog.format(Locale::Ko, "desk-window-title", &[]).contains("CSBA Desk"));
        assert!(catalog.bundles[&Locale::Ko].get().is_some_and(Option::is_some));
        assert!(catalog.bundles[&Locale::Ja].get().is_none());
        Ok(())
    }

    #[test]
    fn loads_and_formats_in_every_locale() -> Result<(), CatalogError> {
        let catalog = Catalog::load()?;
        for locale in Locale::ALL {
            let title = catalog.format(locale, "desk-window-title", &[]);
            assert!(title.contains("CSBA Desk"), "{locale}: {title}");
        }
        Ok(())
    }

    #[test]
    fn missing_message_shows_its_id() -> Result<(), CatalogError> {
        let catalog = Catalog::load()?;
        assert_eq!(catalog.format(Locale::Ja, "no-such-message", &[]), "no-such-message");
        Ok(())
    }
}
