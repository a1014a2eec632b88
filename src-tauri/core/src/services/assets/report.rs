//! The IT reports: the inventory by status, category, site, place and department; the cost of
//! ownership per asset; warranties and licences ending soon. Each keeps to the assets the
//! person sees (`Keeper::visibility`): IT, administrators, accounting and purchasing the whole
//! inventory, a manager their departments', anyone else the assets they hold. Licences are the
//! software inventory's, read only by those who see it whole.

use crate::domain::assets::asset::{AssetQuery, AssetSort, AssetStatus, ASSET_STATUSES};
use crate::domain::assets::report::{
    CurrencyTotal, Expiring, Grouping, ReportGroup, StatusCount, TcoQuery, TcoRow,
};
use crate::domain::page::{Page, PageRequest, SortDir};
use crate::domain::permissions::Action;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::licence_list;
use crate::store::assets::list::{self, Visibility};
use crate::store::assets::report::{self as store, GroupCell};
use chrono::Days;

/// Entries of each expiring list at most: a screen's worth, the rest is in the filtered lists.
const MAX_EXPIRING: i64 = 200;

/// Folds the (group, status, currency) cells into groups, in the cells' group order.
pub(super) fn fold(by: Grouping, cells: Vec<GroupCell>) -> Vec<ReportGroup> {
    let mut out: Vec<ReportGroup> = Vec::new();
    for c in cells {
        let status = (by == Grouping::Status).then_some(c.status);
        let at = out.iter().position(|g| g.id == c.id && g.status == status);
        let g = match at {
            Some(i) => &mut out[i],
            None => {
                out.push(ReportGroup {
                    id: c.id,
                    status,
                    name: c.name.clone().unwrap_or_default(),
                    name_en: c.name_en.clone(),
                    count: 0,
                    by_status: Vec::new(),
                    costs: Vec::new(),
                });
                let last = out.len() - 1;
                &mut out[last]
            }
        };
        g.count += c.count;
        match g.by_status.iter_mut().find(|s| s.status == c.status) {
            Some(s) => s.count += c.count,
            None => g.by_status.push(StatusCount {
                status: c.status,
                count: c.count,
            }),
        }
        if c.cost_cents != 0 {
            match g.costs.iter_mut().find(|t| t.currency == c.currency) {
                Some(t) => t.cost_cents += c.cost_cents,
                None => g.costs.push(CurrencyTotal {
                    currency: c.currency,
                    cost_cents: c.cost_cents,
                }),
            }
        }
    }
    let rank = |s: AssetStatus| ASSET_STATUSES.iter().position(|x| *x == s);
    for g in &mut out {
        g.by_status.sort_by_key(|s| rank(s.status));
        g.costs.sort_by(|a, b| a.currency.cmp(&b.currency));
    }
    match by {
        Grouping::Status => out.sort_by_key(|g| g.status.and_then(rank)),
        // The largest groups first; assets with no place or department last.
        _ => out.sort_by(|a, b| {
            (a.id.is_none(), std::cmp::Reverse(a.count), &a.name).cmp(&(
                b.id.is_none(),
                std::cmp::Reverse(b.count),
                &b.name,
            ))
        }),
    }
    out
}

impl Backoffice {
    /// The assets the person sees, counted per group with their counts per status and purchase
    /// costs per currency.
    pub fn asset_report(&self, ctx: &Ctx, by: Grouping) -> crate::Result<Vec<ReportGroup>> {
        let who = self.keeper(ctx, Action::Read)?;
        let cells = self.store.read(|c| store::grouped(c, by, who.visibility))?;
        Ok(fold(by, cells))
    }

    /// The assets the person sees with purchase, maintenance and total cost, one page in the
    /// query's order (the highest total first by default).
    pub fn asset_tco(&self, ctx: &Ctx, q: &TcoQuery) -> crate::Result<Page<TcoRow>> {
        let who = self.keeper(ctx, Action::Read)?;
        let (offset, limit) = q.page.clamped();
        self.store
            .read(|c| store::tco(c, q, who.visibility, offset, limit))
    }

    /// Warranties of the person's assets and licences in use ending within `days` (0 to 3650).
    pub fn it_expiring(&self, ctx: &Ctx, days: i64) -> crate::Result<Expiring> {
        let who = self.keeper(ctx, Action::Read)?;
        let days = days.clamp(0, 3650);
        let today = self.today();
        let q = AssetQuery {
            search: None,
            category_id: None,
            status: None,
            location_id: None,
            department_id: None,
            holder_employee_id: None,
            warranty_within_days: Some(days),
            sort: AssetSort::WarrantyEnd,
            dir: SortDir::Asc,
            page: PageRequest {
                offset: 0,
                limit: MAX_EXPIRING,
            },
        };
        let horizon = today
            .checked_add_days(Days::new(days as u64))
            .unwrap_or(today);
        self.store.read(|c| {
            let warranties = list::list(c, &q, who.visibility, today)?;
            let licences = match who.visibility {
                Visibility::All => licence_list::expiring(c, today, horizon, MAX_EXPIRING)?,
                _ => Vec::new(),
            };
            Ok(Expiring {
                days,
                warranties: warranties.items,
                warranties_total: warranties.total,
                licences,
            })
        })
    }
}
