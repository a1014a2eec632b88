//! Crash safety of backups, short run: a child that backs up in a loop while the crash writer
//! writes beside it is killed with SIGKILL at 20 random moments; after each kill the data passes
//! the writer's checks, only complete sets are listed and each passes the restore's check, and
//! the next backup succeeds and leaves no unfinished set. The long run is
//! `backoffice-bench crash-test --mode backup --runs 200` (README, Crash safety).

#[test]
fn sigkills_during_backups_leave_only_complete_sets_and_the_next_backup_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let report = backoffice_bench::crash_backup::run(
        std::path::Path::new(env!("CARGO_BIN_EXE_backoffice-bench")),
        dir.path(),
        20,
        0,
        42,
        &mut |m| eprintln!("{m}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{report:?}");
    assert_eq!(report.kills, 20);
    // The kills really land inside backups, and some of them leave a half-built set behind
    // (which the checks then prove is neither listed nor in the way).
    assert!(report.kills_during_a_backup >= 10, "{report:?}");
    assert!(report.partial_sets_left >= 3, "{report:?}");
    assert!(report.sets_checked >= 10, "{report:?}");
    assert!(report.committed_lines > 20, "{report:?}");
}
