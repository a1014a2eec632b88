//! The lists that configure staff files: contract types, document types, training courses, and
//! the requirements per job title and department. Each list is editable; the app creates the
//! usual Italian ones at setup (`code` set), the user may add, rename and deactivate.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest validity a document type or course may have: 50 years.
pub const MAX_VALIDITY_MONTHS: i64 = 600;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContractType {
    pub id: i64,
    /// Set on the types the app created (`permanent`, `fixed_term`…); `None` for the user's own.
    pub code: Option<String>,
    pub name_it: String,
    /// English name; the UI falls back to the Italian one when missing.
    pub name_en: Option<String>,
    /// A fixed-term contract needs an end date.
    pub fixed_term: bool,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ContractTypeInput {
    pub name_it: String,
    pub name_en: Option<String>,
    pub fixed_term: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContractType {
    pub name_it: String,
    pub name_en: Option<String>,
    pub fixed_term: bool,
}

impl ContractTypeInput {
    pub fn validate(&self) -> crate::Result<ValidContractType> {
        let mut c = Checks::default();
        let name_it = c.required("name_it", &self.name_it, 100);
        let name_en = c.optional("name_en", &self.name_en, 100);
        c.finish()?;
        Ok(ValidContractType {
            name_it,
            name_en,
            fixed_term: self.fixed_term,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DocumentType {
    pub id: i64,
    pub code: Option<String>,
    pub name_it: String,
    pub name_en: Option<String>,
    /// Whether documents of this type expire (an ID card does, a contract does not).
    pub expires: bool,
    /// Proposed validity: the expiry defaults to the issue date plus this many months.
    pub validity_months: Option<i64>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DocumentTypeInput {
    pub name_it: String,
    pub name_en: Option<String>,
    pub expires: bool,
    pub validity_months: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDocumentType {
    pub name_it: String,
    pub name_en: Option<String>,
    pub expires: bool,
    pub validity_months: Option<i64>,
}

fn check_validity(c: &mut Checks, field: &str, months: Option<i64>) {
    if let Some(m) = months {
        if !(1..=MAX_VALIDITY_MONTHS).contains(&m) {
            c.add(
                FieldError::new(field, "out_of_range")
                    .with("min", 1)
                    .with("max", MAX_VALIDITY_MONTHS),
            );
        }
    }
}

impl DocumentTypeInput {
    pub fn validate(&self) -> crate::Result<ValidDocumentType> {
        let mut c = Checks::default();
        let name_it = c.required("name_it", &self.name_it, 100);
        let name_en = c.optional("name_en", &self.name_en, 100);
        check_validity(&mut c, "validity_months", self.validity_months);
        if self.validity_months.is_some() && !self.expires {
            c.add(FieldError::new(
                "validity_months",
                "validity_without_expiry",
            ));
        }
        c.finish()?;
        Ok(ValidDocumentType {
            name_it,
            name_en,
            expires: self.expires,
            validity_months: self.validity_months,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Course {
    pub id: i64,
    pub code: Option<String>,
    pub name_it: String,
    pub name_en: Option<String>,
    pub hours: i64,
    /// Months a completion stays valid; `None` never expires.
    pub validity_months: Option<i64>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CourseInput {
    pub name_it: String,
    pub name_en: Option<String>,
    pub hours: i64,
    pub validity_months: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCourse {
    pub name_it: String,
    pub name_en: Option<String>,
    pub hours: i64,
    pub validity_months: Option<i64>,
}

impl CourseInput {
    pub fn validate(&self) -> crate::Result<ValidCourse> {
        let mut c = Checks::default();
        let name_it = c.required("name_it", &self.name_it, 150);
        let name_en = c.optional("name_en", &self.name_en, 150);
        if !(0..=1000).contains(&self.hours) {
            c.add(
                FieldError::new("hours", "out_of_range")
                    .with("min", 0)
                    .with("max", 1000),
            );
        }
        check_validity(&mut c, "validity_months", self.validity_months);
        c.finish()?;
        Ok(ValidCourse {
            name_it,
            name_en,
            hours: self.hours,
            validity_months: self.validity_months,
        })
    }
}

/// One requirement: a document type or a course that the employees matching the job title and/or
/// department must have. Neither job title nor department: everyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Requirement {
    pub id: i64,
    pub job_title: Option<String>,
    pub department_id: Option<i64>,
    pub document_type_id: Option<i64>,
    pub course_id: Option<i64>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Requirement {
    /// Whether this requirement applies to someone with this job title key and department.
    pub fn applies_to(&self, job_title_key: Option<&str>, department_id: Option<i64>) -> bool {
        let title_ok = match self.job_title.as_deref() {
            None => true,
            Some(t) => job_title_key == Some(crate::domain::text::fold_key(t).as_str()),
        };
        let dept_ok = self.department_id.is_none() || self.department_id == department_id;
        title_ok && dept_ok
    }
}

/// What the requirement asks for: exactly one of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Required {
    Document { document_type_id: i64 },
    Course { course_id: i64 },
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RequirementInput {
    pub job_title: Option<String>,
    pub department_id: Option<i64>,
    pub required: Required,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequirement {
    pub job_title: Option<String>,
    pub department_id: Option<i64>,
    pub required: Required,
}

impl RequirementInput {
    pub fn validate(&self) -> crate::Result<ValidRequirement> {
        let mut c = Checks::default();
        let job_title = c.optional("job_title", &self.job_title, 100);
        c.finish()?;
        Ok(ValidRequirement {
            job_title,
            department_id: self.department_id,
            required: self.required,
        })
    }
}

/// Validity periods are the attachments' rule (an expiry defaults to the issue date plus them).
pub use crate::domain::attachment::add_months;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(add_months(d(2024, 1, 31), 1), d(2024, 2, 29));
        assert_eq!(add_months(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months(d(2020, 3, 15), 60), d(2025, 3, 15));
    }

    #[test]
    fn validity_needs_expiry_and_a_sane_range() {
        let e = DocumentTypeInput {
            name_it: "Patente".into(),
            name_en: None,
            expires: false,
            validity_months: Some(0),
        }
        .validate()
        .unwrap_err();
        let codes: Vec<_> = e.fields.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["out_of_range", "validity_without_expiry"]);
        let e = CourseInput {
            name_it: " ".into(),
            name_en: None,
            hours: -1,
            validity_months: None,
        }
        .validate()
        .unwrap_err();
        let codes: Vec<_> = e.fields.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["required", "out_of_range"]);
    }

    #[test]
    fn requirements_match_title_and_department() {
        let r = |job: Option<&str>, dept: Option<i64>| Requirement {
            id: 1,
            job_title: job.map(str::to_owned),
            department_id: dept,
            document_type_id: Some(1),
            course_id: None,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        assert!(r(None, None).applies_to(None, None));
        assert!(r(Some("Magazziniere"), None).applies_to(Some("magazziniere"), Some(3)));
        assert!(!r(Some("Magazziniere"), None).applies_to(Some("impiegato"), Some(3)));
        assert!(r(None, Some(3)).applies_to(None, Some(3)));
        assert!(!r(None, Some(3)).applies_to(None, None));
        assert!(!r(Some("Magazziniere"), Some(3)).applies_to(Some("magazziniere"), Some(4)));
    }
}
