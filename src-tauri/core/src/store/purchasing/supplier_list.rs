//! The supplier list: search, filters and sort in SQL, one page at a time.

use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::supplier::{
    SupplierQuery, SupplierRow, SupplierSort, SupplierStatus,
};
use crate::domain::text::fold_key;
use crate::store::dates::date_text;
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::paged::count_rows;
use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};

/// Files of supplier `s` (current versions) that expired or expire by the bound date `?`.
const EXPIRING: &str = "(SELECT count(*) FROM attachments a WHERE a.entity = 'suppliers'
     AND a.record_id = s.id AND a.superseded_by IS NULL AND a.expires_on <= ?)";

/// How far ahead a supplier's file counts as expiring.
pub const EXPIRY_NOTICE_DAYS: u64 = 30;

fn filtered(q: &SupplierQuery) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // VAT numbers and tax codes are stored upper case without separators.
        let code: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        // "spa" finds "S.p.A.": dots are left out on both sides.
        let name = like_pattern(&fold_key(s).replace('.', ""));
        if code.is_empty() {
            w.and(
                "(replace(s.name_key, '.', '') LIKE ? ESCAPE '\\' OR lower(s.city) LIKE ? ESCAPE '\\')",
                name,
            );
        } else {
            let code = like_pattern(&code);
            w.and_each(
                "(replace(s.name_key, '.', '') LIKE ? ESCAPE '\\' OR lower(s.city) LIKE ? ESCAPE '\\'
                  OR s.vat_number LIKE ? ESCAPE '\\' OR s.fiscal_code LIKE ? ESCAPE '\\')",
                vec![
                    Value::Text(name.clone()),
                    Value::Text(name),
                    Value::Text(code.clone()),
                    Value::Text(code),
                ],
            );
        }
    }
    if let Some(st) = q.status {
        w.and("s.status = ?", st.as_str().to_owned());
    }
    if let Some(c) = q.category_id {
        w.and(
            "s.id IN (SELECT supplier_id FROM supplier_categories WHERE category_id = ?)",
            c,
        );
    }
    w.into_parts()
}

fn from_row(r: &Row) -> rusqlite::Result<SupplierRow> {
    Ok(SupplierRow {
        id: r.get(0)?,
        name: r.get(1)?,
        vat_number: r.get(2)?,
        city: r.get(3)?,
        province: r.get(4)?,
        country: r.get(5)?,
        rating: r.get(6)?,
        status: SupplierStatus::parse(&r.get::<_, String>(7)?).unwrap_or(SupplierStatus::Active),
        blocked_reason: r.get(8)?,
        files_expiring: r.get(9)?,
    })
}

pub fn list(
    c: &Connection,
    q: &SupplierQuery,
    today: NaiveDate,
) -> crate::Result<Page<SupplierRow>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filtered(q);
    let total = count_rows(c, "suppliers s", &filter, &args)?;
    let dir = q.dir.unwrap_or(SortDir::Asc).sql();
    // Sort keys come from a closed enum; each has an index ending in name and id.
    let order = match q.sort.unwrap_or(SupplierSort::Name) {
        SupplierSort::Name => format!("s.name_key {dir}, s.id {dir}"),
        SupplierSort::City => {
            format!("s.city IS NULL, s.city COLLATE NOCASE {dir}, s.name_key {dir}, s.id {dir}")
        }
        SupplierSort::Status => format!("s.status {dir}, s.name_key {dir}, s.id {dir}"),
        SupplierSort::Rating => {
            format!("s.rating IS NULL, s.rating {dir}, s.name_key {dir}, s.id {dir}")
        }
    };
    let horizon = today
        .checked_add_days(Days::new(EXPIRY_NOTICE_DAYS))
        .unwrap_or(today);
    let n = args.len();
    args.push(Value::Text(date_text(horizon)));
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let expiring = EXPIRING.replace('?', &format!("?{}", n + 1));
    let items = c
        .prepare_cached(&format!(
            "SELECT s.id, s.name, s.vat_number, s.city, s.province, s.country, s.rating,
                    s.status, s.blocked_reason, {expiring}
             FROM suppliers s{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 2,
            n + 3
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}
