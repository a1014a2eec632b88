//! The purchase order as PDF: a long order over several pages with its header repeated, a
//! draft with its watermark and no number, the final copy marking the order sent, a cancelled
//! order refused, a reader refused the final copy; the organisation's logo on the page.

use super::{buyers, Buyers};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::decimal::NumberLocale;
use backoffice_core::domain::purchasing::money::format_cents;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm, PurchaseOrder};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::vat_rate::Nature;
use backoffice_core::ErrorCode;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn pages_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().join("order-pages")
}

fn has_tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Per page, the words drawn taller than 60 pt (a watermark's letters, which a rotated line
/// gives back in pieces), joined from left to right.
fn big_words(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let num = |line: &str, key: &str| -> f32 {
        let start = line.find(key).unwrap() + key.len();
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let mut words: Vec<(f32, String)> = page
                .lines()
                .filter(|l| l.trim_start().starts_with("<word"))
                .filter(|l| num(l, "yMax=\"") - num(l, "yMin=\"") > 60.0)
                .map(|l| {
                    let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
                    (num(l, "xMin=\""), text.to_owned())
                })
                .collect();
            words.sort_by(|a, b| a.0.total_cmp(&b.0));
            words.into_iter().map(|w| w.1).collect()
        })
        .collect()
}

fn png_pages(pdf: &Path, prefix: &str) {
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(pages_dir().join(prefix))
        .status()
        .unwrap();
    assert!(status.success());
}

/// An RGB PNG of `w` × `h` pixels: a blue band with a lighter square, like a small logo.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0u8);
        for x in 0..w {
            let inside = x > w / 10 && x < w / 10 + h * 7 / 10 && y > h / 7 && y < h * 6 / 7;
            raw.extend_from_slice(if inside {
                &[240, 170, 30]
            } else {
                &[31, 78, 121]
            });
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.finalize().to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    out
}

fn line(i: usize) -> OrderLineForm {
    let long = if i.is_multiple_of(7) {
        " con finitura zincata a caldo, confezione da magazzino e certificato di conformità allegato"
    } else {
        ""
    };
    OrderLineForm {
        item_code: Some(format!("ART-{i:04}")),
        description: format!("Articolo di ferramenta numero {i}{long}"),
        category_id: None,
        unit: Some(if i.is_multiple_of(3) { "kg" } else { "pz" }.into()),
        quantity: 1_500 + i as i64 * 250,
        unit_price: 123_456 + i as i64 * 1_000,
        discount_bp: if i.is_multiple_of(5) { 1_000 } else { 0 },
        vat_rate_bp: if i.is_multiple_of(11) { 0 } else { 2_200 },
        nature: i.is_multiple_of(11).then_some(Nature::N2_2),
    }
}

fn order_of(b: &Buyers, lines: usize) -> PurchaseOrder {
    let s = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let input = OrderInput {
        supplier_id: s.id,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: Some(
            "Stabilimento di Lainate, Via Garibaldi 7, 20045 Lainate (MI)".into(),
        ),
        delivery_date: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 21).unwrap()),
        payment_terms: Some("30 gg DFFM".into()),
        notes: Some("Consegna al magazzino dalle 8 alle 12.".into()),
        lines: (1..=lines).map(line).collect(),
    };
    b.t.app.create_order(&b.buyer, &input).unwrap()
}

/// The order submitted and approved by whoever its amount needs.
fn approved(b: &Buyers, o: &PurchaseOrder) -> PurchaseOrder {
    let o = b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    let boss = b.t.user("direttore", &[Role::Admin]);
    let o = b.t.app.approve_order(&b.manager, o.id, o.version).unwrap();
    if o.status == OrderState::Approved {
        return o;
    }
    b.t.app.approve_order(&boss, o.id, o.version).unwrap()
}

#[test]
fn sixty_lines_run_over_pages_and_the_final_copy_marks_the_order_sent() {
    let b = buyers();
    let logo = b.t._dir.path().join("logo.png");
    std::fs::write(&logo, png(480, 160)).unwrap();
    b.t.app.set_organisation_logo(&b.t.admin, &logo).unwrap();
    let o = approved(&b, &order_of(&b, 60));
    assert_eq!(o.status, OrderState::Approved);
    let number = o.number.clone().unwrap();

    std::fs::create_dir_all(pages_dir()).unwrap();
    let path = pages_dir().join("order-it.pdf");
    let saved = b.t.app.save_order_pdf(&b.buyer, o.id, "it", &path).unwrap();
    assert!(saved.is_final);
    assert!(saved.pages >= 3, "{saved:?}");
    let after = b.t.app.order(&b.buyer, o.id).unwrap();
    assert_eq!(after.status, OrderState::Sent);
    assert!(after.sent_on.is_some());
    // The export is recorded with the order's number.
    let events = b.t.count(
        "SELECT count(*) FROM changes WHERE entity = 'exports'
           AND after LIKE '%purchase_order%'",
    );
    assert_eq!(events, 1);
    // Printing again leaves a sent order as it is.
    let again =
        b.t.app
            .save_order_pdf(&b.buyer, o.id, "en", &pages_dir().join("order-en.pdf"))
            .unwrap();
    assert!(again.is_final);
    assert_eq!(
        b.t.app.order(&b.buyer, o.id).unwrap().version,
        after.version
    );

    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");

    if !has_tool("pdftotext") {
        eprintln!("poppler-utils not installed: PDF not read back");
        return;
    }
    let text = pdf_text(&path);
    assert!(
        text.contains(&format!("Ordine d'acquisto {number}")),
        "{text}"
    );
    assert!(text.contains("Ferramenta Rossi S.r.l.") && text.contains("Rossi Forniture S.r.l."));
    let total = format_cents(after.total_cents, NumberLocale::It);
    assert!(total.contains('.') && total.contains(','), "{total}");
    assert!(text.contains(&format!("{total} €")), "{total} in {text}");
    assert!(text.contains(&format!("1/{}", saved.pages)));
    assert!(text.contains(&format!("{}/{}", saved.pages, saved.pages)));
    // The lines' header on every page the table runs over; no watermark on a final copy.
    assert!(text.matches("Prezzo unit.").count() >= 2, "{text}");
    assert!(big_words(&path).iter().all(String::is_empty));
    assert!(text.contains("N2.2") && text.contains("ART-0060"));
    let en = pdf_text(&pages_dir().join("order-en.pdf"));
    assert!(en.contains(&format!("Purchase order {number}")) && en.contains("Unit price"));
    assert!(en.contains(&format_cents(after.total_cents, NumberLocale::En)));
    png_pages(&path, "order-it");
    png_pages(&pages_dir().join("order-en.pdf"), "order-en");
}

#[test]
fn a_draft_prints_watermarked_without_a_number_and_changes_nothing() {
    let b = buyers();
    let o = order_of(&b, 40);
    std::fs::create_dir_all(pages_dir()).unwrap();
    let path = pages_dir().join("draft-it.pdf");
    // Anyone in purchasing may print a draft, a reader too.
    let saved =
        b.t.app
            .save_order_pdf(&b.accountant, o.id, "it", &path)
            .unwrap();
    assert!(!saved.is_final);
    assert!(saved.pages >= 2);
    let after = b.t.app.order(&b.buyer, o.id).unwrap();
    assert_eq!(
        (after.status, after.version),
        (OrderState::Draft, o.version)
    );
    let pending = b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    let bytes = b.t.app.order_pdf_bytes(&b.buyer, pending.id, "en").unwrap();
    assert!(!bytes.is_final);
    assert!(bytes.bytes.starts_with(b"%PDF"));
    if !has_tool("pdftotext") {
        return;
    }
    let text = pdf_text(&path);
    assert!(text.contains("Ordine d'acquisto —"), "{text}");
    // On every page.
    assert_eq!(big_words(&path), vec!["BOZZA"; saved.pages]);
    assert!(!text.contains("OA-2026"));
    let en_path = pages_dir().join("draft-en.pdf");
    std::fs::write(&en_path, &bytes.bytes).unwrap();
    let en = pdf_text(&en_path);
    assert!(en.contains("Not approved yet"), "{en}");
    assert_eq!(big_words(&en_path), vec!["DRAFT"; bytes.pages]);
    png_pages(&path, "draft-it");
    png_pages(&en_path, "draft-en");
}

#[test]
fn a_cancelled_order_is_refused_and_a_reader_gets_no_final_copy() {
    let b = buyers();
    let o = approved(&b, &order_of(&b, 3));
    let path = b.t._dir.path().join("order.pdf");
    let e =
        b.t.app
            .save_order_pdf(&b.accountant, o.id, "it", &path)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = b.t.app.order_pdf_bytes(&b.it, o.id, "it").unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(!path.exists());
    assert_eq!(
        b.t.app.order(&b.buyer, o.id).unwrap().status,
        OrderState::Approved
    );

    let o =
        b.t.app
            .cancel_order(&b.buyer, o.id, o.version, "Non più necessario")
            .unwrap();
    let e =
        b.t.app
            .save_order_pdf(&b.buyer, o.id, "it", &path)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(
        e.params.get("reason").map(String::as_str),
        Some("cancelled")
    );
    assert!(!path.exists());
}

#[test]
fn the_logo_is_checked_by_content_and_can_be_removed() {
    let b = buyers();
    let dir = b.t._dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let reason = |e: backoffice_core::Error| {
        assert_eq!(e.code, ErrorCode::BadFile, "{e:?}");
        e.params.get("reason").cloned().unwrap_or_default()
    };
    let text = write("logo.png", b"not a picture at all");
    assert_eq!(
        reason(
            b.t.app
                .set_organisation_logo(&b.t.admin, &text)
                .unwrap_err()
        ),
        "not_an_image"
    );
    let huge = write("wide.png", &png(4100, 2));
    assert_eq!(
        reason(
            b.t.app
                .set_organisation_logo(&b.t.admin, &huge)
                .unwrap_err()
        ),
        "image_too_large"
    );
    let mut cut = png(60, 20);
    cut.truncate(cut.len() - 20);
    let cut = write("cut.png", &cut);
    assert_eq!(
        reason(b.t.app.set_organisation_logo(&b.t.admin, &cut).unwrap_err()),
        "damaged_image"
    );
    let mut big = png(10, 10);
    big.resize(2 * 1024 * 1024 + 1, 0);
    let big = write("big.png", &big);
    assert_eq!(
        reason(b.t.app.set_organisation_logo(&b.t.admin, &big).unwrap_err()),
        "too_large"
    );
    let missing = dir.join("nowhere.png");
    assert_eq!(
        reason(
            b.t.app
                .set_organisation_logo(&b.t.admin, &missing)
                .unwrap_err()
        ),
        "not_found"
    );
    // Only settings' writers choose it.
    let good = write("good.png", &png(120, 40));
    let e = b.t.app.set_organisation_logo(&b.buyer, &good).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(b.t.app.organisation_logo(&b.t.admin).unwrap(), None);

    let org = b.t.app.set_organisation_logo(&b.t.admin, &good).unwrap();
    assert_eq!(org.logo_sha256.as_deref().map(str::len), Some(64));
    assert_eq!(
        b.t.app.organisation_logo(&b.t.admin).unwrap(),
        Some(png(120, 40))
    );
    let org = b.t.app.clear_organisation_logo(&b.t.admin).unwrap();
    assert_eq!(org.logo_sha256, None);
    assert_eq!(b.t.app.organisation_logo(&b.t.admin).unwrap(), None);
    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn fifty_lines_print_quickly() {
    let b = buyers();
    let logo = b.t._dir.path().join("logo.png");
    std::fs::write(&logo, png(480, 160)).unwrap();
    b.t.app.set_organisation_logo(&b.t.admin, &logo).unwrap();
    let o = approved(&b, &order_of(&b, 50));
    let mut times = Vec::new();
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let pdf = b.t.app.order_pdf_bytes(&b.buyer, o.id, "it").unwrap();
        times.push(t.elapsed());
        assert!(pdf.is_final);
    }
    times.sort();
    eprintln!(
        "order PDF, 50 lines: median {:?}, p95 {:?} (goal < 300 ms in release)",
        times[times.len() / 2],
        times[times.len() * 95 / 100]
    );
}
