//! Staff files' contribution: employees whose file needs fixing (missing or invalid data,
//! documents and training missing, expired or expiring, contracts ending), one item per
//! employee naming their most urgent issue, from the cached urgency index.

use crate::domain::attention::AttentionItem;
use crate::domain::page::PageRequest;
use crate::domain::permissions::{Area, Role};
use crate::domain::staff::completeness::{FixQuery, IssueKind, Severity};
use crate::services::attention::{Provider, Viewer};
use crate::store::staff::scores;
use chrono::NaiveDate;
use rusqlite::Connection;

pub struct Staff;

/// The date an issue must be dealt with by, when it has one.
fn due(kind: &IssueKind) -> Option<NaiveDate> {
    match kind {
        IssueKind::ContractPastEnd { ended_on } => Some(*ended_on),
        IssueKind::ContractEnding { ends_on, .. } => Some(*ends_on),
        IssueKind::ExpiredDocument { expired_on, .. }
        | IssueKind::ExpiredCourse { expired_on, .. } => Some(*expired_on),
        IssueKind::ExpiringDocument { expires_on, .. }
        | IssueKind::ExpiringCourse { expires_on, .. } => Some(*expires_on),
        _ => None,
    }
}

impl Provider for Staff {
    fn area(&self) -> Area {
        Area::Staff
    }

    fn counts(
        &self,
        conn: &Connection,
        _today: NaiveDate,
        _who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        scores::severity_counts(conn)
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        _who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        let q = FixQuery {
            department_id: None,
            min_severity: Some(min),
            page: PageRequest {
                offset: 0,
                limit: limit as i64,
            },
        };
        let page = scores::needs_fixing(conn, &q, today)?;
        let mut items = Vec::with_capacity(page.items.len());
        for row in page.items {
            // Scores are cached; an issue solved by the calendar since leaves nothing to show.
            let Some(top) = row.issues.first() else {
                continue;
            };
            items.push(AttentionItem {
                area: Area::Staff,
                entity: "employees".to_owned(),
                record_id: row.employee_id,
                record_name: format!("{} {}", row.last_name, row.first_name),
                context: row.department.clone(),
                reason: serde_json::to_value(top)?,
                more: row.issues.len() as i64 - 1,
                due: due(&top.issue),
                severity: top.severity,
                urgency: top.urgency,
                act_by: Role::Hr,
            });
        }
        Ok(items)
    }
}
