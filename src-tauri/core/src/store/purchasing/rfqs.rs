//! Requests for quotation, one per supplier per requisition, with the offer each supplier
//! answered: declarations, reads and writes.

use super::orders::conversion;
use crate::domain::permissions::Area;
use crate::domain::purchasing::requisition_state::RfqState;
use crate::domain::purchasing::rfq::{Offer, OfferLine, Rfq, ValidOffer};
use crate::error::Error;
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "rfqs",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "requisition_id",
        "supplier_id",
        "status",
        "sent_on",
        "reply_by",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("requisition_id", "requisitions"),
        ("supplier_id", "suppliers"),
    ],
    naming: Naming::Parts(&[Part::Ref("requisition_id"), Part::Ref("supplier_id")]),
    dates: &["sent_on", "reply_by"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static OFFERS: Tracked = Tracked {
    entity: "rfq_offers",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "rfq_id",
        "delivery_days",
        "valid_until",
        "conditions",
        "total_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("rfq_id", "rfqs")],
    naming: Naming::Parts(&[Part::Ref("rfq_id")]),
    dates: &["valid_until"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static OFFER_LINES: Tracked = Tracked {
    entity: "rfq_offer_lines",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "offer_id",
        "requisition_line_id",
        "unit_price",
        "discount_bp",
        "net_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("offer_id", "rfq_offers"),
        ("requisition_line_id", "requisition_lines"),
    ],
    naming: Naming::Parts(&[Part::Ref("offer_id"), Part::Ref("requisition_line_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "q.id, q.requisition_id, q.supplier_id, s.name, s.status = 'blocked',
    q.status, q.sent_on, q.reply_by, q.version";

fn from_row(r: &Row) -> rusqlite::Result<Rfq> {
    Ok(Rfq {
        id: r.get(0)?,
        requisition_id: r.get(1)?,
        supplier_id: r.get(2)?,
        supplier_name: r.get(3)?,
        supplier_blocked: r.get(4)?,
        status: RfqState::parse(&r.get::<_, String>(5)?)
            .ok_or_else(|| conversion(5, "rfq status"))?,
        sent_on: opt_date_at(r, 6)?,
        reply_by: opt_date_at(r, 7)?,
        offer: None,
        version: r.get(8)?,
    })
}

fn offer_of(c: &Connection, rfq_id: i64) -> crate::Result<Option<Offer>> {
    let Some(mut o) = c
        .prepare_cached(
            "SELECT id, delivery_days, valid_until, conditions, total_cents, version
             FROM rfq_offers WHERE rfq_id = ?1",
        )?
        .query_row([rfq_id], |r| {
            Ok(Offer {
                id: r.get(0)?,
                delivery_days: r.get(1)?,
                valid_until: date_at(r, 2)?,
                conditions: r.get(3)?,
                total_cents: r.get(4)?,
                lines: Vec::new(),
                version: r.get(5)?,
            })
        })
        .optional()?
    else {
        return Ok(None);
    };
    o.lines = c
        .prepare_cached(
            "SELECT ol.requisition_line_id, ol.unit_price, ol.discount_bp, ol.net_cents
             FROM rfq_offer_lines ol JOIN requisition_lines l ON l.id = ol.requisition_line_id
             WHERE ol.offer_id = ?1 ORDER BY l.position LIMIT 1000",
        )?
        .query_map([o.id], |r| {
            Ok(OfferLine {
                requisition_line_id: r.get(0)?,
                unit_price: r.get(1)?,
                discount_bp: r.get(2)?,
                net_cents: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(o))
}

/// One request with its offer.
pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Rfq>> {
    let Some(mut q) = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM rfqs q JOIN suppliers s ON s.id = q.supplier_id
             WHERE q.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    q.offer = offer_of(c, id)?;
    Ok(Some(q))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<Rfq> {
    get(c, id)?.ok_or_else(|| Error::not_found("request for quotation"))
}

/// A requisition's requests, by supplier name, each with its offer.
pub fn of_requisition(c: &Connection, requisition_id: i64) -> crate::Result<Vec<Rfq>> {
    let mut out = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM rfqs q JOIN suppliers s ON s.id = q.supplier_id
             WHERE q.requisition_id = ?1 ORDER BY s.name, q.id LIMIT 100"
        ))?
        .query_map([requisition_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for q in &mut out {
        q.offer = offer_of(c, q.id)?;
    }
    Ok(out)
}

pub fn insert(
    w: &WriteTx,
    requisition_id: i64,
    supplier_id: i64,
    reply_by: Option<NaiveDate>,
) -> crate::Result<i64> {
    let status = RfqState::Draft.as_str();
    let reply_by = opt_date_text(reply_by);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("requisition_id", &requisition_id as &dyn ToSql),
            ("supplier_id", &supplier_id),
            ("status", &status),
            ("reply_by", &reply_by),
        ],
    )
}

pub fn set_status(w: &WriteTx, id: i64, status: RfqState) -> crate::Result<()> {
    let status = status.as_str();
    recorded::update(w, &TRACKED, id, &vec![("status", &status as &dyn ToSql)])?;
    Ok(())
}

pub fn mark_sent(w: &WriteTx, id: i64, on: NaiveDate) -> crate::Result<()> {
    let status = RfqState::Sent.as_str();
    let on = date_text(on);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![("status", &status as &dyn ToSql), ("sent_on", &on)],
    )?;
    Ok(())
}

/// Records the supplier's offer on request `rfq_id`.
pub fn insert_offer(w: &WriteTx, rfq_id: i64, v: &ValidOffer) -> crate::Result<i64> {
    let valid_until = date_text(v.valid_until);
    let offer_id = recorded::insert(
        w,
        &OFFERS,
        &vec![
            ("rfq_id", &rfq_id as &dyn ToSql),
            ("delivery_days", &v.delivery_days),
            ("valid_until", &valid_until),
            ("conditions", &v.conditions),
            ("total_cents", &v.total_cents),
        ],
    )?;
    for (line_id, unit_price, discount_bp, net) in &v.lines {
        recorded::insert(
            w,
            &OFFER_LINES,
            &vec![
                ("offer_id", &offer_id as &dyn ToSql),
                ("requisition_line_id", line_id),
                ("unit_price", unit_price),
                ("discount_bp", discount_bp),
                ("net_cents", net),
            ],
        )?;
    }
    Ok(offer_id)
}
