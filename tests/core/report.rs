//! The PDF report renderer: every block, Italian text, a word longer than a line, a table over
//! many pages. When poppler's tools are installed (CI installs them) the PDF is also read back
//! as text and rendered to PNGs in `<target>/report-pages/` for a look.

use backoffice_core::report::{
    render, Align, Block, Cell, Chart, ChartKind, Column, Labels, Lang, Report, Tone,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn report(lang: Lang, blocks: Vec<Block>) -> Report {
    Report {
        title: "Audit ISO 9001 — qualità".into(),
        subject: "Rapporto di audit interno".into(),
        author: "Giulia Bianchi".into(),
        language: lang,
        footer_left: "Officine Meccaniche Lombarde S.p.A. · Audit interno 2026/03".into(),
        labels: Labels::for_lang(lang),
        watermark: None,
        blocks,
    }
}

fn findings_table(rows: usize, long_word: Option<&str>) -> Block {
    let columns = vec![
        Column::new("N.", 0.6, Align::Right),
        Column::new("Requisito", 1.4, Align::Left),
        Column::new("Evidenza raccolta", 4.0, Align::Left),
        Column::new("Esito", 1.3, Align::Center),
        Column::new("Scadenza", 1.2, Align::Right),
    ];
    let rows = (1..=rows)
        .map(|i| {
            let (esito, tone) = match i % 3 {
                0 => ("Conforme", Tone::Good),
                1 => ("Osservazione", Tone::Warn),
                _ => ("Non conformità", Tone::Bad),
            };
            let evidence = match long_word {
                Some(word) if i == 7 => format!("Codice: {word}"),
                _ if i % 5 == 0 => format!(
                    "Registrazioni di taratura verificate: {i} strumenti, però l'ultima verifica \
                     è scaduta «da più di un anno»; costo stimato 1.250,00 €.\nResponsabile: \
                     ufficio qualità."
                ),
                _ => format!("Procedura PR-{i:03} applicata; moduli compilati e firmati."),
            };
            vec![
                Cell::new(i.to_string()),
                Cell::new(format!("{}.{}", 4 + i % 6, 1 + i % 4)),
                Cell::new(evidence),
                Cell::toned(esito, tone),
                Cell::new(format!("{:02}/0{}/2026", 1 + i % 28, 1 + i % 9)),
            ]
        })
        .collect();
    Block::Table { columns, rows }
}

fn every_block(long_word: &str) -> Vec<Block> {
    let facts = vec![
        (
            "Organizzazione".to_owned(),
            "Officine Meccaniche Lombarde S.p.A.".to_owned(),
        ),
        ("Norma".to_owned(), "UNI EN ISO 9001:2015".to_owned()),
        ("Date".to_owned(), "dal 03/03/2026 al 05/03/2026".to_owned()),
        (
            "Responsabile".to_owned(),
            "Giulia Bianchi (lead auditor)".to_owned(),
        ),
    ];
    vec![
        Block::Cover {
            title: "Rapporto di audit interno: qualità e sicurezza".into(),
            subtitle: Some("Stabilimento di Brescia — reparti produzione e magazzino".into()),
            facts: facts.clone(),
        },
        Block::Heading {
            level: 1,
            text: "1. Sintesi".into(),
        },
        Block::Paragraph(
            "L'audit è stato condotto secondo il piano concordato. Perché le attività siano \
             efficaci, è necessario che ciascun reparto aggiorni la propria documentazione entro \
             la scadenza; più di metà delle osservazioni riguarda la taratura degli strumenti. \
             Città, qualità, può, così: «àèéìòù» e 12,50 €.\nUna seconda riga dopo un a capo."
                .into(),
        ),
        Block::Facts(facts),
        Block::Heading {
            level: 2,
            text: "1.1 Andamento".into(),
        },
        Block::Chart(Chart {
            title: "Punteggio di conformità per trimestre (%)".into(),
            kind: ChartKind::Line,
            points: ["T1 2025", "T2 2025", "T3 2025", "T4 2025", "T1 2026"]
                .iter()
                .zip([62.0, 71.5, 68.0, 80.0, 86.0])
                .map(|(l, v)| ((*l).to_owned(), v))
                .collect(),
            y_max: 100.0,
        }),
        Block::Chart(Chart {
            title: "Rilievi per reparto".into(),
            kind: ChartKind::Bar,
            points: [
                "Produzione",
                "Magazzino",
                "Acquisti",
                "Qualità",
                "Manutenzione",
            ]
            .iter()
            .zip([12.0, 7.0, 3.0, 5.0, 9.0])
            .map(|(l, v)| ((*l).to_owned(), v))
            .collect(),
            y_max: 15.0,
        }),
        Block::Heading {
            level: 1,
            text: "2. Rilievi".into(),
        },
        findings_table(300, Some(long_word)),
        Block::Paragraph("Emoji 😀 e controllo \u{7} sostituiti, nessun errore.".into()),
        Block::PageBreak,
        Block::Heading {
            level: 1,
            text: "3. Firme".into(),
        },
        Block::SignOff(vec![
            "Lead auditor".into(),
            "Auditee".into(),
            "Direzione".into(),
        ]),
    ]
}

/// The folder for this test's pictures, beside the build's other outputs.
fn pages_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.ancestors().nth(3).unwrap();
    target.join("report-pages")
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
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_report_with_every_block_lays_out_and_reads_back() {
    let long_word: String = "abcdefghij".repeat(200);
    let report = report(Lang::It, every_block(&long_word));
    let mut pdf = Vec::new();
    let stats = render(&report, &mut pdf).unwrap();

    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    assert_eq!(stats.bytes, pdf.len());
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/FontFile2"), "the font is embedded");
    assert!(has(b"DejaVuSans"), "the font keeps its name");
    assert!(has(b"/Lang(it-IT)"), "the document's language");
    assert_eq!(
        stats.pages, 19,
        "cover, sections, 300 rows over pages, sign-off"
    );

    if !has_tool("pdftoppm") {
        eprintln!("poppler-utils not installed: PDF not read back");
        return;
    }
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("audit-it.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = pdf_text(&path);
    assert!(text.contains("Pagina 1 di 19"), "{text}");
    assert!(text.contains("Pagina 19 di 19"));
    assert!(text.contains("Officine Meccaniche Lombarde S.p.A. · Audit interno 2026/03"));
    assert!(text.contains("qualità") && text.contains("«àèéìòù»") && text.contains("12,50 €"));
    // The header is repeated on every page the table runs over.
    assert_eq!(text.matches("Evidenza raccolta").count(), 16, "{text}");
    // Every row made it, the last one included.
    assert!(text.contains("Procedura PR-299 applicata"));
    // The long word is all there, cut across lines but never lost.
    let joined: String = text.split_whitespace().collect();
    assert!(joined.contains(&long_word[..500]));

    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           19"), "{info}");
    assert!(info.contains("Audit ISO 9001 — qualità") && info.contains("Giulia Bianchi"));

    // No word's box leaves the margins (56.7 pt each side of A4's 595.28): wrapping measured
    // what was drawn, the long word included.
    let bbox = dir.join("audit-it-bbox.html");
    assert!(Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg(&bbox)
        .status()
        .unwrap()
        .success());
    let bbox = std::fs::read_to_string(&bbox).unwrap();
    let coord = |line: &str, key: &str| -> Option<f32> {
        let start = line.find(key)? + key.len();
        line[start..].split('"').next()?.parse().ok()
    };
    let words = bbox.lines().filter(|l| l.trim_start().starts_with("<word"));
    let mut checked = 0;
    for word in words {
        let (x0, x1) = (
            coord(word, "xMin=\"").unwrap(),
            coord(word, "xMax=\"").unwrap(),
        );
        assert!(x0 >= 56.69 && x1 <= 538.59, "outside the margins: {word}");
        checked += 1;
    }
    assert!(checked > 3000);

    // Both faces embedded as subsets with a Unicode map: (emb, sub, uni) all "yes".
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let embedded = fonts
        .lines()
        .filter(|l| l.contains("DejaVuSans") && l.contains("yes yes yes"));
    assert_eq!(embedded.count(), 2, "{fonts}");

    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&path)
        .arg(dir.join("audit-it"))
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn english_labels_and_odd_text_do_not_fail() {
    let blocks = vec![
        Block::Heading {
            level: 3,
            text: String::new(),
        },
        Block::Paragraph(String::new()),
        Block::Paragraph("\u{0}\r\n\t 漢字 \u{10FFFF} ok".into()),
        Block::Table {
            columns: vec![],
            rows: vec![vec![Cell::new("no columns")]],
        },
        Block::Table {
            columns: vec![Column::new("Only", 0.0, Align::Right)],
            rows: vec![vec![], vec![Cell::new("a"), Cell::new("extra cell")]],
        },
        Block::Chart(Chart {
            title: "Empty".into(),
            kind: ChartKind::Bar,
            points: vec![],
            y_max: 0.0,
        }),
        Block::Chart(Chart {
            title: "Bad values".into(),
            kind: ChartKind::Line,
            points: (0..80)
                .map(|i| (format!("P{i}"), if i % 2 == 0 { f32::NAN } else { 500.0 }))
                .collect(),
            y_max: f32::INFINITY,
        }),
        Block::SignOff(vec![]),
        Block::Heading {
            level: 1,
            text: "Heading last".into(),
        },
    ];
    let mut pdf = Vec::new();
    let stats = render(&report(Lang::En, blocks), &mut pdf).unwrap();
    assert_eq!(stats.pages, 1);
    if has_tool("pdftotext") {
        let dir = pages_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("odd-en.pdf");
        std::fs::write(&path, &pdf).unwrap();
        assert!(pdf_text(&path).contains("Page 1 of 1"));
    }
}

/// Not a timed assertion: prints what an audit of 150 items over 8 sections costs, so the
/// figure can be read in a release run (`-- --nocapture`).
#[test]
fn a_150_item_audit_in_8_sections_renders() {
    let mut blocks = vec![every_block("x").remove(0)];
    for section in 1..=8 {
        blocks.push(Block::Heading {
            level: 1,
            text: format!("{section}. Sezione di verifica"),
        });
        blocks.push(Block::Paragraph("Ambito, criteri e metodo di campionamento; le evidenze sono state raccolte con interviste e l'esame dei documenti.".repeat(2)));
        blocks.push(findings_table(if section <= 6 { 19 } else { 18 }, None));
    }
    let report = report(Lang::It, blocks);
    let started = Instant::now();
    let mut pdf = Vec::new();
    let stats = render(&report, &mut pdf).unwrap();
    eprintln!(
        "report: 150 items, 8 sections, {} pages, {} KB in {:?}",
        stats.pages,
        pdf.len() / 1024,
        started.elapsed()
    );
    assert!(stats.pages > 5);
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("audit-150.pdf"), &pdf).unwrap();
}

#[test]
fn a_row_taller_than_a_page_is_cut_across_pages_under_the_header() {
    let words: Vec<String> = (0..1500).map(|i| format!("parola{i}")).collect();
    let columns = vec![
        Column::new("Voce", 1.0, Align::Left),
        Column::new("Testo lungo", 3.0, Align::Left),
    ];
    let rows = vec![
        vec![Cell::new("prima"), Cell::new("breve")],
        vec![Cell::new("enorme"), Cell::new(words.join(" "))],
        vec![Cell::new("ultima"), Cell::new("breve")],
    ];
    let blocks = vec![Block::Table { columns, rows }];
    let mut pdf = Vec::new();
    let stats = render(&report(Lang::It, blocks), &mut pdf).unwrap();
    assert_eq!(stats.pages, 4);
    if !has_tool("pdftotext") {
        return;
    }
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("tall-row.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = pdf_text(&path);
    assert_eq!(
        text.matches("Testo lungo").count(),
        4,
        "the header on every page"
    );
    let mut at = 0;
    for word in &words {
        let found = text[at..]
            .find(&format!("{word}\n"))
            .or_else(|| text[at..].find(&format!("{word} ")));
        at += found.unwrap_or_else(|| panic!("{word} is missing or out of order"));
    }
    assert!(text.contains("ultima") && text.contains("Pagina 4 di 4"));
}

/// Wherever the page ends, a heading is on the same page as the start of what follows it.
#[test]
fn a_heading_is_never_left_alone_at_the_foot_of_a_page() {
    if !has_tool("pdftotext") {
        return;
    }
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("heading-keep.pdf");
    for before in 25..40 {
        for table in [false, true] {
            let mut blocks: Vec<Block> = (0..before)
                .map(|i| Block::Paragraph(format!("Riga {i}")))
                .collect();
            blocks.push(Block::Heading {
                level: 1,
                text: "Sezione finale".into(),
            });
            blocks.push(if table {
                findings_table(3, None)
            } else {
                Block::Paragraph("Testo della sezione. ".repeat(30))
            });
            let mut pdf = Vec::new();
            render(&report(Lang::It, blocks), &mut pdf).unwrap();
            std::fs::write(&path, &pdf).unwrap();
            let text = pdf_text(&path);
            let page = text
                .split('\u{c}')
                .find(|p| p.contains("Sezione finale"))
                .unwrap();
            let follower = if table {
                "Procedura PR-001"
            } else {
                "Testo della sezione"
            };
            assert!(
                page.contains(follower),
                "{before} lines before, table {table}:\n{page}"
            );
        }
    }
}
