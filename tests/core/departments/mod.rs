mod export;
mod import;

use crate::support::app;
use backoffice_core::domain::department::{
    ActiveFilter, DepartmentInput, DepartmentQuery, DepartmentSort,
};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::ErrorCode;

pub fn input(name: &str) -> DepartmentInput {
    DepartmentInput {
        name: name.into(),
        code: None,
        head: None,
        cost_centre: None,
    }
}

fn query(
    search: Option<&str>,
    sort: DepartmentSort,
    dir: SortDir,
    offset: i64,
    limit: i64,
) -> DepartmentQuery {
    DepartmentQuery {
        search: search.map(str::to_owned),
        status: ActiveFilter::All,
        sort,
        dir,
        page: PageRequest { offset, limit },
    }
}

#[test]
fn create_and_read_back() {
    let t = app();
    let d = t
        .app
        .create_department(
            &t.ctx,
            &DepartmentInput {
                name: " Risorse  Umane ".into(),
                code: Some("hr".into()),
                head: Some("Giulia Bianchi".into()),
                cost_centre: Some("CC-100".into()),
            },
        )
        .unwrap();
    assert_eq!(d.name, "Risorse Umane");
    assert_eq!(d.code.as_deref(), Some("HR"));
    assert!(d.active);
    assert_eq!(d.version, 1);
    assert_eq!(t.app.department(&t.ctx, d.id).unwrap(), d);
}

#[test]
fn duplicate_names_ignore_case_and_accents_case_and_write_nothing() {
    let t = app();
    t.app
        .create_department(&t.ctx, &input("Àrea Tecnica"))
        .unwrap();
    let changes = t.count("changes");
    for name in ["àrea tecnica", "ÀREA TECNICA", " Àrea  Tecnica "] {
        let e = t.app.create_department(&t.ctx, &input(name)).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(
            (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
            ("name", "duplicate")
        );
    }
    assert_eq!(t.count("departments"), 1);
    assert_eq!(t.count("changes"), changes);
}

#[test]
fn empty_name_is_refused_and_writes_nothing() {
    let t = app();
    let e = t.app.create_department(&t.ctx, &input("   ")).unwrap_err();
    assert_eq!(e.fields[0].code, "required");
    assert_eq!(t.count("departments"), 0);
    assert_eq!(t.count("changes"), 0);
}

#[test]
fn duplicate_code_is_a_field_error() {
    let t = app();
    let mut a = input("Acquisti");
    a.code = Some("ACQ".into());
    t.app.create_department(&t.ctx, &a).unwrap();
    let mut b = input("Amministrazione");
    b.code = Some("acq".into());
    let e = t.app.create_department(&t.ctx, &b).unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("code", "duplicate")
    );
}

#[test]
fn update_checks_version_and_uniqueness() {
    let t = app();
    let a = t.app.create_department(&t.ctx, &input("Acquisti")).unwrap();
    t.app
        .create_department(&t.ctx, &input("Logistica"))
        .unwrap();
    let mut edit = input("Ufficio Acquisti");
    edit.head = Some("Marco Verdi".into());
    let a2 = t
        .app
        .update_department(&t.ctx, a.id, a.version, &edit)
        .unwrap();
    assert_eq!((a2.name.as_str(), a2.version), ("Ufficio Acquisti", 2));
    // A form loaded before that edit is stale.
    let stale = t
        .app
        .update_department(&t.ctx, a.id, a.version, &input("Altro"))
        .unwrap_err();
    assert_eq!(stale.code, ErrorCode::Conflict);
    let dup = t
        .app
        .update_department(&t.ctx, a.id, a2.version, &input("LOGISTICA"))
        .unwrap_err();
    assert_eq!(dup.fields[0].code, "duplicate");
    // Renaming to a different case of its own name is fine.
    let a3 = t
        .app
        .update_department(&t.ctx, a.id, a2.version, &input("UFFICIO ACQUISTI"))
        .unwrap();
    assert_eq!(a3.name, "UFFICIO ACQUISTI");
    // Saving without changes records nothing.
    let n = t.count("changes");
    t.app
        .update_department(&t.ctx, a.id, a3.version, &input("UFFICIO ACQUISTI"))
        .unwrap();
    assert_eq!(t.count("changes"), n);
}

#[test]
fn deactivate_and_filter_by_status() {
    let t = app();
    let a = t.app.create_department(&t.ctx, &input("Acquisti")).unwrap();
    t.app
        .create_department(&t.ctx, &input("Logistica"))
        .unwrap();
    let off = t
        .app
        .set_department_active(&t.ctx, a.id, a.version, false)
        .unwrap();
    assert!(!off.active);
    let mut q = query(None, DepartmentSort::Name, SortDir::Asc, 0, 50);
    q.status = ActiveFilter::Active;
    let page = t.app.list_departments(&t.ctx, &q).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].name, "Logistica");
    q.status = ActiveFilter::Inactive;
    assert_eq!(
        t.app.list_departments(&t.ctx, &q).unwrap().items[0].name,
        "Acquisti"
    );
}

#[test]
fn list_pages_sorts_and_searches_in_sql() {
    let t = app();
    for i in 0..120 {
        let mut d = input(&format!("Reparto {i:03}"));
        d.cost_centre = Some(format!("CC-{}", i % 7));
        t.app.create_department(&t.ctx, &d).unwrap();
    }
    let p = t
        .app
        .list_departments(
            &t.ctx,
            &query(None, DepartmentSort::Name, SortDir::Desc, 100, 50),
        )
        .unwrap();
    assert_eq!(p.total, 120);
    assert_eq!(p.items.len(), 20);
    assert_eq!(p.items[0].name, "Reparto 019");
    let s = t
        .app
        .list_departments(
            &t.ctx,
            &query(Some("cc-3"), DepartmentSort::Name, SortDir::Asc, 0, 50),
        )
        .unwrap();
    assert_eq!(s.total, 17);
    assert!(s
        .items
        .iter()
        .all(|d| d.cost_centre.as_deref() == Some("CC-3")));
    // LIKE wildcards typed by the user are literal.
    let w = t
        .app
        .list_departments(
            &t.ctx,
            &query(Some("%"), DepartmentSort::Name, SortDir::Asc, 0, 50),
        )
        .unwrap();
    assert_eq!(w.total, 0);
    // A huge limit is clamped, never a whole-table read.
    let big = t
        .app
        .list_departments(
            &t.ctx,
            &query(None, DepartmentSort::Code, SortDir::Asc, 0, 1_000_000),
        )
        .unwrap();
    assert_eq!(big.items.len(), 120);
}
