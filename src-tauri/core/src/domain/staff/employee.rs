//! The employee file: who the person is, how to reach and pay them, where they work and on which
//! contract. The same validation serves the form and every imported row.

use crate::domain::codice_fiscale::{self, Sex};
use crate::domain::iban;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EmployeeStatus {
    #[default]
    Active,
    Terminated,
}

impl EmployeeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EmployeeStatus::Active => "active",
            EmployeeStatus::Terminated => "terminated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(EmployeeStatus::Active),
            "terminated" => Some(EmployeeStatus::Terminated),
            _ => None,
        }
    }
}

/// `Default` is for test fixtures, which name the fields they need and leave the rest empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Employee {
    pub id: i64,
    /// Matricola.
    pub employee_number: Option<String>,
    pub first_name: String,
    pub last_name: String,
    /// Codice fiscale, upper case.
    pub tax_code: String,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: Option<String>,
    pub sex: Option<Sex>,
    pub email: Option<String>,
    /// An address of the person's own, for after the employment.
    pub private_email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// Compact upper-case IBAN.
    pub iban: Option<String>,
    pub department_id: Option<i64>,
    pub job_title: Option<String>,
    pub manager_id: Option<i64>,
    pub hire_date: NaiveDate,
    pub contract_type_id: Option<i64>,
    pub contract_end: Option<NaiveDate>,
    pub ccnl: Option<String>,
    pub level: Option<String>,
    pub status: EmployeeStatus,
    pub termination_date: Option<NaiveDate>,
    pub termination_reason: Option<String>,
    /// Cached 0-100 score (see `domain::completeness`).
    pub completeness: i64,
    /// Earliest expiry among documents, training and a fixed-term contract's end.
    pub next_expiry: Option<NaiveDate>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The form, and what an imported row becomes. Every optional text may be empty or missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmployeeInput {
    pub employee_number: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub tax_code: String,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: Option<String>,
    pub sex: Option<Sex>,
    pub email: Option<String>,
    pub private_email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub iban: Option<String>,
    pub department_id: Option<i64>,
    pub job_title: Option<String>,
    pub manager_id: Option<i64>,
    /// Required; optional here so a missing date is a field error, not a malformed request.
    pub hire_date: Option<NaiveDate>,
    pub contract_type_id: Option<i64>,
    pub contract_end: Option<NaiveDate>,
    pub ccnl: Option<String>,
    pub level: Option<String>,
}

/// What validation needs besides the form: facts looked up in the store.
#[derive(Debug, Clone, Copy)]
pub struct EmployeeRules {
    /// Whether the chosen contract type is fixed-term (`None`: no type chosen).
    pub fixed_term: Option<bool>,
    pub today: NaiveDate,
}

/// Normalised fields ready to store, with the warnings the person should see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEmployee {
    pub employee_number: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub tax_code: String,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: Option<String>,
    pub sex: Option<Sex>,
    pub email: Option<String>,
    pub private_email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub iban: Option<String>,
    pub department_id: Option<i64>,
    pub job_title: Option<String>,
    pub manager_id: Option<i64>,
    pub hire_date: NaiveDate,
    pub contract_type_id: Option<i64>,
    pub contract_end: Option<NaiveDate>,
    pub ccnl: Option<String>,
    pub level: Option<String>,
    /// Disagreements between the tax code and the birth date or sex: saved anyway, shown beside
    /// the field (the registry data or the code may be the wrong one; the person decides).
    pub warnings: Vec<FieldError>,
}

impl ValidEmployee {
    /// The data fields as they are stored, for "did anything change?" checks.
    pub fn same_data_as(&self, e: &Employee) -> bool {
        self.employee_number == e.employee_number
            && self.first_name == e.first_name
            && self.last_name == e.last_name
            && self.tax_code == e.tax_code
            && self.birth_date == e.birth_date
            && self.birth_place == e.birth_place
            && self.sex == e.sex
            && self.email == e.email
            && self.private_email == e.private_email
            && self.phone == e.phone
            && self.address == e.address
            && self.iban == e.iban
            && self.department_id == e.department_id
            && self.job_title == e.job_title
            && self.manager_id == e.manager_id
            && self.hire_date == e.hire_date
            && self.contract_type_id == e.contract_type_id
            && self.contract_end == e.contract_end
            && self.ccnl == e.ccnl
            && self.level == e.level
    }
}

impl Employee {
    /// The form filled with this employee's data (the starting point of an edit or a re-import).
    pub fn to_input(&self) -> EmployeeInput {
        EmployeeInput {
            employee_number: self.employee_number.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            tax_code: self.tax_code.clone(),
            birth_date: self.birth_date,
            birth_place: self.birth_place.clone(),
            sex: self.sex,
            email: self.email.clone(),
            private_email: self.private_email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            iban: self.iban.clone(),
            department_id: self.department_id,
            job_title: self.job_title.clone(),
            manager_id: self.manager_id,
            hire_date: Some(self.hire_date),
            contract_type_id: self.contract_type_id,
            contract_end: self.contract_end,
            ccnl: self.ccnl.clone(),
            level: self.level.clone(),
        }
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.last_name, self.first_name)
    }
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no spaces.
pub fn email_ok(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A phone number as people write it: digits, spaces and `+ - / ( ) .`, at least 6 digits.
pub fn phone_ok(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || " +-/().".contains(c))
        && s.chars().filter(char::is_ascii_digit).count() >= 6
}

impl EmployeeInput {
    pub fn validate(&self, rules: &EmployeeRules) -> crate::Result<ValidEmployee> {
        let mut c = Checks::default();
        let employee_number = c.optional("employee_number", &self.employee_number, 20);
        let first_name = c.required("first_name", &self.first_name, 100);
        let last_name = c.required("last_name", &self.last_name, 100);
        let tax_code = match codice_fiscale::check(&self.tax_code) {
            Ok(cf) => cf,
            Err(p) => {
                c.add(FieldError::new("tax_code", p.code()));
                self.tax_code.trim().to_uppercase()
            }
        };
        if let Some(b) = self.birth_date {
            if b > rules.today {
                c.add(FieldError::new("birth_date", "date_in_future"));
            }
        }
        let birth_place = c.optional("birth_place", &self.birth_place, 100);
        let email = c.optional_checked("email", &self.email, 254, email_ok, "invalid_email");
        let private_email = c.optional_checked(
            "private_email",
            &self.private_email,
            254,
            email_ok,
            "invalid_email",
        );
        let phone = c.optional_checked("phone", &self.phone, 30, phone_ok, "invalid_phone");
        let address = c.optional("address", &self.address, 300);
        let iban = self.check_iban(&mut c);
        let job_title = c.optional("job_title", &self.job_title, 100);
        let hire_date = self.check_contract_dates(&mut c, rules);
        let ccnl = c.optional("ccnl", &self.ccnl, 100);
        let level = c.optional("level", &self.level, 20);
        c.finish()?;
        let warnings = self.tax_code_warnings(&tax_code, rules.today);
        Ok(ValidEmployee {
            employee_number,
            first_name,
            last_name,
            tax_code,
            birth_date: self.birth_date,
            birth_place,
            sex: self.sex,
            email,
            private_email,
            phone,
            address,
            iban,
            department_id: self.department_id,
            job_title,
            manager_id: self.manager_id,
            hire_date,
            contract_type_id: self.contract_type_id,
            contract_end: self.contract_end,
            ccnl,
            level,
            warnings,
        })
    }

    /// The IBAN normalised; an unreadable one is an error and kept as typed for the form.
    fn check_iban(&self, c: &mut Checks) -> Option<String> {
        let raw = self
            .iban
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())?;
        match iban::normalise(raw) {
            Some(n) => Some(n),
            None => {
                c.add(FieldError::new("iban", "invalid_iban"));
                Some(raw.to_owned())
            }
        }
    }

    /// The hire date (required), checked against the birth date, and the contract's end
    /// (required for a fixed-term contract, not before the hire date).
    fn check_contract_dates(&self, c: &mut Checks, rules: &EmployeeRules) -> NaiveDate {
        let hire_date = match self.hire_date {
            Some(d) => d,
            None => {
                c.add(FieldError::new("hire_date", "required"));
                NaiveDate::MIN
            }
        };
        if let (Some(b), Some(h)) = (self.birth_date, self.hire_date) {
            if h < b {
                c.add(FieldError::new("hire_date", "hire_before_birth"));
            }
        }
        if rules.fixed_term == Some(true) && self.contract_end.is_none() {
            c.add(FieldError::new("contract_end", "contract_end_required"));
        }
        if let (Some(end), Some(h)) = (self.contract_end, self.hire_date) {
            if end < h {
                c.add(FieldError::new("contract_end", "end_before_start"));
            }
        }
        hire_date
    }

    /// Warnings, not errors: a tax code that disagrees with the birth date or sex.
    fn tax_code_warnings(&self, tax_code: &str, today: NaiveDate) -> Vec<FieldError> {
        codice_fiscale::cross_check(tax_code, self.birth_date, self.sex, today)
            .into_iter()
            .map(|m| {
                let f = FieldError::new("tax_code", m.code());
                match m {
                    codice_fiscale::CfMismatch::BirthDate { in_code, .. } => {
                        f.with("in_code", in_code)
                    }
                    codice_fiscale::CfMismatch::Sex { in_code, .. } => {
                        f.with("in_code", format!("{in_code:?}"))
                    }
                }
            })
            .collect()
    }
}

/// Ending the employment relationship.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct TerminationInput {
    pub termination_date: Option<NaiveDate>,
    pub reason: Option<String>,
}

impl TerminationInput {
    pub fn validate(&self, hire_date: NaiveDate) -> crate::Result<(NaiveDate, Option<String>)> {
        let mut c = Checks::default();
        let reason = c.optional("reason", &self.reason, 300);
        match self.termination_date {
            None => c.add(FieldError::new(
                "termination_date",
                "termination_date_required",
            )),
            Some(d) if d < hire_date => {
                c.add(FieldError::new("termination_date", "end_before_start"))
            }
            Some(_) => {}
        }
        c.finish()?;
        Ok((self.termination_date.unwrap_or(hire_date), reason))
    }
}

/// A saved employee and the warnings to show beside the fields.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EmployeeSaved {
    pub employee: Employee,
    pub warnings: Vec<FieldError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    All,
    Active,
    Terminated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StaffSort {
    Name,
    EmployeeNumber,
    Department,
    HireDate,
    Completeness,
    NextExpiry,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StaffQuery {
    /// Any part (three or more characters) of the name, tax code, e-mail or employee number.
    pub search: Option<String>,
    pub department_id: Option<i64>,
    pub status: StatusFilter,
    pub contract_type_id: Option<i64>,
    /// Only employees whose score is below this.
    pub completeness_below: Option<i64>,
    /// Only employees with something expiring within this many days (already expired included).
    pub expiring_within_days: Option<i64>,
    pub sort: StaffSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

impl Default for StaffQuery {
    fn default() -> Self {
        Self {
            search: None,
            department_id: None,
            status: StatusFilter::Active,
            contract_type_id: None,
            completeness_below: None,
            expiring_within_days: None,
            sort: StaffSort::Name,
            dir: SortDir::Asc,
            page: PageRequest::default(),
        }
    }
}

/// One line of the staff list: what the list shows and nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffRow {
    pub id: i64,
    pub employee_number: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub tax_code: String,
    pub email: Option<String>,
    pub department_id: Option<i64>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    pub contract_type_id: Option<i64>,
    pub hire_date: NaiveDate,
    pub status: EmployeeStatus,
    pub completeness: i64,
    pub next_expiry: Option<NaiveDate>,
}

/// Everything the employee file screen shows, read in one go (and recorded as a read).
#[derive(Debug, Clone, Serialize, TS)]
pub struct EmployeeFile {
    pub employee: Employee,
    pub department: Option<String>,
    /// "Last First" of the manager.
    pub manager: Option<String>,
    /// Every version; current ones (`superseded_by` empty) first.
    pub documents: Vec<crate::domain::attachment::Attachment>,
    /// Newest first.
    pub training: Vec<crate::domain::staff::document::TrainingRecord>,
    /// Assessed now, with the issues and where to fix them.
    pub completeness: crate::domain::staff::completeness::Completeness,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 3, 2) {
        Some(d) => d,
        None => panic!(),
    };

    fn rules(fixed_term: Option<bool>) -> EmployeeRules {
        EmployeeRules {
            fixed_term,
            today: TODAY,
        }
    }

    pub fn mario() -> EmployeeInput {
        EmployeeInput {
            first_name: " Mario ".into(),
            last_name: "Rossi".into(),
            tax_code: "rssmra80a01h501u".into(),
            birth_date: Some(d(1980, 1, 1)),
            sex: Some(Sex::M),
            hire_date: Some(d(2010, 3, 15)),
            iban: Some("it60 x054 2811 1010 0000 0123 456".into()),
            email: Some("mario.rossi@example.it".into()),
            phone: Some("+39 06 1234567".into()),
            ..Default::default()
        }
    }

    fn codes(e: &crate::Error) -> Vec<(&str, &str)> {
        e.fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect()
    }

    #[test]
    fn a_valid_employee_is_normalised() {
        let v = mario().validate(&rules(None)).unwrap();
        assert_eq!(v.first_name, "Mario");
        assert_eq!(v.tax_code, "RSSMRA80A01H501U");
        assert_eq!(v.iban.as_deref(), Some("IT60X0542811101000000123456"));
        assert!(v.warnings.is_empty());
    }

    #[test]
    fn every_field_error_at_once() {
        let input = EmployeeInput {
            first_name: "".into(),
            last_name: "x".repeat(101),
            tax_code: "RSSMRA80A01H501X".into(),
            email: Some("mario@".into()),
            phone: Some("abc".into()),
            iban: Some("IT60X0542811101000000123457".into()),
            hire_date: None,
            ..Default::default()
        };
        let e = input.validate(&rules(Some(true))).unwrap_err();
        assert_eq!(
            codes(&e),
            [
                ("first_name", "required"),
                ("last_name", "too_long"),
                ("tax_code", "invalid_tax_code_check"),
                ("email", "invalid_email"),
                ("phone", "invalid_phone"),
                ("iban", "invalid_iban"),
                ("hire_date", "required"),
                ("contract_end", "contract_end_required"),
            ]
        );
        let e = EmployeeInput {
            tax_code: "RSSMRA80".into(),
            ..mario()
        }
        .validate(&rules(None))
        .unwrap_err();
        assert_eq!(codes(&e), [("tax_code", "invalid_tax_code")]);
        let e = EmployeeInput {
            tax_code: " ".into(),
            ..mario()
        }
        .validate(&rules(None))
        .unwrap_err();
        assert_eq!(codes(&e), [("tax_code", "required")]);
    }

    #[test]
    fn omocodia_codes_are_accepted() {
        // RSSMRA80A01H501U with the last digit of the place code replaced by its letter (1 → M),
        // check letter recomputed.
        let v = EmployeeInput {
            tax_code: "RSSMRA80A01H50MM".into(),
            ..mario()
        }
        .validate(&rules(None));
        assert!(v.is_ok(), "{v:?}");
    }

    #[test]
    fn dates_must_be_in_order() {
        let e = EmployeeInput {
            contract_end: Some(d(2009, 1, 1)),
            birth_date: Some(d(2030, 1, 1)),
            ..mario()
        }
        .validate(&rules(Some(true)))
        .unwrap_err();
        assert_eq!(
            codes(&e),
            [
                ("birth_date", "date_in_future"),
                ("hire_date", "hire_before_birth"),
                ("contract_end", "end_before_start"),
            ]
        );
        let ok = EmployeeInput {
            contract_end: Some(d(2027, 1, 1)),
            ..mario()
        }
        .validate(&rules(Some(true)));
        assert!(ok.is_ok());
    }

    #[test]
    fn cross_check_mismatches_are_warnings_not_errors() {
        let v = EmployeeInput {
            birth_date: Some(d(1980, 1, 2)),
            sex: Some(Sex::F),
            ..mario()
        }
        .validate(&rules(None))
        .unwrap();
        let w: Vec<_> = v
            .warnings
            .iter()
            .map(|f| (f.code.as_str(), f.params["in_code"].as_str()))
            .collect();
        assert_eq!(
            w,
            [
                ("tax_code_birth_date_mismatch", "1980-01-01"),
                ("tax_code_sex_mismatch", "M")
            ]
        );
    }

    #[test]
    fn termination_needs_a_date_after_hiring() {
        let hire = d(2010, 3, 15);
        let e = TerminationInput::default().validate(hire).unwrap_err();
        assert_eq!(
            codes(&e),
            [("termination_date", "termination_date_required")]
        );
        let e = TerminationInput {
            termination_date: Some(d(2010, 3, 14)),
            reason: None,
        }
        .validate(hire)
        .unwrap_err();
        assert_eq!(codes(&e), [("termination_date", "end_before_start")]);
        let (date, reason) = TerminationInput {
            termination_date: Some(d(2026, 2, 28)),
            reason: Some("  Dimissioni ".into()),
        }
        .validate(hire)
        .unwrap();
        assert_eq!(
            (date, reason.as_deref()),
            (d(2026, 2, 28), Some("Dimissioni"))
        );
    }

    #[test]
    fn emails_and_phones() {
        for ok in ["a@b.it", "mario.rossi+hr@example.co.uk"] {
            assert!(email_ok(ok), "{ok}");
        }
        for bad in ["a@b", "@b.it", "a b@c.it", "a@.it", "a@b..it", "a@b@c.it"] {
            assert!(!email_ok(bad), "{bad}");
        }
        assert!(phone_ok("+39 (06) 123-4567"));
        assert!(!phone_ok("12345"));
        assert!(!phone_ok("06 1234567 int. 3"));
    }
}
