//! Numbered migrations embedded in the binary, tracked with `PRAGMA user_version`.
//! A shipped migration is never edited: changes go in a new one.
//!
//! A migration is SQL, optionally followed by a Rust step (data moves SQL cannot express), and
//! names the tracked tables whose history snapshot it changes. Those tables get one history
//! entry per row whose stored snapshot no longer matches, in the same transaction, so verify
//! stays green after a column is added, renamed, dropped or retyped (`history::reshape`).

use super::reshape::{self, Shape};
use super::tracked::{Tracked, TRACKED};
use crate::error::{Error, ErrorCode};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::collections::BTreeMap;

/// Marks a file as a Backoffice database ("BOFC"), so a foreign SQLite file is never migrated.
pub const APPLICATION_ID: i32 = 0x424F_4643;

pub type Step = fn(&Transaction) -> crate::Result<()>;

pub struct Migration {
    pub sql: &'static str,
    /// Runs after `sql`, in the same transaction.
    pub step: Option<Step>,
    /// Tracked tables whose snapshot columns this migration changes.
    pub reshapes: &'static [Reshape],
}

/// A tracked table whose snapshot a migration changes. Added and dropped columns need no
/// mention; renamed ones (old, new) are shown as renamed rather than as one field dropped and
/// another added, and a column whose stored value changes with its type is named in `retyped`.
/// Any other difference between a row and its recorded state stays a modification for verify.
pub struct Reshape {
    pub entity: &'static str,
    pub renamed: &'static [(&'static str, &'static str)],
    pub retyped: &'static [&'static str],
}

impl Migration {
    pub const fn sql(sql: &'static str) -> Self {
        Self {
            sql,
            step: None,
            reshapes: &[],
        }
    }

    /// A migration that adds or drops columns of tracked tables: `reshapes` names them, so their
    /// rows get their upgrade entry in history.
    pub const fn reshaping(sql: &'static str, reshapes: &'static [Reshape]) -> Self {
        Self {
            sql,
            step: None,
            reshapes,
        }
    }
}

impl Reshape {
    /// A table whose columns were added or dropped, none renamed or retyped.
    pub const fn columns_of(entity: &'static str) -> Self {
        Self {
            entity,
            renamed: &[],
            retyped: &[],
        }
    }
}

pub const MIGRATIONS: &[Migration] = &[
    Migration::sql(include_str!("../../migrations/0001_foundation.sql")),
    Migration::sql(include_str!("../../migrations/0002_accounts.sql")),
    Migration::sql(include_str!("../../migrations/0003_staff.sql")),
    Migration::sql(include_str!("../../migrations/0004_search.sql")),
    Migration::sql(include_str!("../../migrations/0005_staff_list.sql")),
    Migration::sql(include_str!("../../migrations/0006_search_content.sql")),
    Migration::sql(include_str!("../../migrations/0007_tax_code_index.sql")),
    Migration::sql(include_str!(
        "../../migrations/0008_fewer_employee_indexes.sql"
    )),
    Migration::sql(include_str!("../../migrations/0009_search_mailbox.sql")),
    Migration::sql(include_str!("../../migrations/0010_change_detail.sql")),
    Migration::sql(include_str!("../../migrations/0011_history_guard.sql")),
    // A private e-mail: how to reach someone once the work address ends with the job.
    Migration::reshaping(
        "ALTER TABLE employees ADD COLUMN private_email TEXT;",
        &[Reshape::columns_of("employees")],
    ),
    // Documents become attachments of any record: the rows move with their ids from
    // `documents` (kept in history under that name, see `tracked::RENAMED`), `employee_id`
    // becoming `record_id` beside the new `entity`.
    Migration {
        sql: include_str!("../../migrations/0013_attachments.sql"),
        step: None,
        reshapes: &[Reshape {
            entity: "attachments",
            renamed: &[("employee_id", "record_id")],
            retyped: &[],
        }],
    },
    // Audits and compliance; accounts may be linked to their staff record.
    Migration::reshaping(
        include_str!("../../migrations/0014_audits.sql"),
        &[Reshape::columns_of("users")],
    ),
    Migration::sql(include_str!("../../migrations/0015_audit_indexes.sql")),
    // IT assets: categories, locations, assets and their check-outs.
    Migration::sql(include_str!("../../migrations/0016_assets.sql")),
    // Networks: VLANs, subnets, interfaces and their addresses, cables.
    Migration::sql(include_str!("../../migrations/0017_network.sql")),
    // Maintenance plans of IT assets and the work log.
    Migration::sql(include_str!("../../migrations/0018_maintenance.sql")),
    // Software licences and their seats; consumables and their stock moves.
    Migration::sql(include_str!("../../migrations/0019_licences.sql")),
    // The asset list's default tag order under a filter, and its date sorts, from indexes.
    Migration::sql(include_str!("../../migrations/0020_asset_indexes.sql")),
    // The asset list's holder and location keys, its search index, and the descending sorts'
    // indexes.
    Migration::sql(include_str!("../../migrations/0021_asset_keys.sql")),
    // An audit's scope may list assets.
    Migration::sql(include_str!("../../migrations/0022_audit_scope_assets.sql")),
    // What other systems call a person (Snipe-IT usernames), for their files to find them.
    Migration::sql(include_str!("../../migrations/0023_person_aliases.sql")),
    // Purchasing: categories, suppliers, their categories and contacts; expiring files by area.
    Migration::sql(include_str!("../../migrations/0024_suppliers.sql")),
    // The asset search's doubtful rows, the maintenance calendar's read of the log.
    Migration::sql(include_str!("../../migrations/0025_it_speed.sql")),
    // Purchase orders, their lines and approvals; purchasing's rules and approval tiers.
    Migration::sql(include_str!("../../migrations/0026_purchase_orders.sql")),
    // The organisation's logo for its printed documents.
    Migration::reshaping(
        include_str!("../../migrations/0027_organisation_logo.sql"),
        &[Reshape::columns_of("organisation")],
    ),
    // Receiving: receipts against purchase orders, their lines and the assets they created.
    Migration::sql(include_str!("../../migrations/0028_receipts.sql")),
    // Supplier invoices: from FatturaPA files or by hand, with lines, VAT, dues, order refs.
    Migration::sql(include_str!("../../migrations/0029_supplier_invoices.sql")),
    // Requisitions and requests for quotation: their tables, and on the order what it came from.
    Migration::reshaping(
        include_str!("../../migrations/0030_requisitions.sql"),
        &[Reshape::columns_of("purchase_orders")],
    ),
    // Suppliers' price lists.
    Migration::sql(include_str!("../../migrations/0031_supplier_prices.sql")),
    // Orders found by number and by what their lines buy.
    Migration::sql(include_str!("../../migrations/0032_order_search.sql")),
    // Three-way match of supplier invoices and their approval for payment; invoices gain their
    // open differences and who approved them for payment.
    Migration::reshaping(
        include_str!("../../migrations/0033_invoice_match.sql"),
        &[Reshape::columns_of("supplier_invoices")],
    ),
    // Supplier invoices found by number and by what their lines bill.
    Migration::sql(include_str!("../../migrations/0035_invoice_search.sql")),
    // Orders and supplier invoices found in their lists by the words of their number, supplier
    // and lines: one document per record.
    Migration::sql(include_str!("../../migrations/0036_purchase_words.sql")),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to `LATEST` in one transaction: a failed step leaves the file as it was.
pub fn apply(conn: &mut Connection, now: DateTime<Utc>) -> crate::Result<()> {
    apply_with(conn, MIGRATIONS, TRACKED, now)
}

/// [`apply`] with a given list of migrations and table declarations: the real ones, or the
/// real ones plus a test's own, to prove an upgrade keeps history verifiable.
pub fn apply_with(
    conn: &mut Connection,
    migrations: &[Migration],
    tables: &[&Tracked],
    now: DateTime<Utc>,
) -> crate::Result<()> {
    let latest = migrations.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > latest {
        return Err(newer(current));
    }
    if current == latest {
        return Ok(()); // nothing to do, and nothing written to a file that may be damaged
    }
    // Per reshaped table: the newest version that reshaped it and every rename and retype on
    // the way.
    type Declared<'a> = (i64, Vec<(&'a str, &'a str)>, Vec<&'a str>);
    let mut reshaped: BTreeMap<&str, Declared> = BTreeMap::new();
    for (i, m) in migrations.iter().enumerate().skip(current as usize) {
        tx.execute_batch(m.sql)?;
        if let Some(step) = m.step {
            step(&tx)?;
        }
        for r in m.reshapes {
            let entry = reshaped.entry(r.entity).or_default();
            entry.0 = i as i64 + 1;
            entry.1.extend(r.renamed.iter().copied());
            entry.2.extend(r.retyped.iter().copied());
        }
    }
    // Snapshots are compared once every step has run: an intermediate shape has no declaration.
    // A brand-new file has no history yet, so nothing is written to it.
    if current > 0 {
        for (entity, (version, renamed, retyped)) in &reshaped {
            let table = tables
                .iter()
                .find(|t| t.entity == *entity)
                .ok_or_else(|| Error::internal(format!("reshaped table {entity} not declared")))?;
            let shape = Shape {
                version: *version,
                renamed,
                retyped,
            };
            reshape::reshape(&tx, table, &shape, now)?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    // An ALTER TABLE … RENAME opens the connection's temporary database (SQLite looks for
    // temporary triggers to rewrite), and a connection whose temporary database is open cannot
    // change `temp_store` inside a transaction, as a large import's index rebuild does. A
    // change outside any transaction closes that database (setting the same value is a no-op,
    // so it goes through another value and back).
    let temp_store: i64 = conn.pragma_query_value(None, "temp_store", |r| r.get(0))?;
    conn.pragma_update(None, "temp_store", i64::from(temp_store == 0))?;
    conn.pragma_update(None, "temp_store", temp_store)?;
    Ok(())
}

pub fn newer(found: i64) -> Error {
    Error::new(
        ErrorCode::DbNewer,
        format!("database schema {found} is newer than this app supports ({LATEST})"),
    )
}
