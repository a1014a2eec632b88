//! Backoffice core: domain rules, the SQLite store and the business services.
//!
//! Nothing here knows about Tauri or a web view, so every rule and query is tested headless and a
//! second front end (a CLI, a team server) can reuse it unchanged.

pub mod backup;
pub mod bindings;
pub mod blobs;
pub mod crypt;
pub mod domain;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
pub mod instance;
pub mod jobs;
pub mod network_folder;
pub mod pack;
pub mod private;
pub mod report;
pub mod services;
pub mod store;
pub mod viewer;

pub use error::{Error, ErrorCode, FieldError, Result};
