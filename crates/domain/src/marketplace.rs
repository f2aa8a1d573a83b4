use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An Amazon marketplace in which a seller can enroll in CSBA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum Marketplace {
    /// amazon.co.jp
    Jp,
    /// amazon.com
    Us,
}

impl Marketplace {
    pub const ALL: [Marketplace; 2] = [Marketplace::Jp, Marketplace::Us];

    /// The two-letter code used on the wire and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Marketplace::Jp => "JP",
            Marketplace::Us => "US",
        }
    }

    /// Languages CSBA uses when it writes to the seller (seeds: JP speaks
    /// Chinese or Japanese with sellers, US speaks English or Chinese).
    pub fn seller_languages(self) -> &'static [&'static str] {
        match self {
            Marketplace::Jp => &["zh-CN", "ja"],
            Marketplace::Us => &["en", "zh-CN"],
        }
    }
}

impl std::str::FromStr for Marketplace {
    type Err = UnknownMarketplace;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "JP" => Ok(Marketplace::Jp),
            "US" => Ok(Marketplace::Us),
            _ => Err(UnknownMarketplace(s.to_owned())),
        }
    }
}

impl std::fmt::Display for Marketplace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown marketplace `{0}`")]
pub struct UnknownMarketplace(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_case_insensitively() {
        assert_eq!("jp".parse::<Marketplace>(), Ok(Marketplace::Jp));
        assert_eq!(" US ".parse::<Marketplace>(), Ok(Marketplace::Us));
        assert!("DE-X".parse::<Marketplace>().is_err());
    }

    #[test]
    fn code_round_trips() {
        for mp in Marketplace::ALL {
            assert_eq!(mp.code().parse::<Marketplace>(), Ok(mp));
        }
    }
}
