use crate::support::{installed, ADMIN_PASSWORD};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::users::{NewUserInput, SetupInput, UserUpdateInput};
use backoffice_core::ErrorCode;

#[test]
fn setup_creates_organisation_and_admin_once() {
    let t = installed();
    let users = t.app.list_users(&t.admin).unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].roles, vec![Role::Admin]);
    assert!(t.app.organisation(&t.admin).unwrap().is_set());
    let stored: String = t
        .raw()
        .query_row("SELECT password_hash FROM users", [], |r| r.get(0))
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
    assert!(!stored.contains(ADMIN_PASSWORD));
    let again = t
        .app
        .setup(&SetupInput {
            organisation: crate::organisation::input(),
            admin: NewUserInput {
                username: "other".into(),
                full_name: "Other".into(),
                password: "another-long-password".into(),
                roles: vec![],
            },
        })
        .unwrap_err();
    assert_eq!(again.code, ErrorCode::AlreadySetUp);
    assert_eq!(t.count("SELECT count(*) FROM users"), 1);
}

#[test]
fn setup_reports_both_forms_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app =
        backoffice_core::services::Backoffice::open(dir.path(), crate::support::stepping_clock())
            .unwrap();
    let mut org = crate::organisation::input();
    org.vat_number = Some("12345678901".into());
    let e = app
        .setup(&SetupInput {
            organisation: org,
            admin: NewUserInput {
                username: "admin".into(),
                full_name: "A".into(),
                password: "short".into(),
                roles: vec![],
            },
        })
        .unwrap_err();
    let fields: Vec<_> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("organisation.vat_number", "invalid_vat"),
            ("admin.password", "password_too_short")
        ]
    );
    assert!(app.needs_setup().unwrap());
    let changes: i64 = app
        .store()
        .read(|c| Ok(c.query_row("SELECT count(*) FROM changes", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(changes, 0);
}

#[test]
fn wrong_password_and_unknown_user_get_the_same_answer() {
    let t = installed();
    let a = t.app.sign_in("admin", "wrong-password").unwrap_err();
    let b = t.app.sign_in("nobody", "wrong-password").unwrap_err();
    assert_eq!(
        (a.code, b.code),
        (ErrorCode::SignInFailed, ErrorCode::SignInFailed)
    );
    assert_eq!(a.message, b.message);
    let s = t.app.sign_in(" ADMIN ", ADMIN_PASSWORD).unwrap();
    assert_eq!(s.user.username, "admin");
}

#[test]
fn five_failures_impose_a_growing_wait() {
    let t = installed();
    for _ in 0..4 {
        assert_eq!(
            t.app.sign_in("admin", "nope").unwrap_err().code,
            ErrorCode::SignInFailed
        );
    }
    let fifth = t.app.sign_in("admin", "nope").unwrap_err();
    assert_eq!(fifth.code, ErrorCode::SignInBlocked);
    assert_eq!(fifth.params["seconds"], "30");
    // While waiting, even the right password is refused, and the wait is shown.
    t.clock.advance(10);
    let waiting = t.app.sign_in("admin", ADMIN_PASSWORD).unwrap_err();
    assert_eq!(
        (waiting.code, waiting.params["seconds"].as_str()),
        (ErrorCode::SignInBlocked, "20")
    );
    t.clock.advance(21);
    let sixth = t.app.sign_in("admin", "nope").unwrap_err();
    assert_eq!(sixth.params["seconds"], "60");
    t.clock.advance(61);
    t.app.sign_in("admin", ADMIN_PASSWORD).unwrap();
    // Success resets the count.
    assert_eq!(
        t.app.sign_in("admin", "nope").unwrap_err().code,
        ErrorCode::SignInFailed
    );
    assert_eq!(
        t.count("SELECT count(*) FROM changes WHERE after LIKE '%sign_in_failed%'"),
        7
    );
}

#[test]
fn a_disabled_user_cannot_sign_in() {
    let t = installed();
    let hr = t.user("giulia", &[Role::Hr]);
    t.app.sign_in("giulia", "giulia-password").unwrap();
    let u = t.app.user(&t.admin, hr.user_id).unwrap();
    t.app
        .update_user(
            &t.admin,
            u.id,
            u.version,
            &UserUpdateInput {
                full_name: u.full_name,
                roles: u.roles,
                active: false,
                employee_id: None,
            },
        )
        .unwrap();
    assert_eq!(
        t.app.sign_in("giulia", "giulia-password").unwrap_err().code,
        ErrorCode::SignInFailed
    );
}

#[test]
fn the_last_active_admin_can_be_neither_disabled_nor_demoted() {
    let t = installed();
    let me = t.app.user(&t.admin, t.admin.user_id).unwrap();
    let demote = UserUpdateInput {
        full_name: me.full_name.clone(),
        roles: vec![Role::Hr],
        active: true,
        employee_id: None,
    };
    let e = t
        .app
        .update_user(&t.admin, me.id, me.version, &demote)
        .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("roles", "last_admin")
    );
    let disable = UserUpdateInput {
        full_name: me.full_name.clone(),
        roles: vec![Role::Admin],
        active: false,
        employee_id: None,
    };
    let e = t
        .app
        .update_user(&t.admin, me.id, me.version, &disable)
        .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("active", "last_admin")
    );
    // With a second administrator, the first may step down.
    t.user("second", &[Role::Admin]);
    t.app
        .update_user(&t.admin, me.id, me.version, &demote)
        .unwrap();
}

#[test]
fn own_password_change_needs_the_old_one() {
    let t = installed();
    let e = t
        .app
        .change_own_password(&t.admin, "wrong-old-pw", "nuova-password-lunga")
        .unwrap_err();
    assert_eq!(e.fields[0].code, "wrong_password");
    let e = t
        .app
        .change_own_password(&t.admin, ADMIN_PASSWORD, "corta")
        .unwrap_err();
    assert_eq!(e.fields[0].code, "password_too_short");
    t.app
        .change_own_password(&t.admin, ADMIN_PASSWORD, "nuova-password-lunga")
        .unwrap();
    assert_eq!(
        t.app.sign_in("admin", ADMIN_PASSWORD).unwrap_err().code,
        ErrorCode::SignInFailed
    );
    t.app.sign_in("admin", "nuova-password-lunga").unwrap();
}

#[test]
fn admin_reset_forces_a_change() {
    let t = installed();
    let hr = t.user("giulia", &[Role::Hr]);
    let u = t
        .app
        .reset_password(&t.admin, hr.user_id, "temporanea-123")
        .unwrap();
    assert!(u.must_change_password);
    let s = t.app.sign_in("giulia", "temporanea-123").unwrap();
    assert!(s.user.must_change_password);
    let me = backoffice_core::services::Ctx::new(s.user.id, "giulia", vec![Role::Hr]);
    assert!(
        !t.app
            .change_own_password(&me, "temporanea-123", "la-mia-password")
            .unwrap()
            .must_change_password
    );
}

#[test]
fn an_idle_session_locks_and_the_password_unlocks_it() {
    let t = installed();
    t.app.sign_in("admin", ADMIN_PASSWORD).unwrap();
    assert_eq!(t.app.current().unwrap().actor, "admin");
    t.clock.advance(15 * 60 - 1);
    t.app.sessions().touch().unwrap();
    t.clock.advance(15 * 60);
    assert!(t.app.current().is_ok());
    t.clock.advance(1);
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::SessionLocked);
    assert_eq!(
        t.app.unlock("wrong").unwrap_err().code,
        ErrorCode::SignInFailed
    );
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::SessionLocked);
    t.app.unlock(ADMIN_PASSWORD).unwrap();
    assert!(t.app.current().is_ok());
    t.app.sign_out().unwrap();
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::NotSignedIn);
}

#[test]
fn the_idle_limit_follows_the_setting_or_its_override() {
    let t = installed();
    t.app.set_auto_lock_override(3);
    let s = t.app.sign_in("admin", ADMIN_PASSWORD).unwrap();
    assert_eq!(s.auto_lock_seconds, 3);
    t.clock.advance(4);
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::SessionLocked);
}

#[test]
fn a_disabled_account_loses_its_open_session() {
    let t = installed();
    let hr = t.user("giulia", &[Role::Hr]);
    t.app.sign_in("giulia", "giulia-password").unwrap();
    let u = t.app.user(&t.admin, hr.user_id).unwrap();
    t.app
        .update_user(
            &t.admin,
            u.id,
            u.version,
            &UserUpdateInput {
                full_name: u.full_name,
                roles: u.roles,
                active: false,
                employee_id: None,
            },
        )
        .unwrap();
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::NotSignedIn);
}

#[test]
fn history_names_the_person_and_opening_an_account_is_recorded() {
    let t = installed();
    let hr = t.user("giulia", &[Role::Hr]);
    t.app
        .create_department(&hr, &crate::departments::input("Risorse Umane"))
        .unwrap();
    let actor: String = t
        .raw()
        .query_row(
            "SELECT actor FROM changes WHERE entity = 'departments'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, "giulia");
    t.app.user(&t.admin, hr.user_id).unwrap();
    let reads = t.count(
        "SELECT count(*) FROM changes WHERE op = 'read' AND entity = 'users' AND actor = 'admin'",
    );
    assert_eq!(reads, 1);
    assert!(t.app.verify_history(&t.admin, &mut |_| true).unwrap().ok);
}

#[test]
fn a_temporary_password_allows_nothing_but_changing_it() {
    let t = installed();
    let hr = t.user("giulia", &[Role::Hr]);
    t.app
        .reset_password(&t.admin, hr.user_id, "temporanea-123")
        .unwrap();
    t.app.sign_in("giulia", "temporanea-123").unwrap();
    assert_eq!(
        t.app.current().unwrap_err().code,
        ErrorCode::PasswordChangeRequired
    );
    let ctx = t.app.current_allowing_password_change().unwrap();
    t.app
        .change_own_password(&ctx, "temporanea-123", "la-mia-password")
        .unwrap();
    assert_eq!(t.app.current().unwrap().actor, "giulia");
}
