//! The UI's JavaScript loaded before sign-in, read from the build's manifest the same way as
//! `ui/scripts/bundle-size.mjs` (which `scripts/test.sh` runs against the same budget): the entry
//! script with every chunk it imports statically, plus the larger of the two languages' shared
//! strings, which start-up fetches before the first screen.

use crate::suite::{verdict, Row};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Bytes (1 KB = 1,000 bytes), as in the script.
pub const BUDGET: u64 = 400_000;
const LANGUAGE_CHUNKS: [&str; 2] = ["src/i18n/en.ts", "src/i18n/it.ts"];

/// `key` and the chunks it imports statically, transitively.
fn closure<'a>(manifest: &'a Value, key: &'a str, into: &mut BTreeSet<&'a str>) {
    if !into.insert(key) {
        return;
    }
    for k in manifest[key]["imports"].as_array().into_iter().flatten() {
        if let Some(k) = k.as_str() {
            closure(manifest, k, into);
        }
    }
}

/// Bytes of JavaScript before sign-in, for a built `ui/dist`.
pub fn before_sign_in(dist: &Path) -> Result<u64, String> {
    let path = dist.join(".vite").join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let manifest: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let chunks = manifest
        .as_object()
        .ok_or("the manifest is not an object")?;
    let entry = chunks
        .iter()
        .find(|(_, c)| c["isEntry"] == Value::Bool(true))
        .map(|(k, _)| k.as_str())
        .ok_or("the manifest names no entry")?;
    let js_bytes = |keys: &mut dyn Iterator<Item = &&str>| -> Result<u64, String> {
        let mut n = 0;
        for k in keys {
            let file = manifest[*k]["file"].as_str().unwrap_or_default();
            if file.ends_with(".js") {
                n += std::fs::metadata(dist.join(file))
                    .map_err(|e| format!("{file}: {e}"))?
                    .len();
            }
        }
        Ok(n)
    };
    let mut first = BTreeSet::new();
    closure(&manifest, entry, &mut first);
    let mut strings = 0;
    for lang in LANGUAGE_CHUNKS {
        if manifest.get(lang).is_none() {
            return Err(format!("the manifest has no chunk for {lang}"));
        }
        let mut keys = BTreeSet::new();
        closure(&manifest, lang, &mut keys);
        strings = strings.max(js_bytes(&mut keys.difference(&first))?);
    }
    Ok(js_bytes(&mut first.iter())? + strings)
}

/// The table's line; a UI not built (or built without its manifest) says so instead of a figure.
pub fn row(dist: &Path) -> Row {
    let mut r = Row::new(
        "",
        "UI JS before sign-in (entry script and its static imports, and one language's shared strings; uncompressed)",
    );
    r.goal = format!("≤ {} KB", BUDGET / 1000);
    match before_sign_in(dist) {
        Ok(bytes) => {
            r.median = format!("{:.1} KB", bytes as f64 / 1000.0);
            r.result = verdict(bytes <= BUDGET).into();
        }
        Err(e) => r.median = format!("not measured: {e} (run `npm --prefix ui run build`)"),
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, file: &str, bytes: usize) {
        std::fs::write(dir.join(file), vec![b' '; bytes]).expect("write");
    }

    #[test]
    fn sums_the_entry_its_static_imports_and_the_larger_language() {
        let dist = tempfile::tempdir().expect("temp dir");
        let d = dist.path();
        std::fs::create_dir_all(d.join(".vite")).expect("mkdir");
        // entry → shared → runtime (and entry → runtime again); a lazy screen and its own
        // import are left out; Italian needs one more chunk than English and weighs more.
        for (f, n) in [
            ("entry.js", 1000),
            ("shared.js", 300),
            ("runtime.js", 20),
            ("screen.js", 5000),
            ("screen-dep.js", 700),
            ("en.js", 40),
            ("it.js", 45),
            ("it-dep.js", 10),
            ("entry.css", 9000),
        ] {
            write(d, f, n);
        }
        let manifest = serde_json::json!({
            "index.html": { "file": "entry.js", "isEntry": true,
                "imports": ["_shared", "_runtime"], "css": ["entry.css"],
                "dynamicImports": ["src/Screen.tsx", "src/i18n/en.ts", "src/i18n/it.ts"] },
            "_shared": { "file": "shared.js", "imports": ["_runtime"] },
            "_runtime": { "file": "runtime.js" },
            "src/Screen.tsx": { "file": "screen.js", "isDynamicEntry": true,
                "imports": ["_shared", "_screen-dep"] },
            "_screen-dep": { "file": "screen-dep.js" },
            "src/i18n/en.ts": { "file": "en.js", "isDynamicEntry": true, "imports": ["_runtime"] },
            "src/i18n/it.ts": { "file": "it.js", "isDynamicEntry": true,
                "imports": ["_runtime", "_it-dep"] },
            "_it-dep": { "file": "it-dep.js" },
        });
        std::fs::write(d.join(".vite/manifest.json"), manifest.to_string()).expect("write");
        assert_eq!(before_sign_in(d), Ok(1000 + 300 + 20 + 45 + 10));
        let r = row(d);
        assert_eq!((r.median.as_str(), r.result.as_str()), ("1.4 KB", "met"));
    }

    #[test]
    fn a_missing_manifest_is_reported_not_counted_as_zero() {
        let dist = tempfile::tempdir().expect("temp dir");
        assert!(before_sign_in(dist.path()).is_err());
        let r = row(dist.path());
        assert!(r.median.starts_with("not measured"), "{}", r.median);
        assert_eq!(r.result, "");
    }
}
