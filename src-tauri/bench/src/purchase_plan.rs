//! Purchasing's plan: four years of purchase orders to a few thousand suppliers, each with its
//! lines, approvals, sending, deliveries and supplier invoices, as dated steps. Pure data from
//! the seed; `purchase_rows` writes it.

use crate::purchase_items::{Item, ITEMS};
use crate::rng::Rng;
use chrono::{Duration, Months, NaiveDate};

/// Per order at full size (100,000 orders): 5,000 suppliers, 600,000 lines, about 150,000
/// receipts and 120,000 invoices; a requisition behind one order in five.
pub const FULL_ORDERS: usize = 100_000;

/// Where an order stands on the "as of" day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Draft,
    Pending,
    Approved,
    Sent,
    PartlyReceived,
    Received,
    /// Partly received, then closed short.
    Closed,
    /// Approved, then cancelled.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedLine {
    pub item: usize,
    pub variant: u32,
    /// Thousandths.
    pub quantity: i64,
    /// Ten-thousandths of a euro.
    pub unit_price: i64,
    pub discount_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedOrder {
    pub day: NaiveDate,
    pub supplier: usize,
    pub dept: usize,
    pub buyer: usize,
    pub fate: Fate,
    pub delivery: NaiveDate,
    pub lines: Vec<PlannedLine>,
    pub sent: Option<NaiveDate>,
    /// Each delivery: its day and the lines it brings (index, quantity).
    pub receipts: Vec<(NaiveDate, Vec<(usize, i64)>)>,
    /// Each invoice: its day and the receipts it bills.
    pub invoices: Vec<(NaiveDate, Vec<usize>)>,
    /// When it was cancelled or closed short.
    pub ended: Option<NaiveDate>,
    /// The requisition it came from, if any.
    pub requisition: Option<usize>,
}

/// What happens on a day; the order of the variants is their order within the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Suppliers,
    Requisition(usize),
    Order(usize),
    Send(usize),
    Receipt { order: usize, k: usize },
    Invoice { order: usize, k: usize },
    End(usize),
}

pub struct Plan {
    pub start: NaiveDate,
    pub suppliers: usize,
    pub orders: Vec<PlannedOrder>,
    /// Each requisition's day and its order (`None`: still waiting for approval).
    pub requisitions: Vec<(NaiveDate, Option<usize>)>,
    pub steps: Vec<(NaiveDate, Step)>,
}

fn day_in(r: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(r.range(0, (to - from).num_days().max(0)))
}

fn fate(r: &mut Rng, age: i64) -> Fate {
    use Fate::*;
    let table: &[(u32, Fate)] = if age > 90 {
        &[
            (74, Received),
            (8, Closed),
            (5, Cancelled),
            (7, PartlyReceived),
            (6, Sent),
        ]
    } else if age > 30 {
        &[
            (40, Received),
            (20, PartlyReceived),
            (25, Sent),
            (5, Approved),
            (3, Cancelled),
            (3, Pending),
            (4, Draft),
        ]
    } else {
        &[
            (10, Received),
            (15, PartlyReceived),
            (30, Sent),
            (15, Approved),
            (15, Pending),
            (15, Draft),
        ]
    };
    *r.weighted(table)
}

fn lines(r: &mut Rng, supplier: usize) -> Vec<PlannedLine> {
    // A supplier sells from a few neighbouring items of the catalogue.
    let n = r.range(1, 11) as usize;
    (0..n)
        .map(|_| {
            let item = (supplier * 7 + r.below(6) as usize) % ITEMS.len();
            let it: &Item = &ITEMS[item];
            let quantity = if it.unit == "kg" || it.unit == "m" {
                r.range(it.qty.0 * 1000, it.qty.1 * 1000) / 10 * 10
            } else {
                r.range(it.qty.0, it.qty.1) * 1000
            };
            PlannedLine {
                item,
                variant: r.below(40) as u32,
                quantity,
                unit_price: r.range(it.price.0, it.price.1) * 100,
                discount_bp: *r.weighted(&[(70, 0), (15, 500), (10, 1000), (5, 1250)]),
            }
        })
        .collect()
}

/// The deliveries and invoices of a sent order: everything in one to three deliveries (half of
/// the lines in the first for an order partly received), an invoice per delivery or two.
fn deliveries(r: &mut Rng, o: &mut PlannedOrder, sent: NaiveDate, as_of: NaiveDate) {
    let n = o.lines.len();
    let k = match o.fate {
        Fate::PartlyReceived | Fate::Closed => 1,
        Fate::Received => (*r.weighted(&[(35, 1), (40, 2), (25, 3)])).min(n),
        _ => 0,
    };
    let mut day = sent;
    for j in 0..k {
        day = (day + Duration::days(r.range(4, 25))).min(as_of);
        let got: Vec<(usize, i64)> = (0..n)
            .filter(|i| match o.fate {
                Fate::Received => i % k == j,
                _ => i % 2 == 0,
            })
            .map(|i| {
                let q = o.lines[i].quantity;
                // Short on the first line: half of it came.
                match (o.fate, i) {
                    (Fate::Received, _) => (i, q),
                    (_, 0) if q >= 2_000 => (i, q / 2_000 * 1_000),
                    (_, 0) => (i, (q / 2).max(1)),
                    _ => (i, q),
                }
            })
            .collect();
        o.receipts.push((day, got));
    }
    // An invoice per delivery, the third delivery billed with the second.
    let mut bills: Vec<Vec<usize>> = (0..k.min(2)).map(|j| vec![j]).collect();
    if k == 3 {
        bills[1].push(2);
    }
    for b in bills {
        let last = o.receipts[*b.last().unwrap_or(&0)].0;
        let billed = (last + Duration::days(r.range(0, 20))).min(as_of);
        o.invoices.push((billed, b));
    }
    if o.fate == Fate::Closed {
        let last = o.receipts.last().map_or(sent, |x| x.0);
        o.ended = Some((last + Duration::days(r.range(5, 30))).min(as_of));
    }
}

/// Plans `orders` purchase orders over the four years before `as_of`, in a company of
/// `depts` departments with `buyers` purchasing accounts.
pub fn plan(seed: u64, orders: usize, as_of: NaiveDate, depts: usize, buyers: usize) -> Plan {
    let mut r = Rng::new(seed).fork(70);
    let start = as_of - Months::new(48);
    let suppliers = if orders == 0 { 0 } else { (orders / 20).max(5) };
    // A few suppliers get most of the orders: the n-th of them about 1/n of the busiest's.
    let weights: Vec<(u32, usize)> = (0..suppliers)
        .map(|s| ((100_000 / (s + 1)).max(20) as u32, s))
        .collect();
    let mut days: Vec<NaiveDate> = (0..orders)
        .map(|_| day_in(&mut r, start + Duration::days(1), as_of))
        .collect();
    days.sort();
    let mut planned = Vec::with_capacity(orders);
    let mut requisitions = Vec::new();
    for (i, day) in days.into_iter().enumerate() {
        let supplier = *r.weighted(&weights);
        let age = (as_of - day).num_days();
        let fate = fate(&mut r, age);
        let mut o = PlannedOrder {
            day,
            supplier,
            dept: r.below(depts.max(1) as u64) as usize,
            buyer: r.below(buyers.max(1) as u64) as usize,
            fate,
            delivery: day + Duration::days(r.range(7, 45)),
            lines: lines(&mut r, supplier),
            sent: None,
            receipts: Vec::new(),
            invoices: Vec::new(),
            ended: None,
            requisition: None,
        };
        if !matches!(fate, Fate::Draft | Fate::Pending | Fate::Approved) {
            let sent = (day + Duration::days(r.range(0, 3))).min(as_of);
            if fate != Fate::Cancelled {
                o.sent = Some(sent);
            }
            deliveries(&mut r, &mut o, sent, as_of);
            if fate == Fate::Cancelled {
                o.ended = Some((day + Duration::days(r.range(1, 10))).min(as_of));
            }
        }
        if i % 5 == 0 {
            let asked = (day - Duration::days(r.range(1, 12))).max(start + Duration::days(1));
            o.requisition = Some(requisitions.len());
            requisitions.push((asked, Some(i)));
        }
        planned.push(o);
    }
    // A few requisitions still waiting for approval at the end.
    for _ in 0..orders / 200 {
        requisitions.push((day_in(&mut r, as_of - Duration::days(20), as_of), None));
    }
    let mut steps = if orders == 0 {
        Vec::new()
    } else {
        vec![(start, Step::Suppliers)]
    };
    for (i, (d, _)) in requisitions.iter().enumerate() {
        steps.push((*d, Step::Requisition(i)));
    }
    for (i, o) in planned.iter().enumerate() {
        steps.push((o.day, Step::Order(i)));
        if let Some(s) = o.sent {
            steps.push((s, Step::Send(i)));
        }
        for (k, (d, _)) in o.receipts.iter().enumerate() {
            steps.push((*d, Step::Receipt { order: i, k }));
        }
        for (k, (d, _)) in o.invoices.iter().enumerate() {
            steps.push((*d, Step::Invoice { order: i, k }));
        }
        if let Some(d) = o.ended {
            steps.push((d, Step::End(i)));
        }
    }
    steps.sort();
    Plan {
        start,
        suppliers,
        orders: planned,
        requisitions,
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_issue() {
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let p = plan(42, 10_000, as_of, 40, 3);
        assert_eq!(p.suppliers, 500);
        let lines: usize = p.orders.iter().map(|o| o.lines.len()).sum();
        let receipts: usize = p.orders.iter().map(|o| o.receipts.len()).sum();
        let invoices: usize = p.orders.iter().map(|o| o.invoices.len()).sum();
        assert!((55_000..65_000).contains(&lines), "{lines}");
        assert!((12_000..18_000).contains(&receipts), "{receipts}");
        assert!((10_000..16_000).contains(&invoices), "{invoices}");
        // Deliveries follow their sending, invoices their deliveries, all by the end.
        for o in &p.orders {
            for (d, _) in &o.receipts {
                assert!(*d >= o.day && *d <= as_of);
            }
        }
    }
}
