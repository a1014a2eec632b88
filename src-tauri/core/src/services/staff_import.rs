//! Importing staff from a CSV or xlsx file: preview with a suggested column mapping, validation
//! of every row (the same rules as the employee form: each row becomes an `EmployeeInput` and
//! goes through `validate`), and a commit that is all or nothing in one transaction.
//!
//! Rows are matched to existing files on the tax code, so importing the same file again updates
//! instead of duplicating, and a row that changes nothing writes nothing. In an update, an empty
//! cell keeps what the file holds: an export that lacks a value is no reason to erase it.

mod managers;
mod plan;

use super::{Backoffice, Ctx};
use crate::domain::department::DepartmentInput;
use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::employee::EmployeeStatus;
use crate::domain::staff_import::{
    required, ImportField, ImportOptions, ImportOutcome, ImportPreview, ImportReport, ImportSource,
    PREVIEW_ROWS, REQUIRED_FIELDS,
};
use crate::error::{Error, ErrorCode, FieldError};
use crate::import::headers::{suggest_mapping, STAFF_FIELDS};
use crate::import::{ChosenFile, Format, ImportFile, Table};
use crate::store::retired_list;
use crate::store::staff::bulk::{snapshot_json, Bulk, NewEmployee, REBUILD_INDEXES_FROM};
use crate::store::staff::keys;
use crate::store::{departments, staff::employees, staff::requirements, staff::scores};
use chrono::NaiveDate;
use plan::{lookups, plan, unknown_departments, Kind, Known, RowPlan};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Rows between two progress reports while a commit updates files.
const PROGRESS_EVERY: usize = 100;

fn source_of(t: &Table) -> ImportSource {
    ImportSource {
        format: match t.source.format {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
        .to_owned(),
        delimiter: t.source.delimiter.map(|d| d.to_string()),
        encoding: t.source.encoding.clone(),
        had_bom: t.source.had_bom,
        sheet: t.source.sheet.clone(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks the mapping the person confirmed: known fields, existing columns, each column used
/// once, the required fields present.
fn check_mapping(t: &Table, mapping: &BTreeMap<String, usize>) -> crate::Result<()> {
    let mut errors = Vec::new();
    let mut used: HashMap<usize, &str> = HashMap::new();
    for (key, &col) in mapping {
        if !STAFF_FIELDS.iter().any(|f| f.key == key) {
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
    for key in REQUIRED_FIELDS {
        if required(key, &|k| mapping.contains_key(k)) && !mapping.contains_key(*key) {
            errors.push(FieldError::new(&format!("mapping.{key}"), "required"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

impl Backoffice {
    /// Reads the file chosen in the open dialog and proposes a column mapping.
    pub fn preview_import(&self, ctx: &Ctx, path: &Path) -> crate::Result<ImportPreview> {
        self.choose_import(ctx, path).map(|(_, preview)| preview)
    }

    /// Reads the file chosen in the open dialog once: the preview with a proposed column
    /// mapping, and the file pinned to the content just read, which validation and the commit
    /// read again and refuse if it changed.
    pub fn choose_import(
        &self,
        ctx: &Ctx,
        path: &Path,
    ) -> crate::Result<(ChosenFile, ImportPreview)> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let (chosen, t) = ChosenFile::choose(path)?;
        let suggested = suggest_mapping(&t.headers, STAFF_FIELDS);
        let mapping: BTreeMap<String, usize> = STAFF_FIELDS
            .iter()
            .zip(suggested)
            .filter_map(|(f, c)| c.map(|c| (f.key.to_owned(), c)))
            .collect();
        let preview = ImportPreview {
            file_name: file_name(path),
            source: source_of(&t),
            fields: STAFF_FIELDS
                .iter()
                .map(|f| ImportField {
                    key: f.key.to_owned(),
                    required: required(f.key, &|k| mapping.contains_key(k)),
                })
                .collect(),
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

    /// Checks every row with the confirmed mapping and says what a commit would do. Writes
    /// nothing.
    pub fn validate_import<'a>(
        &self,
        ctx: &Ctx,
        file: impl Into<ImportFile<'a>>,
        mapping: &BTreeMap<String, usize>,
        options: &ImportOptions,
    ) -> crate::Result<ImportReport> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let t = file.into().read()?;
        check_mapping(&t, mapping)?;
        let today = self.today();
        let report = self.store.read(|c| {
            // One read transaction: one snapshot, and no lock taken and released per lookup.
            let c = c.unchecked_transaction()?;
            let look = lookups(&c)?;
            let tax_codes = keys::tax_codes(&c)?;
            let known = Known {
                look: &look,
                tax_codes: &tax_codes,
            };
            plan(&c, &t, mapping, options, today, &known, &mut |_, _| Ok(()))
        });
        report
    }

    /// Imports the file in one transaction: every row or none. A chosen file whose content
    /// changed since it was chosen is refused before anything is written; any row error or a
    /// cancel from `progress(done, total)` returning false rolls everything back. Each created or
    /// updated file gets its history rows.
    #[expect(
        clippy::too_many_lines,
        reason = "written before the limit; to be split by stage"
    )]
    pub fn commit_import<'a>(
        &self,
        ctx: &Ctx,
        file: impl Into<ImportFile<'a>>,
        mapping: &BTreeMap<String, usize>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> crate::Result<ImportOutcome> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let t = file.into().read()?;
        check_mapping(&t, mapping)?;
        let today = self.today();
        let outcome = self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            let mut departments_created = 0;
            if options.create_missing_departments {
                for name in &unknown_departments(c, &t, mapping)? {
                    let v = DepartmentInput {
                        name: name.clone(),
                        code: None,
                        head: None,
                        cost_centre: None,
                    }
                    .validate()?;
                    departments::insert(w, &v)?;
                    departments_created += 1;
                }
            }
            let look = lookups(c)?;
            let tax_codes = keys::tax_codes(c)?;
            let reqs = requirements::list(c)?;
            let fixed_term: HashMap<i64, bool> = retired_list::list::<ContractType>(c, true)?
                .into_iter()
                .map(|t| (t.id, t.fixed_term))
                .collect();
            let total = t.rows.len();
            let cancelled = || Error::new(ErrorCode::Cancelled, "import cancelled");
            if !progress(0, total) {
                return Err(cancelled());
            }
            let mut outcome = ImportOutcome {
                created: 0,
                updated: 0,
                unchanged: 0,
                departments_created,
            };
            let mut bulk = Bulk::begin(w)?;
            // Into an empty table every row of the file is a new file, or the import fails.
            if bulk.table_rows() == 0 {
                bulk.expect(total)?;
            }
            let checked = Checked {
                known: Known {
                    look: &look,
                    tax_codes: &tax_codes,
                },
                reqs: &reqs,
                fixed_term: &fixed_term,
                today,
                at: w.now(),
                first_id: bulk.first_id(),
                options: ImportOptions {
                    create_missing_departments: false,
                    ..*options
                },
            };
            // Rows are read and checked on a second thread while this one writes the new files
            // as they come, in file order; everything else a row asks for (updates, status
            // changes, managers named in the file) waits for the end, as before.
            let mut rest: Vec<(Option<i64>, RowPlan)> = Vec::new();
            let failed = AtomicBool::new(false);
            let report = std::thread::scope(|scope| -> crate::Result<ImportReport> {
                let (send, receive) = mpsc::sync_channel::<Vec<CheckedRow>>(CHANNEL_BATCHES);
                let (give_back, spent) = mpsc::channel::<Vec<NewEmployee>>();
                let worker = {
                    let (t, checked, failed) = (&t, &checked, &failed);
                    let channels = (send, spent);
                    scope.spawn(move || self.check_rows(t, mapping, checked, failed, channels))
                };
                for batch in receive {
                    // A row with errors fails the import: the rest is only read for the report.
                    if failed.load(Ordering::Relaxed) {
                        continue;
                    }
                    for (row, new) in batch {
                        let Some(new) = new else {
                            rest.push((None, row));
                            continue;
                        };
                        outcome.created += 1;
                        // A new file with a status or a manager from the file comes back later.
                        let follow_up = row.status.is_some() || row.manager_in_file.is_some();
                        let valid = if follow_up {
                            let valid = row.valid.clone();
                            rest.push((Some(new.id), row));
                            valid
                        } else {
                            row.valid
                        };
                        bulk.push(NewEmployee {
                            valid,
                            scores: new.scores,
                            id: new.id,
                            snapshot: new.snapshot,
                        })?;
                    }
                    // Freed by the thread that made them.
                    let _ = give_back.send(bulk.take_spent());
                    if !progress(outcome.created, total) {
                        return Err(cancelled());
                    }
                }
                drop(give_back);
                worker
                    .join()
                    .map_err(|_| Error::internal("the import's row check stopped"))?
            })?;
            if !report.ok() {
                return Err(Error::new(
                    ErrorCode::Validation,
                    format!("{} rows have errors", report.error_rows),
                )
                .with("error_rows", report.error_rows));
            }
            bulk.finish()?;
            let mut done = outcome.created;
            let mut ids: HashMap<String, i64> = HashMap::new();
            let mut later: Vec<(i64, usize)> = Vec::new();
            for (i, (new_id, row)) in rest.iter().enumerate() {
                let e = match (new_id, &row.kind) {
                    (_, Kind::Unchanged) => {
                        outcome.unchanged += 1;
                        None
                    }
                    (Some(id), _) => {
                        Some(employees::new_employee(&row.valid, w.now())).map(|mut e| {
                            e.id = *id;
                            e
                        })
                    }
                    (None, Kind::Update { id, version }) => {
                        let (e, _) = employees::update(w, *id, *version, &row.valid)?;
                        outcome.updated += 1;
                        Some(e)
                    }
                    (None, Kind::Create) => None,
                };
                let scored = new_id.is_some();
                if let Some(e) = e {
                    // The row as written, unless a status change below rewrites it.
                    let mut at_hand = Some(&e);
                    match row.status {
                        Some((EmployeeStatus::Terminated, Some(d))) => {
                            employees::terminate(
                                w,
                                e.id,
                                e.version,
                                d,
                                e.termination_reason.as_deref(),
                            )?;
                            at_hand = None;
                        }
                        Some((EmployeeStatus::Active, _))
                            if e.status == EmployeeStatus::Terminated =>
                        {
                            employees::reactivate(w, e.id, e.version)?;
                            at_hand = None;
                        }
                        _ => {}
                    }
                    match at_hand {
                        Some(_) if scored => {}
                        Some(e) => {
                            scores::recompute_employee(c, e, &reqs, today)?;
                        }
                        None => {
                            scores::recompute(c, e.id, &reqs, today)?;
                        }
                    }
                    ids.insert(e.tax_code.clone(), e.id);
                    if row.manager_in_file.is_some() {
                        later.push((e.id, i));
                    }
                }
                if new_id.is_none() {
                    done += 1;
                    if done.is_multiple_of(PROGRESS_EVERY) && !progress(done, total) {
                        return Err(cancelled());
                    }
                }
            }
            if !progress(total, total) {
                return Err(cancelled());
            }
            if !later.is_empty() {
                // Managers who are new employees of the same file: every new file is known by
                // its tax code from the history snapshots' ids.
                ids.extend(keys::created_from(c, checked.first_id)?);
            }
            // Managers who are new employees of the same file exist now.
            for (id, i) in later {
                let row = &rest[i].1;
                let Some(manager) = row.manager_in_file.as_ref().and_then(|m| ids.get(m)) else {
                    continue;
                };
                let current = employees::get(c, id)?.ok_or_else(|| Error::not_found("employee"))?;
                let mut v = row.valid.clone();
                v.manager_id = Some(*manager);
                employees::update(w, id, current.version, &v)?;
            }
            // The big write is WAL pages now; copying them into the file can follow the answer.
            if outcome.created >= REBUILD_INDEXES_FROM {
                w.checkpoint_in_background();
            }
            Ok(outcome)
        });
        outcome
    }

    /// The second thread of a commit: checks every row (on a read connection, in one read
    /// transaction: the writer has changed nothing it reads but departments, which `checked`
    /// already holds) and sends them in batches, each new file with its id, scores and history
    /// snapshot. Sets `failed` at the first row with errors; stops when the writer stops
    /// listening.
    fn check_rows(
        &self,
        t: &Table,
        mapping: &BTreeMap<String, usize>,
        checked: &Checked,
        failed: &AtomicBool,
        (send, spent): (
            mpsc::SyncSender<Vec<CheckedRow>>,
            mpsc::Receiver<Vec<NewEmployee>>,
        ),
    ) -> crate::Result<ImportReport> {
        let gone = || Error::new(ErrorCode::Cancelled, "import cancelled");
        self.store.read(|c| {
            let c = c.unchecked_transaction()?;
            let mut next_id = checked.first_id;
            let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
            let report = plan(
                &c,
                t,
                mapping,
                &checked.options,
                checked.today,
                &checked.known,
                &mut |_, row| {
                    let Some(row) = row else {
                        failed.store(true, Ordering::Relaxed);
                        return Ok(());
                    };
                    let new = matches!(row.kind, Kind::Create).then(|| {
                        let mut e = employees::new_employee(&row.valid, checked.at);
                        e.id = next_id;
                        next_id += 1;
                        let fixed = e
                            .contract_type_id
                            .and_then(|id| checked.fixed_term.get(&id).copied());
                        Prepared {
                            id: e.id,
                            scores: scores::score_new(&e, fixed, checked.reqs, checked.today),
                            snapshot: snapshot_json(&e),
                        }
                    });
                    batch.push((row, new));
                    if batch.len() == ROWS_PER_BATCH {
                        let full =
                            std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
                        send.send(full).map_err(|_| gone())?;
                        // The rows the writer is done with, freed here where they were made.
                        spent.try_iter().for_each(drop);
                    }
                    Ok(())
                },
            )?;
            if !batch.is_empty() {
                send.send(batch).map_err(|_| gone())?;
            }
            // The writer's loop ends when this side hangs up; then it hands back the rest.
            drop(send);
            spent.iter().for_each(drop);
            Ok(report)
        })
    }
}

/// Rows per message from the checking thread to the writer, and messages in flight.
const ROWS_PER_BATCH: usize = 256;
const CHANNEL_BATCHES: usize = 16;

/// What the checking thread of a commit needs besides the file.
struct Checked<'a> {
    known: Known<'a>,
    reqs: &'a [crate::domain::staff::catalog::Requirement],
    fixed_term: &'a HashMap<i64, bool>,
    today: NaiveDate,
    /// The write's time, the new files' `created_at`.
    at: chrono::DateTime<chrono::Utc>,
    /// The id of the first new file; the others follow in file order.
    first_id: i64,
    /// The person's options, the missing departments already created.
    options: ImportOptions,
}

/// What a new file gets before it is written.
struct Prepared {
    id: i64,
    scores: employees::Scores,
    snapshot: String,
}

type CheckedRow = (RowPlan, Option<Prepared>);
