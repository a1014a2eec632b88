//! Global search over the areas the person may read.

use super::{Backoffice, Ctx};
use crate::domain::permissions::{Action, Area};
use crate::domain::search::{GlobalSearchQuery, GlobalSearchResult, HitKind, MAX_HITS_PER_KIND};
use crate::store::search;

impl Backoffice {
    /// Employees, departments and documents matching every word of the text (three characters
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
        let departments = ctx.can(Area::Departments, Action::Read);
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
            Ok(())
        })?;
        Ok(out)
    }
}
