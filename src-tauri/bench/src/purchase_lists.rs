//! B11's list lines: the purchase order list in every sort and both directions and under each
//! filter (status, supplier, department, text search, waiting for me), the invoice, requisition
//! and receipt lists, each read through its service as the screen asks for it.

use crate::asset_bench::{ms, timed, Lister};
use crate::stats::Samples;
use crate::suite::Row;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::purchasing::invoice::{InvoiceQuery, InvoiceSort, InvoiceStatus};
use backoffice_core::domain::purchasing::order::{OrderQuery, OrderSort};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::receiving::{ReceiptQuery, ReceiptSort};
use backoffice_core::domain::purchasing::requisition::{RequisitionQuery, RequisitionSort};
use backoffice_core::domain::purchasing::requisition_state::RequisitionState;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Result;

/// The purchasing screens' page size (the kit's `ServerList`).
pub const PAGE: i64 = 50;

fn first() -> PageRequest {
    PageRequest {
        offset: 0,
        limit: PAGE,
    }
}

/// What the lists are filtered by: the busiest supplier, the busiest department, and words
/// that are in the data.
pub struct Picks {
    pub supplier: i64,
    pub department: i64,
    pub supplier_word: String,
}

/// Times every shape, one line each, and one summary line per list before them.
fn lines(list: &str, shapes: Vec<(String, Lister<'_>)>) -> Result<Vec<Row>> {
    let mut all = Samples::default();
    let mut rows = Vec::new();
    for (name, f) in &shapes {
        let total = f()?;
        let s = timed(&mut || f().map(|_| ()))?;
        all.extend(&s);
        rows.push(Row::new("B11", &format!("… {name}: first page of {total}")).timed(&s, ms(10)));
    }
    let mut out = vec![Row::new(
        "B11",
        &format!("{list}, page of {PAGE}, {} shapes × 20", shapes.len()),
    )
    .timed(&all, ms(10))];
    out.extend(rows);
    Ok(out)
}

pub fn order_rows(app: &Backoffice, buyer: &Ctx, manager: &Ctx, p: &Picks) -> Result<Vec<Row>> {
    let base = || OrderQuery {
        page: first(),
        ..OrderQuery::default()
    };
    let list = |ctx: &Ctx, q: OrderQuery| -> Result<i64> { Ok(app.list_orders(ctx, &q)?.total) };
    let mut shapes: Vec<(String, Lister<'_>)> = Vec::new();
    for (sort, name) in [
        (OrderSort::Date, "date"),
        (OrderSort::Number, "number"),
        (OrderSort::Total, "total"),
        (OrderSort::Delivery, "delivery date"),
        (OrderSort::Status, "status"),
    ] {
        for (dir, d) in [(SortDir::Desc, "descending"), (SortDir::Asc, "ascending")] {
            let q = OrderQuery {
                sort: Some(sort),
                dir: Some(dir),
                ..base()
            };
            shapes.push((
                format!("by {name}, {d}"),
                Box::new(move || list(buyer, q.clone())),
            ));
        }
    }
    let filters: Vec<(String, OrderQuery, &Ctx)> = vec![
        (
            "status sent".into(),
            OrderQuery {
                status: Some(OrderState::Sent),
                ..base()
            },
            buyer,
        ),
        (
            "status waiting for approval, by total".into(),
            OrderQuery {
                status: Some(OrderState::PendingApproval),
                sort: Some(OrderSort::Total),
                ..base()
            },
            buyer,
        ),
        (
            "the busiest supplier".into(),
            OrderQuery {
                supplier_id: Some(p.supplier),
                ..base()
            },
            buyer,
        ),
        (
            "the busiest department".into(),
            OrderQuery {
                department_id: Some(p.department),
                ..base()
            },
            buyer,
        ),
        (
            "waiting for my approval (a manager)".into(),
            OrderQuery {
                waiting_for_me: true,
                ..base()
            },
            manager,
        ),
    ];
    let mut searches: Vec<String> = vec![
        "cuscinetto".into(),
        "filtro aria".into(),
        "OA-2025-01".into(),
        p.supplier_word.clone(),
    ];
    searches.dedup();
    for s in searches {
        let q = OrderQuery {
            search: Some(s.clone()),
            ..base()
        };
        shapes.push((
            format!("search \"{s}\""),
            Box::new(move || list(buyer, q.clone())),
        ));
    }
    for (name, q, ctx) in filters {
        shapes.push((
            format!("filter: {name}"),
            Box::new(move || list(ctx, q.clone())),
        ));
    }
    lines("order list", shapes)
}

pub fn other_rows(app: &Backoffice, buyer: &Ctx, p: &Picks) -> Result<Vec<Row>> {
    let inv = |q: InvoiceQuery| -> Lister<'_> {
        Box::new(move || Ok(app.list_invoices(buyer, &q)?.total))
    };
    let base = || InvoiceQuery {
        page: first(),
        ..InvoiceQuery::default()
    };
    let invoices: Vec<(String, Lister<'_>)> = vec![
        ("newest first".into(), inv(base())),
        (
            "status to match".into(),
            inv(InvoiceQuery {
                status: Some(InvoiceStatus::ToMatch),
                ..base()
            }),
        ),
        (
            "the busiest supplier".into(),
            inv(InvoiceQuery {
                supplier_id: Some(p.supplier),
                ..base()
            }),
        ),
        (
            "by due date, soonest first".into(),
            inv(InvoiceQuery {
                sort: Some(InvoiceSort::Due),
                dir: Some(SortDir::Asc),
                ..base()
            }),
        ),
        (
            "by total, largest first".into(),
            inv(InvoiceQuery {
                sort: Some(InvoiceSort::Total),
                dir: Some(SortDir::Desc),
                ..base()
            }),
        ),
        (
            format!("search \"{}\"", p.supplier_word),
            inv(InvoiceQuery {
                search: Some(p.supplier_word.clone()),
                ..base()
            }),
        ),
    ];
    let mut rows = lines("invoice list", invoices)?;
    let req = |q: RequisitionQuery| -> Lister<'_> {
        Box::new(move || Ok(app.list_requisitions(buyer, &q)?.total))
    };
    let rbase = || RequisitionQuery {
        page: first(),
        ..RequisitionQuery::default()
    };
    rows.extend(lines(
        "requisition list",
        vec![
            ("newest first".into(), req(rbase())),
            (
                "status submitted".into(),
                req(RequisitionQuery {
                    status: Some(RequisitionState::Submitted),
                    ..rbase()
                }),
            ),
            (
                "by needed-by date".into(),
                req(RequisitionQuery {
                    sort: Some(RequisitionSort::NeededBy),
                    dir: Some(SortDir::Asc),
                    ..rbase()
                }),
            ),
        ],
    )?);
    let rec = |q: ReceiptQuery| -> Lister<'_> {
        Box::new(move || Ok(app.list_receipts(buyer, &q)?.total))
    };
    let cbase = || ReceiptQuery {
        page: first(),
        ..ReceiptQuery::default()
    };
    rows.extend(lines(
        "receipt list",
        vec![
            ("newest first".into(), rec(cbase())),
            (
                "by order".into(),
                rec(ReceiptQuery {
                    sort: Some(ReceiptSort::Order),
                    ..cbase()
                }),
            ),
            (
                "the busiest supplier".into(),
                rec(ReceiptQuery {
                    supplier_id: Some(p.supplier),
                    ..cbase()
                }),
            ),
        ],
    )?);
    Ok(rows)
}
