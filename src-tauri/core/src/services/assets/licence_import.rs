//! Importing software licences: Snipe-IT's licences export or our own columns, into software
//! products and their licences ([`super::licence_import_check`] reads and writes the rows).
//!
//! A row's product is its name (Snipe-IT's `Name`) and version; a product not on file is
//! offered for creation, as an asset file's unknown categories are, with the row's manufacturer
//! as its publisher (a product on file keeps its own: the product form is where it changes). The key goes to the licence's key column; history holds only its digest,
//! as with the form.
//!
//! Natural key: the product and the key (same digest). A row without a key matches the
//! product's licence with the same order number (or with none, when the row has none), so an
//! export of ours, which never holds keys, reads back onto the licences it came from; a row
//! whose key is on no licence of the product matches that way only a licence without a key.
//!
//! Snipe-IT columns that are not fields: `Licensed To Name` and `Licensed To Email` (seats are
//! held by people and devices here, not by a name on the licence), `Category`, `Company`,
//! `Maintained`, `Reassignable`, `Termination Date`, `Min QTY` and `Avail` (seats in use are
//! counted from the seats, never read from a file).

use super::licence_import_check::{LicenceChecker, LicenceRow, LicenceWriter};
use crate::domain::assets::licence::{SoftwareProductInput, ValidProduct};
use crate::domain::permissions::Area;
use crate::domain::text::{clean, fold_key};
use crate::import::{Begun, Field, FieldKind, ImportOption, Importer, Input, RowChecker};
use crate::store::assets::{licences, software};
use crate::store::WriteTx;
use rusqlite::Connection;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The licences import.
pub struct LicenceImport;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LicenceImportOptions {
    pub create_missing_products: bool,
}

pub const LICENCE_FIELDS: &[Field] = &[
    Field::new(
        "product",
        "Prodotto",
        "Product",
        &[
            "Name",
            "Nome",
            "Software",
            "Licence",
            "License",
            "Licenza",
            "License name",
            "Licence name",
            "Nome licenza",
            "Product name",
            "Nome prodotto",
        ],
    )
    .required()
    .kind(FieldKind::Reference)
    .also(&["product_id"]),
    Field::new(
        "product_version",
        "Versione",
        "Version",
        &["Product version"],
    ),
    Field::new(
        "publisher",
        "Produttore",
        "Manufacturer",
        &["Publisher", "Editore", "Casa produttrice", "Marca"],
    ),
    Field::new(
        "licence_key",
        "Chiave",
        "Product key",
        &[
            "Licence key",
            "License key",
            "Chiave di licenza",
            "Chiave prodotto",
            "Serial",
            "Serial number",
            "Numero di serie",
            "Seriale",
        ],
    ),
    Field::new(
        "seats",
        "Posti",
        "Seats",
        &[
            "Total",
            "Totale",
            "Licenze",
            "Numero licenze",
            "Quantity",
            "Quantità",
        ],
    ),
    Field::new(
        "kind",
        "Tipo licenza",
        "Licence type",
        &["License type", "Tipo di licenza"],
    )
    .kind(FieldKind::Choice),
    Field::new(
        "purchase_date",
        "Data acquisto",
        "Purchase date",
        &["Data di acquisto", "Purchased", "Date of purchase"],
    )
    .kind(FieldKind::Date),
    Field::new(
        "expiry_date",
        "Scadenza",
        "Expiration date",
        &[
            "Data scadenza",
            "Data di scadenza",
            "Expires",
            "Expiry date",
            "Expiration",
        ],
    )
    .kind(FieldKind::Date),
    Field::new(
        "cost",
        "Costo",
        "Purchase cost",
        &["Costo di acquisto", "Prezzo", "Cost", "Price"],
    )
    .also(&["cost_cents"]),
    Field::new("currency", "Valuta", "Currency", &["Divisa"]),
    Field::new(
        "supplier_name",
        "Fornitore",
        "Supplier",
        &["Rivenditore", "Venditore"],
    ),
    Field::new(
        "order_number",
        "Numero ordine",
        "Order number",
        &["Ordine", "N. ordine", "Purchase order", "PO", "Order"],
    ),
    Field::new(
        "notes",
        "Note",
        "Notes",
        &["Annotazioni", "Commenti", "Comments"],
    ),
];

const OPTIONS: &[ImportOption] = &[ImportOption {
    key: "create_missing_products",
    it: "Crea i prodotti software indicati nel file che non esistono ancora",
    en: "Create the software products the file names that do not exist yet",
    default: false,
}];

/// A product's folded name and version.
pub(super) fn product_key(name: &str, version: Option<&str>) -> (String, String) {
    (fold_key(name), version.map(fold_key).unwrap_or_default())
}

/// The product a row names, as its form would save it.
pub(super) fn new_product(
    name: &str,
    version: Option<&str>,
    publisher: Option<&str>,
) -> crate::Result<ValidProduct> {
    SoftwareProductInput {
        name: clean(name),
        publisher: publisher.map(clean),
        product_version: version.map(clean),
        notes: None,
    }
    .validate()
}

/// What licence rows are checked against.
pub struct LicencePrep {
    pub(super) products: HashMap<(String, String), i64>,
    /// Product and key digest → licences.
    pub(super) by_key: HashMap<(i64, String), Vec<i64>>,
    /// Product and folded order number ("" for none) → licences, with whether they hold a key.
    pub(super) by_order: HashMap<(i64, String), Vec<(i64, bool)>>,
    pub(super) create_products: bool,
}

fn prep(conn: &Connection, options: &LicenceImportOptions) -> crate::Result<LicencePrep> {
    let products = software::keys(conn)?
        .into_iter()
        .map(|(id, name, version)| ((name, version), id))
        .collect();
    let mut by_key: HashMap<(i64, String), Vec<i64>> = HashMap::new();
    let mut by_order: HashMap<(i64, String), Vec<(i64, bool)>> = HashMap::new();
    for l in licences::import_keys(conn)? {
        let order = l.order_number.as_deref().map(fold_key).unwrap_or_default();
        let entry = by_order.entry((l.product_id, order)).or_default();
        entry.push((l.id, l.key_digest.is_some()));
        if let Some(d) = l.key_digest {
            by_key.entry((l.product_id, d)).or_default().push(l.id);
        }
    }
    Ok(LicencePrep {
        products,
        by_key,
        by_order,
        create_products: options.create_missing_products,
    })
}

impl Importer for LicenceImport {
    type Options = LicenceImportOptions;
    type Prep = LicencePrep;
    type Row = LicenceRow;

    fn area(&self) -> Area {
        Area::Assets
    }

    fn fields(&self) -> &'static [Field] {
        LICENCE_FIELDS
    }

    fn options(&self) -> &'static [ImportOption] {
        OPTIONS
    }

    fn known(
        &self,
        conn: &Connection,
        input: Input<'_, Self::Options>,
    ) -> crate::Result<LicencePrep> {
        prep(conn, input.options)
    }

    fn checker<'a>(
        &'a self,
        conn: &'a Connection,
        input: Input<'a, Self::Options>,
        prep: &'a LicencePrep,
    ) -> crate::Result<Box<dyn RowChecker<LicenceRow> + 'a>> {
        Ok(Box::new(LicenceChecker::new(conn, input, prep)))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, Self::Options>,
    ) -> crate::Result<Begun<'a, LicencePrep, LicenceRow>> {
        let mut references = Vec::new();
        if input.options.create_missing_products {
            let first = prep(w.conn(), input.options)?;
            let mut seen = HashSet::new();
            for row in &input.table.rows {
                let Some(name) = input.cell(row, "product") else {
                    continue;
                };
                let version = input.cell(row, "product_version");
                let key = product_key(name, version);
                if first.products.contains_key(&key) || !seen.insert(key) {
                    continue;
                }
                // One the form would refuse stays unknown: its row reports why.
                let Ok(v) = new_product(name, version, input.cell(row, "publisher")) else {
                    continue;
                };
                software::save(w, None, &v)?;
            }
            references.push(("product", seen.len()));
        }
        let mut prep = prep(w.conn(), input.options)?;
        // Every product the file names exists now: one still unknown is an error.
        prep.create_products = false;
        Ok(Begun {
            prep,
            writer: Box::new(LicenceWriter::new(w)),
            references,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::ambiguous_titles;

    #[test]
    fn no_title_names_two_fields_and_options_read() {
        assert_eq!(ambiguous_titles(LICENCE_FIELDS), []);
        let o: LicenceImportOptions =
            serde_json::from_value(serde_json::json!({ OPTIONS[0].key: true })).unwrap();
        assert!(o.create_missing_products);
    }
}
