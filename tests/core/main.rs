//! Headless tests of the store and services on real SQLite files with the real migrations.

mod bindings;
mod departments;
mod history;
mod open;
mod organisation;
mod support;
