//! The columns of an asset file: our own (the asset export writes the same titles), and the
//! titles Snipe-IT and GLPI exports give them; how a status, a cost and a warranty in months
//! are read from a cell.

use crate::domain::assets::asset::AssetStatus;
use crate::import::headers::words;
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

/// A word or title folded as column titles are: lower case, no accents, words joined by one
/// space ("Broken - Not Fixable" → "broken not fixable").
pub(super) fn fold_words(s: &str) -> String {
    words(s).join(" ")
}

/// A status in either language, or as Snipe-IT's default labels and GLPI's usual states say it.
pub(super) fn parse_status(s: &str) -> Option<AssetStatus> {
    Some(match fold_words(s).as_str() {
        "in use" | "in uso" | "deployed" | "assegnato" | "assigned" | "checked out"
        | "in produzione" | "production" | "attivo" | "active" => AssetStatus::InUse,
        "in stock" | "in magazzino" | "magazzino" | "stock" | "disponibile" | "available"
        | "ready deploy" | "ready to deploy" | "pending" | "in attesa" | "nuovo" | "new"
        | "spare" | "scorta" => AssetStatus::InStock,
        "in repair"
        | "in riparazione"
        | "riparazione"
        | "repair"
        | "out for repair"
        | "out for diagnostics"
        | "in assistenza"
        | "guasto"
        | "broken" => AssetStatus::InRepair,
        "retired" | "dismesso" | "archived" | "archiviato" | "broken not fixable"
        | "non riparabile" | "rottamato" | "scrapped" | "disposed" | "smaltito"
        | "decommissioned" | "fuori uso" => AssetStatus::Retired,
        "lost" | "stolen" | "lost stolen" | "perso" | "smarrito" | "rubato" | "furto"
        | "perso rubato" => AssetStatus::Lost,
        _ => return None,
    })
}

/// The code of the default category a Snipe-IT or GLPI category word stands for.
pub(super) fn category_code(s: &str) -> Option<&'static str> {
    Some(match fold_words(s).as_str() {
        "laptop" | "laptops" | "notebook" | "notebooks" | "portatile" | "portatili" => "laptop",
        "desktop" | "desktops" | "computer" | "computers" | "pc" | "computer fisso"
        | "workstation" | "workstations" => "desktop",
        "server" | "servers" => "server",
        "printer" | "printers" | "stampante" | "stampanti" | "multifunzione" | "mfp" => "printer",
        "switch" | "switches" | "router" | "routers" | "network" | "network equipment"
        | "network device" | "networking" | "firewall" | "access point" | "apparato rete"
        | "apparati rete" | "rete" => "network",
        "phone" | "phones" | "mobile" | "mobile phone" | "smartphone" | "smartphones"
        | "telefono" | "telefoni" | "cellulare" => "phone",
        "monitor" | "monitors" | "display" | "displays" | "schermo" => "monitor",
        "software" | "licenza" | "licenze" | "license" | "licenses" => "software",
        _ => return None,
    })
}

/// Why an amount cell cannot be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BadAmount {
    Unreadable,
    Negative,
}

/// An amount in cents, as exports write it: `1,299.00` (Snipe-IT), `1.299,00` and `1 299,00`
/// (Italian programs, GLPI), `1299,5`, with or without a currency sign. A single separator
/// followed by three digits groups thousands (`1.299` and `1,299` are both 1299).
pub(super) fn parse_cents(s: &str) -> Result<i64, BadAmount> {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '$' | '£' | '\''))
        .collect();
    for code in ["EUR", "USD", "GBP", "CHF", "eur"] {
        t = t.replace(code, "");
    }
    let negative = t.starts_with('-') || (t.starts_with('(') && t.ends_with(')'));
    let t = t.trim_matches(|c| matches!(c, '-' | '(' | ')' | '+'));
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return Err(BadAmount::Unreadable);
    }
    let decimal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(i), None) | (None, Some(i)) => {
            let sep = t.as_bytes()[i];
            let once = t.bytes().filter(|&b| b == sep).count() == 1;
            (once && t.len() - i - 1 != 3).then_some(i)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    // Only the other separator may group the whole part.
    if decimal.is_some_and(|i| whole.contains(char::from(t.as_bytes()[i]))) {
        return Err(BadAmount::Unreadable);
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if fraction.len() > 2 || fraction.contains([',', '.']) || whole.len() > 12 {
        return Err(BadAmount::Unreadable);
    }
    let units: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| BadAmount::Unreadable)?
    };
    let cents: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| BadAmount::Unreadable)?;
    if negative && (units > 0 || cents > 0) {
        return Err(BadAmount::Negative);
    }
    Ok(units * 100 + cents)
}

/// Months of warranty: `36`, `36 months`, `36 mesi`, `3 anni`, `3 years`. `None` for anything
/// else, or more than 50 years.
pub(super) fn parse_months(s: &str) -> Option<u32> {
    let folded = fold_words(s);
    let mut parts = folded.split(' ');
    let n: u32 = parts.next()?.parse().ok()?;
    let months = match parts.next() {
        None | Some("months" | "month" | "mesi" | "mese" | "m") => n,
        Some("years" | "year" | "anni" | "anno" | "y") => n.checked_mul(12)?,
        _ => return None,
    };
    (parts.next().is_none() && months <= 600).then_some(months)
}

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

    #[test]
    fn amounts_as_programs_write_them() {
        for (s, c) in [
            ("1,299.00", 129_900),
            ("1.299,00", 129_900),
            ("1 299,00", 129_900),
            ("1299,5", 129_950),
            ("€ 12", 1200),
            ("1.299", 129_900),
            ("1,299", 129_900),
            ("0.99", 99),
            ("1,234,567.89", 123_456_789),
            ("EUR 10,00", 1000),
        ] {
            assert_eq!(parse_cents(s), Ok(c), "{s}");
        }
        assert_eq!(parse_cents("-5,00"), Err(BadAmount::Negative));
        for s in ["abc", "1,2,3.4.5", "1.2345", ""] {
            assert_eq!(parse_cents(s), Err(BadAmount::Unreadable), "{s}");
        }
    }

    #[test]
    fn statuses_categories_and_months() {
        assert_eq!(parse_status("Ready to Deploy"), Some(AssetStatus::InStock));
        assert_eq!(
            parse_status("Broken - Not Fixable"),
            Some(AssetStatus::Retired)
        );
        assert_eq!(parse_status("Lost/Stolen"), Some(AssetStatus::Lost));
        assert_eq!(parse_status("in_use"), Some(AssetStatus::InUse));
        assert_eq!(parse_status("Out for Repair"), Some(AssetStatus::InRepair));
        assert_eq!(parse_status("forse"), None);
        assert_eq!(category_code("Network equipment"), Some("network"));
        assert_eq!(category_code("Notebook"), Some("laptop"));
        assert_eq!(category_code("Stampante"), Some("printer"));
        assert_eq!(category_code("Tablet"), None);
        assert_eq!(parse_months("36"), Some(36));
        assert_eq!(parse_months("3 anni"), Some(36));
        assert_eq!(parse_months("24 months"), Some(24));
        assert_eq!(parse_months("molti"), None);
    }
}
