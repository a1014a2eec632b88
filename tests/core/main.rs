//! Headless tests of the store and services on real SQLite files with the real migrations.

// Tests unwrap (a failed unwrap is a failed test) and may be long stories; the core crate's
// lints on both are for the code they test.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

mod accounts;
mod assets;
mod attachments;
mod attachments_upgrade;
mod attention;
mod audits;
mod backup;
mod bindings;
mod departments;
mod depreciation;
mod encryption;
mod export_bench;
mod exports;
mod history;
mod history_labels;
mod import;
mod import_bombs;
mod import_integrity;
mod ipam;
mod labels;
mod open;
mod organisation;
mod pack;
mod permissions;
mod permissions_assets;
mod permissions_purchasing;
mod proof;
mod purchasing;
mod report;
mod safety;
mod schedule;
mod schema_upgrade;
mod search;
mod staff;
mod support;
