//! Global search: one box that finds employees (name, tax code, e-mail, employee number),
//! documents (title) and departments (name, code), each hit typed so the UI can open it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Hits returned per kind at most; the UI shows the first few and offers the full lists.
pub const MAX_HITS_PER_KIND: i64 = 50;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct GlobalSearchQuery {
    pub text: String,
    /// Hits per kind (clamped to 1..=[`MAX_HITS_PER_KIND`]).
    pub limit: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Employee,
    Department,
    Document,
    Audit,
    Finding,
    Evidence,
    Supplier,
    Order,
    /// A supplier invoice, by its number.
    SupplierInvoice,
}

/// One thing found, with what a result list shows and what opening it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The employee, department or document id.
    pub id: i64,
    /// The name (employee: "last first") or title.
    pub title: String,
    /// A second line: tax code and department of an employee, the owner of a document, the code
    /// of a department.
    pub detail: Option<String>,
    /// A document's type; the UI names it in the interface language (a type has an Italian and
    /// an optional English name, so the store cannot pick one).
    pub document_type_id: Option<i64>,
    /// The employee whose file holds the hit (an employee's own id, a document's owner).
    pub employee_id: Option<i64>,
    /// A terminated employee, a department no longer active, a blocked supplier.
    pub inactive: bool,
    /// The audit that holds the hit (a finding's, the latest audit an evidence supports).
    pub audit_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GlobalSearchResult {
    /// Employees, then departments, then documents; each kind in the order found.
    pub hits: Vec<SearchHit>,
    /// Kinds that had more hits than the limit.
    pub more: Vec<HitKind>,
    /// Nothing was searched: the text has no word of three characters or more (the trigram
    /// index cannot look up shorter ones without reading everything).
    pub too_short: bool,
}
