//! The asset search gives what its LIKE test gives, whatever the trigram index would add: the
//! index folds accents and all case, the test only ASCII case.

use super::inventory::query;
use super::{input, shop};
use backoffice_core::domain::assets::asset::{AssetQuery, AssetStatus};
use backoffice_core::domain::assets::checkout::CheckoutInput;

#[test]
fn search_keeps_the_like_semantics_on_accented_text() {
    let s = shop();
    let app = &s.o.t.app;
    s.asset("NB-00001", "Portatile ThinkPad");
    s.asset("NB-00002", "Portatile della Città");
    s.asset("NB-00003", "Portatile del Café");
    let mut other = input("NB-00004", "Postazione ÀREA tecnica", s.laptop.id);
    other.model = Some("ÉLITE 840".into());
    other.serial = Some("SN-ÀX-77".into());
    app.create_asset(&s.it, &other).unwrap();
    let tags = |text: &str| -> Vec<String> {
        let q = AssetQuery {
            search: Some(text.into()),
            ..query()
        };
        let page = app.list_assets(&s.it, &q).unwrap();
        let tags: Vec<String> = page.items.into_iter().map(|r| r.tag).collect();
        assert_eq!(page.total as usize, tags.len(), "{text}");
        tags
    };
    // Plain text on plain rows: what the index names.
    assert_eq!(tags("portatile"), ["NB-00001", "NB-00002", "NB-00003"]);
    assert_eq!(tags("THINKPAD"), ["NB-00001", "NB-00002", "NB-00003"]);
    // Plain text the index finds only by dropping an accent: not a match, as before.
    assert!(tags("citta").is_empty());
    assert!(tags("cafe").is_empty());
    // Accented text matches the same accent, in either case of the query.
    assert_eq!(tags("città"), ["NB-00002"]);
    assert_eq!(tags("CAFÉ"), ["NB-00003"]);
    // The name is kept folded, so its capital accents match; the model and serial are not,
    // and SQLite's lower() leaves their accented capitals as they are.
    assert_eq!(tags("àrea"), ["NB-00004"]);
    assert!(tags("élite").is_empty());
    assert!(tags("sn-àx").is_empty());
    assert_eq!(tags("lite 840"), ["NB-00004"]);
    assert_eq!(tags("-77"), ["NB-00004"]);
    // With another filter the count is read with it.
    let q = AssetQuery {
        search: Some("portatile".into()),
        status: Some(AssetStatus::InStock),
        ..query()
    };
    assert_eq!(app.list_assets(&s.it, &q).unwrap().total, 3);
}

#[test]
fn search_counts_only_what_the_person_sees() {
    let s = shop();
    let app = &s.o.t.app;
    let mine = s.asset("NB-00001", "Portatile ThinkPad");
    s.asset("NB-00002", "Portatile ThinkPad");
    let out = CheckoutInput {
        employee_id: Some(s.o.clerk),
        location_id: None,
        out_on: None,
        expected_return: None,
        condition: None,
        note: None,
    };
    app.checkout_asset(&s.it, mine.id, mine.version, &out)
        .unwrap();
    let q = AssetQuery {
        search: Some("thinkpad".into()),
        ..query()
    };
    assert_eq!(app.list_assets(&s.it, &q).unwrap().total, 2);
    let page = app.list_assets(&s.viewer, &q).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].tag, "NB-00001");
}

#[test]
fn merging_the_index_keeps_every_answer_and_ends_when_nothing_is_left() {
    let s = shop();
    let app = &s.o.t.app;
    // One save per asset: each leaves a small segment of its own in the trigram index.
    for i in 0..60 {
        let name = if i % 3 == 0 {
            "Portatile ThinkPad"
        } else {
            "Monitor Dell"
        };
        s.asset(&format!("NB-{i:05}"), name);
    }
    let answers = || -> Vec<(String, Vec<String>)> {
        ["portatile", "monitor", "NB-0003", "SN-NB-00042", "thinkpad"]
            .iter()
            .map(|text| {
                let q = AssetQuery {
                    search: Some((*text).into()),
                    ..query()
                };
                let tags = app.list_assets(&s.it, &q).unwrap().items;
                (
                    (*text).to_owned(),
                    tags.into_iter().map(|r| r.tag).collect(),
                )
            })
            .collect()
    };
    let index_rows = || s.o.t.count("SELECT count(*) FROM assets_fts_data");
    let before = (answers(), index_rows());
    assert_eq!(before.0[0].1.len(), 20);

    // Asked to stop before the first step: nothing is done.
    let none = app.store().tidy_search_indexes(&|| false).unwrap();
    assert_eq!((none.steps, none.stopped), (0, true));
    assert_eq!(index_rows(), before.1);

    let history = s.o.t.count("SELECT count(*) FROM changes");
    let done = app.store().tidy_search_indexes(&|| true).unwrap();
    assert!(!done.stopped);
    // The merge steps are upkeep, not changes: history has nothing new.
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), history);
    assert!(done.indexes >= 1, "{done:?}");
    assert!(index_rows() < before.1, "{} → {}", before.1, index_rows());
    assert_eq!(answers(), before.0);
    let raw = s.o.t.raw();
    raw.execute_batch("INSERT INTO assets_fts (assets_fts) VALUES ('integrity-check')")
        .unwrap();

    // Once merged, a second upkeep finds nothing to do: one step per index, each a no-op.
    let again = app.store().tidy_search_indexes(&|| true).unwrap();
    assert_eq!(again.indexes, 0, "{again:?}");
    let indexes: i64 = s.o.t.count(
        "SELECT count(*) FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'",
    );
    assert_eq!(again.steps as i64, indexes);
}
