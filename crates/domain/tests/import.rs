//! Bulk import: every format and encoding, every problem reported with its
//! line and column, all or nothing, and no panic on any input.

use csba_domain::import::{
    decode, Batch, FileKind, OrderBook, OrderState, Orders, Problem, ProblemCode, Rejected, TextEncoding,
};
use csba_domain::tracking::{Carrier, Rejection};
use proptest::prelude::*;
use std::io::Write;

const US_FLAT: &str = "TemplateType=OrderFulfillment\tVersion=2011.1102\n\
order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n\
111-1234567-1234567\t12345678901234\t1\t2024-05-01\tUPS\t\t1Z999AA10123456784\tGround\n\
111-1234567-7654321\t\t2\t2024-05-01T10:00:00-07:00\tChina Post\t\tEV876297563CN\tStandard\n\
\n";

/// The JP template as JP seller tools write it (Shift_JIS): a first line
/// with a Japanese notice, a row of Japanese labels, the machine names, and
/// the extra `cod-collection-method` column (代金引換).
const JP_FLAT: &str = "TemplateType=OrderFulfillment\tVersion=2011.1102\tこの行はAmazonが使用しますので変更や削除しないでください。\t\t\t\t\t\t\n\
注文番号\t注文商品番号\t出荷数\t出荷日\t配送業者コード\t配送業者名\tお問い合わせ伝票番号\t配送方法\t代金引換\n\
order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\tcod-collection-method\n\
503-4317798-1234567\t\t1\t2017-12-14\tChina Post\t\tEV876297563CN\tStandard\t\n\
503-4317798-7654321\t\t1\t2017/12/14\tヤマト運輸\t\t1234-5678-9013\t宅急便\t\n";

fn ok(bytes: &[u8], name: &str, orders: Orders<'_>) -> Result<(usize, Vec<String>), Rejected> {
    let source = decode(bytes, name)?;
    let batch: Batch<'_> = source.validate(orders)?;
    Ok((batch.shipments.len(), batch.shipments.iter().map(|s| s.tracking_number.to_string()).collect()))
}

fn problems(bytes: &[u8], name: &str, orders: Orders<'_>) -> Vec<(usize, String, &'static str)> {
    let result = decode(bytes, name).and_then(|s| s.validate(orders).map(|_| ()));
    match result {
        Ok(()) => Vec::new(),
        Err(r) => r.problems.into_iter().map(|p: Problem| (p.line, p.column, p.code.code())).collect(),
    }
}

#[test]
fn amazon_flat_file_us() -> Result<(), Rejected> {
    let source = decode(US_FLAT.as_bytes(), "shipping.txt")?;
    assert_eq!(source.kind, FileKind::AmazonFlatFile);
    let batch = source.validate(Orders::Unknown)?;
    assert_eq!(batch.encoding, Some(TextEncoding::Utf8));
    let s = &batch.shipments;
    assert_eq!(s.len(), 2);
    assert_eq!((s[0].line, s[0].order_id.as_ref()), (3, "111-1234567-1234567"));
    assert_eq!(s[0].order_item_id.as_deref(), Some("12345678901234"));
    assert_eq!(s[0].quantity, Some(1));
    assert_eq!(s[0].carrier, Some(Carrier::Ups));
    assert_eq!(s[0].ship_method.as_deref(), Some("Ground"));
    assert_eq!(s[1].carrier, Some(Carrier::ChinaPost));
    assert_eq!(s[1].ship_date, chrono::NaiveDate::from_ymd_opt(2024, 5, 1));
    // Borrowed, not copied, from the input.
    assert!(matches!(s[1].tracking_number, std::borrow::Cow::Borrowed(_)));
    Ok(())
}

#[test]
fn amazon_flat_file_jp_with_label_row_and_cod_column() -> Result<(), Rejected> {
    let (n, tracking) = ok(JP_FLAT.as_bytes(), "出荷通知.txt", Orders::Unknown)?;
    assert_eq!(n, 2);
    assert_eq!(tracking, ["EV876297563CN", "123456789013"]);
    // Label row after the machine names is skipped as well.
    let lines: Vec<&str> = JP_FLAT.lines().collect();
    let reordered = [lines[0], lines[2], lines[1], lines[3], lines[4]].join("\n");
    assert!(ok(reordered.as_bytes(), "jp.txt", Orders::Unknown).is_ok());
    // Shift_JIS, as Excel on Japanese Windows saves it.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(JP_FLAT);
    let source = decode(&sjis, "jp.txt")?;
    assert_eq!(source.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(source.validate(Orders::Unknown)?.shipments.len(), 2);
    // Newer JP templates add transparency and ship-from columns: ignored.
    let wider = JP_FLAT
        .replace("代金引換\n", "代金引換\tTransparency\t出荷元\n")
        .replace("cod-collection-method\n", "cod-collection-method\ttransparency_code\tship_from_address_name\n")
        .replace("宅急便\t\n", "宅急便\t\tAZ:123\t東京倉庫\n");
    assert_eq!(ok(wider.as_bytes(), "jp.txt", Orders::Unknown)?.0, 2);
    // Problems name the machine columns, as Seller Central does.
    let typo = JP_FLAT.replace("EV876297563CN", "EV876297564CN");
    assert_eq!(
        problems(typo.as_bytes(), "jp.txt", Orders::Unknown),
        [(4, "tracking-number".to_owned(), "invalid_tracking_id:check_digit_mismatch")]
    );
    Ok(())
}

#[test]
fn the_flat_file_requires_its_columns() {
    let file = "TemplateType=OrderFulfillment\norder-id\tcarrier-code\n111-1234567-1234567\tUPS\n";
    assert_eq!(
        problems(file.as_bytes(), "x.txt", Orders::Unknown),
        [(2, "tracking-number".to_owned(), "missing_column"), (2, "ship-date".to_owned(), "missing_column")]
    );
}

#[test]
fn csv_with_erp_headers_in_every_encoding() -> Result<(), Rejected> {
    let zh = "订单号,运单号,承运人,发货日期\r\n503-4317798-1234567,EV876297563CN,中国邮政,2024/5/1\r\n\
              \"503-4317798-7654321\",\"YT2212345678901234\",云途,2024-05-02\r\n";
    for (bytes, encoding) in [
        (encoding_rs::GB18030.encode(zh).0.into_owned(), TextEncoding::Gb18030),
        (zh.as_bytes().to_vec(), TextEncoding::Utf8),
        ([b"\xEF\xBB\xBF".as_slice(), zh.as_bytes()].concat(), TextEncoding::Utf8Bom),
        (
            [b"\xFF\xFE".as_slice(), &zh.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>()].concat(),
            TextEncoding::Utf16Le,
        ),
        (zh.encode_utf16().flat_map(u16::to_be_bytes).collect(), TextEncoding::Utf16Be),
    ] {
        let source = decode(&bytes, "erp.csv")?;
        assert_eq!((source.kind, source.encoding), (FileKind::Delimited, Some(encoding)));
        let batch = source.validate(Orders::Unknown)?;
        assert_eq!(batch.shipments.len(), 2);
        assert_eq!(batch.shipments[1].carrier, Some(Carrier::YunExpress));
    }
    let ja = "注文番号\tお問い合わせ番号\t配送業者\n503-4317798-1234567\t１２３４－５６７８－９０１３\t佐川急便\n";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
    let source = decode(&sjis, "ja.tsv")?;
    assert_eq!(source.encoding, Some(TextEncoding::ShiftJis));
    let batch = source.validate(Orders::Unknown)?;
    assert_eq!(batch.shipments[0].carrier, Some(Carrier::Sagawa));
    assert_eq!(batch.shipments[0].tracking_number, "123456789013");
    Ok(())
}

#[test]
fn every_bad_row_is_reported_with_line_and_column() {
    let file = "order-id,tracking-number,quantity,ship-date,carrier\n\
                503-4317798-1234567,EV876297563CN,1,2024-05-01,China Post\n\
                503-431779-1234567,EV876297564CN,0,2024-13-01,China Post\n\
                503-4317798-2222222,EV876297563CN,1,2024-05-01,Yamato\n\
                503-4317798-3333333,,1,,\n\
                503-4317798-1234567,EV876297563CN,1,2024-05-01,China Post\n";
    assert_eq!(
        problems(file.as_bytes(), "x.csv", Orders::Unknown),
        [
            (3, "order-id".to_owned(), "invalid_order_id"),
            (3, "quantity".to_owned(), "invalid_quantity"),
            (3, "ship-date".to_owned(), "invalid_date"),
            (3, "tracking-number".to_owned(), "invalid_tracking_id:check_digit_mismatch"),
            (4, "tracking-number".to_owned(), "invalid_tracking_id:carrier_mismatch"),
            (5, "tracking-number".to_owned(), "invalid_tracking_id:empty"),
            (6, "order-id".to_owned(), "duplicate_row"),
        ]
    );
    let rejected = decode(file.as_bytes(), "x.csv").and_then(|s| s.validate(Orders::Unknown).map(|_| ()));
    let Err(r) = rejected else { panic!("accepted") };
    assert_eq!((r.rows, r.valid), (5, 1));
}

#[test]
fn duplicates_and_tracking_reuse_inside_the_file() {
    let file = "order-id,order-item-id,tracking-number\n\
                503-4317798-1234567,1,EV876297563CN\n\
                503-4317798-1234567,2,EV876297563CN\n\
                503-4317798-1234567,1,1Z999AA10123456784\n\
                503-4317798-7777777,3,EV876297563CN\n";
    assert_eq!(
        problems(file.as_bytes(), "x.csv", Orders::Unknown),
        [
            (4, "order-item-id".to_owned(), "duplicate_order_item"),
            (5, "tracking-number".to_owned(), "tracking_reused_across_orders"),
        ]
    );
}

#[test]
fn known_orders_catch_unknown_cancelled_shipped_and_reused() {
    let mut book = OrderBook::default();
    for (id, state) in [
        ("503-4317798-0000001", OrderState::Unshipped),
        ("503-4317798-0000002", OrderState::Cancelled),
        ("503-4317798-0000003", OrderState::Shipped),
        ("503-4317798-0000004", OrderState::Pending),
        ("503-4317798-0000005", OrderState::PartiallyShipped),
        ("503-4317798-0000009", OrderState::Shipped),
    ] {
        book.states.insert(id.to_owned(), state);
    }
    book.tracking.insert("1Z999AA10123456784".to_owned(), "503-4317798-0000009".to_owned());
    let file = "order-id,tracking-number\n\
                503-4317798-0000001,EV876297563CN\n\
                503-4317798-0000002,123456789013\n\
                503-4317798-0000003,4PX3000951357226CN\n\
                503-4317798-0000004,LP00123456789012\n\
                503-4317798-0000005,1Z999AA10123456784\n\
                503-4317798-0000006,SF1234567890123\n";
    assert_eq!(
        problems(file.as_bytes(), "x.csv", Orders::Known(&book)),
        [
            (3, "order-id".to_owned(), "cancelled_order"),
            (4, "order-id".to_owned(), "already_shipped"),
            (5, "order-id".to_owned(), "pending_order"),
            (6, "tracking-number".to_owned(), "tracking_reused_across_orders"),
            (7, "order-id".to_owned(), "unknown_order"),
        ]
    );
    // Without the orders, only the file's own checks run.
    assert!(problems(file.as_bytes(), "x.csv", Orders::Unknown).is_empty());
}

#[test]
fn file_level_problems() {
    let code = |b: &[u8], name: &str| problems(b, name, Orders::Unknown).first().map(|p| p.2);
    assert_eq!(code(b"", "x.csv"), Some("empty_file"));
    assert_eq!(code(b"hello,world\n1,2\n", "x.csv"), Some("unknown_format"));
    assert_eq!(code(b"PK\x03\x04garbage", "x.xlsx"), Some("unknown_format"));
    assert_eq!(code(b"\xFF\xFF\x80\x80\xFF", "x.csv"), Some("encoding_undetected"));
    assert_eq!(code(b"order-id\n111-1234567-1234567\n", "x.csv"), Some("missing_column"));
}

#[test]
fn problem_codes_are_stable() {
    assert_eq!(ProblemCode::InvalidTrackingId(Rejection::UnknownFormat).code(), "invalid_tracking_id:unknown_format");
    assert_eq!(ProblemCode::TrackingReusedAcrossOrders.code(), "tracking_reused_across_orders");
}

/// A minimal `.xlsx` (inline strings; the order item id and the tracking
/// number as numbers, as ERPs write them).
fn xlsx(rows: &[&[&str]]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate().filter(|(_, row)| !row.is_empty()) {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let reference = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            if !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit()) && cell.len() < 16 {
                sheet.push_str(&format!(r#"<c r="{reference}"><v>{cell}</v></c>"#));
            } else {
                sheet.push_str(&format!(r#"<c r="{reference}" t="inlineStr"><is><t>{cell}</t></is></c>"#));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in files {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

#[test]
fn xlsx_first_sheet() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = xlsx(&[
        &["订单号", "订单商品编号", "运单号", "快递公司"],
        &["503-4317798-1234567", "12345678901234", "EV876297563CN", "China Post"],
        &["503-4317798-7654321", "22345678901234", "123456789013", "Yamato"],
        &["503-4317798-7654322", "", "123456789014", "Yamato"],
    ])?;
    let source = decode(&bytes, "erp.xlsx").map_err(|r| format!("{:?}", r.problems))?;
    assert_eq!((source.kind, source.encoding), (FileKind::Xlsx, None));
    let Err(r) = source.validate(Orders::Unknown) else { return Err("accepted".into()) };
    assert_eq!(r.problems.len(), 1);
    assert_eq!((r.problems[0].line, r.problems[0].column.as_str()), (4, "运单号"));
    assert_eq!(r.problems[0].code.code(), "invalid_tracking_id:check_digit_mismatch");
    assert_eq!((r.rows, r.valid), (3, 2));
    Ok(())
}

#[test]
fn xlsx_rows_are_numbered_as_in_the_spreadsheet() -> Result<(), Box<dyn std::error::Error>> {
    // Nothing in row 1, a title in row 2, the header in row 3.
    let bytes =
        xlsx(&[&[], &["Shipments"], &["order-id", "tracking-number"], &["503-4317798-1234567", "EV876297564CN"]])?;
    let problems = problems(&bytes, "erp.xlsx", Orders::Unknown);
    assert_eq!(problems, [(4, "tracking-number".to_owned(), "invalid_tracking_id:check_digit_mismatch")]);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), xlsx_name in any::<bool>()) {
        let name = if xlsx_name { "x.xlsx" } else { "x.txt" };
        if let Ok(source) = decode(&bytes, name) {
            let _ = source.validate(Orders::Unknown);
        }
    }

    #[test]
    fn mutations_of_a_valid_file_never_panic_and_report_real_lines(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        jp in any::<bool>()
    ) {
        let mut bytes = if jp { JP_FLAT } else { US_FLAT }.as_bytes().to_vec();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        if let Ok(source) = decode(&bytes, "x.txt") {
            if let Err(r) = source.validate(Orders::Unknown) {
                prop_assert!(!r.problems.is_empty());
                prop_assert!(r.problems.iter().all(|p| p.line <= lines));
                prop_assert!(r.valid <= r.rows);
            }
        }
    }

    #[test]
    fn arbitrary_xlsx_like_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..400)) {
        let bytes = [b"PK\x03\x04".as_slice(), &tail].concat();
        let _ = decode(&bytes, "x.xlsx").map(|s| s.validate(Orders::Unknown).is_ok());
    }
}
