//! Purchasing's operations for the role × operation test in `permissions.rs`. Supplier 1
//! exists before the run.

use backoffice_core::domain::purchasing::match3::MatchTolerances;
use backoffice_core::domain::purchasing::match_reports::ToInvoiceQuery;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm, OrderQuery};
use backoffice_core::domain::purchasing::price_list::{PriceQuery, SupplierPriceInput};
use backoffice_core::domain::purchasing::supplier::{SupplierInput, SupplierQuery};

use crate::support::Installed;
use backoffice_core::services::Ctx;

type Op = fn(&Installed, &Ctx, &std::path::Path) -> Result<(), backoffice_core::Error>;

/// The matrix's purchasing cells, written out independently of the code.
pub fn expected(role: backoffice_core::domain::permissions::Role) -> &'static [&'static str] {
    use backoffice_core::domain::permissions::Role::*;
    match role {
        Admin => &[
            "purchasing:read",
            "purchasing:write",
            "purchasing:approve",
            "purchasing:export",
        ],
        Accounting => &["purchasing:read", "purchasing:approve"],
        Purchasing => &["purchasing:read", "purchasing:write", "purchasing:export"],
        Manager => &["purchasing:read", "purchasing:approve", "purchasing:export"],
        It | Viewer => &["purchasing:read"],
        Hr => &[],
    }
}

fn order_input() -> OrderInput {
    OrderInput {
        supplier_id: 1,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: None,
        delivery_date: None,
        payment_terms: None,
        notes: None,
        lines: vec![OrderLineForm {
            item_code: None,
            description: "Guanti da lavoro".into(),
            category_id: None,
            unit: None,
            quantity: 10_000,
            unit_price: 4_5000,
            discount_bp: 0,
            vat_rate_bp: 2200,
            nature: None,
        }],
    }
}

pub fn purchasing_operations() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("list_suppliers", "purchasing:read", |t, c, _| {
            t.app.list_suppliers(c, &SupplierQuery::default()).map(drop)
        }),
        ("supplier", "purchasing:read", |t, c, _| {
            t.app.supplier(c, 1).map(drop)
        }),
        ("list_purchase_categories", "purchasing:read", |t, c, _| {
            t.app.list_purchase_categories(c, false).map(drop)
        }),
        ("create_supplier", "purchasing:write", |t, c, _| {
            let input = SupplierInput {
                name: format!("Fornitore {}", c.actor),
                ..SupplierInput::default()
            };
            t.app.create_supplier(c, &input).map(drop)
        }),
        ("list_orders", "purchasing:read", |t, c, _| {
            t.app.list_orders(c, &OrderQuery::default()).map(drop)
        }),
        ("create_order", "purchasing:write", |t, c, _| {
            t.app.create_order(c, &order_input()).map(drop)
        }),
        ("approval_tiers", "purchasing:read", |t, c, _| {
            t.app.approval_tiers(c).map(drop)
        }),
        ("save_approval_tiers", "settings:write", |t, c, _| {
            let tiers = t.app.approval_tiers(&t.admin)?;
            t.app.save_approval_tiers(c, &tiers).map(drop)
        }),
        ("supplier_prices", "purchasing:read", |t, c, _| {
            t.app
                .supplier_prices(c, 1, &PriceQuery::default())
                .map(drop)
        }),
        ("save_supplier_price", "purchasing:write", |t, c, _| {
            let input = SupplierPriceInput {
                item_code: Some(format!("ART-{}", c.actor)),
                description: "Guanti da lavoro".into(),
                unit: None,
                category_id: None,
                unit_price: 4_5000,
                currency: None,
                discount_bp: 0,
                vat_rate_bp: None,
                nature: None,
                min_quantity: 0,
                valid_from: None,
                valid_to: None,
                notes: None,
            };
            t.app.save_supplier_price(c, 1, None, 0, &input).map(drop)
        }),
        ("price_suggestions", "purchasing:read", |t, c, _| {
            t.app
                .price_suggestions(c, 1, "guanti", 1000, None)
                .map(drop)
        }),
        // Three-way match: its reports and tolerances (the match itself, accepting differences
        // and approving for payment are role-checked in `purchasing/invoice_match.rs`).
        ("to_invoice", "purchasing:read", |t, c, _| {
            t.app.to_invoice(c, &ToInvoiceQuery::default()).map(drop)
        }),
        ("match_tolerances", "purchasing:read", |t, c, _| {
            t.app.match_tolerances(c).map(drop)
        }),
        ("supplier_tolerances", "purchasing:read", |t, c, _| {
            t.app.supplier_tolerances(c, 1).map(drop)
        }),
        ("supplier_match_years", "purchasing:read", |t, c, _| {
            t.app.supplier_match_years(c, 1).map(drop)
        }),
        ("save_match_tolerances", "settings:write", |t, c, _| {
            let tol = MatchTolerances {
                qty_bp: 100,
                price_bp: 200,
                price_cents: 50,
            };
            t.app.save_match_tolerances(c, &tol).map(drop)
        }),
        ("save_supplier_tolerances", "settings:write", |t, c, _| {
            t.app
                .save_supplier_tolerances(c, 1, Some(&MatchTolerances::default()))
                .map(drop)
        }),
    ]
}
