//! Purchase orders: their declarations and reading one whole (lines, approvals of the current
//! round). Writes are in `order_writes.rs`.

use crate::domain::permissions::Area;
use crate::domain::purchasing::approval::{ApproverRole, GivenApproval};
use crate::domain::purchasing::order::{OrderApproval, OrderLine, PurchaseOrder};
use crate::domain::purchasing::order_state::OrderState;
use crate::domain::purchasing::vat_rate::Nature;
use crate::error::Error;
use crate::store::dates::{date_at, opt_date_at};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use rusqlite::{Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "purchase_orders",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "number",
        "number_year",
        "number_seq",
        "supplier_id",
        "department_id",
        "requested_by",
        "status",
        "order_date",
        "currency",
        "exchange_rate",
        "delivery_address",
        "delivery_date",
        "payment_terms",
        "notes",
        "taxable_cents",
        "tax_cents",
        "total_cents",
        "approval_cents",
        "approval_round",
        "approver_role",
        "approved_on",
        "sent_on",
        "status_reason",
        "version",
        "created_at",
        "updated_at",
        "requisition_id",
        "rfq_id",
        "choice_reason",
        "quotes_compared",
    ],
    references: &[
        ("supplier_id", "suppliers"),
        ("department_id", "departments"),
        ("requested_by", "users"),
        ("requisition_id", "requisitions"),
        ("rfq_id", "rfqs"),
    ],
    naming: Naming::Parts(&[Part::Text("number"), Part::Ref("supplier_id")]),
    dates: &["order_date", "delivery_date", "approved_on", "sent_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static LINES: Tracked = Tracked {
    entity: "purchase_order_lines",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "order_id",
        "position",
        "item_code",
        "description",
        "category_id",
        "quantity",
        "unit",
        "unit_price",
        "discount_bp",
        "vat_rate_bp",
        "vat_nature",
        "net_cents",
        "received",
        "invoiced",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("order_id", "purchase_orders"),
        ("category_id", "purchase_categories"),
    ],
    naming: Naming::Parts(&[Part::Ref("order_id"), Part::Text("description")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static APPROVALS: Tracked = Tracked {
    entity: "purchase_order_approvals",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "order_id",
        "round",
        "user_id",
        "role",
        "amount_cents",
        "approved_at",
        "version",
        "created_at",
    ],
    references: &[("order_id", "purchase_orders"), ("user_id", "users")],
    naming: Naming::Parts(&[Part::Ref("order_id"), Part::Ref("user_id")]),
    dates: &[],
    instants: &["approved_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

pub(super) fn conversion(col: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what}").into(),
    )
}

const COLUMNS: &str = "o.id, o.number, o.supplier_id, s.name, s.vat_number, s.status = 'blocked',
    o.department_id, (SELECT name FROM departments WHERE id = o.department_id), o.requested_by,
    (SELECT full_name FROM users WHERE id = o.requested_by), o.status, o.order_date, o.currency,
    o.exchange_rate, o.delivery_address, o.delivery_date, o.payment_terms, o.notes,
    o.taxable_cents, o.tax_cents, o.total_cents, o.approval_cents, o.approved_on, o.sent_on,
    o.status_reason, o.version, o.created_at, o.updated_at, o.requisition_id,
    (SELECT number FROM requisitions WHERE id = o.requisition_id), o.rfq_id, o.choice_reason,
    o.quotes_compared";

fn from_row(r: &Row) -> rusqlite::Result<PurchaseOrder> {
    Ok(PurchaseOrder {
        id: r.get(0)?,
        number: r.get(1)?,
        supplier_id: r.get(2)?,
        supplier_name: r.get(3)?,
        supplier_vat: r.get(4)?,
        supplier_blocked: r.get(5)?,
        department_id: r.get(6)?,
        department_name: r.get(7)?,
        requested_by: r.get(8)?,
        requested_by_name: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
        status: OrderState::parse(&r.get::<_, String>(10)?)
            .ok_or_else(|| conversion(10, "order status"))?,
        order_date: date_at(r, 11)?,
        currency: r.get(12)?,
        exchange_rate: r.get(13)?,
        delivery_address: r.get(14)?,
        delivery_date: opt_date_at(r, 15)?,
        payment_terms: r.get(16)?,
        notes: r.get(17)?,
        taxable_cents: r.get(18)?,
        tax_cents: r.get(19)?,
        total_cents: r.get(20)?,
        approval_cents: r.get(21)?,
        approved_on: opt_date_at(r, 22)?,
        sent_on: opt_date_at(r, 23)?,
        status_reason: r.get(24)?,
        lines: Vec::new(),
        summary: Vec::new(),
        approvals: Vec::new(),
        approval: None,
        version: r.get(25)?,
        created_at: ts_parse(&r.get::<_, String>(26)?)?,
        updated_at: ts_parse(&r.get::<_, String>(27)?)?,
        requisition_id: r.get(28)?,
        requisition_number: r.get(29)?,
        rfq_id: r.get(30)?,
        choice_reason: r.get(31)?,
        quotes_compared: r.get(32)?,
        quotes_rule: None,
    })
}

/// The order's own row, without lines: enough for checks inside a write.
pub fn head(c: &Connection, id: i64) -> crate::Result<Option<PurchaseOrder>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id
             WHERE o.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?)
}

pub fn lines(c: &Connection, order_id: i64) -> crate::Result<Vec<OrderLine>> {
    Ok(c.prepare_cached(
        "SELECT id, position, item_code, description, category_id, unit, quantity, unit_price,
                discount_bp, vat_rate_bp, vat_nature, net_cents, received, invoiced
         FROM purchase_order_lines WHERE order_id = ?1 ORDER BY position LIMIT 1000",
    )?
    .query_map([order_id], |r| {
        let nature: Option<String> = r.get(10)?;
        Ok(OrderLine {
            id: r.get(0)?,
            position: r.get(1)?,
            item_code: r.get(2)?,
            description: r.get(3)?,
            category_id: r.get(4)?,
            unit: r.get(5)?,
            quantity: r.get(6)?,
            unit_price: r.get(7)?,
            discount_bp: r.get(8)?,
            vat_rate_bp: r.get(9)?,
            nature: match nature {
                None => None,
                Some(n) => Some(Nature::parse(&n).ok_or_else(|| conversion(10, "VAT nature"))?),
            },
            net_cents: r.get(11)?,
            received: r.get(12)?,
            invoiced: r.get(13)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The approvals of the order's current round, first given first.
pub fn approvals(c: &Connection, order_id: i64) -> crate::Result<Vec<OrderApproval>> {
    Ok(c.prepare_cached(
        "SELECT a.user_id, coalesce(u.full_name, u.username), a.role, a.approved_at
         FROM purchase_order_approvals a
         JOIN purchase_orders o ON o.id = a.order_id AND a.round = o.approval_round
         JOIN users u ON u.id = a.user_id
         WHERE a.order_id = ?1 ORDER BY a.approved_at, a.id LIMIT 20",
    )?
    .query_map([order_id], |r| {
        Ok(OrderApproval {
            user_id: r.get(0)?,
            user_name: r.get(1)?,
            role: ApproverRole::parse(&r.get::<_, String>(2)?)
                .ok_or_else(|| conversion(2, "approver role"))?,
            approved_at: ts_parse(&r.get::<_, String>(3)?)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The approvals as the rules count them.
pub fn given(c: &Connection, order_id: i64) -> crate::Result<Vec<GivenApproval>> {
    Ok(approvals(c, order_id)?
        .into_iter()
        .map(|a| GivenApproval {
            user_id: a.user_id,
            role: a.role,
            at: a.approved_at,
        })
        .collect())
}

/// The whole order: its row, lines and the approvals of the current round. The VAT summary and
/// where it stands with approvals are the services' to add (they need the rules).
pub fn get(c: &Connection, id: i64) -> crate::Result<Option<PurchaseOrder>> {
    let Some(mut o) = head(c, id)? else {
        return Ok(None);
    };
    o.lines = lines(c, id)?;
    o.approvals = approvals(c, id)?;
    Ok(Some(o))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<PurchaseOrder> {
    get(c, id)?.ok_or_else(|| Error::not_found("purchase order"))
}
