//! What reading a year of supplier invoices costs: 1,000 files of 20 lines each, half of them
//! signed `.p7m`. Not a timed test: it prints, and runs only when asked:
//! `cargo test -p backoffice-core --release --test core -- --ignored --nocapture fatturapa_bench`.

use super::fatturapa_p7m::sign;
use super::fatturapa_xml::{body, doc, line};
use backoffice_core::import::fatturapa::read_file;
use std::time::Instant;

fn twenty_lines() -> String {
    let mut b = body("FT-1");
    b.lines = (1..=20)
        .map(|n| line(n, "Articolo di magazzino", "2.00", "5.00", "10.00"))
        .collect();
    doc(vec![b]).xml()
}

#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn fatturapa_bench() {
    let xml = twenty_lines();
    let signed = sign(xml.as_bytes());
    let started = Instant::now();
    let mut invoices = 0;
    for i in 0..1000 {
        let bytes: &[u8] = if i % 2 == 0 { xml.as_bytes() } else { &signed };
        let file = read_file("f.xml", bytes).unwrap();
        assert!(file.invoices[0].warnings.is_empty());
        invoices += file.invoices.len();
    }
    let elapsed = started.elapsed();
    println!(
        "fatturapa_bench: {invoices} invoices (20 lines, {} bytes; half signed) read in {:.0} ms ({:.2} ms per file)",
        xml.len(),
        elapsed.as_secs_f64() * 1000.0,
        elapsed.as_secs_f64()
    );
}
