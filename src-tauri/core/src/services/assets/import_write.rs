//! Writing an asset file's checked rows inside the import's one transaction, through the same
//! store functions as the forms, so history records every asset, check-in and check-out.

use super::import_check::AssetRow;
use crate::domain::assets::checkout::ValidCheckout;
use crate::error::Error;
use crate::import::{Change, Progress, RowWriter};
use crate::store::assets::{asset, checkouts};
use crate::store::WriteTx;

/// The note on a check-out an import made, and on the one it closed to make it.
const IMPORT_NOTE: &str = "Import";

pub(super) struct AssetWriter<'w, 'c> {
    w: &'w WriteTx<'c>,
}

impl<'w, 'c> AssetWriter<'w, 'c> {
    pub(super) fn new(w: &'w WriteTx<'c>) -> Self {
        AssetWriter { w }
    }
}

impl RowWriter<AssetRow> for AssetWriter<'_, '_> {
    fn write(
        &mut self,
        change: Change,
        row: AssetRow,
        progress: &mut Progress,
    ) -> crate::Result<()> {
        let w = self.w;
        let id = match (change, row.id) {
            (Change::Create, None) => asset::insert(w, &row.valid)?,
            (Change::Update, Some(id)) => {
                if row.changed {
                    asset::update(w, id, &row.valid)?;
                }
                id
            }
            _ => return Err(Error::internal("asset import: a row without its asset")),
        };
        if let Some(m) = row.holder {
            let note = Some(IMPORT_NOTE.to_owned());
            if let Some(open) = m.close {
                checkouts::close(w, open, m.on, &None, &note)?;
            }
            let out = ValidCheckout {
                employee_id: Some(m.employee),
                location_id: None,
                out_on: m.on,
                expected_return: None,
                condition: None,
                note,
            };
            checkouts::insert(w, id, &out)?;
            asset::set_holder(w, id, Some(m.employee), None, row.valid.status)?;
        }
        progress.step()
    }

    fn finish(self: Box<Self>, _: &mut Progress) -> crate::Result<()> {
        Ok(())
    }
}
