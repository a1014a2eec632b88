//! A body's payments (`DatiPagamento`), order references (`DatiOrdineAcquisto`) and attached
//! files (`Allegati`).

use super::cursor::At;
use super::invoice::{Attachment, OrderRef, Payment};
use super::problem::{Problem, ProblemCode};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

/// One attached file, decoded; the whole file is capped too.
pub const MAX_ATTACHMENT_BYTES: usize = 15 * 1024 * 1024;

pub fn payments(body: At<'_>) -> Result<Vec<Payment>, Problem> {
    let mut out = Vec::new();
    for data in body.all("DatiPagamento") {
        for detail in data.at().all("DettaglioPagamento") {
            let d = detail.at();
            out.push(Payment {
                method: d.req_text("ModalitaPagamento")?,
                due_date: d.date("DataScadenzaPagamento")?,
                amount_cents: d.req_cents("ImportoPagamento")?,
                iban: d.text("IBAN"),
            });
        }
    }
    Ok(out)
}

pub fn order_refs(general: At<'_>) -> Result<Vec<OrderRef>, Problem> {
    let mut out = Vec::new();
    for order in general.all("DatiOrdineAcquisto") {
        let o = order.at();
        let mut line_numbers = Vec::new();
        for n in o.all("RiferimentoNumeroLinea") {
            let text = n.node.text.trim();
            let value = text.parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
                Problem::new(ProblemCode::BadAmount, n.path.clone())
                    .with("value", text.chars().take(40).collect::<String>())
                    .with("decimals", "0")
            })?;
            line_numbers.push(value);
        }
        out.push(OrderRef {
            document_id: o.req_text("IdDocumento")?,
            date: o.date("Data")?,
            line_numbers,
            item: o.text("NumItem"),
            cup: o.text("CodiceCUP"),
            cig: o.text("CodiceCIG"),
        });
    }
    Ok(out)
}

pub fn attachments(body: At<'_>) -> Result<Vec<Attachment>, Problem> {
    // Senders differ on the final padding; the content is the same.
    let engine = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    let mut out = Vec::new();
    for found in body.all("Allegati") {
        let a = found.at();
        let data = a.req("Attachment")?;
        let compact: Vec<u8> = data
            .node
            .text
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        if compact.len() / 4 * 3 > MAX_ATTACHMENT_BYTES {
            return Err(Problem::new(ProblemCode::TooLarge, data.path.clone())
                .with("max_mb", MAX_ATTACHMENT_BYTES / (1024 * 1024)));
        }
        let bytes = engine
            .decode(&compact)
            .map_err(|_| Problem::new(ProblemCode::BadAttachment, data.path.clone()))?;
        out.push(Attachment {
            name: a.req_text("NomeAttachment")?,
            format: a.text("FormatoAttachment"),
            description: a.text("DescrizioneAttachment"),
            size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
            bytes,
        });
    }
    Ok(out)
}
