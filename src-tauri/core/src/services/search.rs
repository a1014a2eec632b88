//! Global search over the areas the person may read.

use super::{Backoffice, Ctx};
use crate::domain::permissions::{Action, Area};
use crate::domain::search::{GlobalSearchQuery, GlobalSearchResult, HitKind, MAX_HITS_PER_KIND};
use crate::store::audits::search as audit_search;
use crate::store::search;

impl Backoffice {
    /// Employees, departments, documents, audits, suppliers and orders matching every word of the text (three characters
    /// or more), each kind limited, from the areas `ctx` may read; nothing is refused, an area
    /// the person may not read simply gives no hits.
    pub fn global_search(
        &self,
        ctx: &Ctx,
        q: &GlobalSearchQuery,
    ) -> crate::Result<GlobalSearchResult> {
        let limit = q.limit.clamp(1, MAX_HITS_PER_KIND);
        let mut out = GlobalSearchResult {
            hits: Vec::new(),
            more: Vec::new(),
            too_short: false,
        };
        let titles = search::match_query(&q.text);
        let people = search::match_query(&search::employee_words(&q.text));
        if titles.is_none() && people.is_none() {
            out.too_short = true;
            return Ok(out);
        }
        let staff = ctx.can(Area::Staff, Action::Read);
        let audits = ctx.can(Area::Audits, Action::Read);
        let auditor = audits
            .then(|| self.auditor(ctx, Action::Read))
            .transpose()?;
        let departments = ctx.can(Area::Departments, Action::Read);
        let purchasing = ctx.can(Area::Purchasing, Action::Read);
        self.store.read(|c| {
            let mut add = |kind: HitKind, found: (Vec<_>, bool)| {
                out.hits.extend(found.0);
                if found.1 {
                    out.more.push(kind);
                }
            };
            if let (true, Some(m)) = (staff, &people) {
                add(HitKind::Employee, search::employees(c, m, limit)?);
            }
            if departments {
                add(HitKind::Department, search::departments(c, &q.text, limit)?);
            }
            if let (true, Some(m)) = (staff, &titles) {
                add(HitKind::Document, search::documents(c, m, limit)?);
            }
            if purchasing && titles.is_some() {
                add(
                    HitKind::Supplier,
                    crate::store::purchasing::search::suppliers(c, &q.text, limit)?,
                );
            }
            if let (true, Some(m)) = (purchasing, &titles) {
                add(
                    HitKind::Order,
                    crate::store::purchasing::search::orders(c, &q.text, m, limit)?,
                );
            }
            if let (true, Some(m)) = (purchasing, &titles) {
                add(
                    HitKind::SupplierInvoice,
                    crate::store::purchasing::invoice_search::invoices(c, m, limit)?,
                );
            }
            if let (Some(who), true) = (&auditor, titles.is_some()) {
                add(
                    HitKind::Audit,
                    audit_search::audits(c, &q.text, who.visibility, limit)?,
                );
                // Findings and evidence cross audits: for those who see them all.
                if who.can_write {
                    add(HitKind::Finding, audit_search::findings(c, &q.text, limit)?);
                    add(
                        HitKind::Evidence,
                        audit_search::evidence(c, &q.text, limit)?,
                    );
                }
            }
            Ok(())
        })?;
        Ok(out)
    }
}
