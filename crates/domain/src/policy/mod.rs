//! A seller's return policy and the rules each marketplace holds it to.
//!
//! [`ReturnPolicy`] is what the seller submits (and the JSON file format of
//! `csba policy check`); [`check`] returns every rule it breaks. The rules are
//! data with an effective date in `data/return-rules/*.toml`, because Amazon
//! changes them.

mod check;
mod model;
mod rules;

pub use check::{check, check_against, rule_message_id, Violation, ViolationCode, RULE_RETURNLESS_THRESHOLD};
pub use model::{
    Category, CategoryTerms, Country, InvalidCountry, Payer, RestockingFee, RestockingWhen, ReturnAddress, ReturnMode,
    ReturnPolicy, ReturnReason,
};
pub use rules::{rules_for, ReturnRules, RulesError};
