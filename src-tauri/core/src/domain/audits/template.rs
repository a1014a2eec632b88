//! Checklist templates: a name and language, and versions of sections and items. A version an
//! audit started with is frozen; the next edit makes a new version.

use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Largest weight an item may carry.
pub const MAX_WEIGHT: i64 = 100;
/// Items one version may hold: a checklist, not a database.
pub const MAX_ITEMS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// "it" or "en": the language its items are written in.
    pub language: String,
    /// The starter template it was copied from, if any.
    pub starter: Option<String>,
    pub retired: bool,
    /// The newest version's number and id, and whether an audit has started with it.
    pub current_number: i64,
    pub current_version_id: i64,
    pub current_frozen: bool,
    pub item_count: i64,
    pub audit_count: i64,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TemplateInput {
    pub name: String,
    pub description: Option<String>,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTemplate {
    pub name: String,
    pub name_key: String,
    pub description: Option<String>,
    pub language: String,
}

impl TemplateInput {
    pub fn validate(&self) -> crate::Result<ValidTemplate> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 150);
        let description = c.optional_text("description", &self.description, 4_000);
        if !matches!(self.language.as_str(), "it" | "en") {
            c.add(FieldError::new("language", "invalid"));
        }
        c.finish()?;
        Ok(ValidTemplate {
            name_key: fold_key(&name),
            name,
            description,
            language: self.language.clone(),
        })
    }
}

/// One requirement of a checklist version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub id: i64,
    pub version_id: i64,
    pub position: i64,
    pub section: String,
    pub code: String,
    pub requirement: String,
    pub reference: Option<String>,
    pub guidance: Option<String>,
    pub evidence_expected: Option<String>,
    pub weight: i64,
    pub version: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ChecklistItemInput {
    pub section: String,
    pub code: String,
    pub requirement: String,
    pub reference: Option<String>,
    pub guidance: Option<String>,
    pub evidence_expected: Option<String>,
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub section: String,
    pub code: String,
    pub requirement: String,
    pub reference: Option<String>,
    pub guidance: Option<String>,
    pub evidence_expected: Option<String>,
    pub weight: i64,
}

impl ChecklistItemInput {
    /// Field errors carry `prefix` ("items.3.") so a whole checklist reports row by row.
    pub fn check(&self, c: &mut Checks, prefix: &str) -> ValidItem {
        let f = |name: &str| format!("{prefix}{name}");
        let section = c.required(&f("section"), &self.section, 200);
        // Codes are identifiers printed in reports and matched by imports: upper case.
        let code = c.required(&f("code"), &self.code, 30).to_uppercase();
        let requirement = c.required_text(&f("requirement"), &self.requirement, 2_000);
        let reference = c.optional(&f("reference"), &self.reference, 200);
        let guidance = c.optional_text(&f("guidance"), &self.guidance, 4_000);
        let evidence_expected =
            c.optional_text(&f("evidence_expected"), &self.evidence_expected, 2_000);
        if !(1..=MAX_WEIGHT).contains(&self.weight) {
            c.add(
                FieldError::new(&f("weight"), "out_of_range")
                    .with("min", 1)
                    .with("max", MAX_WEIGHT),
            );
        }
        ValidItem {
            section,
            code,
            requirement,
            reference,
            guidance,
            evidence_expected,
            weight: self.weight,
        }
    }

    pub fn validate(&self) -> crate::Result<ValidItem> {
        let mut c = Checks::default();
        let v = self.check(&mut c, "");
        c.finish()?;
        Ok(v)
    }
}

/// A whole checklist checked at once: every item, and codes unique ignoring case.
pub fn validate_items(items: &[ChecklistItemInput]) -> crate::Result<Vec<ValidItem>> {
    let mut c = Checks::default();
    if items.len() > MAX_ITEMS {
        c.add(FieldError::new("items", "too_many").with("max", MAX_ITEMS));
    }
    let mut seen = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let v = item.check(&mut c, &format!("items.{i}."));
        if !v.code.is_empty() {
            if let Some(first) = seen.insert(v.code.clone(), i) {
                c.add(
                    FieldError::new(&format!("items.{i}.code"), "duplicate").with("row", first + 1),
                );
            }
        }
        out.push(v);
    }
    c.finish()?;
    Ok(out)
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TemplateVersion {
    pub id: i64,
    pub template_id: i64,
    pub number: i64,
    pub frozen_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A template with one version's checklist, as the template editor shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TemplateDetail {
    pub template: Template,
    pub version: TemplateVersion,
    pub items: Vec<ChecklistItem>,
    /// Every version's number and id, newest first.
    pub versions: Vec<TemplateVersion>,
}

/// A starter template as the "new template" dialog offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StarterInfo {
    pub key: String,
    pub name: String,
    pub description: String,
    pub sections: i64,
    pub items: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, weight: i64) -> ChecklistItemInput {
        ChecklistItemInput {
            section: "Registro".into(),
            code: code.into(),
            requirement: "Il registro esiste".into(),
            weight,
            ..Default::default()
        }
    }

    #[test]
    fn duplicate_codes_and_bad_weights_are_reported_per_row() {
        let e = validate_items(&[item("a-1", 3), item("A-1", 0), item("b", 3)]).unwrap_err();
        let fields: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert!(fields.contains(&("items.1.code", "duplicate")));
        assert!(fields.contains(&("items.1.weight", "out_of_range")));
        assert_eq!(fields.len(), 2);
    }

    #[test]
    fn multi_line_guidance_keeps_its_lines() {
        let mut i = item("x", 1);
        i.guidance = Some("Chiedere il registro.\n\n\nCampionare 3 trattamenti.".into());
        let v = i.validate().unwrap();
        assert_eq!(
            v.guidance.as_deref(),
            Some("Chiedere il registro.\n\nCampionare 3 trattamenti.")
        );
        assert_eq!(v.code, "X");
    }
}
