//! Opening the key file at start: the passphrase (or the recovery key) unwraps the data key, and
//! wrong tries are throttled. The count lives in the data folder (`unlock-failures.json`), so
//! quitting and starting again does not reset it; Argon2id already makes each try cost half a
//! second, the wait makes a run of guesses at the window cost hours.

use super::{DataKey, KeyFile, RecoveryKey};
use crate::error::{Error, ErrorCode};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

const FAILURES_FILE: &str = "unlock-failures.json";
/// Wrong tries allowed before the first wait.
const FREE_TRIES: u32 = 3;
/// The longest wait between tries, in seconds.
const MAX_WAIT: i64 = 15 * 60;

/// What the person typed at the unlock screen.
pub enum Secret<'a> {
    Passphrase(&'a str),
    RecoveryKey(&'a str),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Failures {
    count: u32,
    last: Option<DateTime<Utc>>,
}

/// Seconds to wait after `count` wrong tries: none for the first three, then 5, 10, 20, … up
/// to a quarter of an hour.
pub fn wait_after(count: u32) -> i64 {
    if count < FREE_TRIES {
        return 0;
    }
    let doublings = (count - FREE_TRIES).min(12);
    (5i64 << doublings).min(MAX_WAIT)
}

fn load(data_dir: &Path) -> Failures {
    std::fs::read(data_dir.join(FAILURES_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn save(data_dir: &Path, f: &Failures) {
    let path = data_dir.join(FAILURES_FILE);
    if let Ok(text) = serde_json::to_vec(f) {
        let _ = crate::files::write_atomically(&path, |w| crate::files::put(w, &path, &text));
    }
}

fn blocked(seconds: i64) -> Error {
    Error::new(
        ErrorCode::WrongPassphrase,
        format!("too many wrong tries: wait {seconds} seconds"),
    )
    .with("seconds", seconds)
}

/// The data key of `data_dir`'s key file, if `secret` opens it. A wrong secret counts; while a
/// wait is running every try is refused unread (`params.seconds` says how long is left).
pub fn unlock(data_dir: &Path, secret: Secret, now: DateTime<Utc>) -> crate::Result<DataKey> {
    let key_file = KeyFile::load(data_dir)?.ok_or_else(|| {
        Error::new(ErrorCode::DbIo, "the data folder has no key file").with("file", super::KEY_FILE)
    })?;
    let mut failures = load(data_dir);
    if let Some(last) = failures.last {
        let left = wait_after(failures.count) - (now - last).num_seconds();
        if left > 0 {
            return Err(blocked(left));
        }
    }
    let result = match secret {
        Secret::Passphrase(p) => key_file.unlock(p),
        Secret::RecoveryKey(text) => key_file.unlock_with_recovery_key(&RecoveryKey::parse(text)?),
    };
    match result {
        Ok(key) => {
            if failures.count > 0 {
                let _ = std::fs::remove_file(data_dir.join(FAILURES_FILE));
            }
            Ok(key)
        }
        Err(e) if e.code == ErrorCode::WrongPassphrase => {
            failures.count += 1;
            failures.last = Some(now);
            save(data_dir, &failures);
            let wait = wait_after(failures.count);
            Err(if wait > 0 { e.with("seconds", wait) } else { e })
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_after_three_wrong_tries_and_stop_growing() {
        assert_eq!(
            (0..7).map(wait_after).collect::<Vec<_>>(),
            [0, 0, 0, 5, 10, 20, 40]
        );
        assert_eq!(wait_after(40), MAX_WAIT);
    }

    #[test]
    fn wrong_tries_are_counted_across_starts_and_a_right_one_clears_them() {
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::generate();
        let rec = RecoveryKey::generate();
        KeyFile::create("the right passphrase", &key, &rec)
            .unwrap()
            .save(dir.path())
            .unwrap();
        let t0 = Utc::now();
        for _ in 0..3 {
            let e = unlock(dir.path(), Secret::Passphrase("wrong one!!"), t0).unwrap_err();
            assert_eq!(e.code, ErrorCode::WrongPassphrase);
        }
        // The third wrong try starts a wait: even the right passphrase is refused during it.
        let e = unlock(dir.path(), Secret::Passphrase("the right passphrase"), t0).unwrap_err();
        assert_eq!(e.params["seconds"], "5");
        let later = t0 + chrono::Duration::seconds(6);
        let k = unlock(
            dir.path(),
            Secret::Passphrase("the right passphrase"),
            later,
        )
        .unwrap();
        assert_eq!(k.id(), key.id());
        assert!(!dir.path().join(FAILURES_FILE).exists());
        let shown = rec.display();
        let k = unlock(dir.path(), Secret::RecoveryKey(&shown), later).unwrap();
        assert_eq!(k.id(), key.id());
        let e = unlock(dir.path(), Secret::RecoveryKey("not a key"), later).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
    }
}
