//! The staff fields' titles: payroll exports and English spreadsheets map as they should.

use super::*;
use crate::import::headers::{ambiguous_titles, suggest_mapping};

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The header each staff field got, by key, for readable assertions.
fn mapped(headers: &[&str]) -> Vec<(&'static str, String)> {
    let h = strings(headers);
    suggest_mapping(&h, import_fields())
        .into_iter()
        .zip(import_fields())
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
fn keys_read_back() {
    let keys: Vec<&str> = import_fields().iter().map(|f| f.key).collect();
    let m = mapped(&keys);
    assert_eq!(m.len(), import_fields().len());
    assert!(m.iter().all(|(k, h)| k == h));
}

#[test]
fn no_title_belongs_to_two_fields() {
    assert_eq!(ambiguous_titles(import_fields()), []);
}

#[test]
fn the_import_offers_every_field_but_those_only_exported() {
    let keys: Vec<&str> = import_fields().iter().map(|f| f.key).collect();
    let exported_only: Vec<&str> = STAFF_FIELDS
        .iter()
        .filter(|f| matches!(f.import, Import::No))
        .map(|f| f.field.key)
        .collect();
    assert_eq!(
        exported_only,
        [
            "termination_date",
            "termination_reason",
            "completeness",
            "next_expiry"
        ]
    );
    assert_eq!(keys.len(), STAFF_FIELDS.len() - exported_only.len());
    assert!(keys.contains(&FULL_NAME) && !keys.contains(&"completeness"));
    let required: Vec<&str> = import_fields()
        .iter()
        .filter(|f| f.is_required(&|_| false))
        .map(|f| f.key)
        .collect();
    assert_eq!(
        required,
        ["last_name", "first_name", "tax_code", "hire_date"]
    );
    // Every field is a column but the two-in-one name (the export writes surname and name).
    let columns: Vec<&str> = export_columns().iter().map(|c| c.key).collect();
    let fields: Vec<&str> = STAFF_FIELDS
        .iter()
        .map(|f| f.field.key)
        .filter(|k| *k != FULL_NAME)
        .collect();
    assert_eq!(columns, fields);
    let mut input = EmployeeInput::default();
    for (key, set) in text_fields() {
        set(&mut input, key.to_owned());
    }
    assert_eq!(
        (input.email.as_deref(), input.last_name.as_str()),
        (Some("email"), "last_name")
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
