//! What importing a year of supplier invoices costs through the service: 1,000 FatturaPA files
//! of 20 lines each (half of them signed `.p7m`), previewed then imported in one transaction
//! with their supplier created. Not a timed test: it prints, and runs only when asked:
//! `cargo test -p backoffice-core --release --test core -- --ignored --nocapture invoice_import_bench`.

use super::buyers;
use super::fatturapa_p7m::sign;
use super::fatturapa_xml::{body, doc, line};
use backoffice_core::domain::purchasing::invoice_import::InvoiceImportChoices;
use std::time::Instant;

#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn invoice_import_bench() {
    let b = buyers();
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..1000)
        .map(|i| {
            let number: &'static str = Box::leak(format!("FT-{i:04}").into_boxed_str());
            let mut inv = body(number);
            inv.lines = (1..=20)
                .map(|n| line(n, "Articolo di magazzino", "2.00", "5.00", "10.00"))
                .collect();
            let xml = doc(vec![inv]).xml();
            let (name, bytes) = if i % 2 == 0 {
                (format!("f{i}.xml"), xml.into_bytes())
            } else {
                (format!("f{i}.xml.p7m"), sign(xml.as_bytes()))
            };
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect();
    let started = Instant::now();
    let preview = b.t.app.preview_invoice_files(&b.buyer, &files).unwrap();
    let previewed = started.elapsed();
    assert_eq!(preview.ready, 1000);
    let hashes: Vec<_> = preview.files.iter().map(|f| f.sha256.clone()).collect();
    let choices = InvoiceImportChoices {
        create_suppliers: vec!["IT00488410010".into()],
        assign: Vec::new(),
    };
    let started = Instant::now();
    let out =
        b.t.app
            .import_invoice_files(&b.buyer, &files, &hashes, &choices)
            .unwrap();
    let imported = started.elapsed();
    assert_eq!(out.imported.len(), 1000);
    println!(
        "invoice_import_bench: 1,000 files (20 lines, half signed): preview {:.0} ms, import {:.0} ms",
        previewed.as_secs_f64() * 1000.0,
        imported.as_secs_f64() * 1000.0
    );
}
