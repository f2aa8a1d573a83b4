//! `csba orders`: the orders screen's model from the replica — what to ship
//! (most urgent ship-by first), what waits for payment, what was shipped
//! with which tracking, and the valid tracking rate. Built by the app core.

use crate::replica::writeln;
use crate::{Out, Outcome};
use chrono::Utc;
use csba_app::ViewFilter;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct OrdersArgs {
    /// Only this account (an id from `csba account list`).
    #[arg(long)]
    account: Option<i64>,
    /// Only this marketplace (JP or US).
    #[arg(long)]
    marketplace: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: OrdersArgs, out: &Out) -> Outcome {
    let filter = filter(args.account, args.marketplace.as_deref(), out)?;
    let desk = crate::replica::open_desk(out)?;
    let screen = desk.orders_screen(filter, Utc::now()).map_err(|e| e.message(&out.catalog, out.locale))?;
    let mut stdout = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln(&mut stdout, &out.t("cli-orders-to-ship", &[("count", screen.to_ship.len().into())]))?;
    for row in &screen.to_ship {
        let o = &row.order;
        let by = o.ship_by.map(|t| t.to_rfc3339()).unwrap_or_default();
        let queued = row.queued.as_ref().map(|q| format!("  [{}]", q.tracking_number)).unwrap_or_default();
        writeln(
            &mut stdout,
            &format!("{}  {}  {}  ×{}  {}{queued}", o.marketplace, o.id, by, o.quantity, o.item_title),
        )?;
    }
    if !screen.pending.is_empty() {
        writeln(&mut stdout, &out.t("cli-orders-pending", &[("count", screen.pending.len().into())]))?;
        for row in &screen.pending {
            writeln(&mut stdout, &format!("{}  {}  {}", row.order.marketplace, row.order.id, row.order.item_title))?;
        }
    }
    for rate in &screen.tracking_rates {
        let percent = rate.rate_percent.clone().unwrap_or_else(|| "—".into());
        writeln(
            &mut stdout,
            &out.t(
                "cli-orders-tracking-rate",
                &[
                    ("marketplace", rate.marketplace.code().into()),
                    ("rate", percent.into()),
                    ("valid", rate.valid.into()),
                    ("shipped", rate.shipped.into()),
                ],
            ),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--account` and `--marketplace` as a filter of the app's screens.
pub fn filter(account: Option<i64>, marketplace: Option<&str>, out: &Out) -> Result<ViewFilter, String> {
    let marketplace = match marketplace {
        None => None,
        Some(code) => Some(
            code.parse()
                .map_err(|_| out.t("cli-upload-unknown-marketplace", &[("marketplace", code.to_owned().into())]))?,
        ),
    };
    Ok(ViewFilter { account_id: account.map(csba_store::AccountId), marketplace })
}
