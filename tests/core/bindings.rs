//! The committed TypeScript bindings must match the Rust types exactly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read_to_string(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn bindings_match_the_committed_files() {
    let fresh = tempfile::tempdir().unwrap();
    backoffice_core::bindings::export_all(fresh.path()).unwrap();
    let generated = read_dir(fresh.path());
    assert!(generated.len() > 5);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        std::fs::create_dir_all(&dir).unwrap();
        for old in read_dir(&dir).keys() {
            std::fs::remove_file(dir.join(old)).unwrap();
        }
        for (name, text) in &generated {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let committed = read_dir(&committed_dir());
    let stale: Vec<_> = generated
        .iter()
        .filter(|(k, v)| committed.get(*k) != Some(v))
        .map(|(k, _)| k.as_str())
        .chain(
            committed
                .keys()
                .filter(|k| !generated.contains_key(*k))
                .map(String::as_str),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is out of date ({stale:?}); run UPDATE_BINDINGS=1 cargo test -p backoffice-core bindings"
    );
}

/// The keys of the object literal that follows `marker` in `text` (one level deep).
fn keys_after(text: &str, marker: &str) -> Vec<String> {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not found"))
        + marker.len();
    let mut depth = 1;
    let mut keys = Vec::new();
    for line in text[start..].lines() {
        if depth == 1 {
            if let Some((key, _)) = line.trim().split_once(':') {
                if key.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !key.is_empty() {
                    keys.push(key.to_owned());
                }
            }
        }
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        if depth <= 0 {
            break;
        }
    }
    keys
}

#[test]
fn every_import_refusal_reason_is_worded_in_both_languages() {
    use backoffice_core::import::BadFileReason;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/features/import/i18n.ts");
    let text = std::fs::read_to_string(path).unwrap();
    let english = keys_after(
        &text,
        "const badFileEn: Record<ImportBadFileReason, string> = {",
    );
    let italian_part = &text[text.find("export const importIt").unwrap()..];
    let italian = keys_after(italian_part, "badFile: {");
    for reason in BadFileReason::ALL {
        for (lang, keys) in [("en", &english), ("it", &italian)] {
            assert!(
                keys.iter().any(|k| k == reason.code()),
                "{} has no {lang} sentence in ui/src/features/import/i18n.ts",
                reason.code()
            );
        }
    }
    assert_eq!(english.len(), BadFileReason::ALL.len(), "{english:?}");
    assert_eq!(italian.len(), BadFileReason::ALL.len(), "{italian:?}");
}
