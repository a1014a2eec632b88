//! End-to-end tests: the real app binary, driven through tauri-driver and WebKitWebDriver.
//!
//! Needs an X display; `scripts/test.sh` runs them under Xvfb. Each test launches its own app
//! with its own ports and data directory, so tests may run in parallel.

mod accounts;
mod assets;
mod assets_inventory;
mod assets_maintenance;
mod assets_map;
mod assets_network;
mod audits;
mod backups;
mod department_files;
mod departments_import;
mod encryption;
mod fatturapa;
mod foundation;
mod freshness;
mod purchasing;
mod purchasing_credit_note;
mod purchasing_flow;
mod purchasing_invoice_assign;
mod purchasing_invoices;
mod purchasing_match;
mod purchasing_orders;
mod purchasing_prices;
mod purchasing_quotes;
mod purchasing_receiving;
mod screens;
mod search;
mod smoke;
mod staff;
mod staff_catalog;
mod staff_import;
mod support;
