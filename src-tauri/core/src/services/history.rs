use super::Backoffice;
use crate::domain::history::{Change, HistoryQuery, HistoryStatus, VerifyReport};
use crate::domain::page::Page;
use crate::store::history;

impl Backoffice {
    pub fn history(&self, q: &HistoryQuery) -> crate::Result<Page<Change>> {
        self.store.read(|c| history::list(c, q))
    }

    pub fn history_status(&self) -> crate::Result<HistoryStatus> {
        self.store.read(history::status)
    }

    /// Recomputes the chain and checks every tracked row. `progress` may cancel by returning false.
    pub fn verify_history(
        &self,
        progress: &mut dyn FnMut(i64) -> bool,
    ) -> crate::Result<VerifyReport> {
        let now = self.store.now();
        self.store.read(|c| history::verify(c, now, progress))
    }
}
