//! The two JSON parameters of a shipment batch's writes (see
//! [`crate::orders::confirm_shipments`]), written from the shipped orders
//! where they are. A tuple per row with its own strings cost a batch of
//! 10,000 as long to allocate and free again as SQLite took to apply it.

use csba_api::{Order, Resource};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

/// `[[seq, order id, feed payload], …]`: the feed entries, seqs counting up
/// from `first_seq`, each payload the resource's JSON as a string (as every
/// feed entry is stored). One buffer is reused for every payload.
pub struct FeedRows<'a> {
    pub first_seq: i64,
    pub shipped: &'a [Resource],
}

impl Serialize for FeedRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.shipped.len()))?;
        let mut payload = Vec::with_capacity(1024);
        for (seq, resource) in (self.first_seq..).zip(self.shipped) {
            let Resource::Order(order) = resource else { return Err(S::Error::custom("not an order")) };
            payload.clear();
            serde_json::to_writer(&mut payload, resource).map_err(S::Error::custom)?;
            let payload = std::str::from_utf8(&payload).map_err(S::Error::custom)?;
            rows.serialize_element(&(seq, &order.id, payload))?;
        }
        rows.end()
    }
}

/// `[[order id, tracking number, carrier, ship date, confirmed at ms], …]`:
/// the orders' new columns.
pub struct TrackingRows<'a>(pub &'a [Resource]);

impl Serialize for TrackingRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.0.len()))?;
        for resource in self.0 {
            let Resource::Order(Order { id, tracking: Some(t), .. }) = resource else {
                return Err(S::Error::custom("not a shipped order"));
            };
            rows.serialize_element(&(
                id,
                &t.tracking_number,
                &t.carrier,
                t.ship_date,
                t.confirmed_at.timestamp_millis(),
            ))?;
        }
        rows.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use csba_api::OrderTracking;
    use csba_domain::Marketplace;

    fn shipped(id: &str) -> Result<Resource, Box<dyn std::error::Error>> {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).single().ok_or("no such instant")?;
        Ok(Resource::Order(Order {
            id: id.to_owned(),
            marketplace: Marketplace::Jp,
            placed_at: at,
            item_title: "急須 \"300ml\"".to_owned(),
            sku: "K-1".to_owned(),
            quantity: 1,
            status: "shipped".to_owned(),
            tracking: Some(OrderTracking {
                tracking_number: "EV876297563CN".to_owned(),
                carrier: "china_post".to_owned(),
                ship_date: NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("no such date")?,
                confirmed_at: at,
            }),
            ship_by: None,
            return_received_at: None,
            refunded_at: None,
        }))
    }

    #[test]
    fn feed_rows_carry_each_payload_as_the_resources_json_text() -> Result<(), Box<dyn std::error::Error>> {
        let orders = [shipped("o-1")?, shipped("o-2")?];
        let rows: Vec<(i64, String, String)> =
            serde_json::from_str(&serde_json::to_string(&FeedRows { first_seq: 41, shipped: &orders })?)?;
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].0, rows[1].1.as_str()), (42, "o-2"));
        for ((_, _, payload), order) in rows.iter().zip(&orders) {
            assert_eq!(payload, &serde_json::to_string(order)?, "the payload is the resource as stored elsewhere");
        }
        Ok(())
    }

    #[test]
    fn tracking_rows_hold_the_new_columns() -> Result<(), Box<dyn std::error::Error>> {
        let text = serde_json::to_string(&TrackingRows(&[shipped("o-1")?]))?;
        assert_eq!(text, r#"[["o-1","EV876297563CN","china_post","2026-12-01",1796117400000]]"#);
        Ok(())
    }

    #[test]
    fn an_unshipped_order_is_refused_not_written_without_tracking() -> Result<(), Box<dyn std::error::Error>> {
        let Resource::Order(mut order) = shipped("o-1")? else { return Err("not an order".into()) };
        order.tracking = None;
        assert!(serde_json::to_string(&TrackingRows(&[Resource::Order(order)])).is_err());
        Ok(())
    }
}
