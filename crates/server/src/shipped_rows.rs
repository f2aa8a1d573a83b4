//! What a shipment batch writes (see [`crate::orders::confirm_shipments`]):
//! the orders' confirmations as one JSON parameter and the feed's runs, all
//! written from the shipped orders where they are. A tuple per row with its own strings cost a batch of
//! 10,000 as long to allocate and free again as SQLite took to apply it.

use csba_api::{Order, Resource};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};

/// Everything a batch of shipped orders writes, serialized: made before the
/// seller's lock is taken (see `shipments::confirm`), written under it by
/// [`crate::orders::confirm_shipments`].
pub struct ShipmentWrites {
    /// [`ConfirmationRows`] of the orders.
    pub confirmations: String,
    /// The feed's runs, [`crate::feed::RUN_LEN`] orders each, in seq order.
    pub runs: Vec<FeedRun>,
}

impl ShipmentWrites {
    /// `shipped`: each order as it reads once shipped, in seq order.
    pub fn of(shipped: &[Resource]) -> serde_json::Result<ShipmentWrites> {
        Ok(ShipmentWrites {
            confirmations: serde_json::to_string(&ConfirmationRows(shipped))?,
            runs: shipped.chunks(crate::feed::RUN_LEN).map(FeedRun::of).collect::<serde_json::Result<_>>()?,
        })
    }

    /// How many orders ship: the seqs the batch takes.
    pub fn count(&self) -> usize {
        self.runs.iter().map(|run| run.len).sum()
    }
}

/// The feed run of a batch of shipped orders (see migrations 0007 and
/// 0009): the orders' ids, their tracking numbers and their resources, each
/// a JSON array in seq order, the resources' JSON exactly as a feed entry of
/// one would hold it.
pub struct FeedRun {
    /// How many orders it holds.
    pub len: usize,
    pub ids: String,
    pub numbers: String,
    pub payload: String,
}

impl FeedRun {
    pub fn of(shipped: &[Resource]) -> serde_json::Result<FeedRun> {
        let mut ids = Vec::with_capacity(shipped.len());
        let mut numbers = Vec::with_capacity(shipped.len());
        let mut payload = Vec::with_capacity(shipped.len() * 512);
        payload.push(b'[');
        for (i, resource) in shipped.iter().enumerate() {
            let Resource::Order(Order { id, tracking: Some(tracking), .. }) = resource else {
                return Err(serde_json::Error::custom("not a shipped order"));
            };
            if i > 0 {
                payload.push(b',');
            }
            serde_json::to_writer(&mut payload, resource)?;
            ids.push(id.as_str());
            numbers.push(tracking.tracking_number.as_str());
        }
        payload.push(b']');
        let payload = String::from_utf8(payload).map_err(serde_json::Error::custom)?;
        Ok(FeedRun {
            len: ids.len(),
            ids: serde_json::to_string(&ids)?,
            numbers: serde_json::to_string(&numbers)?,
            payload,
        })
    }
}

/// `[[order id, marketplace, tracking number, carrier, ship date, confirmed
/// at ms], …]`: the orders' rows of `shipment_confirmations`.
pub struct ConfirmationRows<'a>(pub &'a [Resource]);

impl Serialize for ConfirmationRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut rows = serializer.serialize_seq(Some(self.0.len()))?;
        for resource in self.0 {
            let Resource::Order(Order { id, marketplace, tracking: Some(t), .. }) = resource else {
                return Err(S::Error::custom("not a shipped order"));
            };
            rows.serialize_element(&(
                id,
                marketplace.code(),
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
    fn a_run_holds_each_orders_id_and_its_resource_as_stored_elsewhere() -> Result<(), Box<dyn std::error::Error>> {
        let orders = [shipped("o-1")?, shipped("o-2")?];
        let run = FeedRun::of(&orders)?;
        assert_eq!(run.ids, r#"["o-1","o-2"]"#);
        assert_eq!(run.numbers, r#"["EV876297563CN","EV876297563CN"]"#);
        let payload: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(&run.payload)?;
        assert_eq!(payload.len(), 2);
        for (text, order) in payload.iter().zip(&orders) {
            assert_eq!(text.get(), serde_json::to_string(order)?, "the payload is the resource as stored elsewhere");
        }
        Ok(())
    }

    #[test]
    fn confirmation_rows_hold_the_tables_columns() -> Result<(), Box<dyn std::error::Error>> {
        let text = serde_json::to_string(&ConfirmationRows(&[shipped("o-1")?]))?;
        assert_eq!(text, r#"[["o-1","JP","EV876297563CN","china_post","2026-12-01",1796117400000]]"#);
        Ok(())
    }

    #[test]
    fn an_unshipped_order_is_refused_not_written_without_tracking() -> Result<(), Box<dyn std::error::Error>> {
        let Resource::Order(mut order) = shipped("o-1")? else { return Err("not an order".into()) };
        order.tracking = None;
        assert!(serde_json::to_string(&ConfirmationRows(&[Resource::Order(order)])).is_err());
        Ok(())
    }
}
