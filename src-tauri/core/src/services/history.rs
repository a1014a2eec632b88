use super::exports::{filter_of, ExportRecord, EXPORTS};
use super::{Backoffice, Ctx};
use crate::domain::history::{
    Change, HistoryHead, HistoryPage, HistoryQuery, HistoryStatus, ProblemKind, VerifyProblem,
    VerifyReport, HEAD_KIND,
};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::export::{self, Column, Format, Kind, Language, Sheet, Value};
use crate::files::{put, write_atomically};
use crate::store::{history, history_labels, tracked};
use std::path::Path;

/// Columns never shown in history: a password hash is replaced by a short fingerprint, so a
/// change is still visible without handing out the hash.
fn mask(v: &mut Option<serde_json::Value>) {
    if let Some(serde_json::Value::Object(m)) = v {
        if let Some(serde_json::Value::String(h)) = m.get_mut("password_hash") {
            let tail: String = h
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            *h = format!("••••{tail}");
        }
    }
}

impl Backoffice {
    /// The entities `ctx` may see the history of: those of the areas it may read, and the
    /// attachments of their records (filtered row by row by the store).
    fn visible_entities(&self, ctx: &Ctx) -> Vec<&'static str> {
        tracked::visible_entities(|a| ctx.can(a, Action::Read))
    }

    /// One page of history with names for the records it mentions, read in one snapshot.
    pub fn history(&self, ctx: &Ctx, q: &HistoryQuery) -> crate::Result<HistoryPage> {
        self.require(ctx, Area::History, Action::Read)?;
        let entities = self.visible_entities(ctx);
        let (mut page, labels) = self.store.read(|c| {
            let page = history::list(c, q, &entities)?;
            let labels = history_labels::resolve(c, &page.items, &entities)?.labels;
            Ok((page, labels))
        })?;
        for ch in &mut page.items {
            mask(&mut ch.before);
            mask(&mut ch.after);
        }
        Ok(HistoryPage {
            items: page.items,
            total: page.total,
            labels,
        })
    }

    /// How long the history is and its newest hash: part of reading history, so it needs the
    /// same permission (a refusal is recorded like any other).
    pub fn history_status(&self, ctx: &Ctx) -> crate::Result<HistoryStatus> {
        self.require(ctx, Area::History, Action::Read)?;
        self.store.read(history::status)
    }

    /// Recomputes the chain and checks every tracked row. `progress` may cancel by returning false.
    pub fn verify_history(
        &self,
        ctx: &Ctx,
        progress: &mut dyn FnMut(i64) -> bool,
    ) -> crate::Result<VerifyReport> {
        self.require(ctx, Area::History, Action::Read)?;
        let now = self.store.now();
        self.store.read(|c| history::verify(c, now, progress))
    }

    /// The current head, to be kept outside the database.
    pub fn history_head(&self, ctx: &Ctx) -> crate::Result<HistoryHead> {
        self.require(ctx, Area::History, Action::Export)?;
        let status = self.store.read(history::status)?;
        Ok(HistoryHead {
            kind: HEAD_KIND.to_owned(),
            count: status.count,
            head_hash: status.head_hash.unwrap_or_default(),
            exported_at: self.store.now(),
            exported_by: ctx.actor.clone(),
        })
    }

    pub fn export_history_head(&self, ctx: &Ctx, path: &Path) -> crate::Result<HistoryHead> {
        let head = self.history_head(ctx)?;
        let json = serde_json::to_vec_pretty(&head)?;
        write_atomically(path, |w| put(w, path, &json))?;
        Ok(head)
    }

    /// Verifies the chain, then that it still contains the head read from `path`: a history
    /// rebuilt or cut short after the export no longer has that hash at that position.
    pub fn verify_history_against(
        &self,
        ctx: &Ctx,
        path: &Path,
        progress: &mut dyn FnMut(i64) -> bool,
    ) -> crate::Result<VerifyReport> {
        let bad =
            |why: &str| Error::new(ErrorCode::BadFile, why.to_owned()).with("path", path.display());
        let bytes = std::fs::read(path).map_err(|e| bad(&e.to_string()))?;
        let head: HistoryHead = serde_json::from_slice(&bytes).map_err(|e| bad(&e.to_string()))?;
        if head.kind != HEAD_KIND {
            return Err(bad("not a history head file"));
        }
        let mut report = self.verify_history(ctx, progress)?;
        let (count, found) = self
            .store
            .read(|c| Ok((history::status(c)?.count, history::hash_of(c, head.count)?)))?;
        // Fewer changes than the head counted: the end was cut off, so say where it stops
        // rather than only that the head is not found.
        let problem = if head.count > count {
            Some((ProblemKind::Gap, count + 1))
        } else if head.count > 0 && found.as_deref() != Some(head.head_hash.as_str()) {
            Some((ProblemKind::HeadMismatch, head.count))
        } else {
            None
        };
        if let (true, Some((kind, id))) = (report.ok, problem) {
            report.ok = false;
            report.problem = Some(VerifyProblem {
                kind,
                change_id: Some(id),
                entity: None,
                row_id: None,
            });
        }
        report.against = Some(head);
        Ok(report)
    }

    /// Writes the filtered history as CSV (UTF-8 with BOM so spreadsheet programs read accents;
    /// `;` for Italian spreadsheets, `,` otherwise). Returns the number of changes written.
    ///
    /// The export is an event of history itself. The rows are read inside a write, so nothing
    /// can come between the last row read and the event; the event is appended after them and,
    /// when the filter takes it, written as the file's last row: the file is then a complete
    /// prefix of the chain including its own record, and the record's `rows` counts it.
    pub fn export_history_csv(
        &self,
        ctx: &Ctx,
        q: &HistoryQuery,
        path: &Path,
        language: &str,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::History, Action::Export)?;
        let entities = self.visible_entities(ctx);
        let language = Language::from_code(language);
        let filter = filter_of(q, &["page"]);
        let staged = self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            let mut last = 0;
            let mut recorded = 0;
            let (staged, rows) =
                export::stage(path, Format::Csv, language, &HISTORY_SHEET, |out| {
                    history::for_each(c, q, &entities, &mut |ch| {
                        last = ch.id;
                        recorded += 1;
                        out.row(&change_cells(ch))
                    })?;
                    let at = w.now_text();
                    let event = (EXPORTS, ctx.user_id, w.actor(), at.as_str());
                    let itself = history::would_match(c, q, &entities, event)?;
                    recorded += u64::from(itself);
                    let record = ExportRecord {
                        kind: "history",
                        format: Format::Csv.as_str(),
                        rows: recorded,
                        filter,
                        path,
                        extra: Default::default(),
                    };
                    w.event(EXPORTS, ctx.user_id, &record.payload())?;
                    history::for_each_after(c, q, &entities, last, &mut |ch| {
                        out.row(&change_cells(ch))
                    })
                })?;
            // The record said what the file holds, or nothing is kept.
            if rows != recorded {
                return Err(Error::internal(format!(
                    "history export wrote {rows} rows, recorded {recorded}"
                )));
            }
            Ok((staged, rows))
        });
        // Committed: the file goes in place.
        let (staged, rows) = staged?;
        staged.publish()?;
        Ok(rows)
    }
}

/// The CSV keeps raw values (ids, UTC instants, JSON) so it can be checked against the chain;
/// the titles are the same in both languages.
const HISTORY_COLUMNS: &[Column] = &[
    Column::new("id", "id", "id", Kind::Integer),
    Column::new("at_utc", "at_utc", "at_utc", Kind::Text),
    Column::new("actor", "actor", "actor", Kind::Text),
    Column::new("entity", "entity", "entity", Kind::Text),
    Column::new("row_id", "row_id", "row_id", Kind::Text),
    Column::new("op", "op", "op", Kind::Text),
    Column::new("before", "before", "before", Kind::Text),
    Column::new("after", "after", "after", Kind::Text),
    Column::new("hash", "hash", "hash", Kind::Text),
];

const HISTORY_SHEET: Sheet = Sheet {
    name_it: "Storico",
    name_en: "History",
    columns: HISTORY_COLUMNS,
};

fn change_cells(mut ch: Change) -> [Value; 9] {
    mask(&mut ch.before);
    mask(&mut ch.after);
    let json = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .map_or(Value::Empty, |v| Value::Text(v.to_string()))
    };
    [
        Value::Integer(ch.id),
        Value::Text(crate::store::ts_text(ch.at)),
        Value::Text(ch.actor),
        Value::Text(ch.entity),
        Value::Text(ch.row_id),
        Value::text(ch.op.as_str()),
        json(&ch.before),
        json(&ch.after),
        Value::Text(ch.hash),
    ]
}
