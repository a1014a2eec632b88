//! The asset import: a Snipe-IT export (quoted commas, `1,299.00` costs, ISO dates with and
//! without times, status labels, holders by username, e-mail and name, one who is not an
//! employee), a GLPI export (semicolons, BOM, comma decimals, names as tags) and a workbook of
//! our own columns; rows with problems at their line and column with nothing written; a
//! re-import that changes nothing; an update that moves the holder; the options that create
//! categories and locations and import unassigned.

use super::{inventory_query, shop, Shop};
use backoffice_core::domain::assets::asset::{Asset, AssetStatus};
use backoffice_core::domain::page::PageRequest;
use backoffice_core::import::{ImportOutcome, ImportReport};
use backoffice_core::services::{AssetImport, AssetImportOptions, ImportArea, ASSET_FIELDS};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

const FILES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/core/assets/files");

fn file(name: &str) -> PathBuf {
    Path::new(FILES).join(name)
}

const ALL: AssetImportOptions = AssetImportOptions {
    create_missing_categories: true,
    create_missing_locations: true,
    import_unassigned: true,
};

fn validate(s: &Shop, path: &Path, o: &AssetImportOptions) -> ImportReport {
    let mapping =
        s.o.t
            .app
            .preview_import(&s.it, &AssetImport, path)
            .unwrap()
            .mapping;
    s.o.t
        .app
        .validate_import(&s.it, &AssetImport, path, &mapping, o)
        .unwrap()
}

fn commit(s: &Shop, path: &Path, o: &AssetImportOptions) -> backoffice_core::Result<ImportOutcome> {
    let mapping =
        s.o.t
            .app
            .preview_import(&s.it, &AssetImport, path)
            .unwrap()
            .mapping;
    s.o.t
        .app
        .commit_import(&s.it, &AssetImport, path, &mapping, o, &mut |_, _| true)
}

fn assets(s: &Shop) -> Vec<Asset> {
    let mut q = inventory_query();
    q.page = PageRequest {
        offset: 0,
        limit: 500,
    };
    let rows = s.o.t.app.list_assets(&s.it, &q).unwrap().items;
    rows.iter()
        .map(|r| s.o.t.app.asset(&s.it, r.id).unwrap())
        .collect()
}

fn by_tag(s: &Shop, tag: &str) -> Asset {
    assets(s).into_iter().find(|a| a.tag == tag).unwrap()
}

fn history(s: &Shop) -> i64 {
    s.o.t.app.history_status(&s.o.t.admin).unwrap().count
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The header mapped to each of these fields.
fn mapped(s: &Shop, path: &Path, keys: &[&str]) -> Vec<String> {
    let p = s.o.t.app.preview_import(&s.it, &AssetImport, path).unwrap();
    keys.iter()
        .map(|k| {
            p.mapping
                .get(*k)
                .map_or("-".into(), |&c| p.headers[c].clone())
        })
        .collect()
}

#[test]
fn a_snipe_it_export_is_mapped_and_needs_its_unknown_names_accepted() {
    let s = shop();
    let path = file("snipeit-assets.csv");
    assert_eq!(
        mapped(
            &s,
            &path,
            &[
                "tag",
                "name",
                "category",
                "model",
                "serial",
                "cost",
                "warranty_months",
                "holder"
            ]
        ),
        [
            "Asset Tag",
            "Name",
            "Category",
            "Model",
            "Serial",
            "Purchase Cost",
            "Warranty",
            "Checked Out To: Username"
        ]
    );
    assert_eq!(
        mapped(&s, &path, &["checkout_date", "status"]),
        ["Last Checkout", "Status"]
    );
    let r = validate(&s, &path, &AssetImportOptions::default());
    let found: Vec<(usize, Option<&str>, &str)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref(), e.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (16, Some("Category"), "unknown_category"),
            (16, Some("Location"), "unknown_location"),
            (17, Some("Checked Out To: Username"), "unknown_holder"),
        ]
    );
    assert_eq!(r.unknown_values("category"), ["Tablets"]);
    assert_eq!(r.unknown_values("location"), ["Roma"]);
    let before = history(&s);
    let e = commit(&s, &path, &AssetImportOptions::default()).unwrap_err();
    assert_ne!(e.code, ErrorCode::Internal);
    assert_eq!((assets(&s).len(), history(&s)), (0, before));

    // Accepted: the category and the place are created, the contractor's laptop comes in
    // unassigned with a warning.
    let r = validate(&s, &path, &ALL);
    assert!(r.ok(), "{:?}", r.errors);
    assert_eq!((r.to_create, r.rows), (17, 17));
    let warned: Vec<(usize, &str)> = r
        .warnings
        .iter()
        .map(|w| (w.line, w.code.as_str()))
        .collect();
    assert_eq!(
        warned,
        [(17, "holder_not_found"), (17, "in_use_without_holder")]
    );
    let out = commit(&s, &path, &ALL).unwrap();
    assert_eq!(
        (
            out.created,
            out.created_for("category"),
            out.created_for("location")
        ),
        (17, 1, 1)
    );

    let nb1 = by_tag(&s, "NB-00001");
    assert_eq!(nb1.name, "ThinkPad T14, Gen 3");
    assert_eq!(nb1.cost_cents, Some(129_900));
    assert_eq!(nb1.warranty_end, Some(date(2027, 3, 10)));
    assert_eq!(
        nb1.supplier_name.as_deref(),
        Some("Rossi Forniture, S.r.l.")
    );
    assert_eq!(nb1.location_id, Some(s.room));
    assert_eq!(nb1.status, AssetStatus::InStock);
    assert_eq!(nb1.category_id, s.laptop.id);
    let nb2 = by_tag(&s, "NB-00002");
    assert_eq!(
        (nb2.holder_employee_id, nb2.status),
        (Some(s.o.clerk), AssetStatus::InUse)
    );
    let holders = s.o.t.app.asset_holders(&s.it, nb2.id, 0, 10).unwrap();
    assert_eq!(holders.items[0].out_on, date(2025, 1, 15));
    assert_eq!(by_tag(&s, "NB-00003").holder_employee_id, Some(s.o.boss));
    assert!(by_tag(&s, "TEL-0001").holder_employee_id.is_some());
    let srv = by_tag(&s, "SRV-0001");
    assert_eq!(
        (srv.cost_cents, srv.location_id),
        (Some(1_240_000), Some(s.room))
    );
    assert_eq!(by_tag(&s, "NB-00004").status, AssetStatus::Retired);
    assert_eq!(by_tag(&s, "NB-00005").status, AssetStatus::Lost);
    assert_eq!(by_tag(&s, "NB-00006").status, AssetStatus::Retired);
    assert_eq!(by_tag(&s, "PC-00002").status, AssetStatus::InRepair);
    let tab = by_tag(&s, "TAB-0001");
    assert_eq!(tab.category_it, "Tablets");
    assert_eq!(tab.location_path.as_deref(), Some("Roma"));
    let contractor = by_tag(&s, "NB-00007");
    assert_eq!(
        (contractor.holder_employee_id, contractor.status),
        (None, AssetStatus::InStock)
    );
    let cat = |tag: &str| by_tag(&s, tag).category_en;
    for (tag, en) in [
        ("PC-00001", "Desktop"),
        ("NET-0001", "Network device"),
        ("NET-0002", "Network device"),
        ("TEL-0001", "Phone"),
        ("MON-00001", "Monitor"),
        ("SW-0001", "Software"),
    ] {
        assert_eq!(cat(tag).as_deref(), Some(en), "{tag}");
    }

    // The same file again: nothing to write, no history.
    let before = history(&s);
    let r = validate(&s, &path, &ALL);
    assert_eq!((r.unchanged, r.to_create, r.to_update), (17, 0, 0));
    let out = commit(&s, &path, &ALL).unwrap();
    assert_eq!((out.unchanged, out.created, out.updated), (17, 0, 0));
    assert_eq!(history(&s), before);
}

#[test]
fn a_changed_row_updates_and_a_new_holder_gets_it_back_first() {
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(file("snipeit-assets.csv")).unwrap();
    commit(&s, &file("snipeit-assets.csv"), &ALL).unwrap();
    let changed = text
        .replace("849.90,,,Sede di Milano", "899.00,,,Sede di Milano")
        .replace("impiegato,2025-01-15 09:30:00", "000002,2026-02-01");
    let path = dir.path().join("changed.csv");
    std::fs::write(&path, changed).unwrap();
    let before = history(&s);
    let r = validate(&s, &path, &ALL);
    assert_eq!((r.to_update, r.unchanged), (2, 15), "{:?}", r.errors);
    let out = commit(&s, &path, &ALL).unwrap();
    assert_eq!(out.updated, 2);
    assert!(history(&s) > before);
    assert_eq!(by_tag(&s, "PC-00001").cost_cents, Some(89_900));
    let nb2 = by_tag(&s, "NB-00002");
    assert_ne!(nb2.holder_employee_id, Some(s.o.clerk));
    let holders = s.o.t.app.asset_holders(&s.it, nb2.id, 0, 10).unwrap().items;
    assert_eq!(holders.len(), 2);
    assert_eq!(holders[0].out_on, date(2026, 2, 1));
    assert_eq!(holders[1].in_on, Some(date(2026, 2, 1)));
    assert_eq!(holders[1].employee_id, Some(s.o.clerk));
    // An empty cell keeps what is on record: the same file without the costs changes nothing.
    let blank = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"1,299.00\"", "");
    std::fs::write(&path, blank).unwrap();
    let r = validate(&s, &path, &ALL);
    assert_eq!((r.to_update, r.unchanged), (0, 17));
}

#[test]
fn every_bad_row_is_reported_at_its_line_and_column_and_nothing_is_written() {
    let s = shop();
    let path = file("snipeit-errors.csv");
    let r = validate(&s, &path, &AssetImportOptions::default());
    let found: Vec<(usize, Option<&str>, &str)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref(), e.code.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, Some("Purchase Date"), "invalid_date"),
            (4, Some("Purchase Cost"), "negative_cost"),
            (5, Some("Status"), "invalid_asset_status"),
            (6, Some("Asset Tag"), "duplicate_in_file"),
            (7, Some("Asset Tag"), "bad_tag"),
            (8, Some("Status"), "gone_with_holder"),
            (9, Some("Checked Out To: Username"), "unknown_holder"),
            (10, Some("Purchase Date"), "date_in_future"),
        ]
    );
    assert_eq!(r.errors[3].params["line"], "2");
    assert_eq!(r.error_rows, 8);
    let before = history(&s);
    assert!(commit(&s, &path, &AssetImportOptions::default()).is_err());
    assert_eq!((assets(&s).len(), history(&s)), (0, before));
}

#[test]
fn a_glpi_export_reads_with_its_semicolons_and_decimal_commas() {
    let s = shop();
    let path = file("glpi-computers.csv");
    let p =
        s.o.t
            .app
            .preview_import(&s.it, &AssetImport, &path)
            .unwrap();
    assert_eq!(
        (p.source.delimiter.as_deref(), p.source.had_bom),
        (Some(";"), true)
    );
    assert_eq!(
        mapped(
            &s,
            &path,
            &["tag", "name", "category", "serial", "cost", "location"]
        ),
        [
            "Inventory number",
            "Name",
            "Type",
            "Serial number",
            "Value",
            "Location"
        ]
    );
    let out = commit(&s, &path, &AssetImportOptions::default()).unwrap();
    assert_eq!(out.created, 3);
    let pc = by_tag(&s, "PC-00101");
    assert_eq!(
        (pc.name.as_str(), pc.cost_cents),
        ("PC-AMM-01", Some(84_990))
    );
    assert_eq!(
        (pc.location_id, pc.category_en.as_deref()),
        (Some(s.room), Some("Desktop"))
    );
    // No inventory number: the name is the tag.
    let nb = by_tag(&s, "NB-COMM-02");
    assert_eq!(
        (nb.cost_cents, nb.location_id),
        (Some(109_900), Some(s.site))
    );
    assert_eq!(nb.category_id, s.laptop.id);
    let sw = by_tag(&s, "NET-00101");
    assert_eq!(
        (sw.cost_cents, sw.category_en.as_deref()),
        (Some(235_050), Some("Network device"))
    );
}

#[test]
fn a_workbook_of_our_own_columns_imports_and_reads_back() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beni.xlsx");
    let titles: Vec<&str> = backoffice_core::services::ASSET_EXPORT_COLUMNS
        .iter()
        .map(|k| ASSET_FIELDS.iter().find(|f| f.key == *k).unwrap().it)
        .collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    for (c, t) in titles.iter().enumerate() {
        sheet.write_string(0, c as u16, *t).unwrap();
    }
    let col = |k: &str| {
        titles
            .iter()
            .position(|t| ASSET_FIELDS.iter().find(|f| f.it == *t).unwrap().key == k)
            .unwrap() as u16
    };
    for (r, (tag, holder)) in [("NB-00500", "impiegato"), ("NB-00501", "")]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_string(r, col("tag"), *tag).unwrap();
        sheet
            .write_string(r, col("name"), "Portatile ufficio")
            .unwrap();
        sheet.write_string(r, col("category"), "Portatile").unwrap();
        sheet.write_number(r, col("cost"), 1299.5).unwrap();
        let bought = ExcelDateTime::from_ymd(2025, 3, 10).unwrap();
        sheet
            .write_datetime_with_format(r, col("purchase_date"), &bought, &day)
            .unwrap();
        sheet
            .write_string(r, col("location"), "Sede di Milano › Sala server")
            .unwrap();
        sheet
            .write_string(r, col("status"), "In magazzino")
            .unwrap();
        sheet.write_string(r, col("holder"), *holder).unwrap();
    }
    book.save(&path).unwrap();
    let p =
        s.o.t
            .app
            .preview_import(&s.it, &AssetImport, &path)
            .unwrap();
    assert_eq!(p.mapping.len(), titles.len());
    let out = commit(&s, &path, &AssetImportOptions::default()).unwrap();
    assert_eq!(out.created, 2);
    let a = by_tag(&s, "NB-00500");
    assert_eq!(
        (a.cost_cents, a.purchase_date),
        (Some(129_950), Some(date(2025, 3, 10)))
    );
    assert_eq!(
        (a.holder_employee_id, a.status),
        (Some(s.o.clerk), AssetStatus::InUse)
    );
    assert_eq!(by_tag(&s, "NB-00501").status, AssetStatus::InStock);
}

#[test]
fn only_who_writes_assets_imports_them() {
    let s = shop();
    let e =
        s.o.t
            .app
            .may_import(&s.viewer, ImportArea::Assets)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    s.o.t.app.may_import(&s.it, ImportArea::Assets).unwrap();
}

/// `cargo test -p backoffice-core --release --test core assets::import::fifty -- --ignored
/// --nocapture`: times the check and the commit of 50,000 generated Snipe-IT rows, then of the
/// same file again (every row unchanged).
#[test]
#[ignore]
fn fifty_thousand_rows() {
    use std::fmt::Write;
    use std::time::Instant;
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut text = String::from(
        "Asset Tag,Name,Category,Manufacturer,Serial,Status,Purchase Date,Purchase Cost,\
         Location,Warranty,Notes,Checked Out To: Username,Last Checkout\n",
    );
    let kinds = [
        "Laptop",
        "Desktop",
        "Server",
        "Monitor",
        "Network equipment",
    ];
    for i in 0..50_000 {
        let holder = if i % 10 == 0 {
            "impiegato,2025-01-15"
        } else {
            ","
        };
        writeln!(
            text,
            "AS-{i:06},\"Device {i}, floor {}\",{},Lenovo,SN{i:08},Ready to Deploy,\
             2024-03-10 09:00:00,\"1,299.00\",Sala server,36,\"Batch {}, row {i}\",{holder}",
            i % 7,
            kinds[i % kinds.len()],
            i / 1000
        )
        .unwrap();
    }
    std::fs::write(&path, text).unwrap();
    let t = Instant::now();
    let r = validate(&s, &path, &AssetImportOptions::default());
    assert!(r.ok(), "{:?}", &r.errors[..r.errors.len().min(3)]);
    let checked = t.elapsed();
    let t = Instant::now();
    let out = commit(&s, &path, &AssetImportOptions::default()).unwrap();
    let committed = t.elapsed();
    assert_eq!(out.created, 50_000);
    let t = Instant::now();
    let out = commit(&s, &path, &AssetImportOptions::default()).unwrap();
    let again = t.elapsed();
    assert_eq!(out.unchanged, 50_000);
    println!(
        "50,000 rows: check {checked:?}, commit {committed:?}, re-import (unchanged) {again:?}"
    );
}

#[test]
fn an_italian_glpi_export_in_windows_1252_reads_too() {
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("glpi.csv");
    // GLPI in Italian, saved again by Excel: Windows-1252 (à is 0xE0), no BOM.
    let mut bytes = b"\"Nome\";\"Entit\xE0\";\"Stato\";\"Produttore\";\"Numero di serie\";\
\"Numero di inventario\";\"Tipo\";\"Modello\";\"Luogo\";\"Ultima modifica\";\n"
        .to_vec();
    bytes.extend_from_slice(
        b"\"PC-SEGRETERIA\";\"Entit\xE0 radice\";\"In magazzino\";\"Dell\";\"5CG99\";\
\"PC-00201\";\"Computer\";\"OptiPlex\";\"Sede di Milano > Sala server\";\"2024-03-10 10:15\";\n",
    );
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(
        mapped(
            &s,
            &path,
            &["tag", "name", "category", "serial", "location", "status"]
        ),
        [
            "Numero di inventario",
            "Nome",
            "Tipo",
            "Numero di serie",
            "Luogo",
            "Stato"
        ]
    );
    assert_eq!(
        commit(&s, &path, &AssetImportOptions::default())
            .unwrap()
            .created,
        1
    );
    let pc = by_tag(&s, "PC-00201");
    assert_eq!(
        (pc.location_id, pc.status),
        (Some(s.room), AssetStatus::InStock)
    );
    assert_eq!(pc.category_en.as_deref(), Some("Desktop"));
}

#[test]
fn a_new_path_creates_every_missing_place_once() {
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("places.csv");
    std::fs::write(
        &path,
        "Asset Tag;Name;Category;Location\n\
         MON-00900;Monitor A;Monitor;Sede di Milano › Piano 2 › Stanza 3\n\
         MON-00901;Monitor B;Monitor;sede di milano > piano 2 > stanza 3\n\
         MON-00902;Monitor C;Monitor;Sede di Milano › Piano 2\n\
         MON-00903;Monitor D;Monitor;Torino › Magazzino\n\
         MON-00904;Monitor E;Monitor;Torino › Ufficio\n",
    )
    .unwrap();
    let create = AssetImportOptions {
        create_missing_locations: true,
        ..Default::default()
    };
    let r = validate(&s, &path, &AssetImportOptions::default());
    assert_eq!(r.error_rows, 5);
    assert_eq!(
        r.unknown_values("location"),
        [
            "Sede di Milano › Piano 2 › Stanza 3",
            "Sede di Milano › Piano 2",
            "Torino › Magazzino",
            "Torino › Ufficio"
        ]
    );
    let out = commit(&s, &path, &create).unwrap();
    // Piano 2, Stanza 3, Torino, Magazzino, Ufficio: each once.
    assert_eq!((out.created, out.created_for("location")), (5, 5));
    let place = |tag: &str| by_tag(&s, tag).location_path;
    assert_eq!(place("MON-00903").as_deref(), Some("Torino › Magazzino"));
    assert_eq!(place("MON-00904").as_deref(), Some("Torino › Ufficio"));
    let a = by_tag(&s, "MON-00900");
    assert_eq!(
        a.location_path.as_deref(),
        Some("Sede di Milano › Piano 2 › Stanza 3")
    );
    assert_eq!(by_tag(&s, "MON-00901").location_id, a.location_id);
    let floor = by_tag(&s, "MON-00902");
    assert_eq!(
        floor.location_path.as_deref(),
        Some("Sede di Milano › Piano 2")
    );
}
