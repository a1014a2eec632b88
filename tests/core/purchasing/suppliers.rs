//! The supplier card: checks at the fields, duplicates, categories, blocking, contacts, the
//! list's search, filters and sorts, who may do what, expiring files as attention items.

use super::{buyers, supplier_input};
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Area;
use backoffice_core::domain::purchasing::supplier::{
    SupplierContactInput, SupplierInput, SupplierQuery, SupplierSort, SupplierStatus,
};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

fn codes(e: &backoffice_core::Error) -> Vec<(String, String)> {
    e.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

#[test]
fn a_bad_vat_number_or_iban_is_refused_at_its_field_and_nothing_is_written() {
    let b = buyers();
    let before = b.t.count("SELECT count(*) FROM suppliers");
    let mut input = supplier_input("Ferramenta Rossi S.r.l.", "00488410011");
    input.iban = Some("IT60X0542811101000000123457".into());
    let e = b.t.app.create_supplier(&b.buyer, &input).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let got = codes(&e);
    assert!(
        got.contains(&("vat_number".into(), "invalid_vat".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("iban".into(), "invalid_iban".into())),
        "{got:?}"
    );
    assert_eq!(b.t.count("SELECT count(*) FROM suppliers"), before);

    // The same card with good numbers is saved, the VAT number with its country.
    let s = b.supplier("Ferramenta Rossi S.r.l.", "IT 00488410010");
    assert_eq!(s.vat_number.as_deref(), Some("IT00488410010"));
    assert_eq!(s.status, SupplierStatus::Active);

    // The same VAT number twice is one supplier.
    let e =
        b.t.app
            .create_supplier(&b.buyer, &supplier_input("Rossi bis", "00488410010"))
            .unwrap_err();
    assert_eq!(
        codes(&e),
        [("vat_number".to_owned(), "duplicate".to_owned())]
    );

    // A foreign supplier keeps its number unchecked.
    let foreign = SupplierInput {
        name: "Müller Werkzeuge GmbH".into(),
        country: Some("DE".into()),
        vat_number: Some("DE 129 273 398".into()),
        postcode: Some("80331".into()),
        city: Some("München".into()),
        ..SupplierInput::default()
    };
    let m = b.t.app.create_supplier(&b.buyer, &foreign).unwrap();
    assert_eq!(m.vat_number.as_deref(), Some("DE129273398"));
}

#[test]
fn categories_blocking_and_contacts() {
    let b = buyers();
    let cats = b.t.app.list_purchase_categories(&b.buyer, false).unwrap();
    assert!(cats.len() >= 8, "{cats:?}");
    let hw = cats
        .iter()
        .find(|c| c.code.as_deref() == Some("it_hardware"))
        .unwrap();
    let office = cats
        .iter()
        .find(|c| c.code.as_deref() == Some("office"))
        .unwrap();
    let mut input = supplier_input("Informatica Srl", "07643520567");
    input.category_ids = vec![hw.id, office.id];
    let s = b.t.app.create_supplier(&b.buyer, &input).unwrap();
    assert_eq!(s.categories.len(), 2);

    // An unknown category changes nothing.
    input.category_ids = vec![hw.id, 9_999];
    let e =
        b.t.app
            .update_supplier(&b.buyer, s.id, s.version, &input)
            .unwrap_err();
    assert_eq!(codes(&e)[0], ("category_ids".into(), "not_found".into()));
    input.category_ids = vec![hw.id];
    let s =
        b.t.app
            .update_supplier(&b.buyer, s.id, s.version, &input)
            .unwrap();
    assert_eq!(
        s.categories.iter().map(|c| c.id).collect::<Vec<_>>(),
        [hw.id]
    );

    // Blocking needs a reason; the block is dated and lifted again.
    let e =
        b.t.app
            .block_supplier(&b.buyer, s.id, s.version, "  ")
            .unwrap_err();
    assert_eq!(codes(&e)[0], ("reason".into(), "required".into()));
    let s =
        b.t.app
            .block_supplier(&b.buyer, s.id, s.version, "DURC irregolare")
            .unwrap();
    assert_eq!(s.status, SupplierStatus::Blocked);
    assert_eq!(s.blocked_reason.as_deref(), Some("DURC irregolare"));
    assert_eq!(
        s.blocked_on,
        Some(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
    );
    let e =
        b.t.app
            .block_supplier(&b.buyer, s.id, s.version, "ancora")
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let s = b.t.app.unblock_supplier(&b.buyer, s.id, s.version).unwrap();
    assert_eq!((s.status, s.blocked_reason), (SupplierStatus::Active, None));

    // Contacts: added, corrected, removed; a bad e-mail is refused.
    let mut c = SupplierContactInput {
        name: "Giulia Bianchi".into(),
        role: Some("Commerciale".into()),
        email: Some("giulia@".into()),
        phone: Some("+39 02 1234567".into()),
        notes: None,
    };
    let e =
        b.t.app
            .save_supplier_contact(&b.buyer, s.id, None, 0, &c)
            .unwrap_err();
    assert_eq!(codes(&e)[0], ("email".into(), "invalid_email".into()));
    c.email = Some("giulia.bianchi@informatica.example.it".into());
    let saved =
        b.t.app
            .save_supplier_contact(&b.buyer, s.id, None, 0, &c)
            .unwrap();
    c.role = Some("Responsabile commerciale".into());
    let saved =
        b.t.app
            .save_supplier_contact(&b.buyer, s.id, Some(saved.id), saved.version, &c)
            .unwrap();
    assert_eq!(saved.role.as_deref(), Some("Responsabile commerciale"));
    assert_eq!(
        b.t.app
            .supplier_contacts(&b.accountant, s.id)
            .unwrap()
            .len(),
        1
    );
    b.t.app
        .delete_supplier_contact(&b.buyer, saved.id, saved.version)
        .unwrap();
    assert!(b
        .t
        .app
        .supplier_contacts(&b.buyer, s.id)
        .unwrap()
        .is_empty());

    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn the_list_searches_filters_and_sorts_in_sql() {
    let b = buyers();
    let names = [
        ("Zeta Imballaggi", "00488410010", "Torino", Some(2)),
        ("Alfa Trasporti", "07643520567", "Bari", Some(5)),
        ("Beta Cancelleria", "01234567897", "Alessandria", None),
    ];
    let mut ids = Vec::new();
    for (name, vat, city, rating) in names {
        let mut i = supplier_input(name, vat);
        i.city = Some(city.into());
        i.rating = rating;
        ids.push(b.t.app.create_supplier(&b.buyer, &i).unwrap());
    }
    b.t.app
        .block_supplier(&b.buyer, ids[0].id, ids[0].version, "Qualità scarsa")
        .unwrap();
    let list = |q: SupplierQuery| {
        b.t.app
            .list_suppliers(&b.manager, &q)
            .unwrap()
            .items
            .into_iter()
            .map(|r| r.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(SupplierQuery::default()),
        ["Alfa Trasporti", "Beta Cancelleria", "Zeta Imballaggi"]
    );
    assert_eq!(
        list(SupplierQuery {
            sort: Some(SupplierSort::City),
            ..SupplierQuery::default()
        }),
        ["Beta Cancelleria", "Alfa Trasporti", "Zeta Imballaggi"]
    );
    // Unrated suppliers come last both ways.
    assert_eq!(
        list(SupplierQuery {
            sort: Some(SupplierSort::Rating),
            dir: Some(SortDir::Desc),
            ..SupplierQuery::default()
        }),
        ["Alfa Trasporti", "Zeta Imballaggi", "Beta Cancelleria"]
    );
    // By part of the VAT number with its prefix, or of the name, or the city.
    for search in ["IT0764", "0764 3520", "trasp", "BARI"] {
        assert_eq!(
            list(SupplierQuery {
                search: Some(search.into()),
                ..SupplierQuery::default()
            }),
            ["Alfa Trasporti"],
            "{search}"
        );
    }
    assert_eq!(
        list(SupplierQuery {
            status: Some(SupplierStatus::Blocked),
            ..SupplierQuery::default()
        }),
        ["Zeta Imballaggi"]
    );
    let page =
        b.t.app
            .list_suppliers(
                &b.buyer,
                &SupplierQuery {
                    page: PageRequest {
                        offset: 1,
                        limit: 1,
                    },
                    ..SupplierQuery::default()
                },
            )
            .unwrap();
    assert_eq!((page.total, page.items.len()), (3, 1));
    assert_eq!(page.items[0].name, "Beta Cancelleria");
}

#[test]
fn who_may_read_and_write_suppliers() {
    let b = buyers();
    let s = b.supplier("Alfa Trasporti", "07643520567");
    for reader in [&b.accountant, &b.manager, &b.it] {
        assert_eq!(
            b.t.app.supplier(reader, s.id).unwrap().name,
            "Alfa Trasporti"
        );
        let e =
            b.t.app
                .create_supplier(reader, &supplier_input("Altro", "00488410010"))
                .unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
        let e =
            b.t.app
                .block_supplier(reader, s.id, s.version, "no")
                .unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
    }
    // Someone with no purchasing role at all does not read them.
    let hr = b.t.user(
        "personale",
        &[backoffice_core::domain::permissions::Role::Hr],
    );
    assert_eq!(
        b.t.app.supplier(&hr, s.id).unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        b.t.app
            .list_suppliers(&hr, &SupplierQuery::default())
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
}

#[test]
fn a_suppliers_expiring_certificate_waits_for_the_buyer() {
    let b = buyers();
    let s = b.supplier("Alfa Trasporti", "07643520567");
    let dir = tempfile::tempdir().unwrap();
    let attach = |title: &str, expires: NaiveDate| {
        let path = dir.path().join(format!("{title}.pdf"));
        std::fs::write(&path, format!("%PDF-1.4 {title}")).unwrap();
        b.t.app
            .attach(
                &b.buyer,
                "suppliers",
                s.id,
                &AttachmentInput {
                    title: Some(title.into()),
                    expires_on: Some(expires),
                    ..Default::default()
                },
                &path,
            )
            .unwrap()
    };
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    attach("DURC", d(3, 20));
    attach("Certificato ISO 9001", d(1, 15));
    attach("Contratto quadro", d(12, 31));

    let a = b.t.app.attention(&b.buyer, Severity::Low, 50).unwrap();
    let mine: Vec<_> = a
        .items
        .iter()
        .filter(|i| i.area == Area::Purchasing)
        .collect();
    // The certificate expired more than 30 days ago; the DURC expires within 30 days; the
    // contract is far off.
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert_eq!(mine[0].context.as_deref(), Some("Certificato ISO 9001"));
    assert_eq!(mine[0].severity, Severity::Critical);
    assert_eq!(mine[1].context.as_deref(), Some("DURC"));
    assert_eq!(mine[1].severity, Severity::Medium);
    let counted: i64 = a
        .counts
        .iter()
        .filter(|c| c.area == Area::Purchasing)
        .map(|c| c.count)
        .sum();
    assert_eq!(counted, 2);
    let row =
        &b.t.app
            .list_suppliers(&b.buyer, &SupplierQuery::default())
            .unwrap()
            .items[0];
    assert_eq!(row.files_expiring, 2);

    // The manager reads suppliers but does not act on their files.
    let a = b.t.app.attention(&b.manager, Severity::Low, 50).unwrap();
    assert!(a.items.iter().all(|i| i.area != Area::Purchasing));
}

#[test]
fn global_search_finds_suppliers_by_name_vat_number_or_city() {
    use backoffice_core::domain::search::{GlobalSearchQuery, HitKind};
    let b = buyers();
    let s = b.supplier("Carpenteria Verdi S.p.A.", "07643520567");
    b.supplier("Ferramenta Rossi", "00488410010");
    b.t.app
        .block_supplier(&b.buyer, s.id, s.version, "DURC irregolare")
        .unwrap();
    let find = |who, text: &str| {
        b.t.app
            .global_search(
                who,
                &GlobalSearchQuery {
                    text: text.into(),
                    limit: 10,
                },
            )
            .unwrap()
            .hits
            .into_iter()
            .filter(|h| h.kind == HitKind::Supplier)
            .collect::<Vec<_>>()
    };
    for text in ["carpenteria", "verdi spa", "IT07643520567", "764352"] {
        let hits = find(&b.buyer, text);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        assert_eq!(hits[0].id, s.id);
        assert!(hits[0].inactive, "blocked is shown");
    }
    assert_eq!(find(&b.accountant, "milano").len(), 2);
    let hr = b.t.user(
        "personale",
        &[backoffice_core::domain::permissions::Role::Hr],
    );
    assert!(find(&hr, "carpenteria").is_empty());
}
