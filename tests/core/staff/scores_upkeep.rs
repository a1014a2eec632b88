//! After a sign-in the app brings the staff's scores up to today beside the UI, so the first
//! staff screen of a day finds them current.

use crate::support::{installed, ADMIN_PASSWORD};
use backoffice_core::store::staff::scores;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[test]
fn the_scores_of_a_new_day_are_refreshed_in_the_background_after_a_sign_in() {
    let t = installed();
    t.app
        .create_employee(&t.admin, &crate::staff::mario())
        .unwrap();
    let (app, clock) = (Arc::new(t.app), t.clock);
    let stale = || {
        let today = app.today();
        app.store().read(|c| scores::is_stale(c, today)).unwrap()
    };
    // A listing brings them to today; the next day they are stale.
    app.list_staff(&t.admin, &crate::staff::query()).unwrap();
    assert!(!stale());
    clock.advance(24 * 3600);
    assert!(stale());
    // The next morning's sign-in, as the app's sign-in command follows it.
    app.sign_out().unwrap();
    app.sign_in("admin", ADMIN_PASSWORD).unwrap();

    app.refresh_staff_scores_in_background();
    let started = Instant::now();
    while stale() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the scores were not refreshed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // Not before the pause that lets home save what it saves after the sign-in.
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}
