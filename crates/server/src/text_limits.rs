//! The contract's length limits on free text (`csba_api::limits`), checked
//! before anything is composed or stored: a refusal names the field.

use crate::error::ServerError;
use csba_api::{FieldError, Problem, ProblemCode};

/// `Err` (422 `text_too_long`, field error `too_long` at `field`) when
/// `text` has more than `max` characters (Unicode scalar values, as the
/// seller counts them, not bytes).
pub fn check_length(field: &str, text: &str, max: usize) -> Result<(), ServerError> {
    if text.chars().count() <= max {
        return Ok(());
    }
    Err(ServerError::rejected(
        Problem::new(ProblemCode::TextTooLong, "Text too long")
            .with_detail(format!("At most {max} characters."))
            .with_field(field)
            .with_errors(vec![FieldError::new(Some(field.to_owned()), "too_long")]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_not_bytes() {
        assert!(check_length("/question", &"あ".repeat(5), 5).is_ok());
        assert!(check_length("/question", &"あ".repeat(6), 5).is_err());
        assert!(check_length("/question", "", 0).is_ok());
    }
}
