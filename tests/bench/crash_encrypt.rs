//! Crash safety of encrypting and decrypting, short run: 15 SIGKILLs while an encryption is
//! staged, 15 while the next start puts it in place and seals the documents, 15 while the data
//! is decrypted. After each kill the next start holds the company whole, plain or encrypted,
//! with every acknowledged write and document, the key file matching the database, and no plain
//! copy left beside an encrypted one. The long run is
//! `backoffice-bench crash-test --mode encrypt --runs 100` (README, Crash safety).

use backoffice_bench::crash_encrypt::{run, EncryptCrashReport, Step};

fn kills(step: Step) -> EncryptCrashReport {
    let dir = tempfile::tempdir().unwrap();
    let report = run(
        std::path::Path::new(env!("CARGO_BIN_EXE_backoffice-bench")),
        &dir.path().join("run"),
        step,
        15,
        42,
        &mut |m| eprintln!("{m}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{report:?}");
    assert_eq!(report.kills, 15);
    assert_eq!(report.held_plain + report.held_encrypted, 15);
    report
}

#[test]
fn sigkills_while_an_encryption_is_staged_leave_the_plain_data_or_the_encrypted_copy() {
    let r = kills(Step::Encrypt);
    // Kills really landed while the encrypted copy was being written: the data stayed plain.
    assert!(r.kills_inside >= 3, "{r:?}");
    assert!(r.held_plain >= r.kills_inside, "{r:?}");
}

#[test]
fn sigkills_while_an_encryption_is_put_in_place_and_sealed_leave_it_whole() {
    let r = kills(Step::Seal);
    // Kills landed in the swap or while the documents were being sealed; every start after
    // them found the data encrypted.
    assert!(r.kills_inside >= 3, "{r:?}");
    assert_eq!(r.held_encrypted, 15, "{r:?}");
}

#[test]
fn sigkills_while_the_data_is_decrypted_leave_it_encrypted_or_plain_never_a_mix() {
    let r = kills(Step::Decrypt);
    // Kills landed while documents were being unsealed or the plain copy written.
    assert!(r.kills_inside >= 3, "{r:?}");
    assert!(r.held_encrypted >= r.kills_inside, "{r:?}");
}
