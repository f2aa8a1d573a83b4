//! Limits of the contract that both sides check: the service refuses what
//! exceeds them, and a client refuses it at the field before it is queued.

/// The longest case reply the service takes, in characters (Unicode scalar
/// values, as the seller sees them).
pub const MAX_REPLY_CHARS: usize = 20_000;
