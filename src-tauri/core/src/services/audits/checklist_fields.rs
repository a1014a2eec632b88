//! The columns of a checklist file, shared by its import and its export so an exported
//! checklist reads back unchanged, and how a weight is read from a cell.

use crate::import::Field;

/// The weight of a new item whose row leaves the weight empty (the middle of the usual 1–5).
pub const DEFAULT_WEIGHT: i64 = 3;

/// The fields, in the wizard's order; the export writes the same columns.
pub const CHECKLIST_FIELDS: &[Field] = &[
    Field::new(
        "section",
        "Sezione",
        "Section",
        &["Capitolo", "Area", "Chapter"],
    )
    .required(),
    Field::new(
        "code",
        "Codice",
        "Code",
        &["Cod.", "Codice requisito", "Item code", "ID"],
    )
    .required(),
    Field::new(
        "requirement",
        "Requisito",
        "Requirement",
        &["Domanda", "Controllo", "Question", "Control"],
    )
    .required(),
    Field::new(
        "reference",
        "Riferimento",
        "Reference",
        &["Rif.", "Riferimento normativo", "Norma", "Clause"],
    ),
    Field::new(
        "guidance",
        "Guida",
        "Guidance",
        &[
            "Istruzioni",
            "Come verificare",
            "Instructions",
            "How to check",
        ],
    ),
    Field::new(
        "evidence_expected",
        "Evidenze attese",
        "Evidence expected",
        &[
            "Evidenze",
            "Evidenza attesa",
            "Expected evidence",
            "Evidence",
        ],
    ),
    // An empty weight keeps the item's weight; a new item without one weighs DEFAULT_WEIGHT.
    Field::new("weight", "Peso", "Weight", &["Punteggio", "Points"]),
];

/// A whole number as spreadsheets write one: "3", "3,0", "3.00" (a decimal part of zeros only).
/// `None` for anything else ("2,5", "abc", "1.000" which may be a thousand).
pub(super) fn parse_whole(s: &str) -> Option<i64> {
    let (whole, fraction) = match s.find([',', '.']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || f.len() > 2 || !f.bytes().all(|b| b == b'0') {
            return None;
        }
    }
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::ambiguous_titles;

    #[test]
    fn whole_numbers_as_spreadsheets_write_them() {
        for (s, n) in [
            ("3", 3),
            ("3,0", 3),
            ("3.0", 3),
            ("12,00", 12),
            ("0", 0),
            ("-1", -1),
        ] {
            assert_eq!(parse_whole(s), Some(n), "{s}");
        }
        for s in [
            "abc",
            "2,5",
            "3,",
            ",0",
            "1.000",
            "3 ",
            "+3",
            "",
            "-",
            "99999999999999999999",
        ] {
            assert_eq!(parse_whole(s), None, "{s}");
        }
    }

    #[test]
    fn no_title_names_two_fields() {
        assert_eq!(ambiguous_titles(CHECKLIST_FIELDS), []);
    }
}
