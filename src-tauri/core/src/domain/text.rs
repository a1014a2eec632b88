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

    /// An optional value that must pass `ok` (an e-mail, a phone); `code` names the error.
    /// The value is kept either way: the error stops the save.
    pub fn optional_checked(
        &mut self,
        field: &str,
        value: &Option<String>,
        max: usize,
        ok: impl FnOnce(&str) -> bool,
        code: &str,
    ) -> Option<String> {
        let v = self.optional(field, value, max)?;
        if !ok(&v) {
            self.add(FieldError::new(field, code));
        }
        Some(v)
    }

    /// An optional value in its one written form (an IBAN, a tax code): `normalise` gives it,
    /// or nothing when the value is wrong, which `code` then names.
    pub fn optional_normalised(
        &mut self,
        field: &str,
        value: &Option<String>,
        max: usize,
        normalise: impl FnOnce(&str) -> Option<String>,
        code: &str,
    ) -> Option<String> {
        let v = self.optional(field, value, max)?;
        let n = normalise(&v);
        if n.is_none() {
            self.add(FieldError::new(field, code));
        }
        n
    }

    /// An optional text of several lines (notes, descriptions): lines keep their breaks, each
    /// is trimmed, runs of blank lines become one; empty becomes `None`.
    pub fn optional_text(
        &mut self,
        field: &str,
        value: &Option<String>,
        max: usize,
    ) -> Option<String> {
        let v = value
            .as_deref()
            .map(clean_lines)
            .filter(|s| !s.is_empty())?;
        self.max_len(field, &v, max);
        Some(v)
    }

    /// A required text of several lines, cleaned as [`Checks::optional_text`].
    pub fn required_text(&mut self, field: &str, value: &str, max: usize) -> String {
        let v = clean_lines(value);
        if v.is_empty() {
            self.add(FieldError::new(field, "required"));
        } else {
            self.max_len(field, &v, max);
        }
        v
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

/// Text of several lines: each line cleaned as [`clean`], blank runs folded to one empty line,
/// no blank lines at either end.
pub fn clean_lines(s: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in s.lines().map(clean) {
        if line.is_empty() && out.last().is_none_or(String::is_empty) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// The key used for case-insensitive uniqueness and search: Unicode lower case, so "Àrea" and
/// "àrea" collide, which SQLite's ASCII-only NOCASE would miss.
pub fn fold_key(s: &str) -> String {
    clean(s).to_lowercase()
}

/// A name written all in capitals, as payroll programs print them ("DELL'ACQUA MARIA"), with a
/// capital at the start of each word and after an apostrophe or hyphen ("Dell'Acqua Maria").
/// `None` when `s` has a lower-case letter (written as meant) or no letter at all.
pub fn capitalise_upper(s: &str) -> Option<String> {
    if s.chars().any(char::is_lowercase) || !s.chars().any(char::is_uppercase) {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric() && c != '.';
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_get_capital_initials() {
        assert_eq!(
            capitalise_upper("DELL'ACQUA MARIA").as_deref(),
            Some("Dell'Acqua Maria")
        );
        assert_eq!(capitalise_upper("DE LUCA").as_deref(), Some("De Luca"));
        assert_eq!(
            capitalise_upper("NICCOLÒ ROSSI-VERDI").as_deref(),
            Some("Niccolò Rossi-Verdi")
        );
        assert_eq!(
            capitalise_upper("SAN DONÀ DI PIAVE").as_deref(),
            Some("San Donà Di Piave")
        );
        // Written as meant, or nothing to change.
        assert_eq!(capitalise_upper("McDonald"), None);
        assert_eq!(capitalise_upper("De Luca"), None);
        assert_eq!(capitalise_upper("123"), None);
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(clean_lines("  a  b \r\n\n\n c\n\n"), "a b\n\nc");
        assert_eq!(clean_lines(" \n \n"), "");
    }

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
