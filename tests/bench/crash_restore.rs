//! Crash safety of restores, short run: 20 SIGKILLs while a restore is staged and 20 while the
//! next start puts it in place. After each kill the next open holds wholly the old data (every
//! acknowledged write) or wholly the restored set (every document it names), history verifies,
//! a half-staged folder is dropped, and the old data stays whole in `before-restore/`. The long
//! run is `backoffice-bench crash-test --mode restore --runs 200` (README, Crash safety).

use backoffice_bench::crash_restore::{run, Step};

fn kills(step: Step) -> backoffice_bench::crash_restore::RestoreCrashReport {
    let dir = tempfile::tempdir().unwrap();
    let report = run(
        std::path::Path::new(env!("CARGO_BIN_EXE_backoffice-bench")),
        &dir.path().join("run"),
        step,
        20,
        42,
        &mut |m| eprintln!("{m}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{report:?}");
    assert_eq!(report.kills, 20);
    assert_eq!(report.held_old + report.held_restored, 20);
    report
}

#[test]
fn sigkills_while_a_restore_is_staged_leave_the_live_data_or_a_whole_staged_set() {
    let r = kills(Step::Stage);
    // Kills really landed while the set was being copied in: the live data stayed the old one.
    assert!(r.kills_inside >= 3, "{r:?}");
    assert!(r.held_old >= r.kills_inside, "{r:?}");
}

#[test]
fn sigkills_while_a_restore_is_put_in_place_leave_old_or_restored_never_a_mix() {
    let r = kills(Step::Apply);
    // Kills really landed half way through the swap or the documents' move.
    assert!(r.kills_inside >= 3, "{r:?}");
    assert!(r.held_restored >= r.kills_inside, "{r:?}");
}
