//! Text scanning for the ground detectors: case and width folding, keyword
//! matching, and e-mail and phone spotting without regular expressions.

/// Lower case, full-width ASCII (Ａ１＠－) folded to ASCII, and the
/// ideographic space to a plain one: buyers on amazon.co.jp type both.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// How an ASCII keyword must sit in the text (CJK text has no spaces, so
/// other keywords match anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// At the start of a word: a stem ("deliver" for "delivered"), and "late"
    /// does not match "chocolate".
    WordStart,
    /// As a whole word: "shit" does not match "shitake".
    WholeWord,
}

/// Keywords of `list` found in the folded `text`.
pub fn find_keywords<'a>(folded: &str, list: &'a [String], how: Match) -> Vec<&'a str> {
    list.iter().map(String::as_str).filter(|k| contains_keyword(folded, k, how)).collect()
}

fn contains_keyword(folded: &str, keyword: &str, how: Match) -> bool {
    if keyword.is_empty() {
        return false;
    }
    let ascii = keyword.is_ascii();
    let not_word = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
    folded.match_indices(keyword).any(|(at, _)| {
        !ascii
            || (not_word(folded[..at].chars().next_back())
                && (how == Match::WordStart || not_word(folded[at + keyword.len()..].chars().next())))
    })
}

/// E-mail addresses in `text`: something@domain.tld.
pub fn emails(text: &str) -> Vec<String> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before = &text[..at];
        let start = before.char_indices().rev().take_while(|(_, c)| local(*c)).last().map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let len = after.char_indices().take_while(|(_, c)| domain(*c)).last().map_or(0, |(i, c)| i + c.len_utf8());
        let host = after[..len].trim_end_matches(['.', '-']);
        let labels: Vec<&str> = host.split('.').collect();
        if start < at && labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) {
            found.push(format!("{}@{}", &text[start..at], host));
        }
    }
    found
}

/// Phone numbers in `text` (already folded): a run of digits and separators
/// that reads like a Japanese (0…, 10–11 digits), North American (10 digits
/// grouped, or 1 + 10) or international (+…) number. A bare 12-digit run is
/// left alone: it is far more likely a tracking number than a phone.
pub fn phones(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts =
            c.is_ascii_digit() || ((c == '+' || c == '(') && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let after_word = i > 0 && chars[i - 1].is_ascii_alphanumeric();
        if !starts || after_word {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            let next = chars.get(j + 1).copied();
            let digit_next = next.is_some_and(|n| n.is_ascii_digit());
            // One separator at a time, and only between digits: "2024 年 5" or
            // "a 1 - 2" must not join into a number.
            let ok = c.is_ascii_digit()
                || (c == '+' && j == i)
                || (c == '(' && digit_next)
                || (c == ')' && next.is_some_and(|n| n.is_ascii_digit() || n == ' ' || n == '-'))
                || ("- .".contains(c) && (digit_next || next == Some('(')));
            if !ok {
                break;
            }
            j += 1;
        }
        let run: String =
            chars[i..j].iter().collect::<String>().trim_end_matches(|c: char| !c.is_ascii_digit()).to_owned();
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        let separated = run.chars().any(|c| !c.is_ascii_digit());
        let looks_like_phone = match (run.starts_with('+'), digits.len()) {
            (true, 10..=13) => true,
            (false, 10..=11) if digits.starts_with('0') => true,
            (false, 10) => separated,
            (false, 11) => separated && digits.starts_with('1'),
            _ => false,
        };
        if looks_like_phone {
            found.push(run);
        }
        i = j.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_case() {
        assert_eq!(fold("ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ　０９０"), "abc@example.com 090");
    }

    #[test]
    fn keywords_respect_ascii_word_starts() {
        let list = vec!["late".to_owned(), "配送".to_owned()];
        assert_eq!(find_keywords("it came late", &list, Match::WordStart), vec!["late"]);
        assert_eq!(find_keywords("lately", &list, Match::WordStart), vec!["late"]);
        assert!(find_keywords("lately", &list, Match::WholeWord).is_empty());
        assert!(find_keywords("chocolate", &list, Match::WordStart).is_empty());
        assert_eq!(find_keywords("配送が遅い", &list, Match::WholeWord), vec!["配送"]);
    }

    #[test]
    fn finds_emails() {
        assert_eq!(emails("mail me: shop.owner+jp@example.co.jp."), vec!["shop.owner+jp@example.co.jp"]);
        assert!(emails("@ home, a@b, x@.com").is_empty());
    }

    #[test]
    fn finds_phones_not_order_or_tracking_numbers() {
        assert_eq!(phones("call 090-1234-5678 now"), vec!["090-1234-5678"]);
        assert_eq!(phones("tel 03 1234 5678"), vec!["03 1234 5678"]);
        assert_eq!(phones("(206) 266-1000"), vec!["(206) 266-1000"]);
        assert_eq!(phones("+86 138 0013 8000"), vec!["+86 138 0013 8000"]);
        assert!(phones("order 503-4317798-1234567").is_empty());
        assert!(phones("tracking 123456789012").is_empty());
        assert!(phones("2024年5月3日").is_empty());
    }
}
