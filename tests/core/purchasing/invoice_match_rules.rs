//! The three-way match's rules around it: tolerances per supplier replacing the global ones,
//! what waits for accounting (the attention item, the list's "waiting" filter), the supplier's
//! mismatches per year, and the role × operation table of matching, accepting and approving.

use super::invoice_match::inv_line;
use super::receipts::{fields, setup};
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::invoice::InvoiceQuery;
use backoffice_core::domain::purchasing::match3::{Difference, MatchTolerances};
use backoffice_core::services::Ctx;
use backoffice_core::ErrorCode;

#[test]
fn a_suppliers_tolerances_replace_the_global_ones() {
    let s = setup();
    let app = &s.b.t.app;
    let admin = &s.b.t.admin;
    // 10 % on price globally: 10,50 € against 10 € passes.
    let global = MatchTolerances {
        qty_bp: 0,
        price_bp: 1000,
        price_cents: 0,
    };
    let e = app.save_match_tolerances(&s.b.buyer, &global).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let bad = MatchTolerances {
        qty_bp: 6000,
        ..global
    };
    let e = app.save_match_tolerances(admin, &bad).unwrap_err();
    assert_eq!(
        fields(&e),
        vec![("qty_bp".to_owned(), "out_of_range".to_owned())]
    );
    assert_eq!(app.save_match_tolerances(admin, &global).unwrap(), global);
    let o = s.received_order(("10", "5"));
    let inv = s.invoice(
        "F-6",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1050, 22)],
    );
    assert!(s.confirm_suggested(inv.id).differences.is_empty());
    // The supplier's own: none on price.
    let own = MatchTolerances::default();
    let t = app
        .save_supplier_tolerances(admin, s.supplier_id, Some(&own))
        .unwrap();
    assert_eq!((t.own, t.global), (Some(own), global));
    let m = s.confirm_suggested(inv.id);
    assert!(matches!(
        m.differences[0].difference,
        Difference::Price { .. }
    ));
    // Removed: the global ones apply again.
    let t = app
        .save_supplier_tolerances(admin, s.supplier_id, None)
        .unwrap();
    assert_eq!(t.own, None);
    assert!(s.confirm_suggested(inv.id).differences.is_empty());
}

#[test]
fn accounting_sees_what_waits_for_payment_and_the_supplier_its_mismatches() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("8", "5"));
    let clean = s.invoice("F-7", "TD01", &o, vec![inv_line("Dadi M6", 5, 200, 22)]);
    let off = s.invoice(
        "F-8",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 8, 1100, 22)],
    );
    s.confirm_suggested(clean.id);
    s.confirm_suggested(off.id);
    let waiting = |who: &Ctx| {
        app.attention(who, Severity::Low, 50)
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.entity == "supplier_invoices")
            .map(|i| {
                (
                    i.record_id,
                    i.reason["kind"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        waiting(&s.b.accountant),
        vec![(clean.id, "invoice_to_approve".to_owned())]
    );
    assert!(waiting(&s.b.buyer).is_empty());
    assert!(waiting(&s.b.manager).is_empty());
    // The list's "waiting" filter: both, until approved; each with its open differences.
    let list = app
        .list_invoices(
            &s.b.buyer,
            &InvoiceQuery {
                waiting: true,
                ..InvoiceQuery::default()
            },
        )
        .unwrap();
    assert_eq!(list.total, 2);
    assert_eq!(
        list.items.iter().map(|r| r.open_differences).sum::<i64>(),
        1
    );
    let years = app.supplier_match_years(&s.b.buyer, s.supplier_id).unwrap();
    assert_eq!(years.len(), 1);
    assert_eq!(
        (
            years[0].lines,
            years[0].quantity_mismatches,
            years[0].price_mismatches
        ),
        (2, 0, 1)
    );
    assert_eq!(years[0].price_bp, Some(5_000));
}

#[test]
fn only_purchasing_matches_and_only_accounting_or_administrators_approve_payments() {
    // Role × operation: confirm the match, accept a difference, approve for payment.
    let roles = [
        (Role::Admin, true, true),
        (Role::Accounting, false, true),
        (Role::Purchasing, true, false),
        (Role::Manager, false, false),
        (Role::It, false, false),
        (Role::Viewer, false, false),
        (Role::Hr, false, false),
    ];
    for (role, matches, pays) in roles {
        let s = setup();
        let app = &s.b.t.app;
        let who = s.b.t.user("chi", &[role]);
        let o = s.received_order(("10", "5"));
        let inv = s.invoice(
            "F-9",
            "TD01",
            &o,
            vec![inv_line("Viti M6 inox", 10, 1100, 22)],
        );
        let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
        let r = app.confirm_match(&who, inv.id, p.version, &p.pairing);
        assert_eq!(r.is_ok(), matches, "{role:?} confirm_match {r:?}");
        if !matches {
            assert_eq!(r.unwrap_err().code, ErrorCode::Forbidden);
        }
        let m = s.confirm_suggested(inv.id);
        let r = app.accept_difference(&who, inv.id, m.differences[0].id, "Prezzo concordato");
        assert_eq!(r.is_ok(), pays, "{role:?} accept_difference {r:?}");
        if !pays {
            assert_eq!(r.unwrap_err().code, ErrorCode::Forbidden);
            app.accept_difference(&s.b.accountant, inv.id, m.differences[0].id, "ok")
                .unwrap();
        }
        let version = app.invoice_match(&s.b.buyer, inv.id).unwrap().version;
        let r = app.approve_for_payment(&who, inv.id, version);
        assert_eq!(r.is_ok(), pays, "{role:?} approve_for_payment {r:?}");
        if !pays {
            assert_eq!(r.unwrap_err().code, ErrorCode::Forbidden);
        }
    }
}
