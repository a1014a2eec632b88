//! Suppliers' price lists: one page of a supplier's list, one item's price breaks, the entries
//! an order line may take, and the writes.

use super::orders::conversion;
use crate::domain::page::{Page, SortDir};
use crate::domain::permissions::Area;
use crate::domain::purchasing::price_list::{PriceQuery, PriceSort, SupplierPrice, ValidPrice};
use crate::domain::purchasing::vat_rate::Nature;
use crate::error::Error;
use crate::store::dates::{date_text, opt_date_at, opt_date_text};
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "supplier_prices",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "supplier_id",
        "item_code",
        "description",
        "item_key",
        "unit",
        "category_id",
        "unit_price",
        "currency",
        "discount_bp",
        "vat_rate_bp",
        "vat_nature",
        "min_quantity",
        "valid_from",
        "valid_to",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("supplier_id", "suppliers"),
        ("category_id", "purchase_categories"),
    ],
    naming: Naming::Parts(&[Part::Ref("supplier_id"), Part::Text("description")]),
    dates: &["valid_from", "valid_to"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "p.id, p.supplier_id, p.item_code, p.description, p.unit, p.category_id,
    p.unit_price, p.currency, p.discount_bp, p.vat_rate_bp, p.vat_nature, p.min_quantity,
    p.valid_from, p.valid_to, p.notes, p.version";
const FROM: &str = "supplier_prices p";

fn from_row(r: &Row) -> rusqlite::Result<SupplierPrice> {
    let nature: Option<String> = r.get(10)?;
    Ok(SupplierPrice {
        id: r.get(0)?,
        supplier_id: r.get(1)?,
        item_code: r.get(2)?,
        description: r.get(3)?,
        unit: r.get(4)?,
        category_id: r.get(5)?,
        unit_price: r.get(6)?,
        currency: r.get(7)?,
        discount_bp: r.get(8)?,
        vat_rate_bp: r.get(9)?,
        nature: match nature {
            None => None,
            Some(n) => Some(Nature::parse(&n).ok_or_else(|| conversion(10, "VAT nature"))?),
        },
        min_quantity: r.get(11)?,
        valid_from: opt_date_at(r, 12)?,
        valid_to: opt_date_at(r, 13)?,
        notes: r.get(14)?,
        version: r.get(15)?,
    })
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<SupplierPrice>> {
    Ok(
        c.prepare_cached(&format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1"))?
            .query_row([id], from_row)
            .optional()?,
    )
}

fn search_filter(w: &mut Where, search: Option<&str>) {
    if let Some(s) = search.map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = like_pattern(&s.to_lowercase());
        w.and_each(
            "(lower(p.item_code) LIKE ? ESCAPE '\\' OR lower(p.description) LIKE ? ESCAPE '\\')",
            vec![Value::Text(pattern.clone()), Value::Text(pattern)],
        );
    }
}

/// One page of a supplier's list.
pub fn list(
    c: &Connection,
    supplier_id: i64,
    q: &PriceQuery,
) -> crate::Result<Page<SupplierPrice>> {
    let (offset, limit) = q.page.clamped();
    let mut w = Where::default();
    w.and("p.supplier_id = ?", supplier_id);
    search_filter(&mut w, q.search.as_deref());
    if let Some(day) = q.valid_on {
        let day = date_text(day);
        w.and(
            "(p.valid_from IS NULL OR p.valid_from <= ?) AND (p.valid_to IS NULL OR p.valid_to >= ?)",
            day,
        );
    }
    let (filter, mut args) = w.into_parts();
    let total = count_rows(c, "supplier_prices p", &filter, &args)?;
    let dir = q.dir.unwrap_or(SortDir::Asc).sql();
    // Sort keys come from a closed enum; each follows one of the supplier's indexes.
    let order = match q.sort.unwrap_or(PriceSort::Item) {
        PriceSort::Item => format!("p.item_key {dir}, p.min_quantity {dir}, p.id {dir}"),
        PriceSort::Price => format!("p.unit_price {dir}, p.id {dir}"),
        PriceSort::ValidTo => format!("p.valid_to IS NULL, p.valid_to {dir}, p.id {dir}"),
    };
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM {FROM}{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Every break of one item of the supplier's list (its `item_key`), smallest first: what an
/// order line made from a requisition or an offer looks up.
pub fn item_breaks(
    c: &Connection,
    supplier_id: i64,
    key: &str,
) -> crate::Result<Vec<SupplierPrice>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE p.supplier_id = ?1 AND p.item_key = ?2
         ORDER BY p.min_quantity, p.id LIMIT 200"
    ))?
    .query_map(rusqlite::params![supplier_id, key], from_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries of the same item and minimum quantity as `v`, other than `except`: the candidates
/// for an overlapping validity.
pub fn same_break(
    c: &Connection,
    supplier_id: i64,
    v: &ValidPrice,
    except: Option<i64>,
) -> crate::Result<Vec<SupplierPrice>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM}
         WHERE p.supplier_id = ?1 AND p.item_key = ?2 AND p.min_quantity = ?3
           AND p.id IS NOT ?4 LIMIT 200"
    ))?
    .query_map(
        rusqlite::params![supplier_id, v.item_key, v.min_quantity, except],
        from_row,
    )?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries of the supplier's list matching `search` and valid on `day`, every break of at most
/// `limit` items (the order form's suggestions): the items are found first, then their breaks.
pub fn matching_items(
    c: &Connection,
    supplier_id: i64,
    search: &str,
    day: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<SupplierPrice>> {
    let mut w = Where::default();
    w.and("p.supplier_id = ?", supplier_id);
    search_filter(&mut w, Some(search));
    let day = date_text(day);
    w.and(
        "(p.valid_from IS NULL OR p.valid_from <= ?) AND (p.valid_to IS NULL OR p.valid_to >= ?)",
        day,
    );
    let (filter, mut args) = w.into_parts();
    let n = args.len();
    args.push(Value::Integer(limit));
    let sql = format!(
        "WITH items AS (SELECT DISTINCT p.item_key FROM supplier_prices p{filter}
                        ORDER BY p.item_key LIMIT ?{})
         SELECT {COLUMNS} FROM {FROM}{filter} AND p.item_key IN (SELECT item_key FROM items)
         ORDER BY p.item_key, p.min_quantity, p.id LIMIT 500",
        n + 1
    );
    Ok(c.prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn values<'a>(
    v: &'a ValidPrice,
    dates: &'a [Option<String>; 3],
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("item_code", &v.item_code as &dyn ToSql),
        ("description", &v.description),
        ("item_key", &v.item_key),
        ("unit", &v.unit),
        ("category_id", &v.category_id),
        ("unit_price", &v.unit_price),
        ("currency", &v.currency),
        ("discount_bp", &v.discount_bp),
        ("vat_rate_bp", &v.vat_rate_bp),
        ("vat_nature", &dates[2]),
        ("min_quantity", &v.min_quantity),
        ("valid_from", &dates[0]),
        ("valid_to", &dates[1]),
        ("notes", &v.notes),
    ]
}

fn texts(v: &ValidPrice) -> [Option<String>; 3] {
    [
        opt_date_text(v.valid_from),
        opt_date_text(v.valid_to),
        v.nature.map(|n| n.code().to_owned()),
    ]
}

pub fn insert(w: &WriteTx, supplier_id: i64, v: &ValidPrice) -> crate::Result<i64> {
    let t = texts(v);
    let mut vals = values(v, &t);
    vals.push(("supplier_id", &supplier_id));
    recorded::insert(w, &TRACKED, &vals)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidPrice) -> crate::Result<()> {
    let t = texts(v);
    recorded::update(w, &TRACKED, id, &values(v, &t))?;
    Ok(())
}

pub fn delete(w: &WriteTx, id: i64) -> crate::Result<()> {
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("supplier price"))?;
    recorded::delete(w, &TRACKED, id)
}
