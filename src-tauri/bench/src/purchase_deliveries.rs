//! Purchasing's deliveries and bills, written for `purchase_rows`: a receipt with its lines and
//! the order lines' received quantities (the order then partly or wholly received), and the
//! supplier's invoice for what came, its totals, VAT summary and due dates computed by
//! `domain::purchasing::totals` as a typed invoice's are, with the order's reference.

use crate::purchase_plan::Fate;
use crate::purchase_rows::PurchaseRows;
use backoffice_core::domain::purchasing::manual_invoice::{
    ManualDue, ManualInvoiceInput, ManualInvoiceLine,
};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::receiving::{ReceiptInput, ReceiptLineInput};
use backoffice_core::domain::purchasing::totals::{compute_invoice_totals, OrderLineInput};
use backoffice_core::store::purchasing::{invoice_writes, order_writes, orders, receipt_writes};
use backoffice_core::store::WriteTx;
use chrono::{Datelike, Duration, NaiveDate};

type Result<T> = backoffice_core::Result<T>;

impl PurchaseRows {
    pub(crate) fn receipt(
        &mut self,
        w: &WriteTx,
        i: usize,
        k: usize,
        day: NaiveDate,
    ) -> Result<()> {
        let o = self.plan.orders[i].clone();
        let (_, got) = &o.receipts[k];
        let lines = got
            .iter()
            .map(|(n, q)| ReceiptLineInput {
                order_line_id: self.line_ids[i][*n],
                quantity: format!("{}.{:03}", q / 1000, q % 1000),
                asset_category_id: None,
            })
            .collect();
        let v = ReceiptInput {
            order_id: self.order_ids[i],
            received_on: day,
            delivery_note: Some(format!("DDT {}/{}", i + 1, k + 1)),
            delivery_note_date: Some(day),
            notes: None,
            lines,
        }
        .validate(day)?;
        let id = receipt_writes::insert(w, &v, self.supplier_ids[o.supplier], self.buyers[2])?;
        for l in &v.lines {
            receipt_writes::add_line(w, id, l.order_line_id, l.quantity)?;
            let done = self.received.entry(l.order_line_id).or_insert(0);
            *done += l.quantity;
            receipt_writes::set_received(w, l.order_line_id, *done)?;
        }
        let state = if o.fate == Fate::Received && k + 1 == o.receipts.len() {
            OrderState::Received
        } else {
            OrderState::PartlyReceived
        };
        order_writes::set_status(w, self.order_ids[i], state, None)?;
        self.counts[2] += 1;
        Ok(())
    }

    pub(crate) fn invoice(
        &mut self,
        w: &WriteTx,
        i: usize,
        k: usize,
        day: NaiveDate,
    ) -> Result<()> {
        let o = self.plan.orders[i].clone();
        let (_, bills) = &o.invoices[k];
        let mut lines = Vec::new();
        for b in bills {
            for (n, q) in &o.receipts[*b].1 {
                let f = Self::line_form(&o, *n);
                lines.push(ManualInvoiceLine {
                    item_code: f.item_code,
                    description: f.description,
                    unit: f.unit,
                    quantity: *q,
                    unit_price: f.unit_price,
                    discount_bp: f.discount_bp,
                    vat_rate_bp: f.vat_rate_bp,
                    nature: f.nature,
                });
            }
        }
        let numbers: Vec<OrderLineInput> = lines
            .iter()
            .map(|l| OrderLineInput {
                quantity: l.quantity,
                unit_price: l.unit_price,
                discount_bp: l.discount_bp,
                vat_rate_bp: l.vat_rate_bp,
                nature: l.nature,
            })
            .collect();
        let total = compute_invoice_totals(&numbers)?.total;
        // 60 days from the end of the invoice's month, in one or two instalments.
        let eom = |d: NaiveDate, months: u32| {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d);
            first + chrono::Months::new(months + 1) - Duration::days(1)
        };
        let iban = Some(self.ibans[o.supplier].clone());
        let due = |date, amount_cents| ManualDue {
            due_date: date,
            amount_cents,
            method: Some("MP05".into()),
            iban: iban.clone(),
        };
        let dues = if total > 500_000 {
            vec![
                due(eom(day, 2), total / 2),
                due(eom(day, 3), total - total / 2),
            ]
        } else {
            vec![due(eom(day, 2), total)]
        };
        let seq = self
            .invoice_numbers
            .entry((o.supplier, day.year()))
            .or_insert(0);
        *seq += 1;
        let number = format!("{}/{}", seq, day.year());
        let order_number = orders::head(w.conn(), self.order_ids[i])?.and_then(|h| h.number);
        let mut v = ManualInvoiceInput {
            supplier_id: self.supplier_ids[o.supplier],
            number,
            date: Some(day),
            document_type: None,
            lines,
            dues,
            order_numbers: order_number.iter().cloned().collect(),
            notes: None,
        }
        .validate(day)?;
        for r in &mut v.order_refs {
            r.order_id = Some(self.order_ids[i]);
            r.order_number = order_number.clone();
        }
        invoice_writes::insert(w, &v)?;
        self.counts[3] += 1;
        Ok(())
    }
}
