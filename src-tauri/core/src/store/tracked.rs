//! The tables whose rows history follows, each declared once: its area, the columns of its
//! history snapshot, which columns point at which tables, how a row is named, its date fields and
//! whether it holds personal data.
//!
//! Everything else derives from the declaration: the snapshot SQL written into history and
//! recomputed by verify (so a row edited outside the app no longer matches its last recorded
//! "after" and is caught), the area whose permissions guard the table's history, the names the
//! History screen shows, and the TypeScript map of references and dates (`ui/src/bindings/tables.ts`).
//!
//! A table renamed by a migration keeps its old declaration in [`RENAMED`]: its rows moved with
//! their ids, and the changes written before the move stay under the old name, since history is
//! never rewritten. Verify, upgrades and a record's own history read both names.

use crate::domain::permissions::Area;
use std::sync::OnceLock;

pub struct Tracked {
    pub entity: &'static str,
    /// Whose permissions guard this table's rows and their history.
    pub guard: Guard,
    /// The columns of the history snapshot, in order; every stored column a person or the app
    /// edits. Cached values that change with the calendar are left out (see employees).
    pub columns: &'static [&'static str],
    /// Columns holding another record's id, and the table they point at.
    pub references: &'static [(&'static str, &'static str)],
    /// How a row is named in history.
    pub naming: Naming,
    /// Calendar dates (yyyy-mm-dd), shown dd/mm/yyyy.
    pub dates: &'static [&'static str],
    /// Instants (UTC, RFC 3339) a person may want to read, shown with their time.
    pub instants: &'static [&'static str],
    /// Holds personal data (GDPR): opening and exporting it are recorded.
    pub personal: bool,
    /// The `json_object(...)` expression, built from `columns` on first use.
    pub snapshot: Snapshot,
}

/// Whose permissions guard a table's rows.
pub enum Guard {
    /// Every row belongs to this area.
    Area(Area),
    /// Each row belongs to the record named by two of its columns: `entity` holds the name of a
    /// table declared with an area of its own, `id` the record's id there (attachments). The
    /// row is guarded by that record's area, and every change of it names its owner (in its
    /// snapshot, or in its `detail` for a read), so history can be filtered row by row.
    Owner {
        entity: &'static str,
        id: &'static str,
    },
}

/// How a record is named on the History screen.
pub enum Naming {
    /// One text field ("name", "title").
    Field(&'static str),
    /// Text fields joined by a space: a person as "surname name".
    Words(&'static [&'static str]),
    /// One name per language, each falling back to the other.
    Bilingual { it: &'static str, en: &'static str },
    /// "full name (username)", or the username alone.
    Account {
        full: &'static str,
        user: &'static str,
    },
    /// Parts joined by " · ": the names of referenced records and plain text fields.
    Parts(&'static [Part]),
}

pub enum Part {
    Text(&'static str),
    /// The name of the record this field points at.
    Ref(&'static str),
    /// The first of these references that is set.
    FirstRef(&'static [&'static str]),
    /// The name of the record that owns this row, for a table guarded by its owners.
    Owner,
}

impl Naming {
    /// Whether the owner's name is part of this record's name.
    pub fn names_owner(&self) -> bool {
        matches!(self, Naming::Parts(parts) if parts.iter().any(|p| matches!(p, Part::Owner)))
    }

    /// Fields whose referenced records' names make up this record's name.
    pub fn referenced_fields(&self) -> Vec<&'static str> {
        let Naming::Parts(parts) = self else {
            return Vec::new();
        };
        parts
            .iter()
            .flat_map(|p| match p {
                Part::Text(_) | Part::Owner => &[][..],
                Part::Ref(f) => std::slice::from_ref(f),
                Part::FirstRef(fs) => fs,
            })
            .copied()
            .collect()
    }
}

/// A lazily built snapshot expression; `Snapshot::new()` in every declaration.
pub struct Snapshot(OnceLock<String>);

impl Snapshot {
    #[allow(clippy::new_without_default)] // used in statics, where `Default` cannot be called
    pub const fn new() -> Self {
        Self(OnceLock::new())
    }
}

impl Tracked {
    /// The area of every row, for a table guarded by one.
    pub fn area(&self) -> Option<Area> {
        match self.guard {
            Guard::Area(a) => Some(a),
            Guard::Owner { .. } => None,
        }
    }

    /// The columns naming each row's owner (table, id), for a table guarded by its owners.
    pub fn owner_columns(&self) -> Option<(&'static str, &'static str)> {
        match self.guard {
            Guard::Area(_) => None,
            Guard::Owner { entity, id } => Some((entity, id)),
        }
    }

    /// A `json_object(...)` expression over the declared columns, in order.
    pub fn snapshot_sql(&self) -> &str {
        self.snapshot.0.get_or_init(|| snapshot_expr(self.columns))
    }

    /// The table a column points at, if it holds another record's id.
    pub fn referenced(&self, field: &str) -> Option<&'static str> {
        self.references
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, to)| *to)
    }
}

/// `json_object('a', a, 'b', b)`: SQLite writes the keys in this order, so the text is stable.
pub fn snapshot_expr(columns: &[&str]) -> String {
    let pairs: Vec<String> = columns.iter().map(|c| format!("'{c}', {c}")).collect();
    format!("json_object({})", pairs.join(", "))
}

/// Rows per tracked table (a backup's manifest, a restore's proof).
pub fn row_counts(
    c: &rusqlite::Connection,
) -> crate::Result<std::collections::BTreeMap<String, i64>> {
    let mut counts = std::collections::BTreeMap::new();
    for t in TRACKED {
        let n: i64 = c.query_row(&format!("SELECT count(*) FROM {}", t.entity), [], |r| {
            r.get(0)
        })?;
        counts.insert(t.entity.to_owned(), n);
    }
    Ok(counts)
}

/// Every tracked table, parents before the tables that point at them.
pub const TRACKED: &[&Tracked] = &[
    &super::organisation::TRACKED,
    &super::departments::TRACKED,
    &super::preferences::TRACKED,
    &super::users::TRACKED,
    &super::staff::contract_types::TRACKED,
    &super::staff::document_types::TRACKED,
    &super::staff::courses::TRACKED,
    &super::staff::employees::TRACKED,
    &super::attachments::TRACKED,
    &super::staff::training::TRACKED,
    &super::staff::requirements::TRACKED,
    &super::audits::templates::TRACKED,
    &super::audits::templates::VERSIONS,
    &super::audits::templates::ITEMS,
    &super::audits::audit::TRACKED,
    &super::audits::scope::TRACKED,
    &super::audits::results::TRACKED,
    &super::audits::evidence::TRACKED,
    &super::audits::evidence::LINKS,
    &super::audits::findings::TRACKED,
    &super::audits::actions::TRACKED,
    &super::audits::policies::TRACKED,
    &super::audits::policies::ACKS,
    &super::assets::categories::TRACKED,
    &super::assets::locations::TRACKED,
    &super::assets::asset::TRACKED,
    &super::assets::checkouts::TRACKED,
    &super::assets::subnets::VLANS,
    &super::assets::subnets::TRACKED,
    &super::assets::interfaces::TRACKED,
    &super::assets::links::TRACKED,
    &super::assets::maintenance::TRACKED,
    &super::assets::maintenance_log::TRACKED,
    &super::assets::software::TRACKED,
    &super::assets::licences::TRACKED,
    &super::assets::seats::TRACKED,
    &super::assets::consumables::TRACKED,
    &super::assets::consumable_moves::TRACKED,
    &super::assets::person_aliases::TRACKED,
    &super::purchasing::categories::TRACKED,
    &super::purchasing::suppliers::TRACKED,
    &super::purchasing::suppliers::CATEGORIES,
    &super::purchasing::supplier_contacts::TRACKED,
    &super::purchasing::rules::RULES,
    &super::purchasing::rules::TIERS,
    &super::purchasing::orders::TRACKED,
    &super::purchasing::orders::LINES,
    &super::purchasing::orders::APPROVALS,
    // Suppliers' price lists.
    &super::purchasing::supplier_prices::TRACKED,
    // Receiving
    &super::purchasing::receipts::TRACKED,
    &super::purchasing::receipts::LINES,
    &super::purchasing::receipts::ASSETS,
    // Requisitions and requests for quotation.
    &super::purchasing::requisitions::TRACKED,
    &super::purchasing::requisitions::LINES,
    &super::purchasing::rfqs::TRACKED,
    &super::purchasing::rfqs::OFFERS,
    &super::purchasing::rfqs::OFFER_LINES,
    // Supplier invoices.
    &super::purchasing::invoices::TRACKED,
    &super::purchasing::invoices::LINES,
    &super::purchasing::invoices::VAT,
    &super::purchasing::invoices::DUES,
    &super::purchasing::invoices::ORDER_REFS,
    // Three-way match.
    &super::purchasing::invoice_matches::MATCHES,
    &super::purchasing::invoice_matches::DIFFERENCES,
    &super::purchasing::invoice_matches::TOLERANCES,
];

/// History entities that are not tables: events with a payload and no row to check.
/// Sign-ins, failed sign-ins and refused calls are for administrators; so is the record of who
/// exported what, which is how personal data leaving the app is accounted for, and of every
/// backup and its outcome.
pub const EVENT_ENTITIES: &[(&str, Area)] = &[
    ("security", Area::Users),
    ("exports", Area::Users),
    ("backups", Area::Users),
];

/// Tables of the schema whose rows history does not follow, and why each is left out. A test
/// fails when a table is in neither list, so a new table is declared on purpose.
pub const UNTRACKED: &[(&str, &str)] = &[
    ("changes", "the history itself"),
    (
        "sign_in_throttle",
        "wrong-password counters; each failure is a security event",
    ),
    (
        "staff_scores",
        "the day cached scores were refreshed; scores follow the calendar",
    ),
    ("employees_fts", "search index, rebuilt from employees"),
    ("attachments_fts", "search index, rebuilt from attachments"),
    ("assets_fts", "search index, kept from assets by triggers"),
    (
        "purchase_orders_fts",
        "search index, kept from purchase orders by triggers",
    ),
    (
        "purchase_order_lines_fts",
        "search index, kept from purchase order lines by triggers",
    ),
    (
        "supplier_invoices_fts",
        "search index, kept from supplier invoices by triggers",
    ),
    (
        "supplier_invoice_lines_fts",
        "search index, kept from supplier invoice lines by triggers",
    ),
    (
        "purchase_orders_words",
        "search index, written from purchase orders and their lines (store::words)",
    ),
    (
        "supplier_invoices_words",
        "search index, written from supplier invoices and their lines (store::words)",
    ),
];

/// A table history knew under another name.
pub struct Renamed {
    /// Its declaration as it was, under the old name: how the History screen reads the changes
    /// written before the move.
    pub was: &'static Tracked,
    /// The tracked table its rows moved to, with the same ids.
    pub now: &'static str,
}

/// Tables renamed by a migration, oldest first.
pub const RENAMED: &[Renamed] = &[Renamed {
    was: &super::attachments::FORMER_DOCUMENTS,
    now: "attachments",
}];

/// The declaration of `entity`, if it is a tracked table.
pub fn table(entity: &str) -> Option<&'static Tracked> {
    TRACKED.iter().copied().find(|t| t.entity == entity)
}

/// The declaration history reads `entity`'s changes with: a tracked table's, or a renamed
/// table's as it was.
pub fn declaration(entity: &str) -> Option<&'static Tracked> {
    table(entity).or_else(|| {
        RENAMED
            .iter()
            .find(|r| r.was.entity == entity)
            .map(|r| r.was)
    })
}

/// The names `table`'s rows have had in history: its own, then the older ones.
pub fn history_names(table: &str) -> Vec<&str> {
    let mut names = vec![table];
    let mut i = 0;
    while i < names.len() {
        let name = names[i];
        names.extend(
            RENAMED
                .iter()
                .filter(|r| r.now == name)
                .map(|r| r.was.entity),
        );
        i += 1;
    }
    names
}

/// The area whose permissions guard `entity`'s history; `None` for an undeclared entity, which
/// nobody sees rather than a default area, and for a table guarded row by row by its owners
/// (see [`Guard::Owner`]).
pub fn area_of(entity: &str) -> Option<Area> {
    match declaration(entity) {
        Some(t) => t.area(),
        None => EVENT_ENTITIES
            .iter()
            .find(|(e, _)| *e == entity)
            .map(|(_, a)| *a),
    }
}

/// Every entity history may hold: the tracked tables, the old names of renamed ones, then the
/// event entities.
pub fn history_entities() -> impl Iterator<Item = &'static str> {
    TRACKED
        .iter()
        .map(|t| t.entity)
        .chain(RENAMED.iter().map(|r| r.was.entity))
        .chain(EVENT_ENTITIES.iter().map(|(e, _)| *e))
}

/// The history entities a person sees, given which areas they may read: the tables and events
/// of those areas, and the tables guarded by their owners, whose rows history then shows only
/// when the owner's table is in the same list (`store::history` filters them row by row).
pub fn visible_entities(can_read: impl Fn(Area) -> bool) -> Vec<&'static str> {
    history_entities()
        .filter(|e| match declaration(e) {
            Some(t) if t.owner_columns().is_some() => true,
            _ => area_of(e).is_some_and(&can_read),
        })
        .collect()
}

/// `ui/src/bindings/tables.ts`: what the History screen needs of each declaration, so the UI
/// never keeps its own copy of which field points where.
pub fn typescript() -> String {
    let list = |xs: &[&str]| {
        let quoted: Vec<String> = xs.iter().map(|x| format!("\"{x}\"")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut out = String::from(
        "// Generated from the table declarations in src-tauri/core/src/store/tracked.rs. Do not edit.\n\n\
         export type TableInfo = {\n  /** The area of every row; null when each row takes its owner's (`owner`). */\n  \
         area: string | null;\n  /** The columns naming each row's owner: a table and an id there. */\n  \
         owner: { entity: string; id: string } | null;\n  references: Record<string, string>;\n  \
         dates: readonly string[];\n  instants: readonly string[];\n  personal: boolean;\n};\n\n\
         export const TABLES: Record<string, TableInfo> = {\n",
    );
    for t in TRACKED.iter().copied().chain(RENAMED.iter().map(|r| r.was)) {
        let area = serde_json::to_string(&t.area()).unwrap_or_default();
        let owner = match t.owner_columns() {
            Some((entity, id)) => format!("{{ entity: \"{entity}\", id: \"{id}\" }}"),
            None => "null".to_owned(),
        };
        let refs: Vec<String> = t
            .references
            .iter()
            .map(|(f, to)| format!("{f}: \"{to}\""))
            .collect();
        out.push_str(&format!(
            "  {}: {{\n    area: {area},\n    owner: {owner},\n    references: {},\n    dates: {},\n    instants: {},\n    personal: {},\n  }},\n",
            t.entity,
            match refs.is_empty() {
                true => "{}".to_owned(),
                false => format!("{{ {} }}", refs.join(", ")),
            },
            list(t.dates),
            list(t.instants),
            t.personal
        ));
    }
    out.push_str("};\n");
    out
}
