//! Assets' contribution to the attention list: maintenance tasks overdue or due within a
//! week. IT and administrators see every plan's; anyone else the plans assigned to the staff
//! record linked to their account.

use crate::domain::attention::{
    banded_counts, grade_by_lateness, AttentionItem, Severity, LONG_OVERDUE_DAYS,
};
use crate::domain::permissions::{allows, Action, Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::assets::maintenance_list::{due_by, due_counts, Due};
use crate::store::users;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

pub struct Assets;

/// Tasks due within this many days are shown before they are late.
pub const DUE_SOON_DAYS: u64 = 7;

/// Whose tasks the viewer sees: `Ok(None)` for all of them, `Ok(Some(e))` for employee `e`'s,
/// `Err(())` for none (no staff record linked and no right to see everyone's).
fn whose(conn: &Connection, who: Viewer) -> crate::Result<Result<Option<i64>, ()>> {
    let keeps = users::get(conn, who.user_id)?
        .is_some_and(|u| allows(&u.roles, Area::Assets, Action::Write));
    Ok(match (keeps, who.employee_id) {
        (true, _) => Ok(None),
        (false, Some(e)) => Ok(Some(e)),
        (false, None) => Err(()),
    })
}

fn grade(days_late: i64) -> (Severity, i64) {
    grade_by_lateness(days_late, 1)
}

fn item(d: Due, today: NaiveDate) -> AttentionItem {
    let (severity, urgency) = grade((today - d.next_due_on).num_days());
    let kind = if d.next_due_on < today {
        "maintenance_overdue"
    } else {
        "maintenance_due"
    };
    AttentionItem {
        area: Area::Assets,
        entity: "maintenance_plans".to_owned(),
        record_id: d.id,
        record_name: d.title,
        context: Some(d.target_name),
        reason: json!({
            "kind": kind, "asset_id": d.asset_id, "assignee_employee_id": d.assignee_employee_id,
        }),
        more: 0,
        due: Some(d.next_due_on),
        severity,
        urgency,
        act_by: Role::It,
    }
}

impl Provider for Assets {
    fn area(&self) -> Area {
        Area::Assets
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        let Ok(assignee) = whose(conn, who)? else {
            return Ok(Vec::new());
        };
        let long = today - Days::new(LONG_OVERDUE_DAYS);
        let horizon = today + Days::new(DUE_SOON_DAYS);
        Ok(banded_counts(due_counts(
            conn, long, today, horizon, assignee,
        )?))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        let Ok(assignee) = whose(conn, who)? else {
            return Ok(Vec::new());
        };
        let horizon = today + Days::new(DUE_SOON_DAYS);
        // Soonest due first is most overdue first: the most urgent come within the limit.
        let mut items: Vec<AttentionItem> = due_by(conn, horizon, assignee, limit as i64)?
            .into_iter()
            .map(|d| item(d, today))
            .filter(|i| i.severity >= min)
            .collect();
        items.truncate(limit);
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lateness_grades_like_the_other_areas() {
        assert_eq!(grade(-7).0, Severity::Medium);
        assert_eq!(grade(0).0, Severity::Medium);
        assert_eq!(grade(3), (Severity::High, 303));
        assert_eq!(grade(31).0, Severity::Critical);
    }
}
