//! The employee fields as files know them, declared once: each field's names in Italian and
//! English, the other titles payroll exports and spreadsheets give it, how the import reads it
//! and how the list export writes it. The import's fields and mapping suggestions, the wizard's
//! labels and the export's columns all come from [`STAFF_FIELDS`]; a plain text field needs one
//! entry here and nothing else in the import or the export.

use crate::domain::staff::employee::{Employee, EmployeeInput, EmployeeStatus};
use crate::domain::staff::import::FULL_NAME;
use crate::export::{Column, Kind, Language, Value};
use crate::import::{Field, FieldKind};
use crate::store::staff::list::ExportNames;
use std::sync::LazyLock;

/// How the import fills a field.
#[derive(Clone, Copy)]
pub enum Import {
    /// Not imported.
    No,
    /// Text copied into the form as it is (an empty cell keeps what the file holds).
    Text(fn(&mut EmployeeInput, String)),
    /// Read by the staff check's own code (dates, names, choices, references).
    Read,
}

/// How the list export writes a field.
#[derive(Clone, Copy)]
pub struct Export {
    pub kind: Kind,
    /// A title other than the field's names, when the column holds something narrower.
    pub title: Option<(&'static str, &'static str)>,
    pub value: fn(&Employee, &ExportNames, Language) -> Value,
}

/// One employee field.
#[derive(Clone, Copy)]
pub struct StaffField {
    pub field: Field,
    pub import: Import,
    pub export: Option<Export>,
}

impl StaffField {
    const fn new(field: Field) -> Self {
        StaffField {
            field,
            import: Import::Read,
            export: None,
        }
    }

    const fn text(self, set: fn(&mut EmployeeInput, String)) -> Self {
        StaffField {
            import: Import::Text(set),
            ..self
        }
    }

    const fn export_only(self) -> Self {
        StaffField {
            import: Import::No,
            ..self
        }
    }

    const fn export(
        self,
        kind: Kind,
        value: fn(&Employee, &ExportNames, Language) -> Value,
    ) -> Self {
        StaffField {
            export: Some(Export {
                kind,
                title: None,
                value,
            }),
            ..self
        }
    }

    const fn titled(self, it: &'static str, en: &'static str) -> Self {
        let Some(e) = self.export else {
            return self;
        };
        StaffField {
            export: Some(Export {
                title: Some((it, en)),
                ..e
            }),
            ..self
        }
    }
}

fn text(s: &Option<String>) -> Value {
    Value::opt_text(s.as_deref())
}

/// Short for the field declarations below.
type F = Field;

/// Every field, in the order of the wizard and of the export's columns.
pub static STAFF_FIELDS: &[StaffField] = &[
    StaffField::new(F::new(
        "employee_number",
        "Matricola",
        "Employee number",
        &[
            "Numero matricola",
            "N. matricola",
            "Cod. dipendente",
            "Codice dipendente",
            "Employee ID",
            "Badge",
        ],
    ))
    .text(|i, v| i.employee_number = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.employee_number)),
    StaffField::new(
        F::new(
            "last_name",
            "Cognome",
            "Last name",
            &["Surname", "Family name"],
        )
        .required_unless(FULL_NAME),
    )
    .text(|i, v| i.last_name = v)
    .export(Kind::Text, |e, _, _| Value::text(&e.last_name)),
    StaffField::new(
        F::new(
            "first_name",
            "Nome",
            "First name",
            &["Given name", "Forename"],
        )
        .required_unless(FULL_NAME),
    )
    .text(|i, v| i.first_name = v)
    .export(Kind::Text, |e, _, _| Value::text(&e.first_name)),
    // One column with both, split by the tax code's letters (`domain::cf_names`).
    StaffField::new(F::new(
        FULL_NAME,
        "Cognome e nome (una colonna)",
        "Surname and name (one column)",
        &[
            "Cognome e nome",
            "Cognome nome",
            "Nominativo",
            "Full name",
            "Employee name",
        ],
    )),
    StaffField::new(
        F::new(
            "tax_code",
            "Codice fiscale",
            "Tax code",
            &["CF", "Cod. fiscale", "Cod fisc", "Fiscal code"],
        )
        .required(),
    )
    .text(|i, v| i.tax_code = v)
    .export(Kind::Text, |e, _, _| Value::text(&e.tax_code)),
    StaffField::new(
        F::new(
            "birth_date",
            "Data di nascita",
            "Birth date",
            &[
                "Data nascita",
                "Dt nascita",
                "Data nasc",
                "Nato il",
                "Date of birth",
                "DOB",
            ],
        )
        .kind(FieldKind::Date),
    )
    .export(Kind::Date, |e, _, _| Value::opt_date(e.birth_date)),
    StaffField::new(F::new(
        "birth_place",
        "Luogo di nascita",
        "Birth place",
        &[
            "Comune di nascita",
            "Luogo nasc",
            "Comune nasc",
            "Nato a",
            "Place of birth",
        ],
    ))
    .text(|i, v| i.birth_place = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.birth_place)),
    StaffField::new(F::new("sex", "Sesso", "Sex", &["Genere", "Gender"]).kind(FieldKind::Choice))
        .export(Kind::Text, |e, _, _| {
            e.sex
                .map_or(Value::Empty, |s| Value::text(format!("{s:?}")))
        }),
    StaffField::new(F::new(
        "email",
        "Email",
        "E-mail",
        &[
            "Mail",
            "Posta elettronica",
            "Indirizzo email",
            "Email address",
        ],
    ))
    .text(|i, v| i.email = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.email))
    .titled("Email", "Email"),
    StaffField::new(F::new(
        "private_email",
        "Email personale",
        "Private e-mail",
        &[
            "E-mail personale",
            "Email privata",
            "Mail personale",
            "Personal e-mail",
            "Personal email",
            "Home e-mail",
        ],
    ))
    .text(|i, v| i.private_email = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.private_email)),
    StaffField::new(F::new(
        "phone",
        "Telefono",
        "Phone",
        &["Tel", "Cellulare", "Cell", "Mobile", "Phone number"],
    ))
    .text(|i, v| i.phone = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.phone)),
    StaffField::new(F::new(
        "address",
        "Indirizzo",
        "Address",
        &["Residenza", "Indirizzo di residenza"],
    ))
    .text(|i, v| i.address = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.address)),
    StaffField::new(F::new(
        "iban",
        "IBAN",
        "IBAN",
        &["Coordinate bancarie", "Codice IBAN", "Bank account"],
    ))
    .text(|i, v| i.iban = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.iban)),
    StaffField::new(
        F::new(
            "department",
            "Reparto",
            "Department",
            &["Ufficio", "Settore"],
        )
        .kind(FieldKind::Reference)
        .also(&["department_id"]),
    )
    .export(Kind::Text, |_, n, _| text(&n.department)),
    StaffField::new(F::new(
        "job_title",
        "Mansione",
        "Job title",
        &["Qualifica", "Ruolo", "Position", "Role"],
    ))
    .text(|i, v| i.job_title = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.job_title)),
    // A tax code or an employee number; the export writes the tax code, which is unambiguous.
    StaffField::new(
        F::new("manager", "Responsabile", "Manager", &["Line manager"])
            .kind(FieldKind::Reference)
            .also(&["manager_id"]),
    )
    .export(Kind::Text, |_, n, _| text(&n.manager_tax_code))
    .titled("CF responsabile", "Manager tax code"),
    StaffField::new(
        F::new(
            "hire_date",
            "Data assunzione",
            "Hire date",
            &[
                "Data di assunzione",
                "Dt assunzione",
                "Assunto il",
                "Start date",
            ],
        )
        .required()
        .kind(FieldKind::Date),
    )
    .export(Kind::Date, |e, _, _| Value::Date(e.hire_date)),
    StaffField::new(
        F::new(
            "contract_type",
            "Tipo contratto",
            "Contract type",
            &["Tipo di contratto", "Contratto", "Contract"],
        )
        .kind(FieldKind::Reference)
        .also(&["contract_type_id"]),
    )
    .export(Kind::Text, |_, n, l| match l {
        Language::It => text(&n.contract_type_it),
        Language::En => text(&n.contract_type_en),
    }),
    StaffField::new(
        F::new(
            "contract_end",
            "Data fine contratto",
            "Contract end",
            &[
                "Scadenza contratto",
                "Fine contratto",
                "Data cessazione",
                "Data fine rapporto",
                "End date",
            ],
        )
        .kind(FieldKind::Date),
    )
    .export(Kind::Date, |e, _, _| Value::opt_date(e.contract_end)),
    StaffField::new(F::new(
        "ccnl",
        "CCNL",
        "CCNL",
        &["Contratto collettivo", "Collective agreement"],
    ))
    .text(|i, v| i.ccnl = Some(v))
    .export(Kind::Text, |e, _, _| text(&e.ccnl)),
    StaffField::new(F::new("level", "Livello", "Level", &["Grade"]))
        .text(|i, v| i.level = Some(v))
        .export(Kind::Text, |e, _, _| text(&e.level)),
    // The end of employment comes from the contract-end column ("Data cessazione").
    StaffField::new(
        F::new("status", "Stato", "Status", &[])
            .kind(FieldKind::Choice)
            .also(&["termination_date"]),
    )
    .export(Kind::Text, |e, _, l| {
        Value::text(match (e.status, l) {
            (EmployeeStatus::Active, Language::It) => "attivo",
            (EmployeeStatus::Terminated, Language::It) => "cessato",
            (EmployeeStatus::Active, Language::En) => "active",
            (EmployeeStatus::Terminated, Language::En) => "terminated",
        })
    }),
    StaffField::new(F::new(
        "termination_date",
        "Data cessazione",
        "Termination date",
        &[],
    ))
    .export_only()
    .export(Kind::Date, |e, _, _| Value::opt_date(e.termination_date)),
    StaffField::new(F::new(
        "termination_reason",
        "Motivo cessazione",
        "Termination reason",
        &[],
    ))
    .export_only()
    .export(Kind::Text, |e, _, _| text(&e.termination_reason)),
    StaffField::new(F::new("completeness", "Completezza", "Completeness", &[]))
        .export_only()
        .export(Kind::Integer, |e, _, _| Value::Integer(e.completeness)),
    StaffField::new(F::new(
        "next_expiry",
        "Prossima scadenza",
        "Next expiry",
        &[],
    ))
    .export_only()
    .export(Kind::Date, |e, _, _| Value::opt_date(e.next_expiry)),
];

/// The fields the import offers.
pub fn import_fields() -> &'static [Field] {
    static FIELDS: LazyLock<Vec<Field>> = LazyLock::new(|| {
        STAFF_FIELDS
            .iter()
            .filter(|f| !matches!(f.import, Import::No))
            .map(|f| f.field)
            .collect()
    });
    &FIELDS
}

/// The fields the import copies as text, with where each goes.
pub fn text_fields() -> impl Iterator<Item = (&'static str, fn(&mut EmployeeInput, String))> {
    STAFF_FIELDS.iter().filter_map(|f| match f.import {
        Import::Text(set) => Some((f.field.key, set)),
        _ => None,
    })
}

/// The list export's columns, in file order.
pub fn export_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        STAFF_FIELDS
            .iter()
            .filter_map(|f| {
                let e = f.export?;
                let (it, en) = e.title.unwrap_or((f.field.it, f.field.en));
                Some(Column::new(f.field.key, it, en, e.kind))
            })
            .collect()
    });
    &COLUMNS
}

/// One employee's row of the list export, a value per column.
pub fn export_cells(e: &Employee, n: &ExportNames, language: Language) -> Vec<Value> {
    STAFF_FIELDS
        .iter()
        .filter_map(|f| f.export.map(|x| (x.value)(e, n, language)))
        .collect()
}

#[cfg(test)]
mod tests;
