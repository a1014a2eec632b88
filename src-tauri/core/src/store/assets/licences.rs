//! Licences: what was bought for a product, how many seats, until when. The key is stored but
//! read only by [`reveal_key`], which records the reading; history keeps its digest instead.

use super::asset::bad;
use crate::domain::assets::licence::{KeyChange, Licence, LicenceKind, ValidLicence};
use crate::domain::permissions::Area;
use crate::store::dates::{opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};
use sha2::{Digest, Sha256};

pub static TRACKED: Tracked = Tracked {
    entity: "licences",
    guard: Guard::Area(Area::Assets),
    // `licence_key` is left out on purpose: history is read by more people than may see keys.
    columns: &[
        "id",
        "product_id",
        "key_digest",
        "kind",
        "seats",
        "purchase_date",
        "expiry_date",
        "cost_cents",
        "currency",
        "supplier_name",
        "order_number",
        "notes",
        "retired",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("product_id", "software_products")],
    naming: Naming::Parts(&[Part::Ref("product_id"), Part::Text("order_number")]),
    dates: &["purchase_date", "expiry_date"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The columns of a licence `l` joined to its product `p`, in [`from_row`]'s order.
pub(super) const COLUMNS: &str = "l.id, l.product_id, p.name, p.publisher, p.product_version,
    l.licence_key IS NOT NULL, l.kind, l.seats,
    (SELECT count(*) FROM licence_seats s WHERE s.licence_id = l.id AND s.released_on IS NULL),
    l.purchase_date, l.expiry_date, l.cost_cents, l.currency, l.supplier_name, l.order_number,
    l.notes, l.retired, l.version, l.created_at, l.updated_at";

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Licence> {
    Ok(Licence {
        id: r.get(0)?,
        product_id: r.get(1)?,
        product_name: r.get(2)?,
        publisher: r.get(3)?,
        product_version: r.get(4)?,
        licence_key: None,
        has_key: r.get(5)?,
        kind: LicenceKind::parse(&r.get::<_, String>(6)?).ok_or_else(|| bad(6, "kind"))?,
        seats: r.get(7)?,
        seats_used: r.get(8)?,
        purchase_date: opt_date_at(r, 9)?,
        expiry_date: opt_date_at(r, 10)?,
        cost_cents: r.get(11)?,
        currency: r.get(12)?,
        supplier_name: r.get(13)?,
        order_number: r.get(14)?,
        notes: r.get(15)?,
        retired: r.get(16)?,
        version: r.get(17)?,
        created_at: ts_parse(&r.get::<_, String>(18)?)?,
        updated_at: ts_parse(&r.get::<_, String>(19)?)?,
    })
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Licence>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM licences l JOIN software_products p ON p.id = l.product_id
             WHERE l.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?)
}

/// Seats held now, counted inside the write that is about to add one.
pub fn open_seats(c: &Connection, id: i64) -> crate::Result<i64> {
    Ok(c.prepare_cached(
        "SELECT count(*) FROM licence_seats WHERE licence_id = ?1 AND released_on IS NULL",
    )?
    .query_row([id], |r| r.get(0))?)
}

/// Whether software product `id` exists.
pub fn product_exists(c: &Connection, id: i64) -> crate::Result<bool> {
    Ok(
        c.prepare_cached("SELECT 1 FROM software_products WHERE id = ?1")?
            .exists([id])?,
    )
}

/// What an import matches a licence on: its product, its key's digest, its order number.
pub struct LicenceKeys {
    pub id: i64,
    pub product_id: i64,
    pub key_digest: Option<String>,
    pub order_number: Option<String>,
}

/// Every licence's [`LicenceKeys`], retired ones too (a re-import must not duplicate them).
pub fn import_keys(c: &Connection) -> crate::Result<Vec<LicenceKeys>> {
    Ok(c.prepare_cached(
        "SELECT id, product_id, key_digest, order_number FROM licences ORDER BY id LIMIT 1000000",
    )?
    .query_map([], |r| {
        Ok(LicenceKeys {
            id: r.get(0)?,
            product_id: r.get(1)?,
            key_digest: r.get(2)?,
            order_number: r.get(3)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The digest history and imports know a key by.
pub fn digest(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// Saves the licence: a new one when `id` is `None`. Returns its id.
pub fn save(w: &WriteTx, id: Option<i64>, v: &ValidLicence) -> crate::Result<i64> {
    let kind = v.kind.as_str().to_owned();
    let purchase = opt_date_text(v.purchase_date);
    let expiry = opt_date_text(v.expiry_date);
    let none: Option<String> = None;
    let (key, key_digest) = match &v.key {
        KeyChange::Set(k) => (Some(k.clone()), Some(digest(k))),
        KeyChange::Keep | KeyChange::Remove => (None, None),
    };
    let mut values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("product_id", &v.product_id as &dyn ToSql),
        ("kind", &kind),
        ("seats", &v.seats),
        ("purchase_date", &purchase),
        ("expiry_date", &expiry),
        ("cost_cents", &v.cost_cents),
        ("currency", &v.currency),
        ("supplier_name", &v.supplier_name),
        ("order_number", &v.order_number),
        ("notes", &v.notes),
    ];
    match &v.key {
        KeyChange::Set(_) => {
            values.push(("licence_key", &key));
            values.push(("key_digest", &key_digest));
        }
        KeyChange::Remove => {
            values.push(("licence_key", &none));
            values.push(("key_digest", &none));
        }
        KeyChange::Keep => {}
    }
    match id {
        None => recorded::insert(w, &TRACKED, &values),
        Some(id) => {
            recorded::update(w, &TRACKED, id, &values)?;
            Ok(id)
        }
    }
}

pub fn set_retired(w: &WriteTx, id: i64, retired: bool) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("retired", &retired as &dyn ToSql)])?;
    Ok(())
}

/// The licence's key, recording in the same transaction that `w`'s actor read it.
pub fn reveal_key(w: &WriteTx, id: i64) -> crate::Result<Option<String>> {
    let key: Option<String> = w
        .conn()
        .prepare_cached("SELECT licence_key FROM licences WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    let detail =
        serde_json::json!({ "kind": "read", "how": "licence_key", "had_key": key.is_some() });
    w.record_read(&TRACKED, id, &detail)?;
    Ok(key)
}
