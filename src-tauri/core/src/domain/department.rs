//! Departments: the organisational units staff, budgets and assets hang from.

use super::page::{PageRequest, SortDir};
use super::text::Checks;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Department {
    pub id: i64,
    pub name: String,
    pub code: Option<String>,
    /// Free text until staff records exist to point at.
    pub head: Option<String>,
    pub cost_centre: Option<String>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DepartmentInput {
    pub name: String,
    pub code: Option<String>,
    pub head: Option<String>,
    pub cost_centre: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDepartment {
    pub name: String,
    pub code: Option<String>,
    pub head: Option<String>,
    pub cost_centre: Option<String>,
}

impl DepartmentInput {
    pub fn validate(&self) -> crate::Result<ValidDepartment> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 100);
        // Codes are identifiers printed on reports: kept upper case.
        let code = c.optional("code", &self.code, 20).map(|s| s.to_uppercase());
        let head = c.optional("head", &self.head, 100);
        let cost_centre = c.optional("cost_centre", &self.cost_centre, 40);
        c.finish()?;
        Ok(ValidDepartment {
            name,
            code,
            head,
            cost_centre,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentSort {
    Name,
    Code,
    Head,
    CostCentre,
    UpdatedAt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActiveFilter {
    All,
    Active,
    Inactive,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DepartmentQuery {
    /// Matches name, code, head or cost centre, case-insensitively.
    pub search: Option<String>,
    pub status: ActiveFilter,
    pub sort: DepartmentSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_and_normalises() {
        let d = DepartmentInput {
            name: "  Amministrazione ".into(),
            code: Some(" amm ".into()),
            head: Some("".into()),
            cost_centre: None,
        }
        .validate()
        .unwrap();
        assert_eq!(d.name, "Amministrazione");
        assert_eq!(d.code.as_deref(), Some("AMM"));
        assert_eq!(d.head, None);
    }

    #[test]
    fn empty_name_is_a_field_error() {
        let e = DepartmentInput {
            name: " ".into(),
            code: None,
            head: None,
            cost_centre: None,
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.fields[0].field, "name");
        assert_eq!(e.fields[0].code, "required");
    }
}
