use crate::support::app;
use backoffice_core::domain::organisation::OrganisationInput;
use backoffice_core::ErrorCode;

pub fn input() -> OrganisationInput {
    OrganisationInput {
        name: "Rossi Forniture S.r.l.".into(),
        vat_number: Some("IT00488410010".into()),
        street: Some("Via Torino 12".into()),
        postal_code: Some("20123".into()),
        city: Some("Milano".into()),
        province: Some("MI".into()),
        country: "IT".into(),
        currency: "EUR".into(),
        locale: "it".into(),
        auto_lock_minutes: 15,
        version: 0,
    }
}

#[test]
fn starts_unset_then_saves_with_history() {
    let t = app();
    let o = t.app.organisation(&t.ctx).unwrap();
    assert!(!o.is_set());
    assert_eq!(o.currency, "EUR");
    let saved = t.app.save_organisation(&t.ctx, &input()).unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(saved.vat_number.as_deref(), Some("00488410010"));
    let mut next = input();
    next.version = 1;
    next.city = Some("Monza".into());
    next.province = Some("MB".into());
    let saved = t.app.save_organisation(&t.ctx, &next).unwrap();
    assert_eq!((saved.version, saved.city.as_deref()), (2, Some("Monza")));
    assert_eq!(t.count("changes"), 2);
}

#[test]
fn invalid_vat_number_changes_nothing() {
    let t = app();
    t.app.save_organisation(&t.ctx, &input()).unwrap();
    let mut bad = input();
    bad.version = 1;
    bad.vat_number = Some("00488410011".into());
    let e = t.app.save_organisation(&t.ctx, &bad).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "vat_number");
    assert_eq!(
        t.app.organisation(&t.ctx).unwrap().vat_number.as_deref(),
        Some("00488410010")
    );
    assert_eq!(t.count("changes"), 1);
}

#[test]
fn stale_form_is_a_conflict() {
    let t = app();
    t.app.save_organisation(&t.ctx, &input()).unwrap();
    let e = t.app.save_organisation(&t.ctx, &input()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
}

#[test]
fn language_preference_is_per_person_and_validated() {
    let t = app();
    assert_eq!(t.app.preferences(&t.ctx).unwrap().language, None);
    t.app.set_language(&t.ctx, "en").unwrap();
    assert_eq!(
        t.app.preferences(&t.ctx).unwrap().language.as_deref(),
        Some("en")
    );
    let other = crate::support::admin("lbianchi");
    assert_eq!(t.app.preferences(&other).unwrap().language, None);
    let e = t.app.set_language(&t.ctx, "xx").unwrap_err();
    assert_eq!(e.fields[0].code, "invalid_language");
    assert_eq!(
        t.app.preferences(&t.ctx).unwrap().language.as_deref(),
        Some("en")
    );
}
