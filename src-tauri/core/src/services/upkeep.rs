//! Upkeep the app does beside the UI once it is open.

use super::Backoffice;
use std::sync::Arc;
use std::time::Duration;

/// How long after opening the upkeep waits: the first screens and the first searches of a
/// start are not slowed by it.
const UPKEEP_DELAY: Duration = Duration::from_secs(30);

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
}
