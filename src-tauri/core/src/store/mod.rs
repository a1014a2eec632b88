//! The SQLite store: one file, one writer at a time, a few readers, and history in every write.

pub mod assets;
pub mod attachments;
pub mod audits;
pub mod dates;
pub mod departments;
pub mod filter;
pub mod history;
pub mod history_labels;
pub mod id_set;
pub mod migrations;
mod open;
pub mod organisation;
pub mod paged;
pub mod positioned;
pub mod preferences;
pub mod purchasing;
pub mod recorded;
pub mod reshape;
pub mod retired_list;
pub mod row_values;
pub mod search;
pub mod staff;
pub mod throttle;
pub mod tracked;
pub mod tx;
pub mod upkeep;
pub mod users;
pub mod versioned;
pub mod words;

pub use open::{DB_FILE_NAME, READERS};
pub use tracked::{Tracked, TRACKED};
pub use tx::WriteTx;

use crate::crypt::DataKey;
use crate::error::{Error, ErrorCode};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use ts_rs::TS;

/// Source of "now"; tests inject a fixed or stepping clock.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// Result of the background integrity check run after opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Integrity {
    Checking,
    Ok,
    /// SQLite found damage; the store refuses writes so nothing makes it worse.
    Damaged,
}

pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    integrity: Arc<AtomicU8>,
    clock: Clock,
    /// The background checkpoint started after a large write, joined before a later one starts
    /// and when the store closes.
    checkpoint: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// The data key of an encrypted file; every connection gets it before reading.
    key: Option<DataKey>,
    /// Set once a converted copy of the file is staged to replace it at the next start: a write
    /// after that would be lost, so every write is refused until the app restarts.
    frozen: AtomicBool,
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not a Backoffice database, is
    /// damaged, or comes from a newer app is refused before anything is written to it.
    pub fn open(path: &Path, clock: Clock) -> crate::Result<Self> {
        Self::open_keyed(path, clock, None)
    }

    /// [`Store::open`] for a file encrypted with `key` (`None`: a plain file).
    pub fn open_keyed(path: &Path, clock: Clock, key: Option<DataKey>) -> crate::Result<Self> {
        open::probe(path, key.as_ref())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::new(
                    ErrorCode::DbIo,
                    format!("cannot create {}: {e}", dir.display()),
                )
            })?;
        }
        let mut writer = open::connect(path, key.as_ref())?;
        migrations::apply(&mut writer, clock())?;
        let readers = (0..READERS)
            .map(|_| open::connect_reader(path, key.as_ref()).map(Mutex::new))
            .collect::<crate::Result<Vec<_>>>()?;
        Ok(Self {
            path: path.to_owned(),
            writer: Mutex::new(writer),
            readers,
            next_reader: AtomicUsize::new(0),
            integrity: Arc::new(AtomicU8::new(Integrity::Checking as u8)),
            clock,
            checkpoint: Mutex::new(None),
            key,
            frozen: AtomicBool::new(false),
        })
    }

    /// The data key, when the file is encrypted.
    pub fn key(&self) -> Option<&DataKey> {
        self.key.as_ref()
    }

    /// A new connection of its own to the file (keyed like the store's): for copies and checks
    /// that must not hold one of the store's connections.
    pub fn own_reader(&self) -> crate::Result<Connection> {
        open::connect_reader(&self.path, self.key.as_ref())
    }

    /// Runs `f` while no write can start (it holds the writer); reads go on.
    pub fn hold_writes<T>(&self, f: impl FnOnce() -> T) -> T {
        let _writer = lock(&self.writer);
        f()
    }

    /// Refuses every write from now on (a converted copy will replace the file at the next
    /// start).
    pub fn freeze(&self) {
        self.frozen.store(true, Ordering::Relaxed);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Runs `f` on a read-only connection.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> crate::Result<T>) -> crate::Result<T> {
        f(&self.reader())
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        // Take any idle reader; if all are busy, queue on the next one in turn.
        for r in &self.readers {
            if let Ok(g) = r.try_lock() {
                return g;
            }
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        lock(&self.readers[i])
    }

    /// The writer, once no write is refused: not on a damaged file, and not once a converted
    /// copy is staged to replace it (checked with the writer held).
    fn writer_if_writable(&self) -> crate::Result<MutexGuard<'_, Connection>> {
        if self.integrity() == Integrity::Damaged {
            return Err(Error::new(
                ErrorCode::DbCorrupt,
                "the database is damaged; writes are disabled",
            ));
        }
        let conn = lock(&self.writer);
        if self.frozen.load(Ordering::Relaxed) {
            return Err(Error::new(
                ErrorCode::StoreUnavailable,
                "the app must restart to finish changing the encryption; nothing can be saved until then",
            )
            .with("reason", "restart_pending"));
        }
        Ok(conn)
    }

    /// Runs `f` in one IMMEDIATE transaction on the writer. Everything `f` writes, its history
    /// rows included, commits together or not at all.
    pub fn write<T>(
        &self,
        actor: &str,
        f: impl FnOnce(&WriteTx) -> crate::Result<T>,
    ) -> crate::Result<T> {
        let mut conn = self.writer_if_writable()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let w = WriteTx::new(tx, actor, self.now());
        let out = f(&w);
        let bulk_cache = w.used_bulk_cache();
        // Dropping the transaction unanswered rolls it back.
        let committed = match out {
            Ok(out) => w.commit().map(|background| (out, background)),
            Err(e) => {
                drop(w);
                Err(e)
            }
        };
        if bulk_cache {
            // The bulk write's pages go back to the allocator, committed or not.
            conn.pragma_update(None, "cache_size", open::WRITER_CACHE_KIB)?;
            conn.execute_batch("PRAGMA shrink_memory")?;
        }
        let (out, background) = committed?;
        if background {
            conn.pragma_update(None, "wal_autocheckpoint", open::AUTOCHECKPOINT_PAGES)?;
            self.checkpoint_in_background();
        }
        Ok(out)
    }

    /// Starts a checkpoint on its own connection (after one still running finishes). A failure
    /// only leaves pages in the WAL, where the next automatic checkpoint finds them.
    fn checkpoint_in_background(&self) {
        let mut slot = self.checkpoint.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(running) = slot.take() {
            let _ = running.join();
        }
        let path = self.path.clone();
        let key = self.key.clone();
        *slot = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || {
                let keyed = Connection::open(&path).and_then(|c| {
                    crate::crypt::sqlcipher::apply(&c, key.as_ref())
                        .map_err(|_| rusqlite::Error::InvalidQuery)?;
                    Ok(c)
                });
                if let Ok(c) = keyed {
                    let _ = c.busy_timeout(std::time::Duration::from_secs(5));
                    let _ = c.execute_batch("PRAGMA wal_checkpoint(PASSIVE)");
                }
            })
            .ok();
    }

    /// Waits for a background checkpoint, if one is running.
    pub fn wait_for_checkpoint(&self) {
        let running = self
            .checkpoint
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(running) = running {
            let _ = running.join();
        }
    }

    pub fn integrity(&self) -> Integrity {
        match self.integrity.load(Ordering::Relaxed) {
            x if x == Integrity::Ok as u8 => Integrity::Ok,
            x if x == Integrity::Damaged as u8 => Integrity::Damaged,
            _ => Integrity::Checking,
        }
    }

    /// Runs SQLite's `quick_check` on its own connection. Called off the start-up path because on
    /// a large file it takes longer than opening should.
    pub fn check_integrity(&self) -> Integrity {
        lower_this_threads_priority();
        let result = open::connect_reader(&self.path, self.key.as_ref()).and_then(|c| {
            let r: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
            Ok(r)
        });
        let state = match result.as_deref() {
            Ok("ok") => Integrity::Ok,
            _ => Integrity::Damaged,
        };
        self.integrity.store(state as u8, Ordering::Relaxed);
        state
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.wait_for_checkpoint();
    }
}

/// The check reads the whole file (seconds at a million records) while the window starts: at the
/// lowest CPU priority it takes the time the interface leaves over instead of half of a two-core
/// machine. Only the calling thread is affected (Linux keeps a nice value per thread).
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on the calling thread's own id only changes its scheduling priority.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 19);
    }
}

fn lock(m: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding a connection rolls its transaction back on drop; the connection
    // itself is still sound, so poisoning is not a reason to stop.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Instants are stored as RFC 3339 UTC text with milliseconds: sortable and exact in history.
pub fn ts_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn ts_parse(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

/// Escapes a user's search text for `LIKE ... ESCAPE '\'` and wraps it in `%`.
pub fn like_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}
