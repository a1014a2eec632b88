//! Purchasing's rules set by an administrator: the approval tiers (defaults until set).

use crate::domain::permissions::Area;
use crate::domain::purchasing::approval::{default_tiers, ApprovalTier, ApproverRole};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, ToSql};

pub static RULES: Tracked = Tracked {
    entity: "purchasing_rules",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "quotes_above_cents",
        "quotes_required",
        "match_qty_bp",
        "match_price_bp",
        "match_price_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Field("id"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static TIERS: Tracked = Tracked {
    entity: "approval_tiers",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "position",
        "up_to_cents",
        "approver",
        "approvals_needed",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Field("approver"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The tiers in force: those set, or the defaults while none are.
pub fn tiers(c: &Connection) -> crate::Result<Vec<ApprovalTier>> {
    let set: Vec<ApprovalTier> = c
        .prepare_cached(
            "SELECT up_to_cents, approver, approvals_needed FROM approval_tiers
             ORDER BY position LIMIT 20",
        )?
        .query_map([], |r| {
            let approver: String = r.get(1)?;
            Ok(ApprovalTier {
                up_to_cents: r.get(0)?,
                approver: ApproverRole::parse(&approver)
                    .ok_or_else(|| super::orders::conversion(1, "approver role"))?,
                approvals_needed: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if set.is_empty() { default_tiers() } else { set })
}

/// Replaces the tiers with `tiers` (already validated), one history entry per row changed.
pub fn set_tiers(w: &WriteTx, tiers: &[ApprovalTier]) -> crate::Result<()> {
    let current: Vec<(i64, i64)> = w
        .conn()
        .prepare_cached("SELECT id, position FROM approval_tiers LIMIT 100")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let n = i64::try_from(tiers.len()).unwrap_or(i64::MAX);
    for (id, position) in &current {
        if *position > n {
            recorded::delete(w, &TIERS, *id)?;
        }
    }
    for (i, t) in tiers.iter().enumerate() {
        let position = i64::try_from(i).unwrap_or(i64::MAX) + 1;
        let approver = t.approver.as_str();
        let values: Vec<(&'static str, &dyn ToSql)> = vec![
            ("up_to_cents", &t.up_to_cents as &dyn ToSql),
            ("approver", &approver),
            ("approvals_needed", &t.approvals_needed),
        ];
        match current.iter().find(|(_, p)| *p == position) {
            Some((id, _)) => {
                recorded::update(w, &TIERS, *id, &values)?;
            }
            None => {
                let mut values = values;
                values.push(("position", &position));
                recorded::insert(w, &TIERS, &values)?;
            }
        }
    }
    Ok(())
}

/// The rule on quotes used until an administrator sets one: 3 quotes above 5.000 € net.
pub const DEFAULT_QUOTES_RULE: (Option<i64>, i64) = (Some(500_000), 3);

/// The rule on quotes in force: the net amount in euro cents above which quotes are needed
/// (none: no rule) and how many.
pub fn quotes_rule(c: &Connection) -> crate::Result<(Option<i64>, i64)> {
    Ok(
        c.prepare_cached("SELECT quotes_above_cents, quotes_required FROM purchasing_rules")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or(DEFAULT_QUOTES_RULE),
    )
}

/// Sets the rule on quotes (the one row of purchasing's rules, made the first time).
pub fn set_quotes_rule(w: &WriteTx, above_cents: Option<i64>, required: i64) -> crate::Result<()> {
    let exists: bool = w
        .conn()
        .prepare_cached("SELECT count(*) FROM purchasing_rules WHERE id = 1")?
        .query_row([], |r| r.get(0))?;
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("quotes_above_cents", &above_cents as &dyn ToSql),
        ("quotes_required", &required),
    ];
    if exists {
        recorded::update(w, &RULES, 1, &values)?;
    } else {
        let one = 1i64;
        let mut values = values;
        values.push(("id", &one));
        recorded::insert(w, &RULES, &values)?;
    }
    Ok(())
}
