//! Format and encoding detection. Seller tools write every encoding there
//! is: Excel on Japanese Windows saves CSV as Shift_JIS, Chinese ERPs as
//! GBK/GB18030, "Unicode text" from Excel is UTF-16 LE with a BOM, and
//! Seller Central's own templates are UTF-8.

use super::{Body, FileKind, ProblemCode, Rejected, Source};
use encoding_rs::{Encoding, GB18030, SHIFT_JIS, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Larger files are refused (Amazon's own upload limit is far lower).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// At most this many data rows.
pub const MAX_ROWS: usize = 1_000_000;

/// The encoding a text file was detected as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    ShiftJis,
    Gb18030,
}

impl TextEncoding {
    pub fn code(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::ShiftJis => "shift_jis",
            TextEncoding::Gb18030 => "gb18030",
        }
    }
}

/// Detects the format and encoding of `bytes` and decodes them once.
/// `file_name` is only a hint (an `.xlsx` name with non-zip content is
/// refused as `unknown_format`, not guessed at).
pub fn decode<'a>(bytes: &'a [u8], file_name: &str) -> Result<Source<'a>, Rejected> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Rejected::file(ProblemCode::FileTooLarge));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let named_xlsx = file_name.to_ascii_lowercase().ends_with(".xlsx");
    if is_zip || named_xlsx {
        if !is_zip {
            return Err(Rejected::file(ProblemCode::UnknownFormat));
        }
        let table = super::columns::read_xlsx(bytes)?;
        return Ok(Source { kind: FileKind::Xlsx, encoding: None, body: Body::Table(table) });
    }
    let (text, encoding) = decode_text(bytes)?;
    let text = lone_cr_to_lf(text);
    if text.trim().is_empty() {
        return Err(Rejected::file(ProblemCode::EmptyFile));
    }
    let first_line = text.lines().next().unwrap_or_default();
    let (kind, delimiter, quoted) = if first_line.starts_with("TemplateType=OrderFulfillment") {
        // Amazon's flat files are tab-separated and never quoted.
        (FileKind::AmazonFlatFile, b'\t', false)
    } else if first_line.contains('\t') {
        (FileKind::Delimited, b'\t', true)
    } else if first_line.contains(',') || !first_line.contains(';') {
        (FileKind::Delimited, b',', true)
    } else {
        (FileKind::Delimited, b';', true)
    };
    Ok(Source { kind, encoding: Some(encoding), body: Body::Text { text, delimiter, quoted } })
}

/// Classic Mac OS ended lines with CR alone, and Excel for Mac still
/// offers that as "CSV (Macintosh)"; the record reader splits on LF (CRLF
/// and LF are read as they are). Only a file with no LF at all is taken to
/// be one of those: in a CRLF or LF file a lone CR is data.
fn lone_cr_to_lf(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains('\r') && !text.contains('\n') {
        Cow::Owned(text.replace('\r', "\n"))
    } else {
        text
    }
}

fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), Rejected> {
    if bytes.is_empty() {
        return Err(Rejected::file(ProblemCode::EmptyFile));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((Cow::Borrowed(s), TextEncoding::Utf8Bom)),
            Err(_) => Err(Rejected::file(ProblemCode::EncodingUndetected)),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE, TextEncoding::Utf16Be);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        // A UTF-16 file without BOM is valid UTF-8 when it is all ASCII
        // (every other byte NUL); the NUL pattern tells.
        return match nul_pattern(bytes) {
            Some(TextEncoding::Utf16Le) => utf16(bytes, UTF_16LE, TextEncoding::Utf16Le),
            Some(_) => utf16(bytes, UTF_16BE, TextEncoding::Utf16Be),
            None => Ok((Cow::Borrowed(s), TextEncoding::Utf8)),
        };
    }
    match nul_pattern(bytes) {
        Some(TextEncoding::Utf16Le) => return utf16(bytes, UTF_16LE, TextEncoding::Utf16Le),
        Some(_) => return utf16(bytes, UTF_16BE, TextEncoding::Utf16Be),
        None => {}
    }
    let sjis = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes);
    let gb = GB18030.decode_without_bom_handling_and_without_replacement(bytes);
    let pick = match (&sjis, &gb) {
        (Some(_), None) => TextEncoding::ShiftJis,
        (None, Some(_)) => TextEncoding::Gb18030,
        (Some(_), Some(_)) if sjis_score(bytes) > gb_score(bytes) => TextEncoding::ShiftJis,
        (Some(_), Some(_)) => TextEncoding::Gb18030,
        (None, None) => return Err(Rejected::file(ProblemCode::EncodingUndetected)),
    };
    let text = if pick == TextEncoding::ShiftJis { sjis } else { gb };
    match text {
        Some(t) => Ok((Cow::Owned(t.into_owned()), pick)),
        None => Err(Rejected::file(ProblemCode::EncodingUndetected)),
    }
}

fn utf16<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
    which: TextEncoding,
) -> Result<(Cow<'a, str>, TextEncoding), Rejected> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(t) => Ok((Cow::Owned(t.into_owned()), which)),
        None => Err(Rejected::file(ProblemCode::EncodingUndetected)),
    }
}

/// UTF-16 without a BOM: in text that is mostly ASCII, one byte of every
/// pair is NUL. Looks at the first 4 KiB.
fn nul_pattern(bytes: &[u8]) -> Option<TextEncoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // At least 40 % of the pairs with a NUL on one side and almost none on the other.
    if odd * 10 >= pairs * 4 && even * 20 <= pairs {
        Some(TextEncoding::Utf16Le)
    } else if even * 10 >= pairs * 4 && odd * 20 <= pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// How Japanese the bytes look when read as Shift_JIS: kana and JIS level-1
/// kanji are what Japanese text is made of; half-width katakana (what GBK
/// hanzi lead bytes 0xA1–0xDF turn into) are rare in real files.
fn sjis_score(bytes: &[u8]) -> i64 {
    let mut score = 0i64;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x00..=0x7F => i += 1,
            0xA1..=0xDF => {
                score -= 1;
                i += 1;
            }
            0x81..=0x9F | 0xE0..=0xFC => {
                score += match b {
                    0x82 | 0x83 => 3, // hiragana, katakana
                    0x88..=0x98 => 2, // JIS level-1 kanji
                    0x81 | 0x84 => 1, // punctuation, symbols
                    _ => 0,           // level-2 kanji and beyond
                };
                i += 2;
            }
            _ => i += 1,
        }
    }
    score
}

/// How Chinese the bytes look when read as GB18030: GB2312 hanzi (lead
/// 0xB0–0xF7, trail 0xA1–0xFE) are what simplified Chinese is made of;
/// Shift_JIS text decodes mostly into the GBK extension area instead.
fn gb_score(bytes: &[u8]) -> i64 {
    let mut score = 0i64;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        if (0x30..=0x39).contains(&trail) {
            // Four-byte GB18030 sequence: rare outside names.
            i += 4;
            continue;
        }
        score += match (b, trail) {
            (0xB0..=0xF7, 0xA1..=0xFE) => 3,
            (0xA1..=0xA9, 0xA1..=0xFE) => 1,
            _ => -1,
        };
        i += 2;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoding_of(bytes: &[u8]) -> Option<TextEncoding> {
        decode(bytes, "x.csv").ok().and_then(|s| s.encoding)
    }

    #[test]
    fn encodings_are_detected() {
        let text = "注文番号,お問い合わせ番号\n503-4317798-1234567,123456789013\n";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        assert_eq!(encoding_of(&sjis), Some(TextEncoding::ShiftJis));
        let text = "订单号,运单号,承运人\n503-4317798-1234567,EV876297563CN,中国邮政\n";
        let (gb, _, _) = GB18030.encode(text);
        assert_eq!(encoding_of(&gb), Some(TextEncoding::Gb18030));
        assert_eq!(encoding_of(text.as_bytes()), Some(TextEncoding::Utf8));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(encoding_of(&bom), Some(TextEncoding::Utf8Bom));
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(encoding_of(&le), Some(TextEncoding::Utf16Le));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(encoding_of(&be), Some(TextEncoding::Utf16Be));
    }

    /// What Excel and ERPs write on each OS: UTF-8 with and without BOM,
    /// UTF-16 LE and BE with BOM ("Unicode text"), and CRLF (Windows, RFC
    /// 4180), LF (Linux, macOS) or CR alone ("CSV (Macintosh)").
    #[test]
    fn every_encoding_and_line_ending_reads_as_the_same_lines() {
        let lines = [
            "order-id,tracking-number,carrier",
            "503-4317798-1234567,EV876297563CN,中国邮政",
            "503-4317798-7654321,1Z999AA10123456784,ヤマト運輸",
        ];
        for ending in ["\r\n", "\n", "\r"] {
            let text = lines.join(ending) + ending;
            let utf16 = |bom: &[u8], f: fn(u16) -> [u8; 2]| -> Vec<u8> {
                bom.iter().copied().chain(text.encode_utf16().flat_map(f)).collect()
            };
            let files = [
                (TextEncoding::Utf8, text.as_bytes().to_vec()),
                (TextEncoding::Utf8Bom, [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()),
                (TextEncoding::Utf16Le, utf16(b"\xFF\xFE", u16::to_le_bytes)),
                (TextEncoding::Utf16Be, utf16(b"\xFE\xFF", u16::to_be_bytes)),
            ];
            for (encoding, bytes) in files {
                let case = format!("{encoding:?} with {ending:?}");
                let source = decode(&bytes, "x.csv").unwrap_or_else(|e| panic!("{case}: {e:?}"));
                assert_eq!(source.encoding, Some(encoding), "{case}");
                let Body::Text { text, delimiter, .. } = source.body else { panic!("{case}: not text") };
                assert_eq!(delimiter, b',', "{case}");
                assert!(!text.starts_with('\u{feff}'), "{case}: the BOM is not data");
                assert_eq!(text.lines().collect::<Vec<_>>(), lines, "{case}");
            }
        }
        // In a CRLF file a CR inside a quoted field stays.
        let source = decode(b"a,b\r\n\"x\ry\",z\r\n", "x.csv").map(|s| s.body);
        assert!(matches!(source, Ok(Body::Text { text, .. }) if text.contains("x\ry")));
    }

    #[test]
    fn empty_and_oversized_files_are_refused() {
        let code = |b: &[u8]| decode(b, "x.csv").err().map(|r| r.problems[0].code);
        assert_eq!(code(b""), Some(ProblemCode::EmptyFile));
        assert_eq!(code(b"\xEF\xBB\xBF \n"), Some(ProblemCode::EmptyFile));
        assert_eq!(code(&vec![b'a'; MAX_FILE_BYTES + 1]), Some(ProblemCode::FileTooLarge));
        assert_eq!(decode(b"plain text", "x.xlsx").err().map(|r| r.problems[0].code), Some(ProblemCode::UnknownFormat));
    }
}
