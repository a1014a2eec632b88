//! The generated audit history: history verifies and runs in date order, findings are closed
//! exactly when all their actions are verified, closed audits are complete, and every evidence
//! file is in the files store. On a generated company of 2,000 employees.

use backoffice_bench::generate::{generate, Options};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::Clock;
use chrono::{NaiveDate, TimeZone, Utc};
use std::sync::Arc;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[test]
fn the_audit_history_is_consistent_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(
        &Options {
            employees: 2_000,
            records: 12_000,
            seed: 11,
            data_dir: data.clone(),
            as_of: day(),
            orders: 0,
        },
        &mut |_| {},
    )
    .unwrap();
    let t = Utc.from_utc_datetime(&day().and_hms_opt(10, 0, 0).unwrap());
    let clock: Clock = Arc::new(move || t);
    let app = Backoffice::open(&data, clock).unwrap();
    let ctx = Ctx::new(1, "admin", vec![Role::Admin]);

    let report = app.verify_history(&ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);

    let n = |sql: &str| -> i64 {
        app.store()
            .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap()
    };
    assert!(n("SELECT count(*) FROM audits") >= 30);
    assert!(n("SELECT count(*) FROM audits WHERE status = 'closed'") >= 20);
    assert!(
        n("SELECT count(*) FROM audits WHERE status IN ('planned', 'in_progress', 'in_review')")
            >= 3
    );
    assert!(n("SELECT count(*) FROM findings") > 0);
    assert!(n("SELECT count(*) FROM audit_actions WHERE status = 'verified'") > 0);
    assert!(n("SELECT count(*) FROM audit_evidence") > 0);
    // History runs forwards in time: audits were written between the staff batches.
    assert_eq!(
        n("SELECT count(*) FROM changes c JOIN changes p ON p.id = c.id - 1 WHERE c.at < p.at"),
        0
    );
    // A finding is closed exactly when it has actions and all are verified.
    assert_eq!(
        n(
            "SELECT count(*) FROM findings f WHERE (f.status = 'closed') <>
             (EXISTS (SELECT 1 FROM audit_actions x WHERE x.finding_id = f.id)
              AND NOT EXISTS (SELECT 1 FROM audit_actions x WHERE x.finding_id = f.id
                                AND x.status <> 'verified'))"
        ),
        0
    );
    // A closed audit has a result for every item and a finding for every non-conformity.
    assert_eq!(
        n(
            "SELECT count(*) FROM audits a JOIN audit_template_versions v
             ON v.id = a.template_version_id WHERE a.status = 'closed'
             AND (SELECT count(*) FROM audit_results r WHERE r.audit_id = a.id)
              <> (SELECT count(*) FROM audit_checklist_items i WHERE i.version_id = v.id)"
        ),
        0
    );
    assert_eq!(
        n(
            "SELECT count(*) FROM audit_results r WHERE r.result IN ('minor', 'major')
             AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.result_id = r.id)"
        ),
        0
    );
    // Every evidence file is stored under its checksum.
    let shas: Vec<String> = app
        .store()
        .read(|c| {
            let mut s = c.prepare("SELECT sha256 FROM attachments WHERE entity = 'evidence'")?;
            let v = s
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(v)
        })
        .unwrap();
    assert!(!shas.is_empty());
    let blobs = app.blobs();
    for sha in shas {
        assert!(blobs.path(&sha).unwrap().exists(), "{sha}");
    }
    // The largest checklist has 150 items.
    assert_eq!(
        n("SELECT max(c) FROM (SELECT count(*) AS c FROM audit_checklist_items GROUP BY version_id)"),
        150
    );
}
