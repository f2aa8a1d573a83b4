//! The columns of a shipment confirmation and the names ERPs give them, and
//! reading the first sheet of an `.xlsx` workbook into cells.

use super::{ProblemCode, Rejected};

/// A column CSBA Desk understands. `name()` is Amazon's machine name, which
/// is also what problems report when a column is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    OrderId,
    OrderItemId,
    Quantity,
    ShipDate,
    CarrierCode,
    CarrierName,
    TrackingNumber,
    ShipMethod,
    /// JP template only: cash-on-delivery collection method (代金引換).
    /// Recognized so it is not mistaken for data; not validated.
    CodCollectionMethod,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::OrderId,
        Column::OrderItemId,
        Column::Quantity,
        Column::ShipDate,
        Column::CarrierCode,
        Column::CarrierName,
        Column::TrackingNumber,
        Column::ShipMethod,
        Column::CodCollectionMethod,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::OrderId => "order-id",
            Column::OrderItemId => "order-item-id",
            Column::Quantity => "quantity",
            Column::ShipDate => "ship-date",
            Column::CarrierCode => "carrier-code",
            Column::CarrierName => "carrier-name",
            Column::TrackingNumber => "tracking-number",
            Column::ShipMethod => "ship-method",
            Column::CodCollectionMethod => "cod-collection-method",
        }
    }

    /// The column a header cell names: Amazon's machine names, the labels of
    /// the JP template, and the usual ERP names in English, Chinese,
    /// Japanese and Korean. Case, spaces, `_` and `-` do not matter.
    pub fn from_header(header: &str) -> Option<Column> {
        let mut key = String::with_capacity(header.len());
        for c in header.trim().trim_start_matches('\u{FEFF}').chars() {
            if !(c.is_whitespace() || c == '-' || c == '_' || c == '*') {
                key.extend(c.to_lowercase());
            }
        }
        Some(match key.as_str() {
            "orderid" | "amazonorderid" | "orderno" | "ordernumber" | "订单号" | "订单编号" | "亚马逊订单号"
            | "平台订单号" | "注文番号" | "注文id" | "オーダーid" | "주문번호" => Column::OrderId,
            "orderitemid" | "订单商品编号" | "商品订单号" | "注文商品番号" | "注文アイテムid" | "주문상품번호" => {
                Column::OrderItemId
            }
            "quantity" | "qty" | "数量" | "发货数量" | "出荷数" | "数量(個)" | "수량" => Column::Quantity,
            "shipdate" | "shippingdate" | "shippeddate" | "发货日期" | "发货时间" | "出荷日" | "発送日" | "배송일"
            | "발송일" => Column::ShipDate,
            "carriercode"
            | "carrier"
            | "承运人"
            | "承运商"
            | "物流商"
            | "快递公司"
            | "物流公司"
            | "配送業者"
            | "配送業者コード"
            | "運送会社"
            | "택배사"
            | "운송사" => Column::CarrierCode,
            "carriername" | "承运人名称" | "物流商名称" | "配送業者名" | "운송사명" => {
                Column::CarrierName
            }
            "trackingnumber"
            | "trackingid"
            | "tracking"
            | "trackingno"
            | "trackno"
            | "运单号"
            | "跟踪号"
            | "追踪号"
            | "追踪编码"
            | "物流单号"
            | "快递单号"
            | "追跡番号"
            | "お問い合わせ番号"
            | "お問い合わせ伝票番号"
            | "問い合わせ番号"
            | "伝票番号"
            | "送り状番号"
            | "トラッキングid"
            | "운송장번호"
            | "송장번호" => Column::TrackingNumber,
            "shipmethod" | "shippingmethod" | "shipservice" | "运输方式" | "配送方式" | "配送方法" | "配送サービス"
            | "배송방법" => Column::ShipMethod,
            "codcollectionmethod" | "代金引換" | "代引き" => Column::CodCollectionMethod,
            _ => return None,
        })
    }
}

/// The first sheet of an `.xlsx` workbook as rows of cell text. Numbers are
/// written without a fractional part when they have none (ERPs store order
/// item ids and tracking numbers as numbers), dates as `YYYY-MM-DD`.
pub(super) fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, Rejected> {
    use calamine::{Data, Reader, Xlsx};
    // A malformed archive must be a problem report, never a crash: guard
    // against a panic inside the zip/XML stack as well as its errors.
    let read = std::panic::catch_unwind(|| -> Option<Vec<Vec<String>>> {
        let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).ok()?;
        let range = workbook.worksheet_range_at(0)?.ok()?;
        // The range starts at the first used cell; blank rows in front keep
        // the reported row numbers equal to the spreadsheet's.
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let mut rows = Vec::with_capacity(first_row + range.height());
        rows.resize_with(first_row, Vec::new);
        for row in range.rows() {
            let cells = row
                .iter()
                .map(|cell| match cell {
                    Data::Empty | Data::Error(_) => String::new(),
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                    Data::Int(i) => i.to_string(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e17 => format!("{f:.0}"),
                    Data::Float(f) => f.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                })
                .collect();
            rows.push(cells);
        }
        Some(rows)
    });
    match read {
        Ok(Some(rows)) => Ok(rows),
        _ => Err(Rejected::file(ProblemCode::UnknownFormat)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_names_round_trip() {
        for c in Column::ALL {
            assert_eq!(Column::from_header(c.name()), Some(c));
        }
    }

    #[test]
    fn erp_aliases() {
        assert_eq!(Column::from_header("Order_ID"), Some(Column::OrderId));
        assert_eq!(Column::from_header("订单号"), Some(Column::OrderId));
        assert_eq!(Column::from_header("注文番号"), Some(Column::OrderId));
        assert_eq!(Column::from_header("运单号"), Some(Column::TrackingNumber));
        assert_eq!(Column::from_header("お問い合わせ番号"), Some(Column::TrackingNumber));
        assert_eq!(Column::from_header("Tracking Number"), Some(Column::TrackingNumber));
        assert_eq!(Column::from_header("something else"), None);
    }
}
