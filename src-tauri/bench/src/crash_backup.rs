//! Crash safety of backups: a child backs up its data folder in a loop while the crash writer
//! writes beside it, and is killed with SIGKILL at random moments. After each kill the data
//! folder passes the writer's checks, the backup folder lists only complete sets and each of them
//! passes the restore's own check, and the next backup succeeds and clears what the kill left.

use crate::crash::{self, Committed};
use crate::crash_child::{run_and_kill, say, KillAt};
use crate::rng::Rng;
use backoffice_core::backup::check::check_set;
use backoffice_core::backup::rotation::Retention;
use backoffice_core::backup::sets::{list_sets, PARTIAL, SETS_DIR};
use backoffice_core::services::Backoffice;
use backoffice_core::store::system_clock;
use std::path::Path;
use std::time::{Duration, Instant};

/// Backs up `data_dir` into `backup_dir` until killed while the crash writer writes on another
/// thread. Prints the writer's lines and, for each backup, `S` when it starts and
/// `M <set> <ms>` when it is made.
pub fn child(data_dir: &Path, backup_dir: &Path, seed: u64) -> backoffice_core::Result<()> {
    // Opened (and created) here first, so the writer's own open finds the schema in place.
    let app = Backoffice::open(data_dir, system_clock())?;
    let dir = data_dir.to_owned();
    std::thread::spawn(move || {
        let e = crash::writer(&dir, seed);
        eprintln!("the writer stopped: {e:?}");
        std::process::exit(2);
    });
    let ctx = crash::ctx();
    loop {
        say("S");
        let t = Instant::now();
        let made = app.back_up(&ctx, backup_dir, Retention::default(), &mut |_, _| true)?;
        say(&format!("M {} {}", made.name, t.elapsed().as_millis()));
    }
}

/// The outcome of a run.
#[derive(Debug, Clone, Default)]
pub struct BackupCrashReport {
    pub kills: usize,
    /// Kills that landed while a backup was under way (its `S` was the last backup line).
    pub kills_during_a_backup: usize,
    /// Kills after which the backup folder held an unfinished set.
    pub partial_sets_left: usize,
    /// Backups the child finished, across all runs.
    pub backups_made: usize,
    /// Sets listed after the kills, each checked as a restore would.
    pub sets_checked: usize,
    pub committed_lines: usize,
    pub seconds: f64,
}

fn partials(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder.join(SETS_DIR))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(PARTIAL))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks the backup folder after a kill: only complete sets are listed and every one passes
/// `check_set`. Returns how many were checked.
pub(crate) fn check_folder(folder: &Path) -> Result<usize, String> {
    let listed = list_sets(folder).map_err(|e| e.to_string())?;
    for (name, _) in &listed.sets {
        if name.ends_with(PARTIAL) {
            return Err(format!("the unfinished set {name} is listed"));
        }
        check_set(folder, name, None, &mut |_, _| true)
            .map_err(|e| format!("the listed set {name} does not check: {e} {:?}", e.params))?;
    }
    Ok(listed.sets.len())
}

/// The backup after a kill: it succeeds, no unfinished set is left, and the set it made checks.
fn next_backup(data_dir: &Path, folder: &Path) -> Result<(), String> {
    let app = Backoffice::open(data_dir, system_clock()).map_err(|e| e.to_string())?;
    let made = app
        .back_up(&crash::ctx(), folder, Retention::default(), &mut |_, _| {
            true
        })
        .map_err(|e| format!("the backup after the kill failed: {e}"))?;
    let left = partials(folder);
    if !left.is_empty() {
        return Err(format!("the backup after the kill left {left:?}"));
    }
    check_set(folder, &made.name, None, &mut |_, _| true)
        .map_err(|e| format!("the set made after the kill does not check: {e}"))?;
    Ok(())
}

/// Runs the backup child on a data folder under `root` `kills` times, killing it at random
/// (seeded) moments, and checks the data folder and the backup folder after every kill. Every
/// `fresh_every` kills (0: never) it moves on to a new data folder, as the writers' run does.
pub fn run(
    binary: &Path,
    root: &Path,
    kills: usize,
    fresh_every: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Result<BackupCrashReport, String> {
    let started = Instant::now();
    let mut rng = Rng::new(seed).fork(101);
    let mut r = BackupCrashReport {
        kills,
        ..BackupCrashReport::default()
    };
    let mut committed = Committed::default();
    // A backup's duration as the child last reported it; the kill lands within about three.
    let mut backup_ms = 200u64;
    let mut data_dir = root.join("data-1");
    let mut folder = root.join("backups-1");
    for k in 0..kills {
        if fresh_every > 0 && k > 0 && k % fresh_every == 0 {
            let n = k / fresh_every + 1;
            data_dir = root.join(format!("data-{n}"));
            folder = root.join(format!("backups-{n}"));
            committed = Committed::default();
        }
        let delay = Duration::from_micros(rng.below(backup_ms * 3000 + 1));
        let child_seed = (seed * 1_000_003 + k as u64).to_string();
        let args = [
            "crash-backup-child".as_ref(),
            "--data-dir".as_ref(),
            data_dir.as_os_str(),
            "--backup-dir".as_ref(),
            folder.as_os_str(),
            "--seed".as_ref(),
            child_seed.as_ref(),
        ];
        let killed = run_and_kill(binary, &args, KillAt::AfterMarker("S", delay))?;
        let mut last_backup_line = None;
        for l in &killed.lines {
            committed.take(l);
            if l == "S" || l.starts_with("M ") {
                last_backup_line = Some(l.as_str());
            }
            if let Some(ms) = l.strip_prefix("M ").and_then(|m| m.split(' ').nth(1)) {
                backup_ms = ms.parse().unwrap_or(backup_ms).max(1);
                r.backups_made += 1;
            }
            if l.len() > 1 && !l.starts_with("M ") && l != "READY" {
                r.committed_lines += 1;
            }
        }
        if last_backup_line == Some("S") {
            r.kills_during_a_backup += 1;
        }
        if !partials(&folder).is_empty() {
            r.partial_sets_left += 1;
        }
        let at = |e: String| format!("after kill {} ({delay:?} after a backup began): {e}", k + 1);
        let checked = crash::check(&data_dir, &committed).map_err(at)?;
        r.sets_checked += check_folder(&folder).map_err(at)?;
        next_backup(&data_dir, &folder).map_err(at)?;
        if (k + 1) % 25 == 0 || k + 1 == kills {
            log(&format!(
                "{} kills ({} during a backup, {} left a partial set): {} employees, {} history rows, all checks passed ({:.0} s)",
                k + 1,
                r.kills_during_a_backup,
                r.partial_sets_left,
                checked.employees,
                checked.changes,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    r.seconds = started.elapsed().as_secs_f64();
    Ok(r)
}
