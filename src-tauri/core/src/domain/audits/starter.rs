//! The starter audit checklists the app ships: GDPR, workplace safety, purchasing controls and
//! IT access and backups. An office copies one and edits its own copy, so these stay read-only
//! data embedded in the binary, written in Italian and English side by side.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// One text in both languages the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub it: String,
    pub en: String,
}

impl Text {
    /// The Italian text for `"it"`, the English one for any other language.
    pub fn get(&self, lang: &str) -> &str {
        if lang == "it" {
            &self.it
        } else {
            &self.en
        }
    }
}

/// One checkable requirement, with what the auditor looks at and how much it counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterItem {
    /// Unique within its template, e.g. `GDPR-3.2`.
    pub code: String,
    pub requirement: Text,
    /// The rule or standard it comes from, e.g. "Reg. UE 2016/679 art. 30".
    pub reference: Text,
    /// How to check it and what to sample.
    pub guidance: Text,
    /// The documents and records to ask for.
    pub evidence: Text,
    /// 1..=5: 3 is normal, 5 a legal obligation whose absence is serious.
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterSection {
    pub title: Text,
    pub items: Vec<StarterItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StarterTemplate {
    /// Stable key: `gdpr`, `safety`, `purchasing`, `it_access_backup`.
    pub key: String,
    pub name: Text,
    pub description: Text,
    pub sections: Vec<StarterSection>,
}

impl StarterTemplate {
    /// Every item of every section, in order.
    pub fn items(&self) -> impl Iterator<Item = &StarterItem> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}

/// The embedded sources, in the order the app lists them.
const SOURCES: [&str; 4] = [
    include_str!("starter/gdpr.json"),
    include_str!("starter/safety.json"),
    include_str!("starter/purchasing.json"),
    include_str!("starter/it_access_backup.json"),
];

/// The four starter templates, parsed on first use.
pub fn starters() -> &'static [StarterTemplate] {
    static PARSED: OnceLock<Vec<StarterTemplate>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|json| {
                // The data is ours, compiled in, and the unit tests below parse every file:
                // a parse failure here is a build that never passed its tests.
                #[allow(clippy::expect_used)]
                let template = serde_json::from_str(json).expect("embedded starter checklist");
                template
            })
            .collect()
    })
}

/// The starter template with this key, if there is one.
pub fn starter(key: &str) -> Option<&'static StarterTemplate> {
    starters().iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Each source on its own, so a broken file is named by the failing assertion.
    #[test]
    fn every_embedded_file_parses() {
        for (i, json) in SOURCES.iter().enumerate() {
            let parsed: Result<StarterTemplate, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "source {i}: {:?}", parsed.err());
        }
    }

    #[test]
    fn four_templates_with_their_keys_in_order() {
        let keys: Vec<&str> = starters().iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["gdpr", "safety", "purchasing", "it_access_backup"]);
        assert_eq!(starter("safety").map(|t| t.key.as_str()), Some("safety"));
        assert!(starter("nope").is_none());
    }

    /// `^[A-Z]+-\d+(\.\d+)?$` without a regex dependency.
    fn code_is_well_formed(code: &str) -> bool {
        let Some((prefix, number)) = code.split_once('-') else {
            return false;
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let number_ok = match number.split_once('.') {
            Some((major, minor)) => digits(major) && digits(minor),
            None => digits(number),
        };
        !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_uppercase()) && number_ok
    }

    #[test]
    fn code_shape() {
        for good in ["GDPR-3.2", "SAF-1", "A-10.12"] {
            assert!(code_is_well_formed(good), "{good}");
        }
        for bad in [
            "gdpr-1.1",
            "GDPR-",
            "GDPR-1.",
            "GDPR1.1",
            "GDPR-1.1.1",
            "-1.1",
            "GDPR-1.a",
        ] {
            assert!(!code_is_well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn codes_are_well_formed_and_unique_per_template() {
        for t in starters() {
            let mut seen = HashSet::new();
            for item in t.items() {
                assert!(code_is_well_formed(&item.code), "{}: {}", t.key, item.code);
                assert!(
                    seen.insert(item.code.as_str()),
                    "{}: {} twice",
                    t.key,
                    item.code
                );
            }
        }
    }

    #[test]
    fn sizes_and_weights_are_in_range() {
        for t in starters() {
            assert!((5..=8).contains(&t.sections.len()), "{} sections", t.key);
            let count = t.items().count();
            assert!((25..=45).contains(&count), "{}: {count} items", t.key);
            for s in &t.sections {
                assert!(
                    !s.items.is_empty(),
                    "{}: empty section {}",
                    t.key,
                    s.title.en
                );
            }
            for item in t.items() {
                assert!((1..=5).contains(&item.weight), "{}", item.code);
            }
        }
    }

    /// Every text of a template with where it sits, for the checks below.
    fn texts(t: &StarterTemplate) -> Vec<(String, &Text)> {
        let mut out = vec![
            ("name".to_owned(), &t.name),
            ("description".to_owned(), &t.description),
        ];
        for s in &t.sections {
            out.push((format!("section {}", s.title.en), &s.title));
            for i in &s.items {
                out.push((format!("{} requirement", i.code), &i.requirement));
                out.push((format!("{} reference", i.code), &i.reference));
                out.push((format!("{} guidance", i.code), &i.guidance));
                out.push((format!("{} evidence", i.code), &i.evidence));
            }
        }
        out
    }

    #[test]
    fn no_text_is_empty_in_either_language() {
        for t in starters() {
            for (at, text) in texts(t) {
                assert!(!text.it.trim().is_empty(), "{}: {at} (it)", t.key);
                assert!(!text.en.trim().is_empty(), "{}: {at} (en)", t.key);
            }
        }
    }

    /// References may legitimately read the same in both languages (an ISO control number);
    /// every other text is written in each language, never copied across.
    #[test]
    fn italian_and_english_differ() {
        for t in starters() {
            for (at, text) in texts(t) {
                if at.ends_with("reference") {
                    continue;
                }
                assert_ne!(text.it.trim(), text.en.trim(), "{}: {at}", t.key);
            }
        }
    }

    #[test]
    fn get_picks_italian_only_for_it() {
        let text = Text {
            it: "Registro".to_owned(),
            en: "Register".to_owned(),
        };
        assert_eq!(text.get("it"), "Registro");
        assert_eq!(text.get("en"), "Register");
        assert_eq!(text.get("de"), "Register");
    }
}
