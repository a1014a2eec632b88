//! The "needs attention" list across areas. Each area implements [`Provider`] and is listed in
//! [`PROVIDERS`]; Home asks every provider whose area the person may read, merges their items
//! most urgent first and keeps the counts per area and severity.

use super::{Backoffice, Ctx};
use crate::domain::attention::Severity;
use crate::domain::attention::{Attention, AttentionCount, AttentionItem};
use crate::domain::permissions::{Action, Area};
use chrono::NaiveDate;
use rusqlite::Connection;

/// Items Home asks for at most; each provider is asked for as many.
pub const MAX_ITEMS: usize = 100;

/// Whom the list is for: some areas show a person only what is theirs (the actions they own,
/// the audits they lead).
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub user_id: i64,
    /// Their staff record, when their account is linked to one.
    pub employee_id: Option<i64>,
}

/// What an area contributes to the list. Both calls must answer from indexes: the list is read
/// at every visit of Home, whatever the size of the company.
pub trait Provider: Sync {
    fn area(&self) -> Area;
    /// Records waiting, per severity (zero counts may be left out).
    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>>;
    /// The most urgent items, at least `min` severe, at most `limit`, most urgent first.
    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>>;
}

/// Every area's provider; a new area adds its own here.
pub const PROVIDERS: &[&dyn Provider] = &[
    &super::staff::attention::Staff,
    &super::audits::attention::Audits,
    &super::assets::attention::Assets,
    &super::assets::attention_inventory::Inventory,
    &super::assets::attention_licences::Licences,
    &super::assets::attention_licences::LowStock,
    &super::purchasing::attention::SupplierFiles,
    // Requisitions waiting for the person's approval.
    &super::purchasing::requisition_attention::RequisitionsWaiting,
    // Orders waiting for the person's approval.
    &super::purchasing::order_attention::OrdersWaiting,
    // Invoices waiting for approval for payment.
    &super::purchasing::invoice_attention::InvoicesToApprove,
];

/// Adds `count` to the area's count of that severity: an area may have several providers, and
/// Home shows one count per area and severity.
fn add_count(counts: &mut Vec<AttentionCount>, area: Area, severity: Severity, count: i64) {
    match counts
        .iter_mut()
        .find(|c| c.area == area && c.severity == severity)
    {
        Some(c) => c.count += count,
        None => counts.push(AttentionCount {
            area,
            severity,
            count,
        }),
    }
}

impl Backoffice {
    /// What needs someone, from every area `ctx` may read, read in one snapshot.
    pub fn attention(&self, ctx: &Ctx, min: Severity, limit: usize) -> crate::Result<Attention> {
        let limit = limit.clamp(1, MAX_ITEMS);
        let today = self.today();
        let providers: Vec<&dyn Provider> = PROVIDERS
            .iter()
            .copied()
            .filter(|p| ctx.can(p.area(), Action::Read))
            .collect();
        self.store.read(|c| {
            let who = Viewer {
                user_id: ctx.user_id,
                employee_id: crate::store::users::employee_of(c, ctx.user_id)?,
            };
            let mut counts = Vec::new();
            let mut items = Vec::new();
            for p in &providers {
                // An area may have several providers (assets: maintenance and inventory);
                // their counts add up to one per area and severity.
                for (severity, count) in p.counts(c, today, who)? {
                    if count > 0 {
                        add_count(&mut counts, p.area(), severity, count);
                    }
                }
                items.extend(p.items(c, today, who, min, limit)?);
            }
            items.sort_by(|a, b| {
                b.urgency
                    .cmp(&a.urgency)
                    .then(a.record_name.cmp(&b.record_name))
            });
            items.truncate(limit);
            let total = counts.iter().map(|c| c.count).sum();
            Ok(Attention {
                counts,
                items,
                total,
            })
        })
    }
}
