//! Backoffice at real sizes: a seeded generator of a realistic Italian company, the benchmark
//! suite (one table of figures, each against its goal), and the crash-safety writer.

pub mod app;
pub mod app_rows;
pub mod asset_bench;
pub mod asset_lists;
pub mod asset_plan;
pub mod asset_rows;
pub mod asset_scan;
pub mod asset_setup;
pub mod asset_work;
pub mod audit_bench;
pub mod audit_history;
pub mod audit_plan;
pub mod backup_bench;
pub mod company;
pub mod crash;
pub mod crash_backup;
pub mod crash_child;
pub mod crash_encrypt;
pub mod crash_restore;
pub mod generate;
pub mod import_bench;
pub mod order_pdf_bench;
pub mod people;
pub mod purchase_bench;
pub mod purchase_deliveries;
pub mod purchase_files;
pub mod purchase_import;
pub mod purchase_items;
pub mod purchase_lists;
pub mod purchase_plan;
pub mod purchase_rows;
pub mod rng;
pub mod staff_csv;
pub mod stats;
pub mod suite;
pub mod tour;
pub mod ui_size;

// The e2e tests' own WebDriver client and tauri-driver launcher, shared rather than copied.
#[allow(dead_code)]
#[path = "../../../tests/e2e/support/driver.rs"]
mod driver;
#[allow(dead_code)]
#[path = "../../../tests/e2e/support/webdriver.rs"]
mod webdriver;
