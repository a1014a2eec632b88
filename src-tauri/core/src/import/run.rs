//! The pipeline's steps for any [`Importer`]: preview, mapping check, the check of every row
//! (its report), and the all-or-nothing commit.

use super::headers::suggest_mapping;
use super::pipeline::{cancelled, Cells, Change, Importer, Input, Problems, Progress, RowChecker};
use super::report::{
    CreatedReferences, ImportField, ImportOutcome, ImportPreview, ImportReport, ImportSource,
    Mapping, OptionSpec, RowError, MAX_REPORTED, PREVIEW_ROWS,
};
use super::{ChosenFile, Table};
use crate::error::{Error, ErrorCode, FieldError};
use crate::store::Store;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Rows per message from the checking thread to the writer, and messages in flight.
const ROWS_PER_BATCH: usize = 256;
const CHANNEL_BATCHES: usize = 16;

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads the file the person chose, once: the preview with a suggested mapping, and the file
/// pinned to the content just read (the check and the commit refuse it if it changes).
pub fn choose<I: Importer>(
    importer: &I,
    path: &Path,
) -> crate::Result<(ChosenFile, ImportPreview)> {
    let (chosen, t) = ChosenFile::choose(path)?;
    let fields = importer.fields();
    let mapping: Mapping = fields
        .iter()
        .zip(suggest_mapping(&t.headers, fields))
        .filter_map(|(f, c)| c.map(|c| (f.key.to_owned(), c)))
        .collect();
    let preview = ImportPreview {
        file_name: file_name(path),
        source: ImportSource::of(&t),
        fields: fields
            .iter()
            .map(|f| ImportField::of(f, &mapping))
            .collect(),
        options: importer.options().iter().map(OptionSpec::of).collect(),
        mapping,
        rows: t
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|r| r.to_vec())
            .collect(),
        lines: t.line_numbers.iter().take(PREVIEW_ROWS).copied().collect(),
        total_rows: t.rows.len(),
        headers: t.headers,
    };
    Ok((chosen, preview))
}

/// Checks the mapping the person confirmed: known fields, existing columns, each column used
/// once, the required fields present.
pub fn check_mapping<I: Importer>(importer: &I, t: &Table, mapping: &Mapping) -> crate::Result<()> {
    let fields = importer.fields();
    let mut errors = Vec::new();
    let mut used: HashMap<usize, &str> = HashMap::new();
    for (key, &col) in mapping {
        if !fields.iter().any(|f| f.key == key) {
            errors.push(FieldError::new(&format!("mapping.{key}"), "unknown_field"));
        } else if col >= t.headers.len() {
            errors.push(FieldError::new(&format!("mapping.{key}"), "bad_column"));
        } else if let Some(other) = used.insert(col, key) {
            errors.push(
                FieldError::new(&format!("mapping.{key}"), "column_used_twice")
                    .with("other", other),
            );
        }
    }
    for f in fields {
        if f.is_required(&|k| mapping.contains_key(k)) && !mapping.contains_key(f.key) {
            errors.push(FieldError::new(&format!("mapping.{}", f.key), "required"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// The report being built, with each row's count so a problem found at the end can move it.
struct Tally {
    report: ImportReport,
    /// What each row was counted as; `None` for a row with errors.
    rows: Vec<Option<Change>>,
}

impl Tally {
    fn new(rows: usize) -> Self {
        Tally {
            report: ImportReport {
                rows,
                to_create: 0,
                to_update: 0,
                unchanged: 0,
                error_rows: 0,
                errors: Vec::new(),
                warnings: Vec::new(),
                unknown: Vec::new(),
            },
            rows: Vec::with_capacity(rows),
        }
    }

    fn counter(&mut self, change: Change) -> &mut usize {
        match change {
            Change::Create => &mut self.report.to_create,
            Change::Update => &mut self.report.to_update,
            Change::Unchanged => &mut self.report.unchanged,
        }
    }

    fn passed(&mut self, change: Change, warnings: Vec<RowError>) {
        *self.counter(change) += 1;
        self.rows.push(Some(change));
        let room = MAX_REPORTED.saturating_sub(self.report.warnings.len());
        self.report.warnings.extend(warnings.into_iter().take(room));
    }

    fn failed(&mut self, errors: Vec<RowError>) {
        self.report.error_rows += 1;
        self.rows.push(None);
        let room = MAX_REPORTED.saturating_sub(self.report.errors.len());
        self.report.errors.extend(errors.into_iter().take(room));
    }

    /// Problems found once every row was read: each row moves to the errors, and the list stays
    /// in file order, a row's own problems first, still the first ones only.
    fn late(&mut self, late: Vec<(usize, RowError)>) {
        if late.is_empty() {
            return;
        }
        for (i, e) in late {
            if let Some(change) = self.rows.get_mut(i).and_then(Option::take) {
                *self.counter(change) -= 1;
                self.report.error_rows += 1;
            }
            self.report.errors.push(e);
        }
        self.report.errors.sort_by_key(|e| e.line);
        self.report.errors.truncate(MAX_REPORTED);
    }
}

/// Checks every row of `input` with `checker`, handing each to `sink` in file order as soon as it
/// is checked (`None` for a row with errors), and returns the report.
pub(super) fn check_rows<O, R>(
    input: Input<'_, O>,
    checker: &mut dyn RowChecker<R>,
    sink: &mut dyn FnMut(Option<(Change, R)>) -> crate::Result<()>,
) -> crate::Result<ImportReport> {
    let t = input.table;
    let mut tally = Tally::new(t.rows.len());
    let place = |field: &str| input.column_of(field);
    for (i, row) in t.rows.iter().enumerate() {
        let line = t.line_numbers.get(i).copied().unwrap_or(0);
        let mut problems = Problems::new(line, &place);
        if let Some((cells, header)) = t.too_wide(row) {
            let mut p = super::pipeline::param("cells", cells);
            p.insert("header".to_owned(), header.to_string());
            problems.add("row", "too_many_cells", p);
        }
        let cells = Cells::new(row, i, line, input.mapping);
        let checked = checker.check(&cells, &mut problems)?;
        match checked {
            Some((change, r)) if problems.errors.is_empty() => {
                tally.passed(change, problems.warnings);
                sink(Some((change, r)))?;
            }
            _ => {
                tally.failed(problems.errors);
                sink(None)?;
            }
        }
    }
    tally.late(checker.finish()?);
    tally.report.unknown = checker.unknown();
    Ok(tally.report)
}

/// Checks every row and says what a commit would do. Writes nothing.
pub fn validate<I: Importer>(
    store: &Store,
    importer: &I,
    input: Input<'_, I::Options>,
) -> crate::Result<ImportReport> {
    check_mapping(importer, input.table, input.mapping)?;
    store.read(|c| {
        // One read transaction: one snapshot, and no lock taken and released per lookup.
        let c = c.unchecked_transaction()?;
        let prep = importer.known(&c, input)?;
        let mut checker = importer.checker(&c, input, &prep)?;
        check_rows(input, &mut *checker, &mut |_| Ok(()))
    })
}

/// Imports every row in one transaction, or none: any row with a problem, a problem found at the
/// end, or a cancel from `report(done, total)` returning false rolls everything back.
pub fn commit<I: Importer>(
    store: &Store,
    actor: &str,
    importer: &I,
    input: Input<'_, I::Options>,
    report: &mut dyn FnMut(usize, usize) -> bool,
) -> crate::Result<ImportOutcome> {
    check_mapping(importer, input.table, input.mapping)?;
    store.write(actor, |w| {
        let begun = importer.begin(w, input)?;
        let mut progress = Progress::new(report, input.table.rows.len());
        progress.now()?;
        let mut writer = begun.writer;
        let prep = &begun.prep;
        let failed = AtomicBool::new(false);
        let checked = std::thread::scope(|scope| -> crate::Result<ImportReport> {
            let (send, receive) = mpsc::sync_channel::<Vec<(Change, I::Row)>>(CHANNEL_BATCHES);
            let (give_back, spent) = mpsc::channel::<Box<dyn Send>>();
            let failed = &failed;
            let worker = scope.spawn(move || {
                check_on_reader(store, importer, input, prep, failed, (send, spent))
            });
            for batch in receive {
                // A row with errors fails the import: the rest is only read for the report.
                if failed.load(Ordering::Relaxed) {
                    continue;
                }
                for (change, row) in batch {
                    match change {
                        Change::Unchanged => progress.step()?,
                        _ => writer.write(change, row, &mut progress)?,
                    }
                }
                if let Some(done_with) = writer.spent() {
                    let _ = give_back.send(done_with);
                }
                progress.now()?;
            }
            drop(give_back);
            worker
                .join()
                .map_err(|_| Error::internal("the import's row check stopped"))?
        })?;
        if !checked.ok() {
            return Err(Error::new(
                ErrorCode::Validation,
                format!("{} rows have errors", checked.error_rows),
            )
            .with("error_rows", checked.error_rows));
        }
        writer.finish(&mut progress)?;
        progress.all_done()?;
        Ok(ImportOutcome {
            created: checked.to_create,
            updated: checked.to_update,
            unchanged: checked.unchanged,
            references: begun
                .references
                .iter()
                .map(|&(field, count)| CreatedReferences {
                    field: field.to_owned(),
                    count,
                })
                .collect(),
        })
    })
}

type Channels<R> = (
    mpsc::SyncSender<Vec<(Change, R)>>,
    mpsc::Receiver<Box<dyn Send>>,
);

/// The second thread of a commit: checks every row on a read connection, in one read
/// transaction, and sends the rows that pass in batches. Sets `failed` at the first row with
/// errors; stops when the writer stops listening.
fn check_on_reader<I: Importer>(
    store: &Store,
    importer: &I,
    input: Input<'_, I::Options>,
    prep: &I::Prep,
    failed: &AtomicBool,
    (send, spent): Channels<I::Row>,
) -> crate::Result<ImportReport> {
    store.read(|c| {
        let c = c.unchecked_transaction()?;
        let mut checker = importer.checker(&c, input, prep)?;
        let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
        let report = check_rows(input, &mut *checker, &mut |row| {
            let Some(row) = row else {
                failed.store(true, Ordering::Relaxed);
                return Ok(());
            };
            batch.push(row);
            if batch.len() == ROWS_PER_BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
                send.send(full).map_err(|_| cancelled())?;
                // What the writer is done with, freed here where it was made.
                spent.try_iter().for_each(drop);
            }
            Ok(())
        })?;
        if !batch.is_empty() {
            send.send(batch).map_err(|_| cancelled())?;
        }
        // The writer's loop ends when this side hangs up; then it hands back the rest.
        drop(send);
        spent.iter().for_each(drop);
        Ok(report)
    })
}
