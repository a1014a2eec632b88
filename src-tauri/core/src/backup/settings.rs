//! This installation's backup policy and what happened last, kept in the data folder as
//! `backups.json` rather than in the database: restoring an older backup must neither bring back
//! an older policy nor forget that the last backup failed. Every change to it is also a history
//! event (entity `backups`).

use super::rotation::Retention;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

pub const SETTINGS_FILE: &str = "backups.json";

/// A backup is due once the last one is older than this.
pub const BACKUP_EVERY: Duration = Duration::hours(24);
/// A proof of restore is due once the last one is older than this.
pub const PROVE_EVERY: Duration = Duration::days(31);

/// How one backup or proof ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Outcome {
    pub at: DateTime<Utc>,
    pub ok: bool,
    /// The set made or proven.
    pub set: Option<String>,
    /// Why it failed, in English (the UI words the code).
    pub message: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// The folder backups go to; none until the person chooses one.
    pub folder: Option<String>,
    #[serde(default)]
    pub retention: Retention,
    pub last_backup: Option<Outcome>,
    /// The last backup that succeeded (the last one may have failed).
    pub last_good_backup: Option<Outcome>,
    pub last_proof: Option<Outcome>,
}

/// What Home says about backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupHealth {
    pub configured: bool,
    pub last_good_backup: Option<DateTime<Utc>>,
    pub last_backup_failed: bool,
    pub last_proof: Option<DateTime<Utc>>,
    pub last_proof_failed: bool,
    /// No good backup within a day (or none at all).
    pub backup_overdue: bool,
    /// No successful proof of restore within a month.
    pub proof_overdue: bool,
}

impl BackupSettings {
    pub fn load(data_dir: &Path) -> BackupSettings {
        std::fs::read(data_dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, data_dir: &Path) -> crate::Result<()> {
        let text = serde_json::to_vec_pretty(self)?;
        crate::files::write_atomically(&data_dir.join(SETTINGS_FILE), |w| {
            std::io::Write::write_all(w, &text)
                .map_err(|e| super::io_error(&data_dir.join(SETTINGS_FILE), e))
        })
    }

    pub fn health(&self, now: DateTime<Utc>) -> BackupHealth {
        let good = self.last_good_backup.as_ref().map(|o| o.at);
        let proof = self.last_proof.as_ref().filter(|o| o.ok).map(|o| o.at);
        BackupHealth {
            configured: self.folder.is_some(),
            last_good_backup: good,
            last_backup_failed: self.last_backup.as_ref().is_some_and(|o| !o.ok),
            last_proof: self.last_proof.as_ref().map(|o| o.at),
            last_proof_failed: self.last_proof.as_ref().is_some_and(|o| !o.ok),
            backup_overdue: good.is_none_or(|at| now - at > BACKUP_EVERY),
            proof_overdue: proof.is_none_or(|at| now - at > PROVE_EVERY),
        }
    }

    /// Whether a backup should be made now: a folder is set and the last good one is a day old.
    pub fn backup_due(&self, now: DateTime<Utc>) -> bool {
        self.folder.is_some() && self.health(now).backup_overdue
    }

    /// Whether the monthly proof of restore should run now.
    pub fn proof_due(&self, now: DateTime<Utc>) -> bool {
        self.last_good_backup.is_some() && self.health(now).proof_overdue
    }
}

/// Checks a retention policy: each count from 0 to 1,000 and at least one set kept in all.
pub fn check_retention(r: &Retention) -> crate::Result<()> {
    let mut errors = Vec::new();
    for (field, n) in [
        ("daily", r.daily),
        ("weekly", r.weekly),
        ("monthly", r.monthly),
    ] {
        if n > 1000 {
            errors.push(
                crate::error::FieldError::new(field, "out_of_range")
                    .with("min", 0)
                    .with("max", 1000),
            );
        }
    }
    if r.daily + r.weekly + r.monthly == 0 {
        errors.push(crate::error::FieldError::new("daily", "required"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Error::validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap()
    }

    fn outcome(when: DateTime<Utc>, ok: bool) -> Outcome {
        Outcome {
            at: when,
            ok,
            set: None,
            message: None,
            code: None,
        }
    }

    #[test]
    fn due_after_a_day_and_a_month_and_a_failure_is_shown() {
        let mut s = BackupSettings::default();
        assert!(!s.backup_due(at(6, 9)), "no folder, nothing to do");
        s.folder = Some("/media/usb".into());
        assert!(s.backup_due(at(6, 9)));
        s.last_backup = Some(outcome(at(6, 8), true));
        s.last_good_backup = s.last_backup.clone();
        assert!(!s.backup_due(at(6, 20)));
        assert!(s.backup_due(at(7, 9)));
        assert!(s.proof_due(at(6, 9)));
        s.last_proof = Some(outcome(at(6, 9), true));
        assert!(!s.proof_due(at(20, 9)));
        // A failed backup after a good one: the warning shows, the good one still counts.
        s.last_backup = Some(outcome(at(6, 21), false));
        let h = s.health(at(6, 22));
        assert!(h.last_backup_failed && !h.backup_overdue);
    }

    #[test]
    fn retention_limits() {
        assert!(check_retention(&Retention::default()).is_ok());
        let none = Retention {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        assert!(check_retention(&none).is_err());
        let huge = Retention {
            daily: 5000,
            ..Retention::default()
        };
        assert!(check_retention(&huge).is_err());
    }

    #[test]
    fn saved_and_loaded_and_a_damaged_file_is_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let s = BackupSettings {
            folder: Some("/media/usb".into()),
            ..BackupSettings::default()
        };
        s.save(dir.path()).unwrap();
        assert_eq!(BackupSettings::load(dir.path()), s);
        std::fs::write(dir.path().join(SETTINGS_FILE), b"{not json").unwrap();
        assert_eq!(BackupSettings::load(dir.path()), BackupSettings::default());
    }
}
