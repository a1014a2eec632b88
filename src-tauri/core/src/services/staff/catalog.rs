//! The lists behind staff files (contract types, document types, courses), the requirements per
//! job title and department, and the defaults every installation starts with.

use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::{
    ContractType, ContractTypeInput, Course, CourseInput, DocumentType, DocumentTypeInput,
    Requirement, RequirementInput, ValidContractType, ValidCourse, ValidDocumentType,
};
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::retired_list;
use crate::store::{staff::requirements, staff::scores, WriteTx};
use chrono::{Local, NaiveDate};

/// Contract types of Italian employment law: code, Italian, English, fixed-term.
const CONTRACT_TYPES: &[(&str, &str, &str, bool)] = &[
    ("permanent", "Tempo indeterminato", "Permanent", false),
    ("fixed_term", "Tempo determinato", "Fixed-term", true),
    ("apprenticeship", "Apprendistato", "Apprenticeship", false),
    ("part_time", "Part-time", "Part-time", false),
    (
        "collaboration",
        "Collaborazione",
        "Freelance collaboration",
        false,
    ),
    ("internship", "Stage", "Internship", false),
];

/// Document types: code, Italian, English, expires, usual validity in months.
const DOCUMENT_TYPES: &[(&str, &str, &str, bool, Option<i64>)] = &[
    ("contract", "Contratto", "Contract", false, None),
    (
        "id_card",
        "Carta d'identità",
        "Identity card",
        true,
        Some(120),
    ),
    (
        "residence_permit",
        "Permesso di soggiorno",
        "Residence permit",
        true,
        None,
    ),
    ("certificate", "Certificato", "Certificate", false, None),
    (
        "medical_fitness",
        "Idoneità medica",
        "Medical fitness certificate",
        true,
        Some(12),
    ),
    (
        "privacy_consent",
        "Consenso privacy",
        "Privacy consent",
        false,
        None,
    ),
    ("other", "Altro", "Other", false, None),
];

/// D.Lgs. 81/08 safety training: code, Italian, English, hours, validity in months.
const COURSES: &[(&str, &str, &str, i64, Option<i64>)] = &[
    (
        "safety_general",
        "Formazione generale (D.Lgs. 81/08)",
        "General safety training (D.Lgs. 81/08)",
        4,
        None,
    ),
    (
        "safety_specific_low",
        "Formazione specifica rischio basso",
        "Specific safety training, low risk",
        4,
        Some(60),
    ),
    ("fire_fighting", "Antincendio", "Fire fighting", 4, Some(60)),
    ("first_aid", "Primo soccorso", "First aid", 12, Some(36)),
    (
        "rls",
        "Rappresentante dei lavoratori per la sicurezza (RLS)",
        "Workers' safety representative (RLS)",
        32,
        Some(12),
    ),
];

/// Today's date where the app runs: expiries are calendar days in the office's time zone.
pub(crate) fn today_of(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    now.with_timezone(&Local).date_naive()
}

impl Backoffice {
    /// Today, by the store's clock.
    pub fn today(&self) -> NaiveDate {
        today_of(self.store.now())
    }

    /// Creates the default contract types, document types and D.Lgs. 81/08 courses that are not
    /// there yet, through the normal store functions (so each has its history row). Running it
    /// again creates nothing; a default the user renamed or deactivated is left as it is.
    pub fn ensure_staff_defaults(&self, ctx: &Ctx) -> crate::Result<()> {
        self.require(ctx, Area::Staff, Action::Write)?;
        self.store.write(&ctx.actor, ensure_defaults)
    }

    pub fn list_contract_types(
        &self,
        ctx: &Ctx,
        include_inactive: bool,
    ) -> crate::Result<Vec<ContractType>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.store
            .read(|c| retired_list::list::<ContractType>(c, include_inactive))
    }

    pub fn create_contract_type(
        &self,
        ctx: &Ctx,
        input: &ContractTypeInput,
    ) -> crate::Result<ContractType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::insert::<ContractType>(w, None, &v)
        })
    }

    /// Renaming is free; switching the fixed-term flag rescores everyone on that contract type.
    pub fn update_contract_type(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &ContractTypeInput,
    ) -> crate::Result<ContractType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let t = retired_list::update::<ContractType>(w, id, version, &v)?;
            scores::recompute_for_contract_type(w.conn(), id, today)?;
            Ok(t)
        })
    }

    pub fn set_contract_type_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<ContractType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            retired_list::set_active::<ContractType>(w, id, version, active)
        })
    }

    pub fn list_document_types(
        &self,
        ctx: &Ctx,
        include_inactive: bool,
    ) -> crate::Result<Vec<DocumentType>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.store
            .read(|c| retired_list::list::<DocumentType>(c, include_inactive))
    }

    pub fn create_document_type(
        &self,
        ctx: &Ctx,
        input: &DocumentTypeInput,
    ) -> crate::Result<DocumentType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::insert::<DocumentType>(w, None, &v)
        })
    }

    /// Changing the type's expiry rules does not move the dates already on documents.
    pub fn update_document_type(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &DocumentTypeInput,
    ) -> crate::Result<DocumentType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::update::<DocumentType>(w, id, version, &v)
        })
    }

    pub fn set_document_type_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<DocumentType> {
        self.require(ctx, Area::Staff, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            if !active {
                refuse_if_required(requirements::count_for_document_type(w.conn(), id)?)?;
            }
            retired_list::set_active::<DocumentType>(w, id, version, active)
        })
    }

    pub fn list_courses(&self, ctx: &Ctx, include_inactive: bool) -> crate::Result<Vec<Course>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.store
            .read(|c| retired_list::list::<Course>(c, include_inactive))
    }

    pub fn create_course(&self, ctx: &Ctx, input: &CourseInput) -> crate::Result<Course> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        self.store
            .write(&ctx.actor, |w| retired_list::insert::<Course>(w, None, &v))
    }

    /// A new validity applies to completions recorded from now on; existing records keep the
    /// expiry they were saved with (the certificate says what it says).
    pub fn update_course(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &CourseInput,
    ) -> crate::Result<Course> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::update::<Course>(w, id, version, &v)
        })
    }

    pub fn set_course_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<Course> {
        self.require(ctx, Area::Staff, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            if !active {
                refuse_if_required(requirements::count_for_course(w.conn(), id)?)?;
            }
            retired_list::set_active::<Course>(w, id, version, active)
        })
    }

    pub fn list_requirements(&self, ctx: &Ctx) -> crate::Result<Vec<Requirement>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.store.read(requirements::list)
    }

    /// Adds a requirement and rescores, in the same transaction, everyone it applies to.
    pub fn create_requirement(
        &self,
        ctx: &Ctx,
        input: &RequirementInput,
    ) -> crate::Result<Requirement> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let v = input.validate()?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = requirements::insert(w, &v)?;
            rescore_for(w, &r, today)?;
            Ok(r)
        })
    }

    pub fn delete_requirement(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = requirements::delete(w, id, version)?;
            rescore_for(w, &r, today)
        })
    }
}

/// A document type or course that requirements still ask for stays active: retiring it would
/// leave people scored on something nobody can attach or record any more. The manager removes
/// the requirements first (each removal rescores the people it applied to), then retires it.
fn refuse_if_required(count: i64) -> crate::Result<()> {
    if count > 0 {
        return Err(Error::validation(vec![FieldError::new(
            "active",
            "required_by",
        )
        .with("count", count)]));
    }
    Ok(())
}

/// Rescores the employees a requirement applies to (by job title and department indexes).
fn rescore_for(w: &WriteTx, r: &Requirement, today: NaiveDate) -> crate::Result<()> {
    scores::recompute_for(w.conn(), r.job_title.as_deref(), r.department_id, today)?;
    Ok(())
}

fn ensure_defaults(w: &WriteTx) -> crate::Result<()> {
    let c = w.conn();
    for &(code, it, en, fixed_term) in CONTRACT_TYPES {
        if retired_list::by_code::<ContractType>(c, code)?.is_none() {
            let v = ValidContractType {
                name_it: it.to_owned(),
                name_en: Some(en.to_owned()),
                fixed_term,
            };
            insert_default(retired_list::insert::<ContractType>(w, Some(code), &v))?;
        }
    }
    for &(code, it, en, expires, validity_months) in DOCUMENT_TYPES {
        if retired_list::by_code::<DocumentType>(c, code)?.is_none() {
            let v = ValidDocumentType {
                name_it: it.to_owned(),
                name_en: Some(en.to_owned()),
                expires,
                validity_months,
            };
            insert_default(retired_list::insert::<DocumentType>(w, Some(code), &v))?;
        }
    }
    for &(code, it, en, hours, validity_months) in COURSES {
        if retired_list::by_code::<Course>(c, code)?.is_none() {
            let v = ValidCourse {
                name_it: it.to_owned(),
                name_en: Some(en.to_owned()),
                hours,
                validity_months,
            };
            insert_default(retired_list::insert::<Course>(w, Some(code), &v))?;
        }
    }
    Ok(())
}

/// A default whose name the user already gave to a type of their own is skipped, not an error.
fn insert_default<T>(r: crate::Result<T>) -> crate::Result<()> {
    match r {
        Ok(_) => Ok(()),
        Err(e) if e.fields.iter().any(|f| f.code == "duplicate") => Ok(()),
        Err(e) => Err(e),
    }
}
