//! The licences import: a Snipe-IT licences export (quoted commas, `2,499.50` costs, ISO dates,
//! columns we leave out) whose unknown products are offered for creation, keys stored but
//! never in history, a re-import that changes nothing, a changed row updating on the natural
//! key, our own export's columns reading back without keys, seats below those held and every
//! other bad row reported at its line and column with nothing written.

use super::import_kit::{commit, expect, file, history, mapped, problems, validate, written};
use super::licences::{query, verify};
use super::{shop, Shop};
use backoffice_core::domain::assets::licence::Licence;
use backoffice_core::domain::assets::seat::SeatInput;
use backoffice_core::services::{LicenceImport, LicenceImportOptions};
use chrono::NaiveDate;

const CREATE: LicenceImportOptions = LicenceImportOptions {
    create_missing_products: true,
};

fn licences(s: &Shop) -> Vec<Licence> {
    let mut q = query();
    q.include_retired = true;
    s.o.t.app.list_licences(&s.it, &q).unwrap().items
}

fn of(s: &Shop, product: &str) -> Licence {
    let found = licences(s).into_iter().find(|l| l.product_name == product);
    found.unwrap_or_else(|| panic!("no licence of {product}"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_snipe_it_export_creates_its_products_and_keeps_keys_out_of_history() {
    let s = shop();
    let path = file("snipeit-licences.csv");
    let fields = [
        "product",
        "licence_key",
        "seats",
        "publisher",
        "expiry_date",
        "cost",
        "order_number",
    ];
    assert_eq!(
        mapped(&s, &LicenceImport, &path, &fields),
        [
            "Name",
            "Product Key",
            "Seats",
            "Manufacturer",
            "Expiration Date",
            "Purchase Cost",
            "Order Number"
        ]
    );
    let r = validate(&s, &LicenceImport, &path, &Default::default());
    assert_eq!(
        problems(&r),
        expect(&[
            (2, "Name", "unknown_product"),
            (3, "Name", "unknown_product"),
            (4, "Name", "unknown_product"),
        ])
    );
    assert_eq!(
        r.unknown_values("product"),
        [
            "Microsoft Office 2021",
            "Adobe Acrobat Pro",
            "Windows Server 2022"
        ]
    );
    let before = history(&s);
    assert!(commit(&s, &LicenceImport, &path, &Default::default()).is_err());
    assert_eq!((licences(&s).len(), history(&s)), (0, before));

    let out = commit(&s, &LicenceImport, &path, &CREATE).unwrap();
    assert_eq!((out.created, out.created_for("product")), (3, 3));
    let office = of(&s, "Microsoft Office 2021");
    assert_eq!((office.seats, office.cost_cents), (25, Some(249_950)));
    assert_eq!(office.expiry_date, Some(date(2027, 3, 31)));
    assert_eq!(office.publisher.as_deref(), Some("Microsoft"));
    assert_eq!(office.notes.as_deref(), Some("Volume licence, 25 users"));
    assert!(office.has_key && office.licence_key.is_none());
    let shown = s.o.t.app.reveal_licence_key(&s.it, office.id).unwrap();
    assert_eq!(
        shown.licence_key.as_deref(),
        Some("XQ7K2-11111-22222-33333")
    );
    let acrobat = of(&s, "Adobe Acrobat Pro");
    assert_eq!(
        acrobat.supplier_name.as_deref(),
        Some("Rossi Forniture, S.r.l.")
    );
    assert!(!acrobat.has_key);
    let server = of(&s, "Windows Server 2022");
    assert_eq!(
        (server.purchase_date, server.cost_cents),
        (Some(date(2023, 6, 30)), Some(124_000))
    );
    for key in ["XQ7K2-11111-22222-33333", "AAAAA-BBBBB-CCCCC"] {
        let leaked = s.o.t.count(&format!(
            "SELECT count(*) FROM changes WHERE after LIKE '%{key}%' OR before LIKE '%{key}%'"
        ));
        assert_eq!(leaked, 0);
    }

    // The same file again: every row found on its key or order number, nothing written.
    let before = history(&s);
    let r = validate(&s, &LicenceImport, &path, &CREATE);
    assert_eq!(
        (r.unchanged, r.to_create, r.to_update),
        (3, 0, 0),
        "{:?}",
        r.errors
    );
    let out = commit(&s, &LicenceImport, &path, &CREATE).unwrap();
    assert_eq!((out.unchanged, out.created_for("product")), (3, 0));
    assert_eq!(history(&s), before);
    verify(&s);
}

#[test]
fn a_changed_row_updates_and_seats_never_drop_below_those_held() {
    let s = shop();
    let app = &s.o.t.app;
    commit(&s, &LicenceImport, &file("snipeit-licences.csv"), &CREATE).unwrap();
    let acrobat = of(&s, "Adobe Acrobat Pro");
    for who in [s.o.boss, s.o.clerk] {
        let seat = SeatInput {
            employee_id: Some(who),
            asset_id: None,
            assigned_on: None,
            note: None,
        };
        app.assign_seat(&s.it, acrobat.id, &seat).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(file("snipeit-licences.csv")).unwrap();
    let fewer = written(&dir, "fewer.csv", &text.replace("Adobe,5,", "Adobe,1,"));
    let r = validate(&s, &LicenceImport, &fewer, &CREATE);
    assert_eq!(
        problems(&r),
        expect(&[(3, "Seats", "seats_below_assigned")])
    );
    assert_eq!(r.errors[0].params["assigned"], "2");
    let before = history(&s);
    assert!(commit(&s, &LicenceImport, &fewer, &CREATE).is_err());
    assert_eq!(history(&s), before);

    let more = text
        .replace("Adobe,5,", "Adobe,10,")
        .replace("\"2,499.50\"", "\"2,199.00\"");
    let more = written(&dir, "more.csv", &more);
    let out = commit(&s, &LicenceImport, &more, &CREATE).unwrap();
    assert_eq!((out.updated, out.unchanged, out.created), (2, 1, 0));
    assert_eq!(of(&s, "Adobe Acrobat Pro").seats, 10);
    let office = of(&s, "Microsoft Office 2021");
    assert_eq!(office.cost_cents, Some(219_900));
    // The key was the match, not a change: it stays as it was.
    let shown = app.reveal_licence_key(&s.it, office.id).unwrap();
    assert_eq!(
        shown.licence_key.as_deref(),
        Some("XQ7K2-11111-22222-33333")
    );

    // Our own columns, in Italian, without keys: each row finds its licence by product and
    // order number, the server's (no order number) by its product alone.
    let ours = written(
        &dir,
        "licenze.csv",
        "Prodotto;Posti;Numero ordine;Scadenza;Tipo licenza\n\
         Microsoft Office 2021;30;PO-2001;31/03/2028;Per utente\n\
         Windows Server 2022;2;;;Per dispositivo\n",
    );
    let r = validate(&s, &LicenceImport, &ours, &Default::default());
    assert_eq!((r.to_update, r.to_create), (2, 0), "{:?}", r.errors);
    commit(&s, &LicenceImport, &ours, &Default::default()).unwrap();
    let office = of(&s, "Microsoft Office 2021");
    assert_eq!(
        (office.seats, office.expiry_date),
        (30, Some(date(2028, 3, 31)))
    );
    assert!(office.has_key);
    assert_eq!(licences(&s).len(), 3);
    verify(&s);
}

#[test]
fn every_bad_row_is_reported_at_its_line_and_column_and_nothing_is_written() {
    let s = shop();
    commit(&s, &LicenceImport, &file("snipeit-licences.csv"), &CREATE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        &dir,
        "bad.csv",
        "Name,Product Key,Seats,Purchase Date,Expiration Date,Purchase Cost,Currency\n\
         Visio 2021,,1,2025-01-01,,,\n\
         Adobe Acrobat Pro,KEY-1,many,2025-01-01,,,\n\
         Adobe Acrobat Pro,KEY-2,2,2025-01-01,,-10.00,\n\
         Adobe Acrobat Pro,KEY-3,2,2025-02-30,,,\n\
         Adobe Acrobat Pro,KEY-4,2,2025-06-01,2025-01-01,,\n\
         Adobe Acrobat Pro,KEY-4,2,,,,\n\
         Adobe Acrobat Pro,KEY-5,2,2027-01-01,,,\n\
         Adobe Acrobat Pro,KEY-6,0,,,,\n\
         Adobe Acrobat Pro,KEY-7,2,,,,EURO\n\
         ,KEY-8,2,,,,\n",
    );
    let r = validate(&s, &LicenceImport, &path, &Default::default());
    assert_eq!(
        problems(&r),
        expect(&[
            (2, "Name", "unknown_product"),
            (3, "Seats", "invalid_number"),
            (4, "Purchase Cost", "negative_cost"),
            (5, "Purchase Date", "invalid_date"),
            (6, "Expiration Date", "not_after_purchase"),
            (7, "Name", "duplicate_in_file"),
            (8, "Purchase Date", "date_in_future"),
            (9, "Seats", "out_of_range"),
            (10, "Currency", "bad_currency"),
            (11, "Name", "required"),
        ])
    );
    let before = (history(&s), licences(&s).len());
    assert!(commit(&s, &LicenceImport, &path, &Default::default()).is_err());
    assert_eq!((history(&s), licences(&s).len()), before);

    // A product to create that its form would refuse: the row says why, and nothing is made.
    let long = "X".repeat(201);
    let path = written(
        &dir,
        "long.csv",
        &format!("Name,Seats\n{long},1\nVisio 2021,1\n"),
    );
    let r = validate(&s, &LicenceImport, &path, &CREATE);
    assert_eq!(problems(&r), expect(&[(2, "Name", "too_long")]));
    assert!(commit(&s, &LicenceImport, &path, &CREATE).is_err());
    assert_eq!((history(&s), licences(&s).len()), before);
    verify(&s);
}
