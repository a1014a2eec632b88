//! Suggesting which column of an imported file holds which field, from the column titles.
//!
//! Titles are compared after folding away case, accents, punctuation, spacing and a few linking
//! words, so "Data di nascita", "DATA_NASCITA", "data nascita" and "DataNascita" all read the same.
//! An exact title wins over a title that merely contains an alias ("Codice fiscale dipendente"),
//! and every column is suggested for one field at most. The user confirms the mapping: a wrong
//! guess costs a click, a missing one costs a search through the columns.

use super::field::Field;

/// Words that link the parts of a title and say nothing: "Data di nascita" = "Data nascita",
/// "Date of birth" = "Date birth".
const LINKING_WORDS: &[&str] = &[
    "di", "del", "della", "dello", "dei", "degli", "delle", "of", "the",
];

/// For each field, the index of the header suggested for it, or `None`.
pub fn suggest_mapping(headers: &[String], fields: &[Field]) -> Vec<Option<usize>> {
    let header_words: Vec<Vec<String>> = headers.iter().map(|h| words(h)).collect();
    let header_keys: Vec<String> = header_words.iter().map(|w| w.concat()).collect();
    let alias_keys: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            f.titles()
                .map(|a| words(a).concat())
                .filter(|k| !k.is_empty())
                .collect()
        })
        .collect();
    let mut mapping = vec![None; fields.len()];
    let mut used = vec![false; headers.len()];

    // Exact titles first, fields in their order, headers left to right.
    for (f, keys) in alias_keys.iter().enumerate() {
        let found = (0..headers.len())
            .find(|&h| !used[h] && !header_keys[h].is_empty() && keys.contains(&header_keys[h]));
        if let Some(h) = found {
            mapping[f] = Some(h);
            used[h] = true;
        }
    }

    // Then titles that contain an alias as whole words ("Codice fiscale dipendente"), never as part
    // of a word: "Nome" must not find "Cognome". The longest alias matched wins, then the shortest
    // title (the one with the least else in it), then the field and header order.
    let mut candidates = Vec::new();
    for (f, keys) in alias_keys.iter().enumerate() {
        if mapping[f].is_some() {
            continue;
        }
        for (h, hw) in header_words.iter().enumerate() {
            if used[h] {
                continue;
            }
            let best = keys
                .iter()
                .filter(|k| contains_words(hw, k))
                .map(String::len)
                .max();
            if let Some(len) = best {
                candidates.push((len, header_keys[h].len(), f, h));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (_, _, f, h) in candidates {
        if mapping[f].is_none() && !used[h] {
            mapping[f] = Some(h);
            used[h] = true;
        }
    }
    mapping
}

/// Whether some run of consecutive words of the title, glued together, is the alias key.
fn contains_words(words: &[String], key: &str) -> bool {
    (0..words.len()).any(|start| {
        let mut glued = String::new();
        words[start..].iter().any(|w| {
            glued.push_str(w);
            glued == key
        })
    })
}

/// The words of a title: lower case, accents removed, split at anything that is not a letter or
/// digit and where a lower-case letter meets an upper-case one ("dataNascita"); linking words
/// dropped.
pub fn words(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in title.chars() {
        let base = fold_accent(c);
        if base.is_ascii_alphanumeric() {
            if base.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = base.is_ascii_lowercase();
            word.push(base.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out.retain(|w| !LINKING_WORDS.contains(&w.as_str()));
    out
}

/// The unaccented letter of the accented Latin letters European titles use; other characters as
/// they are (and then dropped as non-ASCII).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        _ => c,
    }
}

/// Titles that name two fields of one import, as `(title, first field, second field)`: each
/// would be suggested for the first field only. Every area's test calls this on its fields.
pub fn ambiguous_titles(fields: &[Field]) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut seen: std::collections::HashMap<String, &'static str> =
        std::collections::HashMap::new();
    let mut out = Vec::new();
    for f in fields {
        for title in f.titles() {
            let key = words(title).concat();
            match seen.insert(key, f.key) {
                Some(other) if other != f.key => out.push((title, other, f.key)),
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    const FIELDS: &[Field] = &[
        Field::new("last_name", "Cognome", "Last name", &["Surname"]),
        Field::new("first_name", "Nome", "First name", &[]),
        Field::new("tax_code", "Codice fiscale", "Tax code", &["CF"]),
        Field::new("phone", "Telefono", "Phone", &[]),
        Field::new("department", "Reparto", "Department", &["Ufficio"]),
        Field::new(
            "contract_type",
            "Tipo contratto",
            "Contract type",
            &["Contratto"],
        ),
        Field::new("contract_end", "Data fine contratto", "Contract end", &[]),
        Field::new("email", "Email", "E-mail", &["Indirizzo email"]),
        Field::new("address", "Indirizzo", "Address", &[]),
    ];

    /// The header each field got, by key, for readable assertions.
    fn mapped(headers: &[&str]) -> Vec<(&'static str, String)> {
        let h = strings(headers);
        suggest_mapping(&h, FIELDS)
            .into_iter()
            .zip(FIELDS)
            .filter_map(|(m, f)| m.map(|i| (f.key, h[i].clone())))
            .collect()
    }

    #[test]
    fn folds_case_accents_punctuation_and_linking_words() {
        for t in [
            "Data di nascita",
            "DATA_NASCITA",
            "data nascita",
            "Data-Nascita",
            "DataNascita",
            " data  di\tnascita ",
            "Data della nascita",
        ] {
            assert_eq!(words(t).concat(), "datanascita", "{t}");
        }
        assert_eq!(words("Città"), ["citta"]);
        assert_eq!(words("QUALIFICA/MANSIONE"), ["qualifica", "mansione"]);
        assert_eq!(words("E-mail").concat(), "email");
        assert_eq!(words("C.F."), ["c", "f"]);
        assert!(words("---").is_empty());
    }

    #[test]
    fn contains_matches_whole_words_only() {
        // "Nome" is inside "Cognome" but not a word of it.
        assert_eq!(
            mapped(&["Cognome dipendente"]),
            [("last_name", "Cognome dipendente".to_owned())]
        );
        assert_eq!(
            mapped(&["Codice fiscale del dipendente"]),
            [("tax_code", "Codice fiscale del dipendente".to_owned())]
        );
        // "CF" must not be found inside other words.
        assert!(mapped(&["Certificato"]).is_empty());
    }

    #[test]
    fn exact_beats_contains_and_each_header_is_used_once() {
        // "Contratto" is a contract_type title contained in two; the exact titles decide.
        assert_eq!(
            mapped(&["Data fine contratto", "Tipo contratto"]),
            vec![
                ("contract_type", "Tipo contratto".to_string()),
                ("contract_end", "Data fine contratto".into()),
            ]
        );
        // One header containing two titles goes to one field only.
        assert_eq!(mapped(&["Nome e cognome"]).len(), 1);
        // An exact match is not stolen by a field listed earlier that only contains it.
        assert_eq!(
            mapped(&["Telefono ufficio", "Ufficio"]),
            vec![
                ("phone", "Telefono ufficio".to_string()),
                ("department", "Ufficio".into())
            ]
        );
    }

    #[test]
    fn longer_title_wins_among_contains_matches() {
        assert_eq!(
            mapped(&["Indirizzo residenza completo", "Indirizzo email aziendale"]),
            vec![
                ("email", "Indirizzo email aziendale".to_string()),
                ("address", "Indirizzo residenza completo".into()),
            ]
        );
    }

    #[test]
    fn empty_and_unknown_headers_get_nothing() {
        assert!(mapped(&["", "  ", "---", "Note", "Colonna1"]).is_empty());
        assert_eq!(suggest_mapping(&[], FIELDS), vec![None; FIELDS.len()]);
        assert!(suggest_mapping(&strings(&["Nome"]), &[]).is_empty());
    }

    #[test]
    fn a_title_of_two_fields_is_found() {
        assert!(ambiguous_titles(FIELDS).is_empty());
        let two = [
            Field::new("a", "Stato", "Status", &[]),
            Field::new("b", "Attivo", "Active", &["STATO"]),
        ];
        assert_eq!(ambiguous_titles(&two), [("STATO", "a", "b")]);
    }
}
