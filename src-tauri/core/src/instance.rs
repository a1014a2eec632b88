//! One running app per data folder. SQLite's own locking keeps two writers from corrupting the
//! file, but two windows on one folder would each cache what the other changes, and two
//! background jobs (an import, a backup) could step on each other's files. The first app holds
//! an exclusive lock on `backoffice.lock` for as long as it runs (the operating system drops it
//! when the process ends, even after a crash) and listens on a local port named in
//! `backoffice.port`; a second start finds the lock taken, asks the first to come forward
//! through that port, and ends.

use crate::private::random_hex;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::time::Duration;

pub const LOCK_FILE: &str = "backoffice.lock";
pub const PORT_FILE: &str = "backoffice.port";

/// How long a second start waits for the first to answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(2);

/// The folder is ours until this is dropped (or the process ends).
pub struct InstanceLock {
    file: File,
    listener: TcpListener,
    token: String,
}

/// What starting on a data folder found.
pub enum Claim {
    /// Nobody else runs on it: it is ours.
    Ours(InstanceLock),
    /// Another app runs on it; `answered` says whether it was reached and asked to come forward.
    Held { answered: bool },
}

/// Written by an app about to start itself again (after a staged restore): the new process waits
/// for the old one to let go of the folder instead of deferring to it.
pub const RESTARTING_FILE: &str = "backoffice.restarting";

/// How long a restarted app waits for the one it replaces to end.
const RESTART_WAIT: Duration = Duration::from_secs(15);

/// Marks the folder as being restarted by its app (see [`RESTARTING_FILE`]).
pub fn mark_restarting(data_dir: &Path) -> std::io::Result<()> {
    std::fs::write(data_dir.join(RESTARTING_FILE), b"")
}

/// Takes the folder for this process, or asks the app that holds it to come forward. Right
/// after a restart of its own app it waits for the old process to end first.
pub fn claim(data_dir: &Path) -> std::io::Result<Claim> {
    let marker = data_dir.join(RESTARTING_FILE);
    let fresh = std::fs::metadata(&marker)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age < RESTART_WAIT);
    let _ = std::fs::remove_file(&marker);
    let deadline = std::time::Instant::now() + if fresh { RESTART_WAIT } else { Duration::ZERO };
    loop {
        match try_claim(data_dir)? {
            Claim::Held { .. } if std::time::Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Claim::Held { .. } => {
                return Ok(Claim::Held {
                    answered: call_forward(data_dir),
                })
            }
            claim => return Ok(claim),
        }
    }
}

/// Whether an app holds the folder at this moment (asking it nothing): a tool that starts the app
/// again and again on one folder waits for the last one to be gone first.
pub fn is_held(data_dir: &Path) -> bool {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .write(true)
        .open(data_dir.join(LOCK_FILE))
    else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

fn try_claim(data_dir: &Path) -> std::io::Result<Claim> {
    std::fs::create_dir_all(data_dir)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    // The person's alone, like every file in the data folder.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(data_dir.join(LOCK_FILE))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(Claim::Held { answered: false }),
        Err(TryLockError::Error(e)) => return Err(e),
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    let token = random_hex(16);
    // A separate file: on Windows the locked file cannot be read by the second process.
    let port = listener.local_addr()?.port();
    // Written whole in one call; a second start that reads it half-written asks nobody and
    // says the app is open anyway.
    let port_file = data_dir.join(PORT_FILE);
    match std::fs::remove_file(&port_file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    crate::private::create_file(&port_file)?.write_all(format!("{port} {token}\n").as_bytes())?;
    Ok(Claim::Ours(InstanceLock {
        file,
        listener,
        token,
    }))
}

impl InstanceLock {
    /// Answers later starts on a thread of its own: each one that names the token calls
    /// `forward` (bring the window to the front).
    pub fn serve(self, forward: impl Fn() + Send + 'static) {
        let InstanceLock {
            file,
            listener,
            token,
        } = self;
        std::thread::spawn(move || {
            // The lock lives as long as this thread, which is as long as the app.
            let _held = file;
            for stream in listener.incoming().flatten() {
                if asked_by_us(&stream, &token) {
                    forward();
                    let _ = (&stream).write_all(b"ok\n");
                }
            }
        });
    }
}

fn asked_by_us(stream: &TcpStream, token: &str) -> bool {
    let _ = stream.set_read_timeout(Some(ANSWER_WITHIN));
    let mut line = String::new();
    // A line longer than any request is not one.
    let read = BufReader::new(std::io::Read::take(stream, 128)).read_line(&mut line);
    read.is_ok() && line.trim_end() == format!("forward {token}")
}

/// Asks the app that holds the folder to come forward; whether it answered.
fn call_forward(data_dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(data_dir.join(PORT_FILE)) else {
        return false;
    };
    let mut parts = text.split_whitespace();
    let (Some(port), Some(token)) = (
        parts.next().and_then(|p| p.parse::<u16>().ok()),
        parts.next(),
    ) else {
        return false;
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, ANSWER_WITHIN) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(ANSWER_WITHIN));
    if writeln!(stream, "forward {token}").is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(&stream).read_line(&mut answer).is_ok() && answer.trim_end() == "ok"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_start_finds_the_folder_held_and_brings_the_first_forward() {
        let dir = tempfile::tempdir().unwrap();
        let Claim::Ours(lock) = claim(dir.path()).unwrap() else {
            panic!("a free folder is taken")
        };
        let forwarded = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&forwarded);
        lock.serve(move || {
            seen.fetch_add(1, Ordering::SeqCst);
        });
        // The lock is per open file, so a second claim in this process meets it as another
        // process would.
        match claim(dir.path()).unwrap() {
            Claim::Held { answered } => assert!(answered),
            Claim::Ours(_) => panic!("the folder was taken twice"),
        }
        assert_eq!(forwarded.load(Ordering::SeqCst), 1);
        // A request without the token is not answered.
        let port: u16 = std::fs::read_to_string(dir.path().join(PORT_FILE))
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
        writeln!(s, "forward guessed").unwrap();
        let mut answer = String::new();
        let _ = BufReader::new(&s).read_line(&mut answer);
        assert_eq!(answer, "");
        assert_eq!(forwarded.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_restarted_app_waits_for_the_old_one_to_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let Claim::Ours(old) = claim(dir.path()).unwrap() else {
            panic!("a free folder is taken")
        };
        mark_restarting(dir.path()).unwrap();
        // The old app ends a moment after starting the new one.
        let ending = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(old);
        });
        assert!(is_held(dir.path()));
        assert!(matches!(claim(dir.path()).unwrap(), Claim::Ours(_)));
        ending.join().unwrap();
        assert!(!dir.path().join(RESTARTING_FILE).exists());
    }

    #[test]
    fn a_lock_left_by_an_ended_app_is_free_again() {
        let dir = tempfile::tempdir().unwrap();
        let first = claim(dir.path()).unwrap();
        drop(first);
        // The port file of the ended app stays; it is simply not answered.
        assert!(matches!(claim(dir.path()).unwrap(), Claim::Ours(_)));
    }
}
