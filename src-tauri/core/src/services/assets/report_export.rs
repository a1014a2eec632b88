//! The IT reports as CSV or Excel: the grouped counts, the book values per category and the
//! cost of ownership per asset. None names a person, so none is recorded as an export of
//! personal data.

use super::export_words::{category_name, money, status_word};
use super::list_exports::{each_page, Out};
use crate::domain::assets::asset::{AssetStatus, ASSET_STATUSES};
use crate::domain::assets::report::{Grouping, ReportGroup, TcoQuery};
use crate::domain::permissions::Action;
use crate::export::{Column, Format, Kind, Language, Sheet, Value};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::report as store;
use chrono::NaiveDate;
use std::path::Path;

const GROUP_COLUMNS: &[Column] = &[
    Column::new("group", "Gruppo", "Group", Kind::Text),
    Column::new("in_use", "In uso", "In use", Kind::Integer),
    Column::new("in_stock", "In magazzino", "In stock", Kind::Integer),
    Column::new("in_repair", "In riparazione", "In repair", Kind::Integer),
    Column::new("retired", "Dismessi", "Retired", Kind::Integer),
    Column::new("lost", "Smarriti o rubati", "Lost or stolen", Kind::Integer),
    Column::new("total", "Totale", "Total", Kind::Integer),
    Column::new("cost", "Costo di acquisto", "Purchase cost", Kind::Money),
];

const BOOK_COLUMNS: &[Column] = &[
    Column::new("category", "Categoria", "Category", Kind::Text),
    Column::new("assets", "Beni", "Assets", Kind::Integer),
    Column::new("cost", "Costo", "Cost", Kind::Money),
    Column::new("book", "Valore contabile", "Book value", Kind::Money),
    Column::new(
        "other",
        "In altra valuta",
        "In another currency",
        Kind::Integer,
    ),
];

const TCO_COLUMNS: &[Column] = &[
    Column::new("tag", "Etichetta", "Tag", Kind::Text),
    Column::new("name", "Nome", "Name", Kind::Text),
    Column::new("category", "Categoria", "Category", Kind::Text),
    Column::new("status", "Stato", "Status", Kind::Text),
    Column::new("cost", "Costo di acquisto", "Purchase cost", Kind::Money),
    Column::new("maintenance", "Manutenzione", "Maintenance", Kind::Money),
    Column::new("total", "Costo totale", "Total cost", Kind::Money),
];

fn group_name(by: Grouping, g: &ReportGroup, language: Language) -> String {
    match (by, g.status, g.id) {
        (Grouping::Status, Some(s), _) => status_word(s, language).to_owned(),
        (Grouping::Category, _, _) => {
            category_name(&g.name, g.name_en.as_deref(), language).to_owned()
        }
        (Grouping::Department, _, None) => language.pick("Senza reparto", "No department").into(),
        (_, _, None) => language.pick("Senza ubicazione", "No location").into(),
        _ => g.name.clone(),
    }
}

/// The group's rows: its counts with the first currency's cost, then one row per other
/// currency with only its cost.
fn group_rows(by: Grouping, g: &ReportGroup, language: Language) -> Vec<Vec<Value>> {
    let name = group_name(by, g, language);
    let count = |s: AssetStatus| {
        Value::Integer(
            g.by_status
                .iter()
                .find(|c| c.status == s)
                .map_or(0, |c| c.count),
        )
    };
    let mut first = vec![Value::text(&name)];
    first.extend(ASSET_STATUSES.iter().map(|s| count(*s)));
    first.push(Value::Integer(g.count));
    let mut costs = g.costs.iter();
    first.push(
        costs
            .next()
            .map_or(Value::Empty, |t| money(Some(t.cost_cents), &t.currency)),
    );
    let mut rows = vec![first];
    for t in costs {
        let mut row = vec![Value::text(&name)];
        row.extend(std::iter::repeat_n(Value::Empty, ASSET_STATUSES.len() + 1));
        row.push(money(Some(t.cost_cents), &t.currency));
        rows.push(row);
    }
    rows
}

impl Backoffice {
    /// The inventory counted by `by`, as the report shows it to the person.
    pub fn export_asset_report(
        &self,
        ctx: &Ctx,
        by: Grouping,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        let groups = self.asset_report(ctx, by)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Beni IT per gruppo",
            name_en: "IT assets by group",
            columns: GROUP_COLUMNS,
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
            |_, out| {
                for g in &groups {
                    for row in group_rows(by, g, language) {
                        out.row(&row)?;
                    }
                }
                Ok(())
            },
        )
    }

    /// Cost and book value per category at `at` (today by default).
    pub fn export_book_values(
        &self,
        ctx: &Ctx,
        at: Option<NaiveDate>,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        let values = self.book_values(ctx, at)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Valori contabili",
            name_en: "Book values",
            columns: BOOK_COLUMNS,
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
            |_, out| {
                for v in &values {
                    out.row(&[
                        Value::text(category_name(
                            &v.category_it,
                            v.category_en.as_deref(),
                            language,
                        )),
                        Value::Integer(v.assets),
                        money(Some(v.cost_cents), "EUR"),
                        money(Some(v.book_cents), "EUR"),
                        Value::Integer(v.other_currency),
                    ])?;
                }
                Ok(())
            },
        )
    }

    /// The cost of ownership of the assets matching `q` the person sees (every page).
    pub fn export_tco(
        &self,
        ctx: &Ctx,
        q: &TcoQuery,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        let who = self.keeper(ctx, Action::Read)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Costo totale di possesso",
            name_en: "Total cost of ownership",
            columns: TCO_COLUMNS,
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
                each_page(
                    |page| store::tco(c, q, who.visibility, page.offset, page.limit),
                    |r| {
                        out.row(&[
                            Value::text(&r.tag),
                            Value::text(&r.name),
                            Value::text(category_name(
                                &r.category_it,
                                r.category_en.as_deref(),
                                language,
                            )),
                            Value::text(status_word(r.status, language)),
                            money(r.cost_cents, &r.currency),
                            money(Some(r.maintenance_cents), &r.currency),
                            money(Some(r.total_cents), &r.currency),
                        ])
                    },
                )
            },
        )
    }
}
