//! How long a username must wait after repeated wrong passwords.

use chrono::Duration;
use sha2::{Digest, Sha256};

/// Failures in a row that are free; the next ones start the waiting.
pub const FREE_ATTEMPTS: u32 = 4;
const FIRST_WAIT_SECONDS: i64 = 30;
const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// The wait imposed after `failures` wrong passwords in a row: none for the first four, then 30 s
/// after the fifth, doubling with each further failure, at most 15 minutes.
pub fn wait_after(failures: u32) -> Option<Duration> {
    if failures <= FREE_ATTEMPTS {
        return None;
    }
    let doublings = (failures - FREE_ATTEMPTS - 1).min(10);
    Some(Duration::seconds(
        (FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS),
    ))
}

/// Longest typed username kept as typed in history and in the throttle table.
pub const MAX_RECORDED_NAME_CHARS: usize = 64;

/// The form in which a typed username is recorded: as typed up to 64 characters; a longer one
/// (nobody's real name: usernames have at most 40) is cut there and followed by "…" and 8 hex
/// digits of its SHA-256, so pasted text cannot fill history while distinct names stay distinct.
pub fn recorded_name(typed: &str) -> String {
    if typed.chars().count() <= MAX_RECORDED_NAME_CHARS {
        return typed.to_owned();
    }
    let head: String = typed.chars().take(MAX_RECORDED_NAME_CHARS).collect();
    let digest = Sha256::digest(typed.as_bytes());
    format!("{head}…{}", hex::encode(&digest[..4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_and_fingerprinted() {
        assert_eq!(recorded_name("admin"), "admin");
        let exact = "a".repeat(64);
        assert_eq!(recorded_name(&exact), exact);
        let long = format!("{}b", "a".repeat(64));
        let r = recorded_name(&long);
        assert_eq!(r.chars().count(), 64 + 1 + 8);
        assert!(r.starts_with(&exact) && r.contains('…'));
        assert_ne!(r, recorded_name(&format!("{}c", "a".repeat(64))));
        // Characters, not bytes: a multi-byte name is cut on a character boundary.
        assert_eq!(recorded_name(&"è".repeat(100)).chars().count(), 73);
    }

    #[test]
    fn grows_then_caps() {
        assert_eq!(wait_after(4), None);
        assert_eq!(wait_after(5), Some(Duration::seconds(30)));
        assert_eq!(wait_after(6), Some(Duration::seconds(60)));
        assert_eq!(wait_after(7), Some(Duration::seconds(120)));
        assert_eq!(wait_after(10), Some(Duration::seconds(900)));
        assert_eq!(wait_after(1000), Some(Duration::seconds(900)));
    }
}
