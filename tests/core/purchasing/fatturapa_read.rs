//! FatturaPA files that read: each document type, both formats, several bodies, encodings,
//! prefixes, attachments and order references.

use super::fatturapa_xml::{body, doc};
use backoffice_core::import::fatturapa::{
    read_file, Decimal, DocumentType, Format, ProblemCode, Signature,
};
use chrono::NaiveDate;

#[test]
fn a_plain_invoice_reads_whole() {
    let mut b = body("FT-2026/0042");
    b.general_extra = r"
      <DatiOrdineAcquisto><RiferimentoNumeroLinea>1</RiferimentoNumeroLinea><RiferimentoNumeroLinea>2</RiferimentoNumeroLinea>
        <IdDocumento>OA-2026-0007</IdDocumento><Data>2026-03-01</Data><NumItem>3</NumItem><CodiceCIG>Z1234567AB</CodiceCIG></DatiOrdineAcquisto>"
        .to_owned();
    b.tail = r"    <DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento>
      <DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-04-30</DataScadenzaPagamento>
        <ImportoPagamento>244.00</ImportoPagamento><IBAN>IT60X0542811101000000123456</IBAN></DettaglioPagamento>
    </DatiPagamento>
"
    .to_owned();
    let xml = doc(vec![b]).xml();
    let file = read_file("IT00488410010_00001.xml", xml.as_bytes()).unwrap();
    assert_eq!(file.signature, Signature::None);
    assert_eq!(file.sha256.len(), 64);
    assert_eq!(file.invoices.len(), 1);
    let inv = &file.invoices[0];
    assert_eq!(inv.body_index, 1);
    assert_eq!(inv.format, Format::Fpr12);
    assert_eq!(inv.supplier.vat_country.as_deref(), Some("IT"));
    assert_eq!(inv.supplier.vat_code.as_deref(), Some("00488410010"));
    assert_eq!(inv.supplier.name, "Ferramenta Rossi S.r.l.");
    assert_eq!(inv.supplier.address.as_ref().unwrap().street, "Via Roma 1");
    assert_eq!(
        inv.supplier.email.as_deref(),
        Some("amministrazione@rossi.example")
    );
    assert_eq!(inv.buyer.name, "Anna Bianchi");
    assert_eq!(inv.recipient_code.as_deref(), Some("0000000"));
    assert_eq!(
        inv.recipient_pec.as_deref(),
        Some("acquisti@pec.esempio.it")
    );
    assert_eq!(inv.document_type, DocumentType::Invoice);
    assert_eq!(inv.currency, "EUR");
    assert_eq!(inv.number, "FT-2026/0042");
    assert_eq!(inv.date, NaiveDate::from_ymd_opt(2026, 3, 15).unwrap());
    assert_eq!(inv.total_cents, Some(24_400));
    assert_eq!(inv.reason.as_deref(), Some("Fornitura di marzo"));
    assert_eq!(inv.lines.len(), 2);
    let l = &inv.lines[1];
    assert_eq!(l.number, 2);
    assert_eq!(l.code.as_deref(), Some("EAN:8002"));
    assert_eq!(
        l.quantity,
        Some(Decimal {
            units: 100,
            scale: 2
        })
    );
    assert_eq!(
        l.unit_price,
        Decimal {
            units: 7_500_000_000,
            scale: 8
        }
    );
    assert_eq!(l.unit_price.to_string(), "75.00000000");
    assert_eq!(l.total_cents, 7_500);
    assert_eq!(l.vat_rate_bp, 2_200);
    assert_eq!(inv.vat_summary[0].taxable_cents, 20_000);
    assert_eq!(inv.vat_summary[0].tax_cents, 4_400);
    assert_eq!(inv.payments[0].amount_cents, 24_400);
    assert_eq!(inv.payments[0].method, "MP05");
    assert_eq!(
        inv.payments[0].due_date,
        NaiveDate::from_ymd_opt(2026, 4, 30)
    );
    assert_eq!(
        inv.payments[0].iban.as_deref(),
        Some("IT60X0542811101000000123456")
    );
    let o = &inv.order_refs[0];
    assert_eq!(o.document_id, "OA-2026-0007");
    assert_eq!(o.line_numbers, vec![1, 2]);
    assert_eq!(o.date, NaiveDate::from_ymd_opt(2026, 3, 1));
    assert_eq!(o.cig.as_deref(), Some("Z1234567AB"));
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
}

#[test]
fn every_supported_document_type_reads() {
    for (code, expected) in [
        ("TD01", DocumentType::Invoice),
        ("TD02", DocumentType::AdvanceOnInvoice),
        ("TD04", DocumentType::CreditNote),
        ("TD05", DocumentType::DebitNote),
        ("TD06", DocumentType::Fee),
        ("TD24", DocumentType::Other("TD24".into())),
        ("TD25", DocumentType::Other("TD25".into())),
        ("TD29", DocumentType::Other("TD29".into())),
    ] {
        let mut b = body("7");
        b.kind = code;
        let xml = doc(vec![b]).xml();
        let inv = &read_file("f.xml", xml.as_bytes()).unwrap().invoices[0];
        assert_eq!(inv.document_type, expected, "{code}");
        assert_eq!(inv.document_type.code(), code);
    }
    let mut b = body("7");
    b.kind = "TD99";
    let err = read_file("f.xml", doc(vec![b]).xml().as_bytes()).unwrap_err();
    assert_eq!(err.code, ProblemCode::BadCode);
    assert_eq!(
        err.path,
        "FatturaElettronicaBody[1]/DatiGenerali/DatiGeneraliDocumento/TipoDocumento"
    );
}

#[test]
fn a_credit_note_and_a_public_administration_invoice() {
    let mut b = body("NC-3");
    b.kind = "TD04";
    let mut d = doc(vec![b]);
    d.version = "FPA12";
    d.prefix = "ns2";
    let inv = &read_file("nc.xml", d.xml().as_bytes()).unwrap().invoices[0];
    assert!(inv.document_type.is_credit_note());
    assert_eq!(inv.format, Format::Fpa12);
    assert_eq!(inv.recipient_code.as_deref(), Some("UF1234"));
}

#[test]
fn several_bodies_share_the_header() {
    let d = doc(vec![body("A-1"), body("A-2"), body("A-3")]);
    let file = read_file("lotto.xml", d.xml().as_bytes()).unwrap();
    let numbers: Vec<_> = file.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["A-1", "A-2", "A-3"]);
    assert_eq!(file.invoices[2].body_index, 3);
    assert!(file
        .invoices
        .iter()
        .all(|i| i.supplier.vat_code.as_deref() == Some("00488410010")));
}

#[test]
fn prefixes_bom_and_latin1_all_read() {
    for prefix in ["", "p", "ns2", "a"] {
        let mut d = doc(vec![body("1")]);
        d.prefix = prefix;
        assert!(
            read_file("x.xml", d.xml().as_bytes()).is_ok(),
            "prefix {prefix:?}"
        );
    }
    // UTF-8 with a BOM.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(doc(vec![body("1")]).xml().as_bytes());
    assert!(read_file("bom.xml", &bytes).is_ok());
    // ISO-8859-1 declared, with accented letters in one byte each.
    let mut d = doc(vec![body("1")]);
    d.declaration = r#"<?xml version="1.0" encoding="ISO-8859-1"?>"#;
    d.supplier_name = "Società Agricola Perché Sì";
    let text = d.xml();
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(latin1.contains(&0xE0));
    let inv = &read_file("latin1.xml", &latin1).unwrap().invoices[0];
    assert_eq!(inv.supplier.name, "Società Agricola Perché Sì");
    // The same bytes declared as UTF-8 are refused, not turned into replacement characters.
    d.declaration = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
    let text = d.xml();
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    assert_eq!(
        read_file("x.xml", &latin1).unwrap_err().code,
        ProblemCode::BadEncoding
    );
    // UTF-16 with its BOM.
    let d = doc(vec![body("1")]);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in d.xml().replace("UTF-8", "UTF-16").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert!(read_file("u16.xml", &utf16).is_ok());
}

#[test]
fn attachments_are_decoded() {
    let mut b = body("1");
    b.tail = "    <Allegati><NomeAttachment>ddt.pdf</NomeAttachment><FormatoAttachment>PDF</FormatoAttachment>\
        <DescrizioneAttachment>Documento di trasporto</DescrizioneAttachment>\
        <Attachment>JVBERi0xLjQK\n  JSVFT0YK</Attachment></Allegati>\n".to_owned();
    let inv = &read_file("a.xml", doc(vec![b]).xml().as_bytes())
        .unwrap()
        .invoices[0];
    let a = &inv.attachments[0];
    assert_eq!(a.name, "ddt.pdf");
    assert_eq!(a.format.as_deref(), Some("PDF"));
    assert_eq!(a.bytes, b"%PDF-1.4\n%%EOF\n");
    assert_eq!(a.size, 15);
    let mut b = body("1");
    b.tail = "<Allegati><NomeAttachment>x</NomeAttachment><Attachment>@@@</Attachment></Allegati>"
        .to_owned();
    let err = read_file("a.xml", doc(vec![b]).xml().as_bytes()).unwrap_err();
    assert_eq!(err.code, ProblemCode::BadAttachment);
    assert_eq!(err.path, "FatturaElettronicaBody[1]/Allegati[1]/Attachment");
}

#[test]
fn the_preview_gets_decimals_and_codes_as_text() {
    let file = read_file("j.xml", doc(vec![body("1")]).xml().as_bytes()).unwrap();
    let json = serde_json::to_value(&file).unwrap();
    let inv = &json["invoices"][0];
    assert_eq!(inv["document_type"], "TD01");
    assert_eq!(inv["format"], "FPR12");
    assert_eq!(inv["lines"][1]["unit_price"], "75.00000000");
    assert_eq!(inv["lines"][0]["quantity"], "10.00");
    assert_eq!(json["signature"]["kind"], "none");
}
