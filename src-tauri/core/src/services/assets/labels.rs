//! Asset labels: tag, name and a QR code of the tag, on a sheet of sticky labels, as a PDF.

use crate::domain::assets::labels::{LabelRequest, LabelSheetInfo};
use crate::domain::permissions::Action;
use crate::error::{Error, FieldError};
use crate::report::{render_labels, sheets, Label, LabelOptions, LabelSheet, LabelStats};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use std::path::Path;

/// Labels printed in one go at most: about 200 sheets.
pub const MAX_LABELS: usize = 5_000;

impl Backoffice {
    /// The sheet formats labels can be printed on.
    pub fn label_sheets(&self) -> Vec<LabelSheetInfo> {
        sheets()
            .iter()
            .map(|s| LabelSheetInfo {
                id: s.id.to_owned(),
                name: s.name.to_owned(),
                per_page: s.per_page() as i64,
            })
            .collect()
    }

    /// Writes the labels of the chosen assets, in tag order, to `path`; recorded as an export.
    pub fn export_asset_labels(
        &self,
        ctx: &Ctx,
        req: &LabelRequest,
        path: &Path,
    ) -> crate::Result<LabelStats> {
        let who = self.keeper(ctx, Action::Write)?;
        if req.asset_ids.is_empty() {
            return Err(Error::validation(vec![FieldError::new(
                "asset_ids",
                "required",
            )]));
        }
        if req.asset_ids.len() > MAX_LABELS {
            return Err(Error::validation(vec![FieldError::new(
                "asset_ids",
                "too_many",
            )
            .with("max", MAX_LABELS)]));
        }
        let sheet = LabelSheet::by_id(&req.sheet_id)?;
        let mut labels = self.store.read(|c| {
            let mut out = Vec::with_capacity(req.asset_ids.len());
            for id in &req.asset_ids {
                let a = super::visible_asset(c, &who, *id)?;
                out.push(Label {
                    qr: a.tag.clone(),
                    line2: a.serial.clone().or(a.location_path.clone()),
                    tag: a.tag,
                    name: a.name,
                });
            }
            Ok(out)
        })?;
        labels.sort_by(|a, b| a.tag.cmp(&b.tag));
        let options = LabelOptions {
            start_at: req.start_at.max(0) as usize,
            outlines: req.outlines,
        };
        let (staged, stats) =
            crate::files::stage(path, |w| render_labels(sheet, &labels, &options, w))?;
        let mut extra = serde_json::Map::new();
        extra.insert("pages".into(), stats.pages.into());
        let record = ExportRecord {
            kind: "asset_labels",
            format: "pdf",
            rows: labels.len() as u64,
            filter: serde_json::json!({ "sheet": sheet.id, "start_at": req.start_at }),
            path,
            extra,
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(stats)
    }
}
