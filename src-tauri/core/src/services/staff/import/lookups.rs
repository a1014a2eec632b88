//! What a staff file's words stand for: departments and contract types by the names a file may
//! use, sexes and statuses in either language.

use crate::domain::codice_fiscale::Sex;
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::employee::EmployeeStatus;
use crate::domain::text::fold_key;
use crate::import::Input;
use crate::store::retired_list;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub(super) fn parse_sex(s: &str) -> Option<Sex> {
    match fold_key(s).as_str() {
        "m" | "maschio" | "male" | "uomo" | "man" => Some(Sex::M),
        "f" | "femmina" | "female" | "donna" | "woman" => Some(Sex::F),
        _ => None,
    }
}

pub(super) fn parse_status(s: &str) -> Option<EmployeeStatus> {
    match fold_key(s).as_str() {
        "active" | "attivo" | "attiva" | "in forza" | "in servizio" | "si" | "sì" | "yes"
        | "true" => Some(EmployeeStatus::Active),
        "terminated" | "cessato" | "cessata" | "licenziato" | "dimesso" | "non attivo"
        | "inactive" | "no" | "false" => Some(EmployeeStatus::Terminated),
        _ => None,
    }
}

/// Departments and contract types by the names a file may use.
pub(super) struct Lookups {
    /// name or code key → (id, active)
    pub(super) departments: HashMap<String, (i64, bool)>,
    /// Italian, English name or code key → (id, active)
    pub(super) contract_types: HashMap<String, (i64, bool)>,
    /// id → fixed-term, what validation needs (read once, not per row).
    pub(super) fixed_term: HashMap<i64, bool>,
}

pub(super) fn lookups(conn: &Connection) -> crate::Result<Lookups> {
    let mut departments = HashMap::new();
    for (id, name_key, code_key, active) in crate::store::departments::keys(conn)? {
        departments.insert(name_key, (id, active));
        if let Some(code) = code_key {
            departments.entry(code).or_insert((id, active));
        }
    }
    let mut contract_types = HashMap::new();
    let mut fixed_term = HashMap::new();
    for t in retired_list::list::<ContractType>(conn, true)? {
        fixed_term.insert(t.id, t.fixed_term);
        contract_types.insert(fold_key(&t.name_it), (t.id, t.active));
        for alt in [t.name_en.as_deref(), t.code.as_deref()]
            .into_iter()
            .flatten()
        {
            contract_types
                .entry(fold_key(alt))
                .or_insert((t.id, t.active));
            // "fixed_term" also as "fixed term".
            contract_types
                .entry(fold_key(&alt.replace('_', " ")))
                .or_insert((t.id, t.active));
        }
    }
    Ok(Lookups {
        departments,
        contract_types,
        fixed_term,
    })
}

/// The department names in the file that do not exist, each once, in file order (what a commit
/// that may create departments creates first).
pub(super) fn unknown_departments<O>(
    look: &Lookups,
    input: Input<'_, O>,
) -> crate::Result<Vec<String>> {
    if !input.is_mapped("department") {
        return Ok(Vec::new());
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in &input.table.rows {
        let Some(v) = input.cell(row, "department") else {
            continue;
        };
        let key = fold_key(v);
        if !look.departments.contains_key(&key) && seen.insert(key) {
            out.push(crate::domain::text::clean(v));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sexes_and_statuses_in_both_languages() {
        assert_eq!(parse_sex(" Femmina "), Some(Sex::F));
        assert_eq!(parse_sex("M"), Some(Sex::M));
        assert_eq!(parse_sex("x"), None);
        assert_eq!(parse_status("Cessato"), Some(EmployeeStatus::Terminated));
        assert_eq!(parse_status("active"), Some(EmployeeStatus::Active));
        assert_eq!(parse_status("forse"), None);
    }
}
