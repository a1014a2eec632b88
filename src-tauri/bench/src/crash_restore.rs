//! Crash safety of restores. Two companies of the same organisation: the live one (left by a
//! killed crash writer, so its WAL still holds commits) and a backup set of another one. A child
//! is killed with SIGKILL either while it stages the set (`stage`: the service's
//! `stage_restore`) or while `Backoffice::open` puts a staged set in place (`apply`). After each
//! kill the next open leaves the data wholly the old company (every acknowledged write there) or
//! wholly the restored set (with every document it names), never a mix; history verifies; and
//! when the set went in, the old data is whole in `before-restore/`.

use crate::crash::{self, Committed};
use crate::crash_backup::check_folder;
use crate::crash_child::{self, reset_from, run_and_kill, say, wait_for_the_kill, KillAt};
use crate::people::People;
use crate::rng::Rng;
use backoffice_core::backup::manifest::{Manifest, DB_FILE};
use backoffice_core::backup::restore::{self, PENDING_DIR, PREVIOUS_DIR, READY_FILE};
use backoffice_core::backup::rotation::Retention;
use backoffice_core::backup::sets::{PARTIAL, SETS_DIR};
use backoffice_core::domain::attachment::ValidMeta;
use backoffice_core::domain::staff::employee::EmployeeRules;
use backoffice_core::services::Backoffice;
use backoffice_core::store::attachments::{self, Owner};
use backoffice_core::store::{staff::employees, system_clock, DB_FILE_NAME};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Which part of a restore the kills land in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Stage,
    Apply,
}

impl Step {
    pub fn parse(s: &str) -> Option<Step> {
        match s {
            "stage" => Some(Step::Stage),
            "apply" => Some(Step::Apply),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Step::Stage => "stage",
            Step::Apply => "apply",
        }
    }
}

fn io(e: std::io::Error) -> backoffice_core::Error {
    backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
}

/// The child: `stage` opens the data folder, prints `STAGING`, stages the set `set` of
/// `backup_dir` through the service, prints `STAGED`; `apply` prints `OPENING`, opens the data
/// folder (which applies a staged restore), prints `OPENED`. Then it waits to be killed.
pub fn child(
    step: Step,
    data_dir: &Path,
    backup_dir: &Path,
    set: &str,
) -> backoffice_core::Result<()> {
    match step {
        Step::Stage => {
            let app = Backoffice::open(data_dir, system_clock())?;
            say("STAGING");
            app.stage_restore(&crash::ctx(), backup_dir, set, &mut |_, _| true)?;
            say("STAGED");
        }
        Step::Apply => {
            say("OPENING");
            let _app = Backoffice::open(data_dir, system_clock())?;
            say("OPENED");
        }
    }
    wait_for_the_kill()
}

/// Writes `employees` employees into `dir`, each with a document whose content is its own (so a
/// restore has documents to bring back), in batches of 50 through the store.
pub(crate) fn fill(dir: &Path, seed: u64, employees: usize) -> backoffice_core::Result<()> {
    let app = Backoffice::open(dir, system_clock())?;
    let ctx = crash::ctx();
    app.ensure_staff_defaults(&ctx)?;
    let today = app.today();
    let doc_type = app
        .list_document_types(&ctx, true)?
        .into_iter()
        .find(|t| t.code.as_deref() == Some("certificate"))
        .ok_or_else(|| backoffice_core::Error::not_found("document type"))?;
    let mut people = People::new(Rng::new(seed).fork(7), "restore.example");
    let pdf = dir.join("fill.pdf");
    for batch in 0..employees.div_ceil(50) {
        let n = 50.min(employees - batch * 50);
        let mut files = Vec::new();
        for i in 0..n {
            let text = format!(
                "%PDF-1.4\n% company {seed}, employee {}\n%%EOF\n",
                batch * 50 + i
            );
            std::fs::write(&pdf, text).map_err(io)?;
            files.push(app.blobs().put_file(&pdf)?);
        }
        let inputs: Vec<_> = (0..n)
            .map(|_| crash::employee_input(crash::next_person(&mut people)))
            .collect();
        app.store().write("crash-restore", |w| {
            for (input, file) in inputs.iter().zip(&files) {
                let v = input.validate(&EmployeeRules {
                    fixed_term: None,
                    today,
                })?;
                let e = employees::insert(w, &v)?;
                let owner = Owner {
                    table: &employees::TRACKED,
                    record_id: e.id,
                };
                let meta = ValidMeta {
                    title: format!("Attestato {}", e.last_name),
                    issued_on: Some(today),
                    expires_on: None,
                };
                attachments::insert(w, owner, Some(doc_type.id), &meta, file)?;
            }
            Ok(())
        })?;
    }
    std::fs::remove_file(&pdf).map_err(io)?;
    Ok(())
}

/// What tells one company from the other: its rows and where its history chain had got to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    employees: i64,
    attachments: i64,
    changes: i64,
    head: String,
}

fn fingerprint(c: &rusqlite::Connection) -> Result<Fingerprint, String> {
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
    (|| {
        Ok(Fingerprint {
            employees: q("SELECT count(*) FROM employees")?,
            attachments: q("SELECT count(*) FROM attachments")?,
            changes: q("SELECT count(*) FROM changes")?,
            head: c.query_row(
                "SELECT hash FROM changes ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )?,
        })
    })()
    .map_err(|e: rusqlite::Error| e.to_string())
}

/// The data is `fp`'s company: the same rows, and its history chain holds `fp`'s head at the same
/// place (events written since, such as the restore's own, may follow).
fn is(c: &rusqlite::Connection, fp: &Fingerprint) -> Result<bool, String> {
    let now = fingerprint(c)?;
    let at: Option<String> = c
        .query_row(
            "SELECT hash FROM changes WHERE id = ?1",
            [fp.changes],
            |r| r.get(0),
        )
        .ok();
    Ok(now.employees == fp.employees
        && now.attachments == fp.attachments
        && at.as_deref() == Some(fp.head.as_str()))
}

/// Copies the database in `dir` with its WAL into `scratch` (the copy is opened, never the
/// original, which opening would checkpoint).
fn copy_db(dir: &Path, scratch: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(scratch);
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    for suffix in ["", "-wal"] {
        let f = dir.join(format!("{DB_FILE_NAME}{suffix}"));
        if f.exists() {
            std::fs::copy(&f, scratch.join(format!("{DB_FILE_NAME}{suffix}")))
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn open_db(path: &Path) -> Result<rusqlite::Connection, String> {
    rusqlite::Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The two companies, made once per run.
struct Setup {
    /// The live data folder as every try starts from it.
    old: PathBuf,
    committed_old: Committed,
    old_fp: Fingerprint,
    /// The backup folder holding the set to restore.
    backups: PathBuf,
    set: String,
    manifest: Manifest,
    new_fp: Fingerprint,
    scratch: PathBuf,
}

fn setup(binary: &Path, root: &Path, seed: u64) -> Result<Setup, String> {
    let e = |e: backoffice_core::Error| e.to_string();
    let old = root.join("old");
    if old.exists() {
        return Err(format!("{} is not a new folder", root.display()));
    }
    fill(&old, seed, 120).map_err(e)?;
    // The crash writer's commits, left in the WAL by its kill: the restore moves them aside too.
    let committed_old = crash_child::killed_writer(binary, &old, seed)?;
    let source = root.join("restored-source");
    fill(&source, seed + 1, 300).map_err(e)?;
    let backups = root.join("backups");
    let made = Backoffice::open(&source, system_clock())
        .and_then(|app| {
            app.back_up(
                &crash::ctx(),
                &backups,
                Retention::default(),
                &mut |_, _| true,
            )
        })
        .map_err(e)?;
    let new_fp = fingerprint(&open_db(
        &backups.join(SETS_DIR).join(&made.name).join(DB_FILE),
    )?)?;
    let scratch = root.join("scratch");
    copy_db(&old, &scratch)?;
    let old_fp = fingerprint(&open_db(&scratch.join(DB_FILE_NAME))?)?;
    if old_fp.employees == new_fp.employees {
        return Err("the two companies cannot be told apart".into());
    }
    Ok(Setup {
        old,
        committed_old,
        old_fp,
        backups,
        set: made.name,
        manifest: made.manifest,
        new_fp,
        scratch,
    })
}

/// Which company the data folder holds after the open that follows a kill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Old,
    Restored,
}

fn check_after(live: &Path, s: &Setup) -> Result<Holds, String> {
    let app = Backoffice::open(live, system_clock()).map_err(|e| format!("open: {e}"))?;
    drop(app);
    if live.join(PENDING_DIR).exists() {
        return Err("the staged restore is still there after an open".into());
    }
    let c = open_db(&live.join(DB_FILE_NAME))?;
    if is(&c, &s.old_fp)? {
        drop(c);
        crash::check(live, &s.committed_old)?;
        return Ok(Holds::Old);
    }
    if !is(&c, &s.new_fp)? {
        return Err(format!(
            "the data is neither the old company ({:?}) nor the restored set ({:?}): {:?}",
            s.old_fp,
            s.new_fp,
            fingerprint(&c)?
        ));
    }
    drop(c);
    crash::check(live, &Committed::default())?;
    for f in &s.manifest.files {
        let p = live.join("files").join(&f.sha256[..2]).join(&f.sha256[2..]);
        if std::fs::metadata(&p).map(|m| m.len()).ok() != Some(f.size) {
            return Err(format!("the restored document {} is missing", f.sha256));
        }
    }
    // The data the restore replaced is whole in one `before-restore` folder.
    let kept = std::fs::read_dir(live.join(PREVIOUS_DIR))
        .map_err(|e| format!("before-restore: {e}"))?
        .flatten()
        .map(|d| d.path())
        .collect::<Vec<_>>();
    for dir in &kept {
        copy_db(dir, &s.scratch)?;
        if is(&open_db(&s.scratch.join(DB_FILE_NAME))?, &s.old_fp)? {
            crash::check(&s.scratch, &s.committed_old)
                .map_err(|e| format!("the data kept in {}: {e}", dir.display()))?;
            return Ok(Holds::Restored);
        }
    }
    Err(format!(
        "the old data is not whole in any of {kept:?} after the restore went in"
    ))
}

/// Where a kill left the restore, read from the folder before anything opens it again.
fn state(live: &Path, backups: &Path) -> &'static str {
    let pending = live.join(PENDING_DIR);
    let partial_backup = std::fs::read_dir(backups.join(SETS_DIR))
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(PARTIAL))
        })
        .unwrap_or(false);
    let previous_made = std::fs::read_dir(live.join(PREVIOUS_DIR))
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    match (
        pending.exists(),
        pending.join(READY_FILE).exists(),
        pending.join(DB_FILE_NAME).exists(),
    ) {
        (false, _, _) if previous_made => "applied",
        (false, _, _) if partial_backup => "killed in the backup made before staging",
        (false, _, _) => "not staged",
        (true, false, _) => "half staged (no READY)",
        (true, true, true) if previous_made => "moving the live data aside",
        (true, true, true) => "staged, not yet applied",
        (true, true, false) => "swapped, documents and clean-up left",
    }
}

/// States in which the kill landed inside the operation under test.
fn inside(step: Step, state: &str) -> bool {
    match step {
        Step::Stage => state == "half staged (no READY)",
        Step::Apply => matches!(
            state,
            "moving the live data aside" | "swapped, documents and clean-up left"
        ),
    }
}

/// The outcome of a run.
#[derive(Debug, Clone)]
pub struct RestoreCrashReport {
    pub step: Step,
    pub kills: usize,
    /// Kills that landed inside the operation: a half-staged folder (`stage`), or a restore
    /// half put in place (`apply`).
    pub kills_inside: usize,
    /// Kills by where they left the restore.
    pub states: BTreeMap<&'static str, usize>,
    /// After the next open: the old company, or the restored set.
    pub held_old: usize,
    pub held_restored: usize,
    pub seconds: f64,
}

/// Timings of the operation, measured once in this process, to aim the kills.
struct Aim {
    /// From the start of the operation to the moment the part under test begins and ends.
    from: Duration,
    to: Duration,
    /// The whole operation.
    whole: Duration,
}

/// Makes the live folder for one try: the old company, and for `apply` the set staged in it.
fn prepare(step: Step, s: &Setup, live: &Path, backups: &Path) -> Result<(), String> {
    reset_from(&s.old, live)?;
    reset_from(&s.backups, backups)?;
    if step == Step::Apply {
        restore::stage(backups, &s.set, live, DB_FILE_NAME, None, &mut |_, _| true)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn aim(step: Step, s: &Setup, live: &Path, backups: &Path) -> Result<Aim, String> {
    prepare(step, s, live, backups)?;
    let e = |e: backoffice_core::Error| e.to_string();
    let aim = match step {
        Step::Apply => {
            let t = Instant::now();
            restore::apply_pending(live, DB_FILE_NAME).map_err(e)?;
            let apply = t.elapsed();
            prepare(step, s, live, backups)?;
            let t = Instant::now();
            drop(Backoffice::open(live, system_clock()).map_err(e)?);
            Aim {
                from: Duration::ZERO,
                to: apply,
                whole: t.elapsed(),
            }
        }
        Step::Stage => {
            let app = Backoffice::open(live, system_clock()).map_err(e)?;
            let pending = live.join(PENDING_DIR);
            let t = Instant::now();
            let (mut from, mut to) = (None, None);
            std::thread::scope(|sc| {
                let staging = sc
                    .spawn(|| app.stage_restore(&crash::ctx(), backups, &s.set, &mut |_, _| true));
                while !staging.is_finished() {
                    if from.is_none() && pending.exists() {
                        from = Some(t.elapsed());
                    }
                    if to.is_none() && pending.join(READY_FILE).exists() {
                        to = Some(t.elapsed());
                    }
                    std::thread::sleep(Duration::from_micros(100));
                }
                staging.join().expect("staging thread").map_err(e)
            })?;
            let whole = t.elapsed();
            Aim {
                from: from.unwrap_or(Duration::ZERO),
                to: to.unwrap_or(whole),
                whole,
            }
        }
    };
    Ok(aim)
}

fn between(rng: &mut Rng, from: Duration, to: Duration) -> Duration {
    let (a, b) = (
        from.as_micros() as u64,
        to.as_micros().max(from.as_micros()) as u64,
    );
    Duration::from_micros(a + rng.below(b - a + 1))
}

/// Kills the `step` child `kills` times at random (seeded) moments, aimed mostly inside the
/// part under test, and checks the data after each kill.
pub fn run(
    binary: &Path,
    root: &Path,
    step: Step,
    kills: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Result<RestoreCrashReport, String> {
    let started = Instant::now();
    let s = setup(binary, root, seed)?;
    let live = root.join("live");
    let backups = root.join("backups-live");
    let a = aim(step, &s, &live, &backups)?;
    log(&format!(
        "restore {}: old company {} employees, restored set {} employees; the part under test runs {:?}..{:?} of {:?}",
        step.name(),
        s.old_fp.employees,
        s.new_fp.employees,
        a.from,
        a.to,
        a.whole
    ));
    let mut rng = Rng::new(seed).fork(211);
    let mut r = RestoreCrashReport {
        step,
        kills,
        kills_inside: 0,
        states: BTreeMap::new(),
        held_old: 0,
        held_restored: 0,
        seconds: 0.0,
    };
    let marker = match step {
        Step::Stage => "STAGING",
        Step::Apply => "OPENING",
    };
    for k in 0..kills {
        prepare(step, &s, &live, &backups)?;
        // Some kills very early (the child's own start-up), most inside the part under test,
        // the rest anywhere in the operation.
        let at = match rng.below(20) {
            0..=2 => {
                KillAt::AfterStart(between(&mut rng, Duration::ZERO, Duration::from_millis(5)))
            }
            3..=13 => KillAt::AfterMarker(marker, between(&mut rng, a.from, a.to + a.to / 5)),
            _ => KillAt::AfterMarker(
                marker,
                between(&mut rng, Duration::ZERO, a.whole + a.whole / 5),
            ),
        };
        let args = [
            "crash-restore-child".as_ref(),
            "--step".as_ref(),
            step.name().as_ref(),
            "--data-dir".as_ref(),
            live.as_os_str(),
            "--backup-dir".as_ref(),
            backups.as_os_str(),
            "--set".as_ref(),
            s.set.as_ref(),
        ];
        run_and_kill(binary, &args, at)?;
        let st = state(&live, &backups);
        *r.states.entry(st).or_default() += 1;
        if inside(step, st) {
            r.kills_inside += 1;
        }
        let fail = |e: String| format!("after kill {} ({at:?}, left {st}): {e}", k + 1);
        check_folder(&backups).map_err(fail)?;
        match check_after(&live, &s).map_err(fail)? {
            Holds::Old => r.held_old += 1,
            Holds::Restored => r.held_restored += 1,
        }
        if (k + 1) % 25 == 0 || k + 1 == kills {
            log(&format!(
                "{} kills, {} inside: {:?} ({:.0} s)",
                k + 1,
                r.kills_inside,
                r.states,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    r.seconds = started.elapsed().as_secs_f64();
    Ok(r)
}
