//! The purchase order as a printed document: the organisation's letterhead, the order's number
//! and date, the supplier, delivery and terms, the lines, the VAT summary per rate, the totals,
//! notes and the approval stamp. A copy that is not final (the order is not approved) carries
//! a large "BOZZA"/"DRAFT" watermark on every page and no number.

use super::purchase_order_words::Words;
use super::{Align, Block, Cell, Column, Labels, Picture, Report};
use crate::domain::organisation::Organisation;
use crate::domain::purchasing::decimal::format_scaled;
use crate::domain::purchasing::money::{format_cents, format_exchange_rate, format_unit_price};
use crate::domain::purchasing::order::PurchaseOrder;
use crate::domain::purchasing::quantity::format_quantity;
use crate::domain::purchasing::supplier::Supplier;
use crate::domain::purchasing::totals::VatSummaryRow;
use crate::domain::purchasing::vat_rate::Nature;

/// What the printed order shows, read together.
pub struct OrderPrint {
    pub order: PurchaseOrder,
    pub supplier: Supplier,
    pub organisation: Organisation,
    pub logo: Option<Picture>,
    /// An approved order's real copy; otherwise a draft with the watermark.
    pub is_final: bool,
}

/// The order as blocks, in `language` ("it" or "en"; Italian for anything else).
pub fn purchase_order(p: &OrderPrint, language: &str) -> Report {
    let w = Words::of(language);
    let o = &p.order;
    let number = shown_number(p, w);
    let title = format!("{} {number}", w.order);
    let org = &p.organisation;
    let mut labels = Labels::for_lang(w.lang);
    labels.page = w.page.to_owned();
    let mut blocks = vec![
        Block::Letterhead {
            logo: p.logo.clone(),
            lines: organisation_lines(org, w),
        },
        Block::Heading {
            level: 1,
            text: title.clone(),
        },
    ];
    let mut head = vec![
        (w.number.to_owned(), number.clone()),
        (w.date.to_owned(), w.day(o.order_date)),
        (w.requested_by.to_owned(), o.requested_by_name.clone()),
    ];
    if let Some(d) = &o.department_name {
        head.push((w.department.to_owned(), d.clone()));
    }
    head.extend([
        (
            w.delivery_address.to_owned(),
            text_or(&o.delivery_address, w),
        ),
        (w.delivery_date.to_owned(), w.opt_day(o.delivery_date)),
        (w.payment_terms.to_owned(), text_or(&o.payment_terms, w)),
    ]);
    if !p.is_final {
        // Said at the top: a draft has no stamp to end with.
        head.push((w.approval.to_owned(), w.not_approved.to_owned()));
    }
    blocks.push(Block::Facts(head));
    blocks.push(heading(w.supplier));
    blocks.push(Block::Facts(supplier_facts(&p.supplier, w)));
    blocks.push(heading(w.lines));
    blocks.push(lines_table(o, w));
    blocks.push(heading(w.vat_summary));
    blocks.push(summary_table(&o.summary, &o.currency, w));
    blocks.push(totals_table(o, w));
    if let Some(notes) = o.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        blocks.push(heading(w.notes));
        blocks.push(Block::Paragraph(notes.to_owned()));
    }
    if p.is_final {
        blocks.push(heading(w.approval));
        blocks.push(Block::Facts(approval_facts(p, w, &number)));
    }
    Report {
        title: title.clone(),
        subject: format!("{title} · {}", o.supplier_name),
        author: org.name.clone(),
        language: w.lang,
        footer_left: if org.name.is_empty() {
            title
        } else {
            format!("{} · {title}", org.name)
        },
        labels,
        watermark: (!p.is_final).then(|| w.draft.to_owned()),
        blocks,
    }
}

/// The order's number on a final copy; a dash on a draft, even one approved before and sent
/// back (the number is the approved order's, not this copy's).
fn shown_number(p: &OrderPrint, w: &Words) -> String {
    match (&p.order.number, p.is_final) {
        (Some(n), true) => n.clone(),
        _ => w.none.to_owned(),
    }
}

pub(super) fn heading(text: &str) -> Block {
    Block::Heading {
        level: 3,
        text: text.to_owned(),
    }
}

fn text_or(v: &Option<String>, w: &Words) -> String {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(w.none)
        .to_owned()
}

/// "20121 Milano (MI)": the parts present, in the Italian order.
fn place(postcode: &Option<String>, city: &Option<String>, province: &Option<String>) -> String {
    let mut out = [postcode, city]
        .iter()
        .filter_map(|v| v.as_deref().filter(|s| !s.trim().is_empty()))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(p) = province.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str(&format!(" ({p})"));
    }
    out.trim().to_owned()
}

pub(super) fn organisation_lines(org: &Organisation, w: &Words) -> Vec<String> {
    let mut lines = vec![org.name.clone()];
    if let Some(s) = org.street.as_deref().filter(|s| !s.trim().is_empty()) {
        lines.push(s.to_owned());
    }
    let mut at = place(&org.postal_code, &org.city, &org.province);
    if org.country != "IT" {
        at = format!("{at} {}", org.country).trim().to_owned();
    }
    if !at.is_empty() {
        lines.push(at);
    }
    if let Some(v) = org.vat_number.as_deref().filter(|s| !s.trim().is_empty()) {
        lines.push(format!("{} {v}", w.vat_number));
    }
    lines
}

pub(super) fn supplier_facts(s: &Supplier, w: &Words) -> Vec<(String, String)> {
    let mut address: Vec<String> = s.street.iter().cloned().collect();
    let at = place(&s.postcode, &s.city, &s.province);
    if !at.is_empty() {
        address.push(at);
    }
    if s.country != "IT" {
        address.push(s.country.clone());
    }
    let mut out = vec![
        (w.supplier.to_owned(), s.name.clone()),
        (
            w.address.to_owned(),
            if address.is_empty() {
                w.none.to_owned()
            } else {
                address.join(", ")
            },
        ),
        (w.vat_number.to_owned(), text_or(&s.vat_number, w)),
    ];
    if s.pec.is_some() {
        out.push((w.pec.to_owned(), text_or(&s.pec, w)));
    }
    if s.sdi_code.is_some() {
        out.push((w.sdi.to_owned(), text_or(&s.sdi_code, w)));
    }
    out
}

/// "22 %", or the nature's code on a line without VAT ("N3.1").
fn rate_text(rate_bp: i64, nature: Option<Nature>, w: &Words) -> String {
    match nature {
        Some(n) => n.code().to_owned(),
        None => format!("{} %", format_scaled(rate_bp, 2, 0, w.locale)),
    }
}

fn money(cents: i64, currency: &str, w: &Words) -> String {
    let amount = format_cents(cents, w.locale);
    if currency == "EUR" {
        format!("{amount} €")
    } else {
        format!("{amount} {currency}")
    }
}

fn lines_table(o: &PurchaseOrder, w: &Words) -> Block {
    let columns = vec![
        Column::new(w.position, 0.7, Align::Right),
        Column::new(w.code, 1.25, Align::Left),
        Column::new(w.description, 2.85, Align::Left),
        Column::new(w.quantity, 1.2, Align::Right),
        Column::new(w.unit_price, 1.5, Align::Right),
        Column::new(w.discount, 0.95, Align::Right),
        Column::new(w.vat, 0.7, Align::Right),
        Column::new(w.net, 1.35, Align::Right),
    ];
    let rows = o
        .lines
        .iter()
        .map(|l| {
            let discount = if l.discount_bp == 0 {
                String::new()
            } else {
                format_scaled(l.discount_bp, 2, 0, w.locale)
            };
            vec![
                Cell::new(l.position.to_string()),
                Cell::new(l.item_code.clone().unwrap_or_default()),
                Cell::new(l.description.clone()),
                Cell::new(format!(
                    "{} {}",
                    format_quantity(l.quantity, w.locale),
                    l.unit
                )),
                Cell::new(format_unit_price(l.unit_price, w.locale)),
                Cell::new(discount),
                Cell::new(rate_text(l.vat_rate_bp, l.nature, w)),
                Cell::new(format_cents(l.net_cents, w.locale)),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

fn summary_table(summary: &[VatSummaryRow], currency: &str, w: &Words) -> Block {
    let columns = vec![
        Column::new(w.rate, 2.0, Align::Left),
        Column::new(w.taxable, 1.5, Align::Right),
        Column::new(w.tax, 1.5, Align::Right),
    ];
    let rows = summary
        .iter()
        .map(|r| {
            vec![
                Cell::new(rate_text(r.rate_bp, r.nature, w)),
                Cell::new(money(r.taxable, currency, w)),
                Cell::new(money(r.tax, currency, w)),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

fn totals_table(o: &PurchaseOrder, w: &Words) -> Block {
    let columns = vec![
        Column::new(w.totals, 3.0, Align::Left),
        Column::new(w.amount, 1.5, Align::Right),
    ];
    let c = o.currency.as_str();
    let mut rows = vec![
        vec![
            Cell::new(w.taxable),
            Cell::new(money(o.taxable_cents, c, w)),
        ],
        vec![Cell::new(w.vat), Cell::new(money(o.tax_cents, c, w))],
        vec![
            Cell::new(format!("{} ({c})", w.total)),
            Cell::new(money(o.total_cents, c, w)),
        ],
    ];
    if let Some(rate) = o.exchange_rate.filter(|_| c != "EUR") {
        rows.push(vec![
            Cell::new(w.exchange_rate),
            Cell::new(format!(
                "1 EUR = {} {c}",
                format_exchange_rate(rate, w.locale)
            )),
        ]);
    }
    Block::Table { columns, rows }
}

/// The approval stamp of a final copy: its number, the day, and each approver with the time.
fn approval_facts(p: &OrderPrint, w: &Words, number: &str) -> Vec<(String, String)> {
    let o = &p.order;
    let mut out = vec![
        (w.number.to_owned(), number.to_owned()),
        (w.approved_on.to_owned(), w.opt_day(o.approved_on)),
    ];
    for a in &o.approvals {
        out.push((
            w.approved_by.to_owned(),
            format!(
                "{} — {}, {}",
                a.user_name,
                w.role(a.role),
                w.instant(a.approved_at)
            ),
        ));
    }
    out
}
