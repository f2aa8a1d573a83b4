//! Limits of the contract that both sides check: the service refuses what
//! exceeds them, and a client refuses it at the field before it is queued.

/// The longest case reply the service takes, in characters (Unicode scalar
/// values, as the seller sees them).
pub const MAX_REPLY_CHARS: usize = 20_000;

/// The longest explanation a removal request may carry, in characters.
pub const MAX_EXPLANATION_CHARS: usize = 2_000;

/// The longest question to the CSBA team, in characters.
pub const MAX_QUESTION_CHARS: usize = 2_000;
