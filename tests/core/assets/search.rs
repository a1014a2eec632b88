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
