//! JSON kept as the text it was written as. The outbox stores request and
//! response bodies it only passes on: a bulk upload's batch is 10,000 rows,
//! and building each as a `serde_json::Value` tree (and printing it again to
//! send or store it) cost more than the service took to apply it. The text
//! is checked to be one JSON document when made; whoever needs its fields
//! decodes it into its own type.

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

#[derive(Debug, Clone)]
pub struct JsonText(Box<RawValue>);

impl JsonText {
    /// `value` as JSON text, written straight from its type.
    pub fn encode(value: &impl Serialize) -> Result<JsonText, serde_json::Error> {
        serde_json::value::to_raw_value(value).map(JsonText)
    }

    /// `text` if it is one JSON document (checked without building it).
    pub fn parse(text: String) -> Result<JsonText, serde_json::Error> {
        RawValue::from_string(text).map(JsonText)
    }

    pub fn as_str(&self) -> &str {
        self.0.get()
    }

    /// The document read as `T`.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.as_str())
    }
}

/// The same text: two spellings of one value (key order, spaces) differ,
/// which is what a queued request needs (its bytes are what was sent).
impl PartialEq for JsonText {
    fn eq(&self, other: &JsonText) -> bool {
        self.as_str() == other.as_str()
    }
}

/// As the JSON it holds, not as a string of it.
impl Serialize for JsonText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_the_text_and_decodes_on_demand() -> Result<(), serde_json::Error> {
        let text = JsonText::encode(&json!({ "confirmations": [{ "order_id": "o-1" }] }))?;
        assert_eq!(text.as_str(), r#"{"confirmations":[{"order_id":"o-1"}]}"#);
        let back: serde_json::Value = text.decode()?;
        assert_eq!(back["confirmations"][0]["order_id"], "o-1");
        // Nested in another document it is the object, not a quoted string.
        assert_eq!(
            serde_json::to_string(&json!({ "body": text }))?,
            r#"{"body":{"confirmations":[{"order_id":"o-1"}]}}"#
        );
        Ok(())
    }

    #[test]
    fn refuses_what_is_not_one_json_document() {
        assert!(JsonText::parse("{\"a\":".to_owned()).is_err());
        assert!(JsonText::parse("1 2".to_owned()).is_err());
        assert!(JsonText::parse(" [1] ".to_owned()).is_ok());
    }
}
