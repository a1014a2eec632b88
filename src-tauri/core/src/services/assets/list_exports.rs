//! The software and consumables lists as CSV or Excel, through the shared export pipeline, and
//! what every IT list export shares: lists naming people are personal data and recorded in
//! history as exports; the others are written as they are.

use super::export_words::{consumable_word, licence_kind_word, money};
use crate::domain::assets::consumable::ConsumableQuery;
use crate::domain::assets::licence::LicenceQuery;
use crate::domain::page::{Page, PageRequest, MAX_PAGE};
use crate::domain::permissions::{Action, Area};
use crate::export::{self, Column, Format, Kind, Language, RowSink, Sheet, Value};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{consumables, licence_list};
use std::path::Path;

/// Calls `f` on every row of a paged list, page after page.
pub(super) fn each_page<T>(
    mut read: impl FnMut(PageRequest) -> crate::Result<Page<T>>,
    mut f: impl FnMut(&T) -> crate::Result<()>,
) -> crate::Result<()> {
    let mut offset = 0;
    loop {
        let page = read(PageRequest {
            offset,
            limit: MAX_PAGE,
        })?;
        for item in &page.items {
            f(item)?;
        }
        offset += page.items.len() as i64;
        if page.items.is_empty() || offset >= page.total {
            return Ok(());
        }
    }
}

const LICENCE_COLUMNS: &[Column] = &[
    Column::new("product", "Prodotto", "Product", Kind::Text),
    Column::new("publisher", "Produttore", "Publisher", Kind::Text),
    Column::new("version", "Versione", "Version", Kind::Text),
    Column::new("kind", "Tipo", "Type", Kind::Text),
    Column::new("seats", "Postazioni", "Seats", Kind::Integer),
    Column::new(
        "seats_used",
        "Postazioni in uso",
        "Seats used",
        Kind::Integer,
    ),
    Column::new(
        "purchase_date",
        "Data di acquisto",
        "Purchase date",
        Kind::Date,
    ),
    Column::new("expiry_date", "Scadenza", "Expiry date", Kind::Date),
    Column::new("cost", "Costo", "Cost", Kind::Money),
    Column::new("supplier", "Fornitore", "Supplier", Kind::Text),
    Column::new(
        "order_number",
        "Numero d'ordine",
        "Order number",
        Kind::Text,
    ),
    Column::new("retired", "Dismessa", "Retired", Kind::Bool),
];

const CONSUMABLE_COLUMNS: &[Column] = &[
    Column::new("name", "Articolo", "Item", Kind::Text),
    Column::new("category", "Categoria", "Category", Kind::Text),
    Column::new("unit", "Unità", "Unit", Kind::Text),
    Column::new("stock", "Giacenza", "Stock", Kind::Integer),
    Column::new("min_level", "Scorta minima", "Minimum", Kind::Integer),
    Column::new("low", "Sotto scorta", "Below minimum", Kind::Bool),
    Column::new("location", "Ubicazione", "Location", Kind::Text),
    Column::new("supplier", "Fornitore", "Supplier", Kind::Text),
    Column::new("unit_cost", "Costo unitario", "Unit cost", Kind::Money),
    Column::new("active", "Attivo", "Active", Kind::Bool),
];

/// Where an export goes and how it is written.
pub(super) struct Out<'a> {
    pub path: &'a Path,
    pub format: Format,
    pub language: Language,
}

/// What an export says of itself when it names people.
pub(super) struct Personal {
    pub kind: &'static str,
    pub filter: serde_json::Value,
}

impl Backoffice {
    /// Writes `sheet` filled by `fill` at `path`, for those with the area's export right;
    /// recorded in history first when `personal`.
    pub(super) fn save_it_list(
        &self,
        ctx: &Ctx,
        out: Out,
        sheet: &Sheet,
        personal: Option<Personal>,
        fill: impl FnOnce(&rusqlite::Connection, &mut dyn RowSink) -> crate::Result<()>,
    ) -> crate::Result<u64> {
        // Saving a file of the area is its export right, as the window's buttons show it.
        self.require(ctx, Area::Assets, Action::Export)?;
        let Out {
            path,
            format,
            language,
        } = out;
        let (staged, rows) = self
            .store
            .read(|c| export::stage(path, format, language, sheet, |sink| fill(c, sink)))?;
        match personal {
            Some(p) => {
                let record = ExportRecord {
                    kind: p.kind,
                    format: format.as_str(),
                    rows,
                    filter: p.filter,
                    path,
                    extra: Default::default(),
                };
                self.publish_export(ctx, staged, &record)?;
            }
            None => staged.publish()?,
        }
        Ok(rows)
    }

    /// The licences matching `q` (every page), with the seats in use.
    pub fn export_licences(
        &self,
        ctx: &Ctx,
        q: &LicenceQuery,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        self.inventory_reader(ctx)?;
        let today = self.today();
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Licenze",
            name_en: "Licences",
            columns: LICENCE_COLUMNS,
        };
        self.save_it_list(
            ctx,
            Out {
                path,
                format,
                language,
            },
            &sheet,
            None,
            |c, out| {
                let mut q = q.clone();
                each_page(
                    |page| {
                        q.page = page;
                        licence_list::list(c, &q, today)
                    },
                    |l| {
                        out.row(&[
                            Value::text(&l.product_name),
                            Value::opt_text(l.publisher.as_deref()),
                            Value::opt_text(l.product_version.as_deref()),
                            Value::text(licence_kind_word(l.kind, language)),
                            Value::Integer(l.seats),
                            Value::Integer(l.seats_used),
                            Value::opt_date(l.purchase_date),
                            Value::opt_date(l.expiry_date),
                            money(l.cost_cents, &l.currency),
                            Value::opt_text(l.supplier_name.as_deref()),
                            Value::opt_text(l.order_number.as_deref()),
                            Value::Bool(l.retired),
                        ])
                    },
                )
            },
        )
    }

    /// The consumables matching `q` (every page), with stock and minimum level.
    pub fn export_consumables(
        &self,
        ctx: &Ctx,
        q: &ConsumableQuery,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        self.inventory_reader(ctx)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Materiale di consumo",
            name_en: "Consumables",
            columns: CONSUMABLE_COLUMNS,
        };
        self.save_it_list(
            ctx,
            Out {
                path,
                format,
                language,
            },
            &sheet,
            None,
            |c, out| {
                let mut q = q.clone();
                each_page(
                    |page| {
                        q.page = page;
                        consumables::list(c, &q)
                    },
                    |i| {
                        out.row(&[
                            Value::text(&i.name),
                            Value::text(consumable_word(i.category, language)),
                            Value::text(&i.unit),
                            Value::Integer(i.stock),
                            Value::Integer(i.min_level),
                            Value::Bool(i.low),
                            Value::opt_text(i.location_path.as_deref()),
                            Value::opt_text(i.supplier_name.as_deref()),
                            money(i.unit_cost_cents, &i.currency),
                            Value::Bool(i.active),
                        ])
                    },
                )
            },
        )
    }
}
