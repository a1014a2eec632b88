//! One `FatturaElettronicaBody` into an invoice, with the header's parties.

use super::checks::{self, Extra};
use super::cursor::At;
use super::extras;
use super::goods;
use super::header::Header;
use super::invoice::{Adjustment, DocumentType, ReadInvoice};
use super::problem::{Problem, ProblemCode};

pub fn read(header: &Header, body: At<'_>, index: usize) -> Result<ReadInvoice, Problem> {
    let general = body.req("DatiGenerali")?;
    let document = general.at().req("DatiGeneraliDocumento")?;
    let d = document.at();
    let type_code = d.req_text("TipoDocumento")?;
    let document_type = DocumentType::from_code(&type_code).ok_or_else(|| {
        Problem::new(ProblemCode::BadCode, d.path_of("TipoDocumento")).with("value", &type_code)
    })?;
    let currency = d.req_text("Divisa")?.to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Problem::new(ProblemCode::BadCode, d.path_of("Divisa")).with("value", currency));
    }
    let date = d.req_date("Data")?;
    let number = d.req_text("Numero")?;
    let total_cents = d.cents("ImportoTotaleDocumento")?;
    let stamp_duty_cents = match d.child("DatiBollo") {
        Some(b) => b.at().cents("ImportoBollo")?,
        None => None,
    };
    // A document may carry several `Causale` lines; they are one text.
    let reason: Vec<String> = d
        .all("Causale")
        .iter()
        .map(|c| c.node.text.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    let mut extra = Extra {
        document_rounding_cents: d.cents("Arrotondamento")?,
        ..Extra::default()
    };
    for adj in d.all("ScontoMaggiorazione") {
        if let Adjustment::Amount(a) = goods::adjustment(adj.at())? {
            extra.document_adjustment_cents += a.rounded(2).map_or(0, |(c, _)| c);
        }
    }
    for fund in d.all("DatiCassaPrevidenziale") {
        let f = fund.at();
        extra.pension_funds.push((
            f.req_basis_points("AliquotaIVA")?,
            goods::nature(f)?,
            f.req_cents("ImportoContributoCassa")?,
        ));
    }
    let goods_node = body.req("DatiBeniServizi")?;
    let lines = goods::lines(goods_node.at())?;
    let vat_summary = goods::summary(goods_node.at())?;
    let mut invoice = ReadInvoice {
        body_index: i64::try_from(index).unwrap_or(i64::MAX),
        format: header.format,
        supplier: header.supplier.clone(),
        buyer: header.buyer.clone(),
        recipient_code: header.recipient_code.clone(),
        recipient_pec: header.recipient_pec.clone(),
        document_type,
        currency,
        number,
        date,
        total_cents,
        stamp_duty_cents,
        reason: (!reason.is_empty()).then(|| reason.join(" ")),
        lines,
        vat_summary,
        payments: extras::payments(body)?,
        order_refs: extras::order_refs(general.at())?,
        attachments: extras::attachments(body)?,
        warnings: header.warnings.clone(),
    };
    let found = checks::run(&invoice, &extra, body.path());
    invoice.warnings.extend(found);
    Ok(invoice)
}
