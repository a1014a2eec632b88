//! The asset list as CSV or Excel, with the import's own columns, so an exported list imports
//! back unchanged (rows match on the tag).

use super::export_words::{category_name, money, status_word};
use super::import_fields::{ASSET_FIELDS, EXPORT_COLUMNS};
use crate::domain::assets::asset::{Asset, AssetQuery};
use crate::domain::permissions::Action;
use crate::export::{self, Column, Kind, Language, Sheet, Value};
use crate::services::exports::{filter_of, ExportRecord};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::list;
use std::path::Path;
use std::sync::LazyLock;

static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    EXPORT_COLUMNS
        .iter()
        .filter_map(|key| ASSET_FIELDS.iter().find(|f| f.key == *key))
        .map(|f| {
            let kind = match f.key {
                "purchase_date" | "warranty_end" | "status_date" | "checkout_date" => Kind::Date,
                "cost" => Kind::Money,
                _ => Kind::Text,
            };
            Column::new(f.key, f.it, f.en, kind)
        })
        .collect()
});

fn cell(a: &Asset, key: &str, language: Language) -> Value {
    let text = |s: &Option<String>| Value::opt_text(s.as_deref());
    match key {
        "tag" => Value::text(&a.tag),
        "name" => Value::text(&a.name),
        "category" => Value::text(category_name(
            &a.category_it,
            a.category_en.as_deref(),
            language,
        )),
        "manufacturer" => text(&a.manufacturer),
        "model" => text(&a.model),
        "serial" => text(&a.serial),
        "supplier_name" => text(&a.supplier_name),
        "order_number" => text(&a.order_number),
        "purchase_date" => Value::opt_date(a.purchase_date),
        "cost" => money(a.cost_cents, &a.currency),
        "currency" => Value::text(&a.currency),
        "warranty_end" => Value::opt_date(a.warranty_end),
        "location" => text(&a.location_path),
        "department" => text(&a.department_name),
        "status" => Value::text(status_word(a.status, language)),
        "status_date" => Value::opt_date(a.status_date),
        "notes" => text(&a.notes),
        "holder" => text(&a.holder_name),
        _ => Value::Empty,
    }
}

impl Backoffice {
    /// Writes the assets matching `q` (every page) as CSV or XLSX, recorded in history.
    pub fn export_assets(
        &self,
        ctx: &Ctx,
        q: &AssetQuery,
        path: &Path,
        language: &str,
        format: export::Format,
    ) -> crate::Result<u64> {
        let who = self.keeper(ctx, Action::Read)?;
        let today = self.today();
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Beni IT",
            name_en: "IT assets",
            columns: &COLUMNS,
        };
        let (staged, rows) = self.store.read(|c| {
            export::stage(path, format, language, &sheet, |out| {
                list::for_each_batch(c, q, who.visibility, today, &mut |batch| {
                    for a in &batch {
                        let cells: Vec<Value> = COLUMNS
                            .iter()
                            .map(|col| cell(a, col.key, language))
                            .collect();
                        out.row(&cells)?;
                    }
                    Ok(())
                })
            })
        })?;
        let record = ExportRecord {
            kind: "assets_list",
            format: format.as_str(),
            rows,
            filter: filter_of(q, &["page", "sort", "dir"]),
            path,
            extra: Default::default(),
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(rows)
    }
}
