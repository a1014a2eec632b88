//! Writes purchasing's plan (`purchase_plan`) through core's domain checks and store functions,
//! one transaction per day at 12:00, so every row has its history entry in date order with the
//! staff, audits and IT inventory: suppliers, requisitions, orders with their lines, approvals
//! and numbers, sending, receipts with the lines' received quantities, and supplier invoices
//! with their lines, VAT summary, due dates and order references (those two in
//! `purchase_deliveries`).

use crate::purchase_items::{self, CITIES, ITEMS};
use crate::purchase_plan::{self, Fate, Plan, PlannedOrder, Step};
use crate::rng::Rng;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::approval::{approval_need, default_tiers, ApproverRole};
use backoffice_core::domain::purchasing::numbering::{format_number, NumberedKind};
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::requisition::{RequisitionInput, RequisitionLineForm};
use backoffice_core::domain::purchasing::requisition_state::RequisitionState;
use backoffice_core::domain::purchasing::supplier::SupplierInput;
use backoffice_core::domain::users::NewUserInput;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::purchasing::{order_writes, orders, requisition_writes, suppliers};
use backoffice_core::store::WriteTx;
use backoffice_core::{Error, ErrorCode};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::HashMap;
use std::time::Instant;

type Result<T> = backoffice_core::Result<T>;

/// The buyers who write orders, and the warehouse clerk who receives.
pub const BUYERS: [(&str, &str); 3] = [
    ("acq.galli", "Elena Galli"),
    ("acq.conti", "Paolo Conti"),
    ("acq.serra", "Luca Serra"),
];
/// A second administrator, for the orders above the last tier that need two.
pub const SECOND_ADMIN: (&str, &str) = ("dir.marini", "Giulia Marini");

pub struct PurchaseRows {
    pub(crate) plan: Plan,
    pub(crate) next: usize,
    pub(crate) seed: u64,
    pub(crate) buyers: Vec<i64>,
    pub(crate) manager: i64,
    pub(crate) admins: [i64; 2],
    pub(crate) supplier_ids: Vec<i64>,
    pub(crate) ibans: Vec<String>,
    pub(crate) order_ids: Vec<i64>,
    pub(crate) line_ids: Vec<Vec<i64>>,
    pub(crate) received: HashMap<i64, i64>,
    pub(crate) requisition_ids: Vec<i64>,
    pub(crate) numbers: HashMap<(NumberedKind, i32), u32>,
    pub(crate) invoice_numbers: HashMap<(usize, i32), u32>,
    pub counts: [usize; 5],
    pub seconds: f64,
}

fn ts(d: NaiveDate, seconds: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)) + Duration::seconds(seconds)
}

fn internal(what: String) -> impl Fn(Error) -> Error {
    move |e| Error::new(ErrorCode::Internal, format!("purchasing, {what}: {e}"))
}

impl PurchaseRows {
    pub fn new(seed: u64, orders: usize, as_of: NaiveDate, depts: usize) -> Self {
        Self {
            plan: purchase_plan::plan(seed, orders, as_of, depts, BUYERS.len()),
            next: 0,
            seed,
            buyers: Vec::new(),
            manager: 0,
            admins: [0; 2],
            supplier_ids: Vec::new(),
            ibans: Vec::new(),
            order_ids: vec![0; orders],
            line_ids: vec![Vec::new(); orders],
            received: HashMap::new(),
            requisition_ids: Vec::new(),
            numbers: HashMap::new(),
            invoice_numbers: HashMap::new(),
            counts: [0; 5],
            seconds: 0.0,
        }
    }

    /// The buyers' and the second administrator's accounts; `manager` approves the middle tier.
    pub fn accounts(
        &mut self,
        app: &Backoffice,
        admin: &Ctx,
        manager: i64,
        seed: u64,
    ) -> Result<()> {
        let user = |(username, name): (&str, &str), role: Role| {
            app.create_user(
                admin,
                &NewUserInput {
                    username: username.into(),
                    full_name: name.into(),
                    password: format!("{username}-password-{seed}"),
                    roles: vec![role],
                },
            )
            .map(|u| u.id)
        };
        for b in BUYERS {
            let id = user(b, Role::Purchasing)?;
            self.buyers.push(id);
        }
        self.admins = [admin.user_id, user(SECOND_ADMIN, Role::Admin)?];
        self.manager = manager;
        Ok(())
    }

    pub fn next_day(&self) -> Option<NaiveDate> {
        self.plan.steps.get(self.next).map(|s| s.0)
    }

    /// Writes the steps of the next day in one transaction, at 12:00 of that day.
    pub fn write_day(
        &mut self,
        app: &Backoffice,
        set_clock: &dyn Fn(DateTime<Utc>),
        dept_ids: &[i64],
    ) -> Result<()> {
        let Some(day) = self.next_day() else {
            return Ok(());
        };
        let started = Instant::now();
        set_clock(ts(day, 12 * 3600));
        let end = self.plan.steps[self.next..]
            .iter()
            .position(|s| s.0 != day)
            .map_or(self.plan.steps.len(), |p| self.next + p);
        let steps = self.plan.steps[self.next..end].to_vec();
        app.store().write(BUYERS[0].0, |w| {
            for (_, s) in &steps {
                self.step(w, *s, day, dept_ids)
                    .map_err(internal(format!("{s:?} on {day}")))?;
            }
            Ok(())
        })?;
        self.next = end;
        self.seconds += started.elapsed().as_secs_f64();
        Ok(())
    }

    fn number(&mut self, kind: NumberedKind, year: i32) -> (String, i32, u32) {
        let seq = self.numbers.entry((kind, year)).or_insert(0);
        *seq += 1;
        (format_number(kind, year, *seq), year, *seq)
    }

    fn step(&mut self, w: &WriteTx, s: Step, day: NaiveDate, dept_ids: &[i64]) -> Result<()> {
        match s {
            Step::Suppliers => self.suppliers(w, day),
            Step::Requisition(i) => self.requisition(w, i, day, dept_ids),
            Step::Order(i) => self.order(w, i, day, dept_ids),
            Step::Send(i) => order_writes::mark_sent(w, self.order_ids[i], day),
            Step::Receipt { order, k } => self.receipt(w, order, k, day),
            Step::Invoice { order, k } => self.invoice(w, order, k, day),
            Step::End(i) => {
                let (state, reason) = match self.plan.orders[i].fate {
                    Fate::Cancelled => (OrderState::Cancelled, "Fornitore non più disponibile"),
                    _ => (OrderState::Closed, "Residuo non più necessario"),
                };
                order_writes::set_status(w, self.order_ids[i], state, Some(reason))
            }
        }
    }

    fn suppliers(&mut self, w: &WriteTx, day: NaiveDate) -> Result<()> {
        let mut r = Rng::new(self.seed).fork(71);
        for n in 0..self.plan.suppliers {
            let (city, province, postcode) = *r.pick(&CITIES);
            let iban = purchase_items::iban(&mut r);
            let name = purchase_items::supplier_name(n);
            let v = SupplierInput {
                name: name.clone(),
                vat_number: Some(purchase_items::vat_number(n)),
                street: Some(format!("Via dell'Artigianato {}", r.range(1, 120))),
                postcode: Some(postcode.into()),
                city: Some(city.into()),
                province: Some(province.into()),
                email: Some(format!("ordini{n}@fornitore.example")),
                pec: Some(format!("fornitore{n}@pec.example.it")),
                sdi_code: Some("0000000".into()),
                phone: Some(format!("+39 0{} {}", r.range(2, 9), r.digits(7))),
                iban: Some(iban.clone()),
                payment_terms: Some(
                    (*r.pick(&["30 gg DFFM", "60 gg DFFM", "30/60/90 gg DFFM"])).into(),
                ),
                rating: Some(r.range(2, 5)),
                ..SupplierInput::default()
            }
            .validate()?;
            let id = suppliers::insert(w, &v)?;
            self.supplier_ids.push(id);
            self.ibans.push(iban);
            self.counts[0] += 1;
        }
        // One in a hundred is blocked today; their old orders stay.
        for n in (0..self.plan.suppliers).skip(50).step_by(100) {
            suppliers::set_blocked(w, self.supplier_ids[n], Some("DURC scaduto"), day)?;
        }
        Ok(())
    }

    pub(crate) fn line_form(o: &PlannedOrder, i: usize) -> OrderLineForm {
        let l = &o.lines[i];
        let it = &ITEMS[l.item];
        OrderLineForm {
            item_code: Some(format!("{}-{:03}", it.code, l.variant)),
            description: format!("{} - variante {}", it.description, l.variant + 1),
            category_id: None,
            unit: Some(it.unit.into()),
            quantity: l.quantity,
            unit_price: l.unit_price,
            discount_bp: l.discount_bp,
            vat_rate_bp: it.vat_rate_bp,
            nature: it.nature,
        }
    }

    fn requisition(
        &mut self,
        w: &WriteTx,
        i: usize,
        day: NaiveDate,
        dept_ids: &[i64],
    ) -> Result<()> {
        let (_, order) = self.plan.requisitions[i];
        let template = &self.plan.orders[order.unwrap_or(i % self.plan.orders.len())];
        let lines = (0..template.lines.len())
            .map(|n| {
                let f = Self::line_form(template, n);
                RequisitionLineForm {
                    item_code: f.item_code,
                    description: f.description,
                    category_id: None,
                    unit: f.unit,
                    quantity: f.quantity,
                    estimated_price: Some(f.unit_price),
                }
            })
            .collect();
        let v = RequisitionInput {
            department_id: Some(dept_ids[template.dept % dept_ids.len()]),
            reason: "Reintegro scorte di reparto".into(),
            needed_by: Some(template.delivery.max(day + Duration::days(30))),
            lines,
        }
        .validate(day)?;
        let by = self.buyers[template.buyer];
        let number = self.number(NumberedKind::Requisition, day.year());
        let id = requisition_writes::insert(w, &v, number, by)?;
        requisition_writes::set_status(
            w,
            id,
            RequisitionState::Submitted,
            None,
            Some(ApproverRole::Manager),
        )?;
        if order.is_some() {
            requisition_writes::approve(w, id, self.manager, day)?;
        }
        self.requisition_ids.push(id);
        self.counts[4] += 1;
        Ok(())
    }

    fn order(&mut self, w: &WriteTx, i: usize, day: NaiveDate, dept_ids: &[i64]) -> Result<()> {
        let o = self.plan.orders[i].clone();
        let v = OrderInput {
            supplier_id: self.supplier_ids[o.supplier],
            department_id: Some(dept_ids[o.dept % dept_ids.len()]),
            currency: None,
            exchange_rate: None,
            delivery_address: Some("Via dell'Industria 42, 20126 Milano (MI)".into()),
            delivery_date: Some(o.delivery),
            payment_terms: Some("60 gg DFFM".into()),
            notes: None,
            lines: (0..o.lines.len()).map(|n| Self::line_form(&o, n)).collect(),
        }
        .validate(day)?;
        let requester = self.buyers[o.buyer];
        let id = order_writes::insert(w, &v, requester, day)?;
        self.order_ids[i] = id;
        self.line_ids[i] = orders::lines(w.conn(), id)?.iter().map(|l| l.id).collect();
        self.counts[1] += 1;
        if let Some(req) = o.requisition {
            order_writes::link_source(w, id, self.requisition_ids[req], None, None, None)?;
            requisition_writes::ordered(w, self.requisition_ids[req], id)?;
        }
        if o.fate == Fate::Draft {
            return Ok(());
        }
        let need = approval_need(&default_tiers(), v.approval_cents, requester, &[])?;
        order_writes::await_approval(w, id, 1, need.required_role)?;
        if o.fate == Fate::Pending {
            return Ok(());
        }
        let approvers: Vec<(i64, ApproverRole)> = match need.required_role {
            ApproverRole::Purchasing => {
                let other = self.buyers[(o.buyer + 1) % self.buyers.len()];
                vec![(other, ApproverRole::Purchasing)]
            }
            ApproverRole::Manager => vec![(self.manager, ApproverRole::Manager)],
            ApproverRole::Admin => self.admins[..usize::from(need.needed)]
                .iter()
                .map(|a| (*a, ApproverRole::Admin))
                .collect(),
        };
        for (user, role) in approvers {
            order_writes::add_approval(w, id, 1, user, role, v.approval_cents)?;
        }
        let number = self.number(NumberedKind::PurchaseOrder, day.year());
        order_writes::approve(w, id, day, Some(number))
    }

    pub fn summary(&self) -> String {
        format!(
            "{} suppliers, {} orders ({} lines), {} receipts, {} invoices, {} requisitions: {:.1} s",
            self.counts[0],
            self.counts[1],
            self.plan.orders.iter().map(|o| o.lines.len()).sum::<usize>(),
            self.counts[2],
            self.counts[3],
            self.counts[4],
            self.seconds
        )
    }
}
