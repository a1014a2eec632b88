//! Shared input clean-up and checks, so every form trims, limits and reports the same way.

use crate::error::FieldError;

/// Collects field errors so a form gets every problem at once, not just the first.
#[derive(Default)]
pub struct Checks {
    pub errors: Vec<FieldError>,
}

impl Checks {
    pub fn add(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// A required text: trimmed, not empty, at most `max` characters.
    pub fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        let v = clean(value);
        if v.is_empty() {
            self.add(FieldError::new(field, "required"));
        } else {
            self.max_len(field, &v, max);
        }
        v
    }

    /// An optional text: trimmed, empty becomes `None`, at most `max` characters.
    pub fn optional(&mut self, field: &str, value: &Option<String>, max: usize) -> Option<String> {
        let v = value.as_deref().map(clean).filter(|s| !s.is_empty())?;
        self.max_len(field, &v, max);
        Some(v)
    }

    fn max_len(&mut self, field: &str, v: &str, max: usize) {
        if v.chars().count() > max {
            self.add(FieldError::new(field, "too_long").with("max", max));
        }
    }

    pub fn finish(self) -> crate::Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(crate::Error::validation(self.errors))
        }
    }
}

/// Trims and folds runs of whitespace (pasted text often carries tabs and double spaces).
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key used for case-insensitive uniqueness and search: Unicode lower case, so "Àrea" and
/// "àrea" collide, which SQLite's ASCII-only NOCASE would miss.
pub fn fold_key(s: &str) -> String {
    clean(s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_and_fold() {
        assert_eq!(clean("  Ufficio \t  Acquisti "), "Ufficio Acquisti");
        assert_eq!(fold_key("ÀREA Tecnica"), "àrea tecnica");
    }

    #[test]
    fn checks_collect_all_errors() {
        let mut c = Checks::default();
        c.required("name", "   ", 10);
        c.optional("code", &Some("x".repeat(11)), 10);
        let e = c.finish().unwrap_err();
        assert_eq!(e.fields.len(), 2);
        assert_eq!(e.fields[0].code, "required");
        assert_eq!(e.fields[1].code, "too_long");
        assert_eq!(e.fields[1].params["max"], "10");
    }
}
