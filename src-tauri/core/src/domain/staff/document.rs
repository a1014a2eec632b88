//! An employee's documents and training: the rule a document type gives its files' dates, and
//! completed training. The files themselves are attachments (`domain::attachment`), which any
//! record may have; for employees the document type is required, and completeness reads it.

use crate::domain::attachment::{add_months, ExpiryRule};
use crate::domain::staff::catalog::{Course, DocumentType};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The entity whose records these documents belong to.
pub const EMPLOYEES: &str = "employees";

/// What a document type says about its files' dates.
pub fn expiry_rule(t: &DocumentType) -> ExpiryRule {
    ExpiryRule {
        expires: t.expires,
        validity_months: t.validity_months,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrainingRecord {
    pub id: i64,
    pub employee_id: i64,
    pub course_id: i64,
    pub completed_on: NaiveDate,
    pub provider: Option<String>,
    /// The attached certificate, a document of the same employee.
    pub certificate_document_id: Option<i64>,
    /// Completion plus the course's validity, computed when saved; `None` never expires.
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TrainingInput {
    pub course_id: i64,
    pub completed_on: Option<NaiveDate>,
    pub provider: Option<String>,
    pub certificate_document_id: Option<i64>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTraining {
    pub course_id: i64,
    pub completed_on: NaiveDate,
    pub provider: Option<String>,
    pub certificate_document_id: Option<i64>,
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

impl TrainingInput {
    pub fn validate(&self, course: &Course, today: NaiveDate) -> crate::Result<ValidTraining> {
        let mut c = Checks::default();
        let provider = c.optional("provider", &self.provider, 150);
        let notes = c.optional("notes", &self.notes, 500);
        let completed_on = match self.completed_on {
            None => {
                c.add(FieldError::new("completed_on", "required"));
                today
            }
            Some(d) if d > today => {
                c.add(FieldError::new("completed_on", "date_in_future"));
                d
            }
            Some(d) => d,
        };
        c.finish()?;
        Ok(ValidTraining {
            course_id: course.id,
            completed_on,
            provider,
            certificate_document_id: self.certificate_document_id,
            expires_on: course.validity_months.map(|m| add_months(completed_on, m)),
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn training_expiry_is_computed() {
        let course = Course {
            id: 7,
            code: None,
            name_it: "Primo soccorso".into(),
            name_en: None,
            hours: 12,
            validity_months: Some(36),
            active: true,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let input = TrainingInput {
            course_id: 7,
            completed_on: Some(d(2024, 2, 29)),
            provider: None,
            certificate_document_id: None,
            notes: None,
        };
        let v = input.validate(&course, d(2026, 3, 2)).unwrap();
        assert_eq!(v.expires_on, Some(d(2027, 2, 28)));
        let e = TrainingInput {
            completed_on: None,
            ..input
        }
        .validate(&course, d(2026, 3, 2))
        .unwrap_err();
        assert_eq!(e.fields[0].code, "required");
    }
}
