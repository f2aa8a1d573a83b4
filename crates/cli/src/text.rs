//! What the service and buyers wrote, made safe for a terminal: markup is
//! just text there, but control characters (ANSI escapes, a carriage return
//! that overwrites the line, C1 codes) would let a buyer's comment repaint
//! the seller's screen, so they are dropped. Newlines stay.

/// `text` without C0/C1 control characters, except the newline.
pub fn printable(text: &str) -> String {
    text.chars().filter(|&c| c == '\n' || !(c.is_control())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_markup_stays() {
        assert_eq!(printable("<b>a</b>\u{1b}[31mred\r\n\u{9b}2J\u{7}ok\t"), "<b>a</b>[31mred\n2Jok");
        assert_eq!(printable("注文\n番号"), "注文\n番号");
    }
}
