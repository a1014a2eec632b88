//! Every export of personal data is recorded in history as an event of the `exports` entity:
//! who (the change's actor, and the account as row id, as security events have it), what (the
//! kind of list and the file format), how many rows, with which filter, and the file's name.
//!
//! The file is staged first and published only once the event is committed, so a finished file
//! always has its record. An export that fails records nothing: nothing left the app (the staged
//! file is removed), and the person saw the error. Only the rename into place can fail after the
//! record, which then names an export whose file is missing: the safer side for an audit.

use super::{Backoffice, Ctx};
use crate::files::Staged;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The history entity of export events (administrators' area, like security events).
pub const EXPORTS: &str = "exports";

/// What an export event says.
pub(crate) struct ExportRecord<'a> {
    /// `staff_list`, `departments_list`, `history`, `employee_file`, `document`.
    pub kind: &'a str,
    /// `csv`, `xlsx`, `zip`, or a document's own extension.
    pub format: &'a str,
    pub rows: u64,
    pub filter: Value,
    pub path: &'a Path,
    /// Anything else worth keeping (whose file, a document's title).
    pub extra: Map<String, Value>,
}

impl ExportRecord<'_> {
    pub fn payload(&self) -> Value {
        let mut p = Map::new();
        p.insert("event".into(), json!("export"));
        p.insert("kind".into(), json!(self.kind));
        p.insert("format".into(), json!(self.format));
        p.insert("rows".into(), json!(self.rows));
        p.insert("filter".into(), self.filter.clone());
        // The name only: the folder may say more about the person's computer than about the
        // export.
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        p.insert("file".into(), json!(name));
        p.extend(self.extra.clone());
        Value::Object(p)
    }
}

/// A query as an export's filter: its fields without paging and order, and without those left
/// empty.
pub(crate) fn filter_of(q: &impl serde::Serialize, drop: &[&str]) -> Value {
    match serde_json::to_value(q) {
        Ok(Value::Object(mut m)) => {
            m.retain(|k, v| !v.is_null() && !drop.contains(&k.as_str()) && v.as_str() != Some(""));
            Value::Object(m)
        }
        _ => Value::Object(Map::new()),
    }
}

impl Backoffice {
    /// Records the export, then puts its file in place.
    pub(crate) fn publish_export(
        &self,
        ctx: &Ctx,
        staged: Staged,
        record: &ExportRecord,
    ) -> crate::Result<()> {
        let payload = record.payload();
        self.store
            .write(&ctx.actor, |w| w.event(EXPORTS, ctx.user_id, &payload))?;
        staged.publish()
    }
}
