//! Crash safety, short run: the crash writer (real store, real history) is killed with SIGKILL
//! at 50 random moments; after each kill the file passes SQLite's integrity check, holds every
//! write the writer reported as committed, shows nothing half-written, and its history verifies.
//! The long run is `backoffice-bench crash-test --runs 1000` (README, Performance).

#[test]
fn fifty_sigkills_lose_nothing_committed_and_leave_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let report = backoffice_bench::crash::run(
        std::path::Path::new(env!("CARGO_BIN_EXE_backoffice-bench")),
        dir.path(),
        50,
        0,
        42,
        &mut |m| eprintln!("{m}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.kills, 50);
    // Most kills land while it writes, not before its first commit.
    assert!(report.committed_lines > 100, "{report:?}");
    assert!(report.kills_before_first_commit < 25, "{report:?}");
    assert!(report.kills_during_a_write > 10, "{report:?}");
    eprintln!("{report:?}");
}
