//! One child of the crash harnesses: started, killed with SIGKILL a chosen time after it says it
//! began the operation under test (or after it was started, to land in its own start-up), and
//! everything it printed until then.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Runs the crash writer on `data_dir` and kills it 300 ms into its writes, so its last
/// acknowledged commits are still in the WAL (what an operation under test must carry along);
/// returns what it acknowledged.
pub fn killed_writer(
    binary: &Path,
    data_dir: &Path,
    seed: u64,
) -> Result<crate::crash::Committed, String> {
    let seed_arg = seed.to_string();
    let writer = run_and_kill(
        binary,
        &[
            "crash-writer".as_ref(),
            "--data-dir".as_ref(),
            data_dir.as_os_str(),
            "--seed".as_ref(),
            seed_arg.as_ref(),
        ],
        KillAt::AfterMarker("READY", Duration::from_millis(300)),
    )?;
    let mut committed = crate::crash::Committed::default();
    for l in &writer.lines {
        committed.take(l);
    }
    Ok(committed)
}

/// How long a child may take to reach its marker before the run is called stuck.
const MARKER_LIMIT: Duration = Duration::from_secs(120);

/// When the kill lands.
#[derive(Debug, Clone, Copy)]
pub enum KillAt {
    /// This long after the process was started.
    AfterStart(Duration),
    /// This long after the child printed the line that starts with the marker.
    AfterMarker(&'static str, Duration),
}

/// What a killed child had printed.
#[derive(Debug)]
pub struct Killed {
    pub lines: Vec<String>,
}

/// Starts `binary args…`, kills it as `at` says and collects its output. The child never ends by
/// itself: one that does (an error, a panic) fails the run with what it said.
pub fn run_and_kill(
    binary: &Path,
    args: &[&std::ffi::OsStr],
    at: KillAt,
) -> Result<Killed, String> {
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let deadline = match at {
        KillAt::AfterStart(delay) => started + delay,
        KillAt::AfterMarker(marker, delay) => loop {
            let left = MARKER_LIMIT.saturating_sub(started.elapsed());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    let hit = line.starts_with(marker);
                    lines.push(line);
                    if hit {
                        break Instant::now() + delay;
                    }
                }
                // Ended or stuck before its marker: killed now, and said below.
                Err(_) => break Instant::now(),
            }
        },
    };
    // A sleep alone overshoots by the scheduler's tick; the last stretch is waited out.
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        if left > Duration::from_millis(2) {
            std::thread::sleep(left - Duration::from_millis(1));
        } else {
            std::hint::spin_loop();
        }
    }
    // SIGKILL: no destructor, no rollback, no flush runs in the child.
    child.kill().map_err(|e| format!("kill: {e}"))?;
    let status = child.wait().map_err(|e| e.to_string())?;
    let _ = reader.join();
    lines.extend(rx.try_iter());
    if status.signal() != Some(libc::SIGKILL) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        return Err(format!(
            "the child ended by itself ({status}): {}\n{}",
            err.trim(),
            lines.join("\n")
        ));
    }
    Ok(Killed { lines })
}

/// Copies a folder tree (a data folder or a backup folder) as it lies on disk.
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Removes `dir` if it is there, and makes it anew from `template`.
pub fn reset_from(template: &Path, dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    copy_tree(template, dir).map_err(|e| format!("{}: {e}", template.display()))
}

/// The child's part once its operation is done: wait to be killed, as a person's app would sit
/// open (ending by itself would fail the run).
pub fn wait_for_the_kill() -> ! {
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Prints one line for the harness, flushed at once (the kill may come next).
pub fn say(line: &str) {
    use std::io::Write;
    let out = std::io::stdout();
    let mut o = out.lock();
    let _ = writeln!(o, "{line}");
    let _ = o.flush();
}
