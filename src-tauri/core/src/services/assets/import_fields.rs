//! The columns of an asset file: our own (the asset export writes the same titles), and the
//! titles Snipe-IT and GLPI exports give them; the import's options.

use crate::import::{Field, FieldKind, ImportOption};

/// The fields, in the wizard's order. Snipe-IT writes `Asset Tag`, `Asset Name`, `Model`,
/// `Category`, `Manufacturer`, `Serial`, `Purchased`/`Purchase Date`, `Cost`/`Purchase Cost`,
/// `Warranty` (months), `Warranty Expires`, `Order Number`, `Supplier`, `Location`, `Status`,
/// `Checked Out`, `Username`, `Checkout Date`, `Notes`; GLPI `Inventory number`, `Name`, `Type`,
/// `Manufacturer`, `Model`, `Serial number`, `Location`, `Status`, `User`.
pub const ASSET_FIELDS: &[Field] = &[
    Field::new(
        "tag",
        "Etichetta",
        "Asset tag",
        &[
            "Tag",
            "Codice cespite",
            "Cespite",
            "Numero inventario",
            "N. inventario",
            "Codice inventario",
            "Inventory number",
            "Asset number",
        ],
    )
    .required_unless("name"),
    Field::new(
        "name",
        "Nome",
        "Name",
        &[
            "Asset name",
            "Descrizione",
            "Denominazione",
            "Nome dispositivo",
            "Item name",
            "Hostname",
        ],
    )
    .required_unless("tag"),
    Field::new(
        "category",
        "Categoria",
        "Category",
        &[
            "Tipo",
            "Tipologia",
            "Type",
            "Asset category",
            "Categoria cespite",
        ],
    )
    .kind(FieldKind::Reference)
    .also(&["category_id"]),
    Field::new(
        "manufacturer",
        "Produttore",
        "Manufacturer",
        &["Marca", "Brand", "Costruttore", "Fabbricante"],
    ),
    Field::new("model", "Modello", "Model", &["Nome modello", "Model name"]),
    Field::new(
        "serial",
        "Numero di serie",
        "Serial",
        &[
            "Seriale",
            "Numero seriale",
            "Serial number",
            "Serial no",
            "S/N",
            "SN",
        ],
    ),
    Field::new(
        "supplier_name",
        "Fornitore",
        "Supplier",
        &["Venditore", "Vendor", "Rivenditore"],
    ),
    Field::new(
        "order_number",
        "Numero ordine",
        "Order number",
        &[
            "Ordine",
            "N. ordine",
            "Numero d'ordine",
            "Order",
            "Purchase order",
            "PO",
        ],
    ),
    Field::new(
        "purchase_date",
        "Data acquisto",
        "Purchase date",
        &[
            "Data di acquisto",
            "Acquistato il",
            "Data fattura",
            "Purchased",
            "Date of purchase",
        ],
    )
    .kind(FieldKind::Date),
    Field::new(
        "cost",
        "Costo",
        "Purchase cost",
        &[
            "Costo di acquisto",
            "Prezzo",
            "Prezzo di acquisto",
            "Importo",
            "Valore",
            "Cost",
            "Price",
            "Value",
        ],
    )
    .also(&["cost_cents"]),
    Field::new("currency", "Valuta", "Currency", &["Divisa"]),
    Field::new(
        "warranty_end",
        "Fine garanzia",
        "Warranty end",
        &[
            "Scadenza garanzia",
            "Data fine garanzia",
            "Garanzia fino al",
            "Warranty expires",
            "Warranty expiration",
            "Warranty expiration date",
        ],
    )
    .kind(FieldKind::Date),
    Field::new(
        "warranty_months",
        "Mesi di garanzia",
        "Warranty months",
        &[
            "Garanzia",
            "Durata garanzia",
            "Garanzia (mesi)",
            "Warranty",
            "Warranty duration",
            "Warranty (months)",
        ],
    ),
    Field::new(
        "location",
        "Ubicazione",
        "Location",
        &[
            "Sede",
            "Posizione",
            "Luogo",
            "Collocazione",
            "Stanza",
            "Default location",
        ],
    )
    .kind(FieldKind::Reference)
    .also(&["location_id"]),
    Field::new(
        "department",
        "Reparto",
        "Department",
        &["Ufficio", "Area aziendale"],
    )
    .kind(FieldKind::Reference)
    .also(&["department_id"]),
    Field::new(
        "status",
        "Stato",
        "Status",
        &["Stato cespite", "Status label", "Asset status"],
    )
    .kind(FieldKind::Choice),
    Field::new(
        "status_date",
        "Data stato",
        "Status date",
        &["Data dismissione", "Dismesso il", "Retired on", "Lost on"],
    )
    .kind(FieldKind::Date),
    Field::new(
        "notes",
        "Note",
        "Notes",
        &[
            "Annotazioni",
            "Commento",
            "Commenti",
            "Osservazioni",
            "Asset notes",
            "Comments",
        ],
    ),
    Field::new(
        "holder",
        "Assegnatario",
        "Holder",
        &[
            "Assegnato a",
            "Consegnato a",
            "Utente",
            "Dipendente",
            "Checked out to",
            "Checked out",
            "Checked out to: Username",
            "Checked out to: Email",
            "Assigned to",
            "Username",
            "User",
            "Employee",
        ],
    )
    .kind(FieldKind::Reference)
    .also(&["employee_id"]),
    Field::new(
        "checkout_date",
        "Data consegna",
        "Checkout date",
        &[
            "Data di consegna",
            "Data assegnazione",
            "Consegnato il",
            "Last checkout",
            "Checked out on",
        ],
    )
    .kind(FieldKind::Date)
    .also(&["out_on"]),
];

/// The columns the asset export writes, in order, by field key: their titles are the fields'
/// names, so an exported file reads back with every column mapped. The months of warranty are
/// not among them: the export writes the end date.
pub const EXPORT_COLUMNS: &[&str] = &[
    "tag",
    "name",
    "category",
    "manufacturer",
    "model",
    "serial",
    "supplier_name",
    "order_number",
    "purchase_date",
    "cost",
    "currency",
    "warranty_end",
    "location",
    "department",
    "status",
    "status_date",
    "notes",
    "holder",
    "checkout_date",
];

pub(super) const OPTIONS: &[ImportOption] = &[
    ImportOption {
        key: "create_missing_categories",
        it: "Crea le categorie indicate nel file che non esistono ancora",
        en: "Create the categories the file names that do not exist yet",
        default: false,
    },
    ImportOption {
        key: "create_missing_locations",
        it: "Crea le ubicazioni indicate nel file che non esistono ancora",
        en: "Create the locations the file names that do not exist yet",
        default: false,
    },
    ImportOption {
        key: "import_unassigned",
        it: "Importa senza assegnatario i cespiti consegnati a persone che non sono tra i \
             dipendenti",
        en: "Import unassigned the assets held by people who are not among the employees",
        default: false,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::{ambiguous_titles, suggest_mapping};

    #[test]
    fn no_title_names_two_fields_and_exports_read_back() {
        assert_eq!(ambiguous_titles(ASSET_FIELDS), []);
        for key in EXPORT_COLUMNS {
            assert!(ASSET_FIELDS.iter().any(|f| f.key == *key), "{key}");
        }
        let titles: Vec<String> = ASSET_FIELDS.iter().map(|f| f.it.to_owned()).collect();
        let mapping = suggest_mapping(&titles, ASSET_FIELDS);
        assert!(mapping.iter().enumerate().all(|(i, m)| *m == Some(i)));
    }
}
