//! The request for quotation as a printed document for one supplier: the organisation's
//! letterhead, the request (requisition number, date, reply-by date, wanted delivery), the
//! supplier, the lines asked with their quantities and units (price and discount left blank
//! for the supplier to fill in), and what the offer must state.

use super::purchase_order::{heading, organisation_lines, supplier_facts};
use super::purchase_order_words::Words;
use super::{Align, Block, Cell, Column, Labels, Picture, Report};
use crate::domain::organisation::Organisation;
use crate::domain::purchasing::quantity::format_quantity;
use crate::domain::purchasing::requisition::Requisition;
use crate::domain::purchasing::rfq::Rfq;
use crate::domain::purchasing::supplier::Supplier;
use chrono::NaiveDate;

/// What the printed request shows, read together.
pub struct RfqPrint {
    pub rfq: Rfq,
    pub requisition: Requisition,
    pub supplier: Supplier,
    pub organisation: Organisation,
    pub logo: Option<Picture>,
    /// The day it is sent: the request's own, or today for one being sent now.
    pub date: NaiveDate,
}

struct RfqWords {
    title: &'static str,
    requisition: &'static str,
    reply_by: &'static str,
    needed_by: &'static str,
    asked: &'static str,
    offer: &'static str,
    request: &'static str,
}

const IT: RfqWords = RfqWords {
    title: "Richiesta di offerta",
    requisition: "Richiesta d'acquisto",
    reply_by: "Rispondere entro il",
    needed_by: "Consegna richiesta entro il",
    asked: "Articoli richiesti",
    offer: "La vostra offerta",
    request: "Vi chiediamo di indicare per ogni riga il prezzo unitario e l'eventuale sconto, \
              i tempi di consegna in giorni, la validità dell'offerta e le condizioni di \
              fornitura e di pagamento.",
};

const EN: RfqWords = RfqWords {
    title: "Request for quotation",
    requisition: "Requisition",
    reply_by: "Please reply by",
    needed_by: "Delivery wanted by",
    asked: "Items requested",
    offer: "Your offer",
    request: "Please state for each line the unit price and any discount, the delivery time \
              in days, how long the offer is valid and your terms of supply and payment.",
};

/// The request as blocks, in `language` ("it" or "en"; Italian for anything else).
pub fn rfq_report(p: &RfqPrint, language: &str) -> Report {
    let w = Words::of(language);
    let rw = if language.trim().eq_ignore_ascii_case("en") {
        &EN
    } else {
        &IT
    };
    let r = &p.requisition;
    let title = format!("{} {}", rw.title, r.number);
    let org = &p.organisation;
    let mut labels = Labels::for_lang(w.lang);
    labels.page = w.page.to_owned();
    let mut head = vec![
        (rw.requisition.to_owned(), r.number.clone()),
        (w.date.to_owned(), w.day(p.date)),
        (rw.reply_by.to_owned(), w.opt_day(p.rfq.reply_by)),
    ];
    if r.needed_by.is_some() {
        head.push((rw.needed_by.to_owned(), w.opt_day(r.needed_by)));
    }
    head.push((w.requested_by.to_owned(), r.requested_by_name.clone()));
    let blocks = vec![
        Block::Letterhead {
            logo: p.logo.clone(),
            lines: organisation_lines(org, w),
        },
        Block::Heading {
            level: 1,
            text: rw.title.to_owned(),
        },
        Block::Facts(head),
        heading(w.supplier),
        Block::Facts(supplier_facts(&p.supplier, w)),
        heading(rw.asked),
        lines_table(r, w),
        heading(rw.offer),
        Block::Paragraph(rw.request.to_owned()),
    ];
    Report {
        title: title.clone(),
        subject: format!("{title} · {}", p.supplier.name),
        author: org.name.clone(),
        language: w.lang,
        footer_left: if org.name.is_empty() {
            title
        } else {
            format!("{} · {title}", org.name)
        },
        labels,
        watermark: None,
        blocks,
    }
}

fn lines_table(r: &Requisition, w: &Words) -> Block {
    let columns = vec![
        Column::new(w.position, 0.7, Align::Right),
        Column::new(w.code, 1.25, Align::Left),
        Column::new(w.description, 3.6, Align::Left),
        Column::new(w.quantity, 1.4, Align::Right),
        Column::new(w.unit_price, 1.5, Align::Right),
        Column::new(w.discount, 1.0, Align::Right),
    ];
    let rows = r
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::new(l.position.to_string()),
                Cell::new(l.item_code.clone().unwrap_or_default()),
                Cell::new(l.description.clone()),
                Cell::new(format!(
                    "{} {}",
                    format_quantity(l.quantity, w.locale),
                    l.unit
                )),
                Cell::new(String::new()),
                Cell::new(String::new()),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}
