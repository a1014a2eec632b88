//! Asset label sheets: the grid of every format, validation, a sheet read back as text, the QR
//! codes decoded from the rendered pages (when zbarimg is installed) and 1,000 labels timed.
//! Pictures go to `<target>/label-pages/` for a look.

use backoffice_core::report::{
    qr_matrix, render_labels, sheets, Label, LabelOptions, LabelSheet, A4_3X8, MAX_TAG_CHARS,
    QUIET_ZONE,
};
use backoffice_core::ErrorCode;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn label(i: usize) -> Label {
    let tag = format!("IT-{i:05}");
    Label {
        qr: tag.clone(),
        tag,
        name: match i % 3 {
            0 => "Portatile Lenovo ThinkPad T14 — reparto qualità e sicurezza".into(),
            1 => "Stampante multifunzione".into(),
            _ => "Monitor 27\" però più luminoso".into(),
        },
        line2: (!i.is_multiple_of(4))
            .then(|| format!("S/N PF3K{i:04} · Sede di Brescia, 2° piano")),
    }
}

fn pages_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.ancestors().nth(3).unwrap().join("label-pages");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn has_tool(name: &str) -> bool {
    Command::new(name).arg("--version").output().is_ok()
}

fn render(sheet: &LabelSheet, labels: &[Label], options: LabelOptions, name: &str) -> PathBuf {
    let mut pdf = Vec::new();
    let stats = render_labels(sheet, labels, &options, &mut pdf).unwrap();
    assert_eq!(stats.bytes, pdf.len());
    assert_eq!(stats.labels, labels.len());
    let path = pages_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, &pdf).unwrap();
    path
}

fn to_png(pdf: &Path, dpi: u32) -> PathBuf {
    let stem = pdf.with_extension("");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", &dpi.to_string()])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success());
    PathBuf::from(format!("{}-1.png", stem.display()))
}

#[test]
fn thirty_labels_from_position_two_take_two_pages() {
    let labels: Vec<Label> = (1..=30).map(label).collect();
    let options = LabelOptions {
        start_at: 2,
        outlines: true,
    };
    let mut pdf = Vec::new();
    let stats = render_labels(&A4_3X8, &labels, &options, &mut pdf).unwrap();
    assert_eq!(stats.pages, 2, "22 on the first sheet, 8 on the second");
    assert!(pdf.starts_with(b"%PDF-"));
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/FontFile2") && has(b"DejaVuSans"));

    if !has_tool("pdftotext") {
        eprintln!("poppler-utils not installed: labels not read back");
        return;
    }
    let path = render(&A4_3X8, &labels, options, "a4-3x8");
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages[0].contains("IT-00001") && pages[0].contains("IT-00022"));
    assert!(pages[1].contains("IT-00023") && pages[1].contains("IT-00030"));
    assert!(text.contains("Stampante multifunzione") && text.contains("però più"));
    assert!(text.contains('…'), "the long name is cut with an ellipsis");
    to_png(&path, 110);
}

/// Every word's box stays inside its label: the labels of a 3-column sheet are 70 mm wide, so a
/// word must not cross a column edge (198.43 pt, 396.85 pt).
#[test]
fn text_stays_inside_each_label() {
    if !has_tool("pdftotext") {
        return;
    }
    let mut labels: Vec<Label> = (1..=24).map(label).collect();
    labels[4].tag = "X".repeat(MAX_TAG_CHARS);
    labels[5].name = "Précision-àèéìòù-".repeat(10);
    let path = render(&A4_3X8, &labels, LabelOptions::default(), "a4-3x8-bbox");
    let bbox = path.with_extension("html");
    assert!(Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg(&bbox)
        .status()
        .unwrap()
        .success());
    let html = std::fs::read_to_string(&bbox).unwrap();
    let coord = |line: &str, key: &str| -> f32 {
        let start = line.find(key).unwrap() + key.len();
        line[start..].split('"').next().unwrap().parse().unwrap()
    };
    let column_w = 70.0 * 72.0 / 25.4;
    let mut words = 0;
    for word in html.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let (x0, x1) = (coord(word, "xMin=\""), coord(word, "xMax=\""));
        let column = (x0 / column_w).floor();
        assert!(x1 <= (column + 1.0) * column_w, "crosses its label: {word}");
        words += 1;
    }
    assert!(words > 24 * 3);
}

/// Each label is cut out of the rendered page (zbar finds only some codes on a page of many)
/// and its code must read back as the label's tag.
#[test]
fn the_codes_decode_to_the_tags() {
    if !has_tool("pdftoppm") || !has_tool("zbarimg") {
        eprintln!("pdftoppm or zbarimg not installed: QR codes not decoded");
        return;
    }
    const DPI: f32 = 150.0;
    for sheet in sheets() {
        let labels: Vec<Label> = (1..=sheet.per_page()).map(label).collect();
        let name = format!("decode-{}", sheet.id);
        let pdf = render(sheet, &labels, LabelOptions::default(), &name);
        let mut crops = Vec::new();
        for slot in 0..sheet.per_page() {
            let (x, y, w, h) = sheet.position(slot);
            let px = |v: f32| ((v * DPI / 72.0) as i64).to_string();
            let crop = pages_dir().join(format!("{name}-{slot}"));
            let status = Command::new("pdftoppm")
                .args(["-png", "-singlefile", "-r", &DPI.to_string()])
                .args(["-x", &px(x), "-y", &px(y), "-W", &px(w), "-H", &px(h)])
                .arg(&pdf)
                .arg(&crop)
                .status()
                .unwrap();
            assert!(status.success());
            crops.push(crop.with_extension("png"));
        }
        let out = Command::new("zbarimg")
            .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
            .args(&crops)
            .output()
            .unwrap();
        let found: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        let tags: Vec<String> = labels.iter().map(|l| l.tag.clone()).collect();
        assert_eq!(found, tags, "{}", sheet.id);
        for crop in crops {
            std::fs::remove_file(crop).unwrap();
        }
    }
}

#[test]
fn the_qr_matrix_follows_the_standard() {
    // "IT-00042" is 8 alphanumeric characters: version 1 (21 × 21) holds 20 at level M.
    let small = qr_matrix("IT-00042").unwrap();
    assert_eq!((small.version(), small.size()), (1, 21));
    // Finder patterns: the three corners' 7 × 7 squares have a dark ring and a dark centre.
    for (cx, cy) in [(0, 0), (14, 0), (0, 14)] {
        assert!(small.is_dark(cx, cy) && small.is_dark(cx + 6, cy + 6));
        assert!(!small.is_dark(cx + 1, cy + 1) && small.is_dark(cx + 3, cy + 3));
    }
    // 64 bytes in byte mode need version 5 at level M (version 4 holds 62).
    let long = qr_matrix(&"x".repeat(64)).unwrap();
    assert_eq!((long.version(), long.size()), (5, 37));
    // Accented text is UTF-8 bytes: 30 × "è" is 60 bytes, still version 4 (33 × 33).
    assert_eq!(qr_matrix(&"è".repeat(30)).unwrap().size(), 33);
    assert_eq!(QUIET_ZONE, 4);
}

#[test]
fn every_sheet_keeps_its_grid_on_the_page() {
    assert_eq!(
        sheets().iter().map(|s| s.id).collect::<Vec<_>>(),
        ["a4_3x8", "a4_3x7", "a4_2x7", "a4_4x10", "letter_3x10"]
    );
    for sheet in sheets() {
        let (pw, ph) = sheet.page_size();
        for slot in 0..sheet.per_page() {
            let (x, y, w, h) = sheet.position(slot);
            assert!(x >= 0.0 && y >= 0.0, "{} {slot}", sheet.id);
            assert!(
                x + w <= pw + 0.01 && y + h <= ph + 0.01,
                "{} {slot}",
                sheet.id
            );
        }
        assert_eq!(LabelSheet::by_id(sheet.id).unwrap(), sheet);
    }
    assert_eq!(
        LabelSheet::by_id("nope").unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn bad_requests_are_refused() {
    let mut out = Vec::new();
    let options = LabelOptions::default();
    let err = render_labels(&A4_3X8, &[], &options, &mut out).unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "labels")
    );

    let past = LabelOptions {
        start_at: 24,
        outlines: false,
    };
    let err = render_labels(&A4_3X8, &[label(1)], &past, &mut out).unwrap_err();
    assert_eq!(err.fields[0].field, "start_at");
    assert_eq!(err.fields[0].params["max"], "23");

    let mut long = label(1);
    long.tag = "é".repeat(MAX_TAG_CHARS + 1);
    let err = render_labels(&A4_3X8, &[label(0), long], &options, &mut out).unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("tag", "too_long")
    );
    assert_eq!(err.fields[0].params["index"], "1");

    let broken = LabelSheet { rows: 9, ..A4_3X8 };
    let err = render_labels(&broken, &[label(1)], &options, &mut out).unwrap_err();
    assert_eq!(err.fields[0].field, "sheet");
    assert!(out.is_empty(), "nothing written on a refusal");
}

/// Not a timed assertion: prints what 1,000 labels cost (read it in a release run with
/// `-- --nocapture`).
#[test]
fn a_thousand_labels_render() {
    let labels: Vec<Label> = (1..=1000).map(label).collect();
    let started = Instant::now();
    let mut pdf = Vec::new();
    let stats = render_labels(&A4_3X8, &labels, &LabelOptions::default(), &mut pdf).unwrap();
    eprintln!(
        "labels: 1000 on A4 3×8, {} pages, {} KB in {:?}",
        stats.pages,
        pdf.len() / 1024,
        started.elapsed()
    );
    assert_eq!(stats.pages, 42);
    std::fs::write(pages_dir().join("a4-3x8-1000.pdf"), &pdf).unwrap();
}
