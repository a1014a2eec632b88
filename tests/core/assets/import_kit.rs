//! Running an area's import in tests: the preview's mapping, the check and the commit, the
//! problems as (line, column, code), and the history count that says whether anything was
//! written.

use super::Shop;
use backoffice_core::import::{ImportOutcome, ImportReport, Importer};
use std::path::{Path, PathBuf};

pub const FILES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/core/assets/files");

pub fn file(name: &str) -> PathBuf {
    Path::new(FILES).join(name)
}

/// Writes `text` as `name` in `dir`.
pub fn written(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

pub fn validate<I: Importer>(s: &Shop, i: &I, path: &Path, o: &I::Options) -> ImportReport {
    let app = &s.o.t.app;
    let mapping = app.preview_import(&s.it, i, path).unwrap().mapping;
    app.validate_import(&s.it, i, path, &mapping, o).unwrap()
}

pub fn commit<I: Importer>(
    s: &Shop,
    i: &I,
    path: &Path,
    o: &I::Options,
) -> backoffice_core::Result<ImportOutcome> {
    let app = &s.o.t.app;
    let mapping = app.preview_import(&s.it, i, path).unwrap().mapping;
    app.commit_import(&s.it, i, path, &mapping, o, &mut |_, _| true)
}

/// The header mapped to each field.
pub fn mapped<I: Importer>(s: &Shop, i: &I, path: &Path, keys: &[&str]) -> Vec<String> {
    let p = s.o.t.app.preview_import(&s.it, i, path).unwrap();
    keys.iter()
        .map(|k| {
            p.mapping
                .get(*k)
                .map_or("-".into(), |&c| p.headers[c].clone())
        })
        .collect()
}

pub fn problems(r: &ImportReport) -> Vec<(usize, String, String)> {
    r.errors
        .iter()
        .map(|e| (e.line, e.column.clone().unwrap_or_default(), e.code.clone()))
        .collect()
}

/// `(line, column, code)` with borrowed texts, for comparing with a literal list.
pub fn expect(list: &[(usize, &str, &str)]) -> Vec<(usize, String, String)> {
    list.iter()
        .map(|(l, c, code)| (*l, (*c).to_owned(), (*code).to_owned()))
        .collect()
}

pub fn history(s: &Shop) -> i64 {
    s.o.t.app.history_status(&s.o.t.admin).unwrap().count
}
