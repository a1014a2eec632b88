//! Crash safety of encrypting and decrypting the data folder. A small company with documents
//! (and a crash writer's acknowledged commits still in its WAL) is put through one of three
//! steps by a child killed with SIGKILL: `encrypt` stages an encrypted copy, `seal` is the start
//! that puts a staged encryption in place, opens it and seals the documents, `decrypt` unseals the
//! documents and stages a plain copy. After each kill the next start (pending work finished, the
//! key file unlocked if there is one, the database opened) holds the company whole, plain or
//! encrypted: history verifies, every acknowledged write and every document is there, the key
//! file is there exactly when the database is encrypted, and once encrypted no plain copy of the
//! database is left anywhere in the folder.

use crate::crash::{self, Committed};
use crate::crash_child::{self, reset_from, run_and_kill, say, wait_for_the_kill, KillAt};
use crate::rng::Rng;
use backoffice_core::crypt::convert::PENDING_DIR;
use backoffice_core::crypt::unlock::{unlock, Secret};
use backoffice_core::crypt::{self as crypt, docs};
use backoffice_core::services::Backoffice;
use backoffice_core::store::{system_clock, DB_FILE_NAME};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "crash test passphrase";
/// The first bytes of every plain SQLite database.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// Which part of an encryption change the kills land in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Encrypt,
    Seal,
    Decrypt,
}

impl Step {
    pub fn parse(s: &str) -> Option<Step> {
        match s {
            "encrypt" => Some(Step::Encrypt),
            "seal" => Some(Step::Seal),
            "decrypt" => Some(Step::Decrypt),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Step::Encrypt => "encrypt",
            Step::Seal => "seal",
            Step::Decrypt => "decrypt",
        }
    }
}

fn err(e: backoffice_core::Error) -> String {
    e.to_string()
}

/// A start as the app makes it: pending work finished, the key file (if any) unlocked with the
/// passphrase, the database opened.
pub fn start(data_dir: &Path) -> backoffice_core::Result<Backoffice> {
    Backoffice::finish_pending(data_dir)?;
    let key = if crypt::is_encrypted(data_dir) {
        Some(unlock(
            data_dir,
            Secret::Passphrase(PASSPHRASE),
            chrono::Utc::now(),
        )?)
    } else {
        None
    };
    Backoffice::open_with_key(data_dir, system_clock(), key)
}

/// The child: `encrypt` opens the plain folder, prints `ENCRYPTING` and encrypts (and
/// `STAGING` when the staging folder appears); `seal` prints
/// `OPENING`, starts (which puts the staged encryption in place; `UNLOCKED` before the first
/// open), prints `SEALING` and seals
/// the documents; `decrypt` starts, prints `DECRYPTING` and decrypts. Then it waits to be killed.
pub fn child(step: Step, data_dir: &Path) -> backoffice_core::Result<()> {
    let ctx = crash::ctx();
    match step {
        Step::Encrypt => {
            let app = Backoffice::open(data_dir, system_clock())?;
            // The passphrase's key derivation comes first and its time varies with the load:
            // the harness aims at the staging itself from the moment its folder appears.
            let pending = data_dir.join(PENDING_DIR);
            std::thread::spawn(move || {
                while !pending.exists() {
                    std::thread::sleep(Duration::from_micros(100));
                }
                say("STAGING");
            });
            say("ENCRYPTING");
            app.encrypt(&ctx, PASSPHRASE, &mut |_, _| true)?;
        }
        Step::Seal => {
            say("OPENING");
            Backoffice::finish_pending(data_dir)?;
            let key = unlock(data_dir, Secret::Passphrase(PASSPHRASE), chrono::Utc::now())?;
            // The converted file's first open writes to it (its WAL, the history event): the
            // harness aims some kills from here.
            say("UNLOCKED");
            let app = Backoffice::open_with_key(data_dir, system_clock(), Some(key))?;
            say("SEALING");
            app.seal_documents(&mut |_, _| true)?;
        }
        Step::Decrypt => {
            let app = start(data_dir)?;
            say("DECRYPTING");
            app.decrypt(&ctx, &mut |_, _| true)?;
        }
    }
    say("DONE");
    wait_for_the_kill()
}

/// The folders every try starts from, made once per run.
struct Setup {
    /// The plain company (with an earlier restore's copy of it in `before-restore/`).
    plain: PathBuf,
    /// The same with an encryption staged for the next start.
    staged: PathBuf,
    /// The same encrypted, documents sealed.
    encrypted: PathBuf,
    committed: Committed,
    employees: i64,
    attachments: i64,
}

fn setup(binary: &Path, root: &Path, seed: u64) -> Result<Setup, String> {
    let plain = root.join("plain");
    if plain.exists() {
        return Err(format!("{} is not a new folder", root.display()));
    }
    crate::crash_restore::fill(&plain, seed, 120).map_err(err)?;
    // An earlier restore's copy of the data, plain: encrypting must not leave it behind.
    let kept = plain
        .join(backoffice_core::backup::restore::PREVIOUS_DIR)
        .join("20260101T000000Z");
    std::fs::create_dir_all(&kept).map_err(|e| e.to_string())?;
    std::fs::copy(plain.join(DB_FILE_NAME), kept.join(DB_FILE_NAME)).map_err(|e| e.to_string())?;
    // Commits a writer acknowledged before its kill, still in the WAL.
    let committed = crash_child::killed_writer(binary, &plain, seed)?;
    let template = root.join("template");
    reset_from(&plain, &template)?;
    let (employees, attachments) = {
        let app = Backoffice::open(&template, system_clock()).map_err(err)?;
        count(&app)?
    };
    let staged = root.join("staged");
    reset_from(&plain, &staged)?;
    Backoffice::open(&staged, system_clock())
        .and_then(|app| app.encrypt(&crash::ctx(), PASSPHRASE, &mut |_, _| true))
        .map_err(err)?;
    let encrypted = root.join("encrypted");
    reset_from(&staged, &encrypted)?;
    start(&encrypted)
        .and_then(|app| app.seal_documents(&mut |_, _| true))
        .map_err(err)?;
    Ok(Setup {
        plain,
        staged,
        encrypted,
        committed,
        employees,
        attachments,
    })
}

fn count(app: &Backoffice) -> Result<(i64, i64), String> {
    app.store()
        .read(|c| {
            let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0));
            Ok((
                q("SELECT count(*) FROM employees")?,
                q("SELECT count(*) FROM attachments")?,
            ))
        })
        .map_err(err)
}

fn template(step: Step, s: &Setup) -> &Path {
    match step {
        Step::Encrypt => &s.plain,
        Step::Seal => &s.staged,
        Step::Decrypt => &s.encrypted,
    }
}

fn starts_with(path: &Path, head: &[u8]) -> bool {
    let mut buf = vec![0u8; head.len()];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
        .is_ok()
        && buf == head
}

/// Every plain SQLite file under `dir`.
fn plain_databases(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            plain_databases(&p, out);
        } else if starts_with(&p, SQLITE_HEADER) {
            out.push(p);
        }
    }
}

/// Documents under `files/`: how many, and how many sealed.
fn documents(dir: &Path) -> (usize, usize) {
    let mut all = 0;
    let mut sealed = 0;
    for d in std::fs::read_dir(dir.join("files"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
            all += 1;
            let mut head = [0u8; 8];
            if std::fs::File::open(f.path())
                .and_then(|mut h| std::io::Read::read_exact(&mut h, &mut head))
                .is_ok()
                && docs::is_sealed(&head)
            {
                sealed += 1;
            }
        }
    }
    (all, sealed)
}

/// Where a kill left the change, read from the folder before anything opens it again.
fn state(live: &Path) -> &'static str {
    let pending = live.join(PENDING_DIR);
    let previous = live.join(backoffice_core::crypt::convert::PREVIOUS_DIR);
    let (all, sealed) = documents(live);
    match (
        pending.exists(),
        pending.join("READY").exists(),
        pending.join(DB_FILE_NAME).exists(),
    ) {
        (true, false, _) => "half staged (no READY)",
        (true, true, true) if previous.exists() => "moving the old database aside",
        (true, true, true) => "staged, not yet applied",
        (true, true, false) => "swapped, key file or clean-up left",
        (false, _, _) if previous.exists() => "applied, not yet opened",
        _ if !crypt::is_encrypted(live) => "plain, nothing staged",
        _ if sealed == 0 => "no document sealed",
        _ if sealed == all => "every document sealed",
        _ => "documents half sealed",
    }
}

/// States in which the kill landed inside the step under test.
fn inside(step: Step, state: &str) -> bool {
    match step {
        Step::Encrypt => state == "half staged (no READY)",
        // At a start a staging folder without `READY` is one whose removal was under way.
        Step::Seal => matches!(
            state,
            "half staged (no READY)"
                | "moving the old database aside"
                | "swapped, key file or clean-up left"
                | "applied, not yet opened"
                | "documents half sealed"
        ),
        Step::Decrypt => matches!(state, "half staged (no READY)" | "documents half sealed"),
    }
}

/// The next start after a kill: whole, plain or encrypted. Returns whether encrypted.
fn check_after(live: &Path, s: &Setup) -> Result<bool, String> {
    let app = start(live).map_err(|e| format!("start: {e}"))?;
    let encrypted = app.store().key().is_some();
    if crypt::is_encrypted(live) != encrypted {
        return Err(format!(
            "the key file is {} but the database is {}",
            if crypt::is_encrypted(live) {
                "there"
            } else {
                "missing"
            },
            if encrypted { "encrypted" } else { "plain" }
        ));
    }
    if starts_with(&live.join(DB_FILE_NAME), SQLITE_HEADER) == encrypted {
        return Err(format!(
            "the database file does not match the key (encrypted: {encrypted})"
        ));
    }
    for left in [PENDING_DIR, backoffice_core::crypt::convert::PREVIOUS_DIR] {
        if live.join(left).exists() {
            return Err(format!("{left} is still there after a start"));
        }
    }
    if encrypted {
        let mut plain = Vec::new();
        plain_databases(live, &mut plain);
        if !plain.is_empty() {
            return Err(format!("plain copies of the database remain: {plain:?}"));
        }
    }
    let report = app
        .verify_history(&crash::ctx(), &mut |_| true)
        .map_err(err)?;
    if !report.ok {
        return Err(format!("history does not verify: {:?}", report.problem));
    }
    if count(&app)? != (s.employees, s.attachments) {
        return Err(format!(
            "{:?} employees and documents, {:?} before",
            count(&app)?,
            (s.employees, s.attachments)
        ));
    }
    let c = &s.committed;
    let (shas, missing) = app
        .store()
        .read(|db| {
            let mut missing = Vec::new();
            for (table, ids) in [("employees", &c.employees), ("attachments", &c.documents)] {
                let mut st = db.prepare(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?;
                for id in ids {
                    if !st.exists([id])? {
                        missing.push(format!("{table} {id}"));
                    }
                }
            }
            for (id, version) in &c.versions {
                let v: i64 =
                    db.query_row("SELECT version FROM employees WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                if v < *version {
                    missing.push(format!("employee {id} version {version}"));
                }
            }
            let mut st = db.prepare("SELECT DISTINCT sha256 FROM attachments")?;
            let shas = st
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((shas, missing))
        })
        .map_err(err)?;
    if !missing.is_empty() {
        return Err(format!("acknowledged writes missing: {missing:?}"));
    }
    let blobs = app.blobs();
    for sha in &shas {
        blobs
            .read(sha)
            .map_err(|e| format!("document {sha} does not read back: {e}"))?;
    }
    Ok(encrypted)
}

/// The outcome of a run.
#[derive(Debug, Clone)]
pub struct EncryptCrashReport {
    pub step: Step,
    pub kills: usize,
    /// Kills that landed inside the step (see [`inside`]).
    pub kills_inside: usize,
    /// Kills by where they left the change.
    pub states: BTreeMap<&'static str, usize>,
    /// After the next start: plain or encrypted.
    pub held_plain: usize,
    pub held_encrypted: usize,
    pub seconds: f64,
}

/// Timings of the step after its marker, measured once in this process to aim the kills.
struct Aim {
    /// When the part that leaves the folder half changed begins and ends: the staging folder
    /// appearing and its `READY` for `encrypt`, the documents' conversion to `READY` for
    /// `decrypt`, the whole step for `seal`.
    from: Duration,
    to: Duration,
    whole: Duration,
    /// `seal`: the first open of the converted file, from `UNLOCKED`.
    open: Duration,
}

/// Runs `op`, noting when the staging folder and its `READY` appear.
fn watch(live: &Path, op: impl FnOnce() -> Result<(), String> + Send) -> Result<Aim, String> {
    let pending = live.join(PENDING_DIR);
    let t = Instant::now();
    let (mut from, mut to) = (None, None);
    std::thread::scope(|sc| {
        let running = sc.spawn(op);
        while !running.is_finished() {
            if from.is_none() && pending.exists() {
                from = Some(t.elapsed());
            }
            if to.is_none() && pending.join("READY").exists() {
                to = Some(t.elapsed());
            }
            std::thread::sleep(Duration::from_micros(100));
        }
        running.join().map_err(|_| "the step panicked".to_owned())?
    })?;
    let whole = t.elapsed();
    Ok(Aim {
        from: from.unwrap_or(Duration::ZERO),
        to: to.unwrap_or(whole),
        whole,
        open: Duration::ZERO,
    })
}

fn aim(step: Step, s: &Setup, live: &Path) -> Result<Aim, String> {
    reset_from(template(step, s), live)?;
    let ctx = crash::ctx();
    match step {
        Step::Encrypt => {
            let app = Backoffice::open(live, system_clock()).map_err(err)?;
            watch(live, || {
                app.encrypt(&ctx, PASSPHRASE, &mut |_, _| true)
                    .map(drop)
                    .map_err(err)
            })
        }
        Step::Seal => {
            let t = Instant::now();
            Backoffice::finish_pending(live).map_err(err)?;
            let key =
                unlock(live, Secret::Passphrase(PASSPHRASE), chrono::Utc::now()).map_err(err)?;
            let opening = Instant::now();
            let app = Backoffice::open_with_key(live, system_clock(), Some(key)).map_err(err)?;
            let open = opening.elapsed();
            app.seal_documents(&mut |_, _| true).map_err(err)?;
            let whole = t.elapsed();
            Ok(Aim {
                from: Duration::ZERO,
                to: whole,
                whole,
                open,
            })
        }
        Step::Decrypt => {
            let app = start(live).map_err(err)?;
            let a = watch(live, || app.decrypt(&ctx, &mut |_, _| true).map_err(err))?;
            Ok(Aim {
                from: Duration::ZERO,
                ..a
            })
        }
    }
}

fn between(rng: &mut Rng, from: Duration, to: Duration) -> Duration {
    let (a, b) = (from.as_micros() as u64, to.as_micros() as u64);
    Duration::from_micros(a + rng.below(b.saturating_sub(a) + 1))
}

/// Kills the `step` child `kills` times at random (seeded) moments after its marker and checks
/// the next start after each kill.
pub fn run(
    binary: &Path,
    root: &Path,
    step: Step,
    kills: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Result<EncryptCrashReport, String> {
    let started = Instant::now();
    let s = setup(binary, root, seed)?;
    let live = root.join("live");
    let a = aim(step, &s, &live)?;
    log(&format!(
        "{}: {} employees, {} documents; the part under test runs {:?}..{:?} of {:?}{}",
        step.name(),
        s.employees,
        s.attachments,
        a.from,
        a.to,
        a.whole,
        match step {
            Step::Seal => format!(", the first open {:?}", a.open),
            _ => String::new(),
        }
    ));
    let mut rng = Rng::new(seed).fork(307);
    let mut r = EncryptCrashReport {
        step,
        kills,
        kills_inside: 0,
        states: BTreeMap::new(),
        held_plain: 0,
        held_encrypted: 0,
        seconds: 0.0,
    };
    let (marker, args_step) = match step {
        Step::Encrypt => ("ENCRYPTING", "encrypt"),
        Step::Seal => ("OPENING", "seal"),
        Step::Decrypt => ("DECRYPTING", "decrypt"),
    };
    for k in 0..kills {
        reset_from(template(step, &s), &live)?;
        // A few kills in the child's own start-up, some in the first milliseconds after the
        // marker (where a start swaps the staged file in), most inside the part under test
        // (and a fifth past it: the child runs slower than the measure), the rest anywhere in
        // the step or after it.
        let ms = Duration::from_millis;
        let at = match rng.below(20) {
            0 => KillAt::AfterStart(between(&mut rng, ms(0), ms(5))),
            1..=3 => KillAt::AfterMarker(marker, between(&mut rng, ms(0), ms(3))),
            4..=15 if step == Step::Encrypt => {
                let part = a.to - a.from;
                KillAt::AfterMarker("STAGING", between(&mut rng, ms(0), part + part / 5))
            }
            4..=8 if step == Step::Seal => {
                KillAt::AfterMarker("UNLOCKED", between(&mut rng, ms(0), a.open + a.open / 2))
            }
            4..=15 => KillAt::AfterMarker(marker, between(&mut rng, a.from, a.to + a.to / 5)),
            _ => KillAt::AfterMarker(marker, between(&mut rng, ms(0), a.whole + a.whole / 2)),
        };
        let args = [
            "crash-encrypt-child".as_ref(),
            "--step".as_ref(),
            args_step.as_ref(),
            "--data-dir".as_ref(),
            live.as_os_str(),
        ];
        run_and_kill(binary, &args, at)?;
        let st = state(&live);
        *r.states.entry(st).or_default() += 1;
        if inside(step, st) {
            r.kills_inside += 1;
        }
        let fail = |e: String| format!("after kill {} ({at:?}, left {st}): {e}", k + 1);
        if check_after(&live, &s).map_err(fail)? {
            r.held_encrypted += 1;
        } else {
            r.held_plain += 1;
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
