//! What an area declares for its import: the fields a file's columns can fill, each with its
//! name in both languages, the other titles files give it, whether a file must have it, and what
//! it holds. The wizard shows these names, the mapping is suggested from them ([`super::headers`])
//! and a row's problems are placed at their columns.

use serde::Serialize;
use ts_rs::TS;

/// What a field holds: the wizard says how to write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ImportFieldKind")]
pub enum FieldKind {
    Text,
    /// A calendar date, day first (see [`super::dates`]).
    Date,
    /// One of a few words in either language (sex, status, yes/no).
    Choice,
    /// The name or code of another record (a department, a manager).
    Reference,
}

/// Whether a file must have a column for the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    No,
    Yes,
    /// Needed unless the other field is mapped (surname and name, or both in one column).
    UnlessMapped(&'static str),
}

/// One field of an area's import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The field's name in the area's DTOs; also accepted as a title, so exports read back.
    pub key: &'static str,
    /// Its name in Italian and in English: the wizard's label, and titles that map to it.
    pub it: &'static str,
    pub en: &'static str,
    /// Other column titles that usually hold it, in either language.
    pub synonyms: &'static [&'static str],
    pub required: Required,
    pub kind: FieldKind,
    /// Other names the area's checks give this field's problems (the form's `department_id` for
    /// the `department` column): their problems are shown at this field's column.
    pub also: &'static [&'static str],
}

impl Field {
    /// An optional text field.
    pub const fn new(
        key: &'static str,
        it: &'static str,
        en: &'static str,
        synonyms: &'static [&'static str],
    ) -> Self {
        Field {
            key,
            it,
            en,
            synonyms,
            required: Required::No,
            kind: FieldKind::Text,
            also: &[],
        }
    }

    pub const fn required(self) -> Self {
        Field {
            required: Required::Yes,
            ..self
        }
    }

    pub const fn required_unless(self, other: &'static str) -> Self {
        Field {
            required: Required::UnlessMapped(other),
            ..self
        }
    }

    pub const fn kind(self, kind: FieldKind) -> Self {
        Field { kind, ..self }
    }

    pub const fn also(self, also: &'static [&'static str]) -> Self {
        Field { also, ..self }
    }

    /// Every title that names the field: its key, both names and the synonyms.
    pub fn titles(&self) -> impl Iterator<Item = &'static str> {
        [self.key, self.it, self.en]
            .into_iter()
            .chain(self.synonyms.iter().copied())
    }

    /// Whether the field must be mapped, given what is.
    pub fn is_required(&self, mapped: &dyn Fn(&str) -> bool) -> bool {
        match self.required {
            Required::No => false,
            Required::Yes => true,
            Required::UnlessMapped(other) => !mapped(other),
        }
    }

    /// Whether a problem named `name` belongs to this field.
    pub fn names(&self, name: &str) -> bool {
        self.key == name || self.also.contains(&name)
    }
}

/// A yes/no choice an area offers before the check ("create the departments the file names").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOption {
    /// The option's name in the area's options type.
    pub key: &'static str,
    pub it: &'static str,
    pub en: &'static str,
    pub default: bool,
}

/// Options for an area that has none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
pub struct NoOptions {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_and_names() {
        const F: Field = Field::new("department", "Reparto", "Department", &["Ufficio"])
            .required_unless("other")
            .kind(FieldKind::Reference)
            .also(&["department_id"]);
        assert!(F.is_required(&|_| false));
        assert!(!F.is_required(&|k| k == "other"));
        assert!(F.names("department_id") && F.names("department") && !F.names("name"));
        assert_eq!(
            F.titles().collect::<Vec<_>>(),
            ["department", "Reparto", "Department", "Ufficio"]
        );
        assert!(!Field::new("a", "A", "A", &[]).is_required(&|_| true));
        assert!(Field::new("a", "A", "A", &[])
            .required()
            .is_required(&|_| true));
    }
}
