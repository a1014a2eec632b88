//! Importing supplier invoices from FatturaPA files through the service: the preview writes
//! nothing and reports per file; the confirm writes the good invoices of every file at once,
//! keeps the original file and the `Allegati` as the invoice's attachments, links our orders,
//! creates the suppliers chosen; duplicates are recognised in the store and in the batch; bad
//! files are listed with the file and the element and nothing of them is imported.

use super::buyers;
use super::fatturapa_p7m::sign;
use super::fatturapa_xml::{body, doc, Body};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::invoice::SignatureState;
use backoffice_core::domain::purchasing::invoice_import::{
    InvoiceAssignment, InvoiceImportChoices, InvoiceKey, InvoiceVerdict, SkipReason, SupplierMatch,
};
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm};
use backoffice_core::import::fatturapa::ProblemCode;
use backoffice_core::ErrorCode;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

const ROSSI: &str = "IT00488410010";

/// Files written in a folder of their own.
struct Files(tempfile::TempDir);

impl Files {
    fn new() -> Self {
        Self(tempfile::tempdir().unwrap())
    }

    fn put(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

fn with_payment_and_order(mut b: Body, order: &str) -> Body {
    b.general_extra = format!(
        "<DatiOrdineAcquisto><RiferimentoNumeroLinea>1</RiferimentoNumeroLinea>\
         <IdDocumento>{order}</IdDocumento><Data>2026-03-01</Data></DatiOrdineAcquisto>"
    );
    b.tail = "    <DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento>
      <DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-04-30</DataScadenzaPagamento>
        <ImportoPagamento>244.00</ImportoPagamento><IBAN>IT60X0542811101000000123456</IBAN></DettaglioPagamento>
    </DatiPagamento>
    <Allegati><NomeAttachment>ddt.pdf</NomeAttachment><FormatoAttachment>PDF</FormatoAttachment>
      <DescrizioneAttachment>Documento di trasporto</DescrizioneAttachment>
      <Attachment>JVBERi0xLjQKJSVFT0YK</Attachment></Allegati>\n"
        .to_owned();
    b
}

fn hashes(
    p: &backoffice_core::domain::purchasing::invoice_import::InvoiceImportPreview,
) -> Vec<Option<String>> {
    p.files.iter().map(|f| f.sha256.clone()).collect()
}

fn create(keys: &[&str]) -> InvoiceImportChoices {
    InvoiceImportChoices {
        create_suppliers: keys.iter().map(|k| (*k).to_owned()).collect(),
        assign: Vec::new(),
    }
}

#[test]
fn a_new_supplier_is_offered_then_created_and_the_invoice_kept_whole() {
    let b = buyers();
    let dir = Files::new();
    let xml = doc(vec![with_payment_and_order(
        body("FT-2026/0042"),
        "OA-2026-0099",
    )])
    .xml();
    let path = dir.put("IT00488410010_00001.xml", xml.as_bytes());
    let files = vec![path];

    let preview = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 0);
    assert_eq!(b.t.count("SELECT count(*) FROM suppliers"), 0);
    let f = &preview.files[0];
    assert_eq!(f.problem, None);
    assert_eq!(f.signature, Some(SignatureState::None));
    let inv = &f.invoices[0];
    assert_eq!(inv.number, "FT-2026/0042");
    assert_eq!(inv.total_cents, 24_400);
    assert_eq!(
        inv.supplier,
        SupplierMatch::Unknown {
            vat_key: ROSSI.into()
        }
    );
    assert_eq!(inv.verdict, InvoiceVerdict::NeedsSupplier);
    assert_eq!(preview.new_suppliers.len(), 1);
    assert_eq!(
        preview.new_suppliers[0].input.name,
        "Ferramenta Rossi S.r.l."
    );
    assert_eq!(preview.new_suppliers[0].problem, None);
    assert_eq!(preview.ready, 1);

    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&preview), &create(&[ROSSI]))
            .unwrap();
    assert_eq!(out.imported.len(), 1);
    assert_eq!(out.suppliers_created, 1);
    let stored = b.t.app.invoice(&b.accountant, out.imported[0].id).unwrap();
    assert_eq!(stored.supplier_name, "Ferramenta Rossi S.r.l.");
    assert_eq!(stored.supplier_vat.as_deref(), Some(ROSSI));
    assert_eq!(stored.document_type, "TD01");
    assert_eq!(
        (stored.taxable_cents, stored.tax_cents, stored.total_cents),
        (20_000, 4_400, 24_400)
    );
    assert_eq!(stored.lines.len(), 2);
    assert_eq!(stored.lines[0].quantity, Some(10_000));
    assert_eq!(stored.lines[0].unit_price, 125_000);
    assert_eq!(stored.lines[0].quantity_text.as_deref(), Some("10.00"));
    assert_eq!(stored.vat.len(), 1);
    assert_eq!(stored.dues.len(), 1);
    assert_eq!(stored.dues[0].amount_cents, 24_400);
    assert_eq!(stored.first_due_date.unwrap().to_string(), "2026-04-30");
    assert_eq!(stored.order_refs[0].document_id, "OA-2026-0099");
    assert_eq!(stored.order_refs[0].order_id, None);
    assert_eq!(stored.status.as_str(), "to_match");
    let parties = stored.parties.as_ref().unwrap();
    assert_eq!(parties.buyer.name, "Anna Bianchi");
    // The original as received, and the attached transport document.
    let sha = hex::encode(Sha256::digest(xml.as_bytes()));
    assert_eq!(stored.file_sha256.as_deref(), Some(sha.as_str()));
    let files_of =
        b.t.app
            .attachments(&b.accountant, "supplier_invoices", stored.id)
            .unwrap();
    let names: Vec<&str> = files_of.iter().map(|a| a.file_name.as_str()).collect();
    assert!(names.contains(&"IT00488410010_00001.xml"), "{names:?}");
    assert!(names.contains(&"ddt.pdf"), "{names:?}");
    assert!(files_of.iter().any(|a| a.sha256 == sha));
    // The original stays: it is the document as received; the other files may go.
    let original = files_of.iter().find(|a| a.sha256 == sha).unwrap();
    let e =
        b.t.app
            .delete_attachment(&b.buyer, original.id, original.version)
            .unwrap_err();
    assert_eq!(e.params["reason"], "original_invoice_file");
    let ddt = files_of.iter().find(|a| a.file_name == "ddt.pdf").unwrap();
    b.t.app
        .delete_attachment(&b.buyer, ddt.id, ddt.version)
        .unwrap();
    // History has every row.
    assert_eq!(
        b.t.count("SELECT count(*) FROM changes WHERE entity = 'supplier_invoice_lines'"),
        2
    );
}

#[test]
fn our_order_is_linked_and_a_known_supplier_matched() {
    let b = buyers();
    let buyer2 = b.t.user("acquisti2", &[Role::Purchasing]);
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let o =
        b.t.app
            .create_order(
                &b.buyer,
                &OrderInput {
                    supplier_id: s.id,
                    department_id: None,
                    currency: None,
                    exchange_rate: None,
                    delivery_address: None,
                    delivery_date: None,
                    payment_terms: None,
                    notes: None,
                    lines: vec![OrderLineForm {
                        item_code: None,
                        description: "Viti".into(),
                        category_id: None,
                        unit: None,
                        quantity: 10_000,
                        unit_price: 125_000,
                        discount_bp: 0,
                        vat_rate_bp: 2200,
                        nature: None,
                    }],
                },
            )
            .unwrap();
    let o = b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    let o = b.t.app.approve_order(&buyer2, o.id, o.version).unwrap();
    let number = o.number.clone().unwrap();
    let dir = Files::new();
    // The supplier writes our number in lower case with a space: still ours.
    let written: &'static str = Box::leak(format!(" {} ", number.to_lowercase()).into_boxed_str());
    let files = vec![dir.put(
        "a.xml",
        doc(vec![with_payment_and_order(body("7"), written)])
            .xml()
            .as_bytes(),
    )];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(
        p.files[0].invoices[0].supplier,
        SupplierMatch::Known {
            id: s.id,
            name: "Ferramenta Rossi".into()
        }
    );
    assert_eq!(p.files[0].invoices[0].verdict, InvoiceVerdict::Ready);
    assert!(p.new_suppliers.is_empty());
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[]))
            .unwrap();
    assert_eq!(out.suppliers_created, 0);
    let inv = b.t.app.invoice(&b.buyer, out.imported[0].id).unwrap();
    assert_eq!(inv.supplier_id, s.id);
    assert_eq!(inv.order_refs[0].order_id, Some(o.id));
    assert_eq!(
        inv.order_refs[0].order_number.as_deref(),
        Some(number.as_str())
    );
}

#[test]
fn bad_files_are_listed_with_file_and_element_and_nothing_is_imported() {
    let b = buyers();
    let dir = Files::new();
    let good = doc(vec![body("FT-1")]).xml();
    let mut three = body("FT-3");
    three.total = Some("244.000");
    let mut signed = sign(good.as_bytes());
    let at = signed.windows(4).position(|w| w == b"FT-1").unwrap();
    signed[at + 3] = b'9';
    let cases: Vec<(&str, Vec<u8>, ProblemCode, &str)> = vec![
        (
            "note.xml",
            b"Gentile cliente, in allegato".to_vec(),
            ProblemCode::NotXml,
            "",
        ),
        (
            "ordine.xml",
            b"<?xml version=\"1.0\"?><Ordine><Numero>1</Numero></Ordine>".to_vec(),
            ProblemCode::NotFatturaPa,
            "",
        ),
        (
            "troncato.xml",
            good.as_bytes()[..good.len() / 2].to_vec(),
            ProblemCode::Truncated,
            "",
        ),
        ("alterato.xml.p7m", signed, ProblemCode::SignatureBroken, ""),
        (
            "decimali.xml",
            doc(vec![three]).xml().into_bytes(),
            ProblemCode::BadAmount,
            "ImportoTotaleDocumento",
        ),
    ];
    for (name, bytes, code, element) in cases {
        let files = vec![dir.put(name, &bytes)];
        let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
        let problem = p.files[0].problem.clone().expect(name);
        assert_eq!(problem.code, code, "{name}");
        assert_eq!(problem.file, name);
        assert!(problem.path.ends_with(element), "{name}: {}", problem.path);
        assert!(p.files[0].invoices.is_empty());
        assert_eq!(p.ready, 0);
        // The error the window words names the file and the element.
        let e = backoffice_core::Error::from(problem);
        assert_eq!(e.code, ErrorCode::BadFile);
        assert_eq!(e.params["file"], name);
        assert!(e.params["reason"].starts_with("fatturapa_"));
        let out =
            b.t.app
                .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[ROSSI]))
                .unwrap();
        assert!(out.imported.is_empty());
        assert_eq!(out.refused.len(), 1);
        assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 0);
        assert_eq!(b.t.count("SELECT count(*) FROM suppliers"), 0);
        assert_eq!(b.t.count("SELECT count(*) FROM attachments"), 0);
    }
}

#[test]
fn lines_not_adding_up_are_imported_with_the_difference_shown() {
    let b = buyers();
    b.supplier("Ferramenta Rossi", "00488410010");
    let mut inv = body("FT-5");
    inv.summary[0].taxable = "210.00";
    inv.summary[0].tax = "46.20";
    inv.total = Some("256.20");
    let dir = Files::new();
    let files = vec![dir.put("diff.xml", doc(vec![inv]).xml().as_bytes())];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    let w = &p.files[0].invoices[0].warnings;
    assert!(
        w.iter().any(|w| w.code == ProblemCode::SummaryTaxable),
        "{w:?}"
    );
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[]))
            .unwrap();
    let stored = b.t.app.invoice(&b.buyer, out.imported[0].id).unwrap();
    // As written, not corrected: the summary's amounts, the warning kept with its difference.
    assert_eq!(stored.taxable_cents, 21_000);
    assert_eq!(stored.total_cents, 25_620);
    let kept = stored
        .warnings
        .iter()
        .find(|w| w.code == ProblemCode::SummaryTaxable)
        .unwrap();
    assert_eq!(kept.file, "diff.xml");
    assert!(kept.params.contains_key("difference"), "{kept:?}");
    let row =
        &b.t.app
            .list_invoices(&b.buyer, &Default::default())
            .unwrap()
            .items[0];
    assert_eq!(row.warning_count, stored.warnings.len() as i64);
}

#[test]
fn the_same_invoice_twice_is_recognised_in_the_store_and_in_the_batch() {
    let b = buyers();
    b.supplier("Ferramenta Rossi", "00488410010");
    let dir = Files::new();
    let xml = doc(vec![body("FT-9")]).xml();
    let first = dir.put("uno.xml", xml.as_bytes());
    // The same invoice signed: another file, the same invoice.
    let again = dir.put("uno.xml.p7m", &sign(xml.as_bytes()));
    let files = vec![first.clone(), again.clone()];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(p.files[0].invoices[0].verdict, InvoiceVerdict::Ready);
    assert_eq!(
        p.files[1].invoices[0].verdict,
        InvoiceVerdict::DuplicateInBatch
    );
    assert_eq!(p.files[1].signature, Some(SignatureState::Intact));
    assert_eq!(p.ready, 1);
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[]))
            .unwrap();
    assert_eq!(out.imported.len(), 1);
    assert_eq!(out.skipped[0].reason, SkipReason::DuplicateInBatch);
    let id = out.imported[0].id;

    // Once stored, the same invoice is the stored one.
    let files = vec![again];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(p.files[0].invoices[0].verdict, InvoiceVerdict::Duplicate);
    assert_eq!(p.files[0].invoices[0].duplicate_of, Some(id));
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[]))
            .unwrap();
    assert!(out.imported.is_empty());
    assert_eq!(out.skipped[0].reason, SkipReason::Duplicate);
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 1);
}

#[test]
fn a_batch_with_a_bad_file_imports_the_good_ones_only_on_confirm() {
    let b = buyers();
    let dir = Files::new();
    let files = vec![
        dir.put("buona.xml", doc(vec![body("FT-1")]).xml().as_bytes()),
        dir.put("rotta.xml", b"%PDF-1.4 not an invoice"),
        dir.put("altra.xml", doc(vec![body("FT-2")]).xml().as_bytes()),
    ];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(
        p.files[1].problem.as_ref().unwrap().code,
        ProblemCode::NotXml
    );
    assert_eq!(p.ready, 2);
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 0);
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[ROSSI]))
            .unwrap();
    assert_eq!(out.imported.len(), 2);
    assert_eq!(out.suppliers_created, 1);
    assert_eq!(out.refused[0].file, "rotta.xml");
}

#[test]
fn one_file_of_several_bodies_is_kept_once_and_linked_to_each() {
    let b = buyers();
    b.supplier("Ferramenta Rossi", "00488410010");
    let dir = Files::new();
    let xml = doc(vec![body("FT-1"), body("FT-2")]).xml();
    let files = vec![dir.put("lotto.xml", xml.as_bytes())];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    assert_eq!(p.files[0].invoices.len(), 2);
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[]))
            .unwrap();
    assert_eq!(out.imported.len(), 2);
    let sha = hex::encode(Sha256::digest(xml.as_bytes()));
    assert_eq!(
        b.t.count(&format!(
            "SELECT count(DISTINCT record_id) FROM attachments WHERE sha256 = '{sha}'"
        )),
        2
    );
    let second = b.t.app.invoice(&b.buyer, out.imported[1].id).unwrap();
    assert_eq!(second.body_index, Some(2));
}

#[test]
fn a_wrong_vat_number_is_a_warning_and_never_a_new_supplier() {
    let b = buyers();
    let dir = Files::new();
    let mut d = doc(vec![body("FT-1")]);
    d.supplier_vat = "00488410011";
    let files = vec![dir.put("iva.xml", d.xml().as_bytes())];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    let inv = &p.files[0].invoices[0];
    assert!(matches!(inv.supplier, SupplierMatch::BadVatNumber { .. }));
    assert!(inv
        .warnings
        .iter()
        .any(|w| w.code == ProblemCode::VatCheckDigit));
    assert!(p.new_suppliers.is_empty());
    assert_eq!(p.ready, 0);
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&["IT00488410011"]))
            .unwrap();
    assert!(out.imported.is_empty());
    assert_eq!(out.skipped[0].reason, SkipReason::NoSupplier);
    assert_eq!(b.t.count("SELECT count(*) FROM suppliers"), 0);
    // Given by hand to one of ours, it imports with its warning.
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let choices = InvoiceImportChoices {
        create_suppliers: Vec::new(),
        assign: vec![InvoiceAssignment {
            key: InvoiceKey {
                file_index: 0,
                body_index: 1,
            },
            supplier_id: s.id,
        }],
    };
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &choices)
            .unwrap();
    let stored = b.t.app.invoice(&b.buyer, out.imported[0].id).unwrap();
    assert_eq!(stored.supplier_id, s.id);
    assert!(stored
        .warnings
        .iter()
        .any(|w| w.code == ProblemCode::VatCheckDigit));
}

#[test]
fn a_file_changed_since_the_preview_is_refused() {
    let b = buyers();
    let dir = Files::new();
    let path = dir.put("f.xml", doc(vec![body("FT-1")]).xml().as_bytes());
    let files = vec![path.clone()];
    let p = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    std::fs::write(&path, doc(vec![body("FT-2")]).xml()).unwrap();
    let e =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes(&p), &create(&[ROSSI]))
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::FileChanged);
    assert_eq!(e.params["file"], "f.xml");
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 0);
}

#[test]
fn only_purchasing_imports() {
    let b = buyers();
    let dir = Files::new();
    let files = vec![dir.put("f.xml", doc(vec![body("FT-1")]).xml().as_bytes())];
    for who in [&b.accountant, &b.it, &b.manager] {
        let e = b.t.app.preview_invoice_files(who, &files).unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
    }
}
