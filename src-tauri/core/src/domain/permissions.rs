//! Roles and what each may do in each area. Services check this; the UI only hides what it denies.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Hr,
    /// Accounting and audit.
    Accounting,
    It,
    Purchasing,
    /// Approves and reads most areas.
    Manager,
    /// Reads, never changes.
    Viewer,
}

pub const ROLES: [Role; 7] = [
    Role::Admin,
    Role::Hr,
    Role::Accounting,
    Role::It,
    Role::Purchasing,
    Role::Manager,
    Role::Viewer,
];

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Hr => "hr",
            Role::Accounting => "accounting",
            Role::It => "it",
            Role::Purchasing => "purchasing",
            Role::Manager => "manager",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        ROLES.into_iter().find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Departments,
    Staff,
    Audits,
    Assets,
    Purchasing,
    Budgets,
    Tasks,
    Cases,
    History,
    Settings,
    Users,
}

pub const AREAS: [Area; 11] = [
    Area::Departments,
    Area::Staff,
    Area::Audits,
    Area::Assets,
    Area::Purchasing,
    Area::Budgets,
    Area::Tasks,
    Area::Cases,
    Area::History,
    Area::Settings,
    Area::Users,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Read,
    Write,
    Approve,
    Export,
}

pub const ACTIONS: [Action; 4] = [Action::Read, Action::Write, Action::Approve, Action::Export];

/// The matrix, one row per role, one column per area in `AREAS` order; each cell lists the
/// actions allowed: R read, W write, A approve, E export, '-' none.
///
/// Nobody writes history: it is written only as a side effect of other changes.
///
/// Audits: accounting & audit and administrators; managers read the audits of their own
/// departments (the services narrow it) and update the actions they own; nobody else sees them.
#[rustfmt::skip]
const MATRIX: [(Role, [&str; 11]); 7] = [
    //                 depts   staff   audits  assets  purch   budgets tasks   cases   history settings users
    (Role::Admin,      ["RW-E", "RWAE", "RW-E", "RWAE", "RWAE", "RWAE", "RWAE", "RWAE", "R--E", "RW-E", "RW-E"]),
    (Role::Hr,         ["RW-E", "RWAE", "----", "----", "----", "----", "RWAE", "R---", "R--E", "R---", "----"]),
    (Role::Accounting, ["R---", "R---", "RW-E", "R---", "R-A-", "RWAE", "R---", "----", "R--E", "R---", "----"]),
    (Role::It,         ["R---", "----", "----", "RWAE", "R---", "----", "RW--", "----", "----", "R---", "----"]),
    (Role::Purchasing, ["R---", "----", "----", "R---", "RW-E", "R---", "R---", "----", "----", "R---", "----"]),
    (Role::Manager,    ["R---", "R---", "R---", "R---", "R-AE", "R-AE", "RWAE", "RWAE", "R---", "R---", "----"]),
    (Role::Viewer,     ["R---", "----", "----", "R---", "R---", "R---", "R---", "R---", "----", "R---", "----"]),
];

fn letter(a: Action) -> u8 {
    match a {
        Action::Read => b'R',
        Action::Write => b'W',
        Action::Approve => b'A',
        Action::Export => b'E',
    }
}

/// Whether `role` may do `action` in `area`.
pub fn role_allows(role: Role, area: Area, action: Action) -> bool {
    let col = AREAS.iter().position(|a| *a == area).unwrap_or(usize::MAX);
    MATRIX
        .iter()
        .find(|(r, _)| *r == role)
        .and_then(|(_, cells)| cells.get(col))
        .is_some_and(|cell| cell.as_bytes().contains(&letter(action)))
}

/// A person with several roles may do what any of them may.
pub fn allows(roles: &[Role], area: Area, action: Action) -> bool {
    roles.iter().any(|r| role_allows(*r, area, action))
}

/// One allowed (area, action) pair, as the UI receives a user's permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Grant {
    pub area: Area,
    pub action: Action,
}

pub fn grants(roles: &[Role]) -> Vec<Grant> {
    AREAS
        .iter()
        .flat_map(|&area| ACTIONS.iter().map(move |&action| Grant { area, action }))
        .filter(|g| allows(roles, g.area, g.action))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_row_and_cells_are_well_formed() {
        for role in ROLES {
            let row = MATRIX.iter().find(|(r, _)| *r == role).expect("role row");
            for cell in row.1 {
                assert_eq!(cell.len(), 4);
                assert!(cell.bytes().all(|b| b"RWAE-".contains(&b)));
            }
        }
    }

    #[test]
    fn writing_implies_reading_and_nobody_writes_history() {
        for role in ROLES {
            for area in AREAS {
                if role_allows(role, area, Action::Write) {
                    assert!(role_allows(role, area, Action::Read), "{role:?} {area:?}");
                }
            }
            assert!(!role_allows(role, Area::History, Action::Write));
        }
    }

    #[test]
    fn viewer_only_reads() {
        for area in AREAS {
            for action in [Action::Write, Action::Approve, Action::Export] {
                assert!(!role_allows(Role::Viewer, area, action));
            }
        }
    }

    #[test]
    fn roles_combine() {
        assert!(!allows(&[Role::It], Area::Departments, Action::Write));
        assert!(allows(
            &[Role::It, Role::Hr],
            Area::Departments,
            Action::Write
        ));
        assert!(!allows(&[], Area::Settings, Action::Read));
    }
}
