use fluent_langneg::LanguageIdentifier;
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The four languages CSBA Desk speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "ja")]
    Ja,
    #[serde(rename = "ko")]
    Ko,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::ZhCn, Locale::Ja, Locale::Ko];

    /// The BCP 47 tag, also the name of the catalog directory.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
            Locale::Ja => "ja",
            Locale::Ko => "ko",
        }
    }

    /// Exact tag of one of our four locales (what the UI and settings store).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Self::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    fn langid(self) -> LanguageIdentifier {
        // Our own four tags always parse; the default only satisfies the type.
        self.tag().parse().unwrap_or_default()
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// Picks the best of our four locales for a list of requested tags, in order
/// of preference; English when nothing matches.
///
/// Accepts POSIX forms as found in `LANG` (`ja_JP.UTF-8`, `zh_CN.GB18030@x`).
/// Any Chinese request maps to zh-CN, since that is the Chinese we ship.
pub fn negotiate<S: AsRef<str>>(requested: &[S]) -> Locale {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|tag| posix_to_bcp47(tag.as_ref()).parse().ok()).collect();
    let available: Vec<LanguageIdentifier> = Locale::ALL.iter().map(|l| l.langid()).collect();
    let default = Locale::En.langid();
    let chosen = negotiate_languages(&requested, &available, Some(&default), NegotiationStrategy::Lookup);
    chosen.first().and_then(|id| Locale::ALL.into_iter().find(|l| &&l.langid() == id)).unwrap_or(Locale::En)
}

/// The OS's preferred languages, negotiated to one of ours.
pub fn os_locale() -> Locale {
    negotiate(&sys_locale::get_locales().collect::<Vec<_>>())
}

fn posix_to_bcp47(tag: &str) -> String {
    let base = tag.split(['.', '@']).next().unwrap_or_default().replace('_', "-");
    // Every Chinese variant is served by our Simplified Chinese catalog.
    if base.eq_ignore_ascii_case("zh") || base.to_ascii_lowercase().starts_with("zh-") {
        return "zh-CN".to_owned();
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_posix_and_bcp47_tags() {
        assert_eq!(negotiate(&["ja_JP.UTF-8"]), Locale::Ja);
        assert_eq!(negotiate(&["ko-KR"]), Locale::Ko);
        assert_eq!(negotiate(&["zh_CN.GB18030"]), Locale::ZhCn);
        assert_eq!(negotiate(&["zh-Hans-CN"]), Locale::ZhCn);
        assert_eq!(negotiate(&["zh-TW"]), Locale::ZhCn);
        assert_eq!(negotiate(&["en-GB"]), Locale::En);
    }

    #[test]
    fn falls_back_to_english_and_respects_preference_order() {
        assert_eq!(negotiate(&["fr-FR", "de"]), Locale::En);
        assert_eq!(negotiate::<&str>(&[]), Locale::En);
        assert_eq!(negotiate(&["C"]), Locale::En);
        assert_eq!(negotiate(&["fr", "ko", "ja"]), Locale::Ko);
    }

    #[test]
    fn tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Locale::from_tag("zh-cn"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_tag("fr"), None);
    }
}
