//! Upkeep the app does beside the UI once it is open.

use super::backups::system_ctx;
use super::Backoffice;
use crate::domain::permissions::{Action, Area};
use std::sync::Arc;
use std::time::Duration;

/// How long after opening the upkeep waits: the first screens and the first searches of a
/// start are not slowed by it.
const UPKEEP_DELAY: Duration = Duration::from_secs(30);

/// How long after a sign-in the scores are refreshed: home has been shown and saved what it
/// saves by then.
const SCORES_DELAY: Duration = Duration::from_secs(5);

/// The pause before each merge step.
const STEP_PAUSE: Duration = Duration::from_millis(5);

impl Backoffice {
    /// Merges the search indexes' segments on a thread of its own, once the start is over
    /// (see [`crate::store::upkeep`]). Each step is a short write, so saves go on between them.
    pub fn tidy_search_indexes_in_background(self: &Arc<Self>) {
        let app = Arc::clone(self);
        let _ = std::thread::Builder::new()
            .name("index-upkeep".into())
            .spawn(move || {
                std::thread::sleep(UPKEEP_DELAY);
                // A failed step leaves the index as it was, still correct, only slower to read.
                // The pause between steps lets a save waiting for the writer take it first.
                let _ = app.store.tidy_search_indexes(&|| {
                    std::thread::sleep(STEP_PAUSE);
                    true
                });
            });
    }

    /// Brings the staff's completeness scores up to today on a thread of its own, a while after
    /// a sign-in (the app calls it then), for a person who may read the staff. The first staff
    /// screen of a day otherwise waits for every score the calendar moved: on the benchmark's
    /// 100,000 people the first click on Staff took 4.8 s where the next ones took 10–20 ms.
    /// Started at once, the refresh held the writer while home saved the session's language,
    /// and home came 4.6 s after the click instead of 0.3 s, hence the pause. A staff screen
    /// opened while it runs waits only for the rest of it.
    pub fn refresh_staff_scores_in_background(self: &Arc<Self>) {
        let app = Arc::clone(self);
        let _ = std::thread::Builder::new()
            .name("staff-scores".into())
            .spawn(move || {
                std::thread::sleep(SCORES_DELAY);
                let Ok(ctx) = app.current() else {
                    return;
                };
                if ctx.can(Area::Staff, Action::Read) {
                    // A failure leaves the scores stale; the next staff screen refreshes them.
                    let _ = app.refresh_scores_if_stale(&system_ctx());
                }
            });
    }
}
