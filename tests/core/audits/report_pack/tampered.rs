//! Packs tampered with on disk, packs from elsewhere, a stored copy changed under the app,
//! and a pack of an encrypted folder.

use super::*;

#[test]
fn a_changed_missing_or_added_file_is_named() {
    let o = office();
    let a = assessed(&o);
    let dir = tempfile::tempdir().unwrap();
    let path = packed(&o, &a, dir.path());
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let f = zip.by_name("evidence/politica.pdf").unwrap();
        assert_eq!(f.compression(), zip::CompressionMethod::Stored);
        f.data_start().unwrap()
    };
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .unwrap();
    let mut b = [0u8];
    f.seek(SeekFrom::Start(start + 4000)).unwrap();
    f.read_exact(&mut b).unwrap();
    f.seek(SeekFrom::Start(start + 4000)).unwrap();
    f.write_all(&[b[0] ^ 1]).unwrap();
    drop(f);
    let c = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::Changed);
    assert_eq!(c.changed, ["evidence/politica.pdf"]);
    assert!(c.same_database && c.head_in_chain);

    let path = packed(&o, &a, dir.path());
    crate::pack::rewrite(
        &path,
        &["evidence/registro.pdf"],
        &[("evidence/extra.pdf", b"%PDF-1.7 slipped in")],
        None,
    );
    let c = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::Changed);
    assert_eq!(c.missing, ["evidence/registro.pdf"]);
    assert_eq!(c.added, ["evidence/extra.pdf"]);

    // The files intact, but this database's history cut short before the pack's head since:
    // the pack no longer matches the database it came from.
    let path = packed(&o, &a, dir.path());
    let head = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    assert_eq!(head.verdict, AuditPackVerdict::Intact);
    o.t.tamper()
        .execute(
            "DELETE FROM changes WHERE id >= ?1",
            [head.head_count.unwrap() - 3],
        )
        .unwrap();
    let c = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    assert!(
        c.same_database && !c.head_in_chain && c.changed.is_empty(),
        "{c:?}"
    );
    assert_eq!(c.verdict, AuditPackVerdict::Changed);
}

#[test]
fn a_pack_from_another_database_or_not_an_audits_is_told_apart() {
    let o = office();
    let a = assessed(&o);
    let dir = tempfile::tempdir().unwrap();
    let path = packed(&o, &a, dir.path());
    let other = office();
    let c = other
        .t
        .app
        .verify_audit_pack(&other.auditor, &path)
        .unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::OtherDatabase, "{c:?}");
    assert!(!c.same_database);

    let plain = dir.path().join("plain.zip");
    let (staged, _) = backoffice_core::pack::PackWriter::create(&plain, chrono::Utc::now(), |p| {
        p.add_bytes("a.txt", b"hello")?;
        Ok(serde_json::json!({ "kind": "something_else" }))
    })
    .unwrap();
    staged.publish().unwrap();
    let c = o.t.app.verify_audit_pack(&o.auditor, &plain).unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::NotAPack);

    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").unwrap();
    let e = o.t.app.verify_audit_pack(&o.auditor, &junk).unwrap_err();
    assert_eq!(e.code, ErrorCode::BadFile);
    let e = o.t.app.verify_audit_pack(&o.outsider, &path).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

#[test]
fn a_stored_copy_changed_on_disk_fails_the_pack_and_leaves_no_file() {
    let o = office();
    let a = assessed(&o);
    let sha = o.t.app.audit(&o.auditor, a.id).unwrap().items[0].evidence[0]
        .sha256
        .clone();
    let stored =
        o.t._dir
            .path()
            .join("files")
            .join(&sha[..2])
            .join(&sha[2..]);
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&stored, bytes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let e =
        o.t.app
            .export_audit_pack(&o.auditor, a.id, "it", &dir.path().join("p.zip"))
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::DbCorrupt, "{e:?}");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    assert_eq!(exports_of(&o, "audit_pack"), 0);
}

#[test]
fn a_pack_of_an_encrypted_folder_holds_the_files_as_attached() {
    use backoffice_core::crypt::unlock::{unlock, Secret};
    let o = office();
    let a = assessed(&o);
    let passphrase = "quattro gatti in fila";
    o.t.app
        .encrypt(&o.t.admin, passphrase, &mut |_, _| true)
        .unwrap();
    let Office { t, auditor, .. } = o;
    let crate::support::Installed {
        _dir, app, clock, ..
    } = t;
    drop(app);
    backoffice_core::services::Backoffice::finish_pending(_dir.path()).unwrap();
    let key = unlock(
        _dir.path(),
        Secret::Passphrase(passphrase),
        chrono::Utc::now(),
    )
    .unwrap();
    let app =
        backoffice_core::services::Backoffice::open_with_key(_dir.path(), clock.clock(), Some(key))
            .unwrap();
    // What the app does in the background after every start until no document is plain.
    app.seal_documents(&mut |_, _| true).unwrap();
    let sha = app.audit(&auditor, a.id).unwrap().items[0].evidence[0]
        .sha256
        .clone();
    let stored = _dir.path().join("files").join(&sha[..2]).join(&sha[2..]);
    assert!(
        std::fs::read(stored).unwrap().starts_with(b"BOSEAL1\0"),
        "sealed on disk"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.zip");
    let s = app.export_audit_pack(&auditor, a.id, "it", &path).unwrap();
    assert_eq!(s.evidence_files, 2);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name("evidence/registro.pdf")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    assert_eq!(
        bytes,
        pdf_bytes(1, 40_000),
        "the file as attached, not as sealed"
    );
    let c = app.verify_audit_pack(&auditor, &path).unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::Intact, "{c:?}");
}
