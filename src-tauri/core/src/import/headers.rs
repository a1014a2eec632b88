//! Suggesting which column of an imported file holds which field, from the column titles.
//!
//! Titles are compared after folding away case, accents, punctuation, spacing and a few linking
//! words, so "Data di nascita", "DATA_NASCITA", "data nascita" and "DataNascita" all read the same.
//! An exact title wins over a title that merely contains an alias ("Codice fiscale dipendente"),
//! and every column is suggested for one field at most. The user confirms the mapping: a wrong
//! guess costs a click, a missing one costs a search through the columns.

/// A field an import can fill, with the column titles that usually hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name in our DTOs; also accepted as a title, so our own exports read back.
    pub key: &'static str,
    pub aliases: &'static [&'static str],
}

/// Words that link the parts of a title and say nothing: "Data di nascita" = "Data nascita",
/// "Date of birth" = "Date birth".
const LINKING_WORDS: &[&str] = &[
    "di", "del", "della", "dello", "dei", "degli", "delle", "of", "the",
];

/// The staff fields, with the titles of Italian payroll exports and of English spreadsheets.
pub const STAFF_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        key: "employee_number",
        aliases: &[
            "Matricola",
            "Numero matricola",
            "N. matricola",
            "Cod. dipendente",
            "Codice dipendente",
            "Employee number",
            "Employee ID",
            "Badge",
        ],
    },
    FieldSpec {
        key: "last_name",
        aliases: &["Cognome", "Last name", "Surname", "Family name"],
    },
    FieldSpec {
        key: "first_name",
        aliases: &["Nome", "First name", "Given name", "Forename"],
    },
    // One column with both, split by the tax code's letters (`domain::cf_names`).
    FieldSpec {
        key: "full_name",
        aliases: &[
            "Cognome e nome",
            "Cognome nome",
            "Nominativo",
            "Full name",
            "Employee name",
        ],
    },
    FieldSpec {
        key: "tax_code",
        aliases: &[
            "Codice fiscale",
            "CF",
            "Cod. fiscale",
            "Cod fisc",
            "Tax code",
            "Fiscal code",
        ],
    },
    FieldSpec {
        key: "birth_date",
        aliases: &[
            "Data di nascita",
            "Data nascita",
            "Dt nascita",
            "Data nasc",
            "Nato il",
            "Birth date",
            "Date of birth",
            "DOB",
        ],
    },
    FieldSpec {
        key: "birth_place",
        aliases: &[
            "Luogo di nascita",
            "Comune di nascita",
            "Luogo nasc",
            "Comune nasc",
            "Nato a",
            "Birth place",
            "Place of birth",
        ],
    },
    FieldSpec {
        key: "sex",
        aliases: &["Sesso", "Genere", "Sex", "Gender"],
    },
    FieldSpec {
        key: "email",
        aliases: &[
            "Email",
            "E-mail",
            "Mail",
            "Posta elettronica",
            "Indirizzo email",
            "Email address",
        ],
    },
    FieldSpec {
        key: "phone",
        aliases: &[
            "Telefono",
            "Tel",
            "Cellulare",
            "Cell",
            "Phone",
            "Mobile",
            "Phone number",
        ],
    },
    FieldSpec {
        key: "address",
        aliases: &[
            "Indirizzo",
            "Residenza",
            "Indirizzo di residenza",
            "Address",
        ],
    },
    FieldSpec {
        key: "iban",
        aliases: &["IBAN", "Coordinate bancarie", "Codice IBAN", "Bank account"],
    },
    FieldSpec {
        key: "department",
        aliases: &["Reparto", "Ufficio", "Settore", "Department"],
    },
    FieldSpec {
        key: "job_title",
        aliases: &[
            "Mansione",
            "Qualifica",
            "Ruolo",
            "Job title",
            "Position",
            "Role",
        ],
    },
    FieldSpec {
        key: "manager",
        aliases: &["Responsabile", "Manager", "Line manager"],
    },
    FieldSpec {
        key: "hire_date",
        aliases: &[
            "Data assunzione",
            "Data di assunzione",
            "Dt assunzione",
            "Assunto il",
            "Hire date",
            "Start date",
        ],
    },
    FieldSpec {
        key: "contract_type",
        aliases: &[
            "Tipo contratto",
            "Tipo di contratto",
            "Contratto",
            "Contract type",
            "Contract",
        ],
    },
    FieldSpec {
        key: "contract_end",
        aliases: &[
            "Data fine contratto",
            "Scadenza contratto",
            "Fine contratto",
            "Data cessazione",
            "Data fine rapporto",
            "Contract end",
            "End date",
        ],
    },
    FieldSpec {
        key: "ccnl",
        aliases: &["CCNL", "Contratto collettivo", "Collective agreement"],
    },
    FieldSpec {
        key: "level",
        aliases: &["Livello", "Level", "Grade"],
    },
    FieldSpec {
        key: "status",
        aliases: &["Stato", "Status"],
    },
];

/// For each field, the index of the header suggested for it, or `None`.
pub fn suggest_mapping(headers: &[String], fields: &[FieldSpec]) -> Vec<Option<usize>> {
    let header_words: Vec<Vec<String>> = headers.iter().map(|h| words(h)).collect();
    let header_keys: Vec<String> = header_words.iter().map(|w| w.concat()).collect();
    let alias_keys: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            std::iter::once(f.key)
                .chain(f.aliases.iter().copied())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// The header each staff field got, by key, for readable assertions.
    fn mapped(headers: &[&str]) -> Vec<(&'static str, String)> {
        let h = strings(headers);
        suggest_mapping(&h, STAFF_FIELDS)
            .into_iter()
            .zip(STAFF_FIELDS)
            .filter_map(|(m, f)| m.map(|i| (f.key, h[i].clone())))
            .collect()
    }

    fn field_of(headers: &[&str], key: &str) -> Option<String> {
        mapped(headers)
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, h)| h)
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
    fn birth_date_in_many_spellings() {
        for t in [
            "Data di nascita",
            "DATA_NASCITA",
            "data nascita",
            "Birth date",
            "Date of birth",
            "DT_NASCITA",
            "date_of_birth",
            "birthDate",
            "birth_date",
        ] {
            assert_eq!(
                field_of(&["Cognome", t, "Nome"], "birth_date").as_deref(),
                Some(t),
                "{t}"
            );
        }
    }

    #[test]
    fn italian_payroll_export() {
        let headers = [
            "MATRICOLA",
            "COGNOME",
            "NOME",
            "CODICE FISCALE",
            "SESSO",
            "DT_NASCITA",
            "COMUNE NASCITA",
            "DATA ASSUNZIONE",
            "QUALIFICA",
            "LIVELLO",
            "CCNL",
            "TIPO CONTRATTO",
            "DATA FINE CONTRATTO",
            "REPARTO",
            "IBAN",
            "CENTRO DI COSTO",
        ];
        assert_eq!(
            mapped(&headers),
            vec![
                ("employee_number", "MATRICOLA".to_string()),
                ("last_name", "COGNOME".into()),
                ("first_name", "NOME".into()),
                ("tax_code", "CODICE FISCALE".into()),
                ("birth_date", "DT_NASCITA".into()),
                ("birth_place", "COMUNE NASCITA".into()),
                ("sex", "SESSO".into()),
                ("iban", "IBAN".into()),
                ("department", "REPARTO".into()),
                ("job_title", "QUALIFICA".into()),
                ("hire_date", "DATA ASSUNZIONE".into()),
                ("contract_type", "TIPO CONTRATTO".into()),
                ("contract_end", "DATA FINE CONTRATTO".into()),
                ("ccnl", "CCNL".into()),
                ("level", "LIVELLO".into()),
            ]
        );
    }

    #[test]
    fn english_spreadsheet() {
        let headers = [
            "Employee ID",
            "First Name",
            "Last Name",
            "E-mail",
            "Mobile",
            "Date of Birth",
            "Gender",
            "Job Title",
            "Department",
            "Start Date",
            "Status",
        ];
        let m = mapped(&headers);
        let keys: Vec<&str> = m.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "employee_number",
                "last_name",
                "first_name",
                "birth_date",
                "sex",
                "email",
                "phone",
                "department",
                "job_title",
                "hire_date",
                "status"
            ]
        );
        assert_eq!(
            field_of(&headers, "first_name").as_deref(),
            Some("First Name")
        );
    }

    #[test]
    fn contains_matches_whole_words_only() {
        // "Nome" is inside "Cognome" but not a word of it.
        assert_eq!(field_of(&["Cognome dipendente"], "first_name"), None);
        assert_eq!(
            field_of(&["Cognome dipendente"], "last_name").as_deref(),
            Some("Cognome dipendente")
        );
        assert_eq!(
            field_of(&["Codice fiscale del dipendente"], "tax_code").as_deref(),
            Some("Codice fiscale del dipendente")
        );
        // "CF" must not be found inside other words.
        assert_eq!(field_of(&["Certificato"], "tax_code"), None);
    }

    #[test]
    fn exact_beats_contains_and_each_header_is_used_once() {
        // "Contratto" is a contract_type alias, contained in both; the exact titles decide.
        let m = mapped(&[
            "Data fine contratto",
            "Tipo contratto",
            "Contratto collettivo",
        ]);
        assert_eq!(
            m,
            vec![
                ("contract_type", "Tipo contratto".to_string()),
                ("contract_end", "Data fine contratto".into()),
                ("ccnl", "Contratto collettivo".into()),
            ]
        );
        // One header containing two aliases goes to one field only.
        let m = mapped(&["Nome e cognome"]);
        assert_eq!(m.len(), 1);
        // An exact match is not stolen by a field listed earlier that only contains it.
        let m = mapped(&["Telefono ufficio", "Ufficio"]);
        assert_eq!(
            m,
            vec![
                ("phone", "Telefono ufficio".to_string()),
                ("department", "Ufficio".into())
            ]
        );
    }

    #[test]
    fn longer_alias_wins_among_contains_matches() {
        // Both contain an email alias; the more specific wins, the other is left for address.
        let m = mapped(&["Indirizzo residenza completo", "Indirizzo email aziendale"]);
        assert_eq!(
            m,
            vec![
                ("email", "Indirizzo email aziendale".to_string()),
                ("address", "Indirizzo residenza completo".into()),
            ]
        );
    }

    #[test]
    fn empty_and_unknown_headers_get_nothing() {
        assert!(mapped(&["", "  ", "---", "Note", "Colonna1"]).is_empty());
        assert_eq!(
            suggest_mapping(&[], STAFF_FIELDS),
            vec![None; STAFF_FIELDS.len()]
        );
        assert!(suggest_mapping(&strings(&["Nome"]), &[]).is_empty());
    }

    #[test]
    fn keys_read_back() {
        let keys: Vec<&str> = STAFF_FIELDS.iter().map(|f| f.key).collect();
        let m = mapped(&keys);
        assert_eq!(m.len(), STAFF_FIELDS.len());
        assert!(m.iter().all(|(k, h)| k == h));
    }

    #[test]
    fn no_alias_belongs_to_two_fields() {
        let mut seen = std::collections::HashMap::new();
        for f in STAFF_FIELDS {
            for a in std::iter::once(&f.key).chain(f.aliases) {
                let k = words(a).concat();
                assert!(!k.is_empty(), "{a}");
                if let Some(other) = seen.insert(k.clone(), f.key) {
                    assert_eq!(other, f.key, "{a} ({k}) in {other} and {}", f.key);
                }
            }
        }
    }
}
