//! Splitting decoded text into records and fields by hand, borrowing every
//! field from the text: the flat-file path allocates nothing per row.

use std::borrow::Cow;

/// Reads records one at a time into a reused field buffer.
pub(super) struct Records<'s> {
    text: &'s str,
    pos: usize,
    /// 1-based line number of the next record.
    line: usize,
    delimiter: u8,
    /// Whether `"` quotes fields (CSV). Amazon's flat files are not quoted.
    quoted: bool,
}

impl<'s> Records<'s> {
    pub(super) fn new(text: &'s str, delimiter: u8, quoted: bool) -> Self {
        Records { text, pos: 0, line: 1, delimiter, quoted }
    }

    /// Rough upper bound of the number of records, to size vectors once.
    pub(super) fn estimate(text: &str) -> usize {
        text.bytes().filter(|b| *b == b'\n').count() + 1
    }

    /// Fills `fields` with the next record; returns its first line number,
    /// or `None` at the end of the text.
    pub(super) fn next_into(&mut self, fields: &mut Vec<Cow<'s, str>>) -> Option<usize> {
        fields.clear();
        if self.pos >= self.text.len() {
            return None;
        }
        let start_line = self.line;
        if self.quoted {
            self.quoted_record(fields);
        } else {
            self.plain_record(fields);
        }
        Some(start_line)
    }

    fn plain_record(&mut self, fields: &mut Vec<Cow<'s, str>>) {
        let rest = &self.text[self.pos..];
        let end = rest.find('\n');
        let line = match end {
            Some(e) => &rest[..e],
            None => rest,
        };
        self.pos += end.map_or(rest.len(), |e| e + 1);
        self.line += 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let delimiter = char::from(self.delimiter);
        fields.extend(line.split(delimiter).map(Cow::Borrowed));
    }

    fn quoted_record(&mut self, fields: &mut Vec<Cow<'s, str>>) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        loop {
            // One field starting at i.
            if bytes.get(i) == Some(&b'"') {
                let content_start = i + 1;
                let mut j = content_start;
                let mut escaped = false;
                // Find the closing quote (a quote not followed by another).
                let content_end = loop {
                    match bytes.get(j) {
                        None => break j,
                        Some(b'"') if bytes.get(j + 1) == Some(&b'"') => {
                            escaped = true;
                            j += 2;
                        }
                        Some(b'"') => break j,
                        Some(b'\n') => {
                            self.line += 1;
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                };
                let content = text.get(content_start..content_end).unwrap_or_default();
                // Text after the closing quote up to the delimiter is kept
                // (lenient, as spreadsheet programs are).
                let mut k = (content_end + 1).min(bytes.len());
                while k < bytes.len() && bytes[k] != self.delimiter && bytes[k] != b'\n' {
                    k += 1;
                }
                let tail = text.get((content_end + 1).min(bytes.len())..k).unwrap_or_default();
                let tail = tail.strip_suffix('\r').unwrap_or(tail);
                let field = if escaped || !tail.is_empty() {
                    Cow::Owned(format!("{}{}", content.replace("\"\"", "\""), tail))
                } else {
                    Cow::Borrowed(content)
                };
                fields.push(field);
                i = k;
            } else {
                let mut k = i;
                while k < bytes.len() && bytes[k] != self.delimiter && bytes[k] != b'\n' {
                    k += 1;
                }
                let field = text.get(i..k).unwrap_or_default();
                fields.push(Cow::Borrowed(field.strip_suffix('\r').unwrap_or(field)));
                i = k;
            }
            match bytes.get(i) {
                Some(b) if *b == self.delimiter => i += 1,
                Some(b'\n') => {
                    self.line += 1;
                    self.pos = i + 1;
                    return;
                }
                _ => {
                    self.pos = bytes.len();
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, delimiter: u8, quoted: bool) -> Vec<(usize, Vec<String>)> {
        let mut r = Records::new(text, delimiter, quoted);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(line) = r.next_into(&mut fields) {
            out.push((line, fields.iter().map(|f| f.to_string()).collect()));
        }
        out
    }

    #[test]
    fn plain_tab_records() {
        let r = all("a\tb\r\nc\td\n\ne", b'\t', false);
        assert_eq!(r[0], (1, vec!["a".into(), "b".into()]));
        assert_eq!(r[1], (2, vec!["c".into(), "d".into()]));
        assert_eq!(r[2], (3, vec!["".into()]));
        assert_eq!(r[3], (4, vec!["e".into()]));
    }

    #[test]
    fn quoted_csv_records() {
        let r = all("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x\ny,", b',', true);
        assert_eq!(r[0], (1, vec!["a".into(), "b,c".into(), "d\"e".into()]));
        assert_eq!(r[1], (2, vec!["multi\nline".into(), "x".into()]));
        assert_eq!(r[2], (4, vec!["y".into(), "".into()]));
    }
}
