//! Imports for every area through the one pipeline (`crate::import`): the person needs write
//! access to the importer's area, the file is pinned to what its preview read, and a commit is
//! all or nothing. The command layer names the area with an [`ImportArea`]; code and tests pass
//! the area's importer itself.

use super::assets::import::AssetImport;
use super::assets::licence_import::LicenceImport;
use super::assets::location_import::LocationImport;
use super::assets::user_import::ItUserImport;
use super::audits::checklist_import::ChecklistImport;
use super::departments::import::DepartmentImport;
use super::staff::import::StaffImport;
use super::{Backoffice, Ctx};
use crate::domain::permissions::Action;
use crate::error::{Error, FieldError};
use crate::import::{run, ChosenFile, ImportFile, Importer, Input};
use crate::import::{ImportOutcome, ImportPreview, ImportReport, Mapping};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The areas with an import, as the wizard names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportArea {
    Staff,
    Departments,
    /// A template's checklist; options `{"template_id": …}`.
    AuditChecklist,
    /// IT assets: our own columns, Snipe-IT or GLPI exports; options as `AssetImportOptions`.
    Assets,
    /// Software licences: our own columns or Snipe-IT's licences export; options as
    /// `LicenceImportOptions`.
    Licences,
    /// Places: a path or a name and its parent, or Snipe-IT's locations export.
    Locations,
    /// Snipe-IT's users, matched to employees; options as `ItUserImportOptions`.
    ItUsers,
}

/// Runs `$body` with `$i` bound to the importer of `$area`.
macro_rules! with_importer {
    ($area:expr, $i:ident => $body:expr) => {
        match $area {
            ImportArea::Staff => {
                let $i = &StaffImport;
                $body
            }
            ImportArea::Departments => {
                let $i = &DepartmentImport;
                $body
            }
            ImportArea::AuditChecklist => {
                let $i = &ChecklistImport;
                $body
            }
            ImportArea::Assets => {
                let $i = &AssetImport;
                $body
            }
            ImportArea::Licences => {
                let $i = &LicenceImport;
                $body
            }
            ImportArea::Locations => {
                let $i = &LocationImport;
                $body
            }
            ImportArea::ItUsers => {
                let $i = &ItUserImport;
                $body
            }
        }
    };
}

/// The person's options as the wizard sent them, read into the area's options type.
fn options_of<I: Importer>(options: &serde_json::Value) -> crate::Result<I::Options> {
    if options.is_null() {
        return Ok(I::Options::default());
    }
    I::Options::deserialize(options)
        .map_err(|_| Error::validation(vec![FieldError::new("options", "invalid")]))
}

impl Backoffice {
    /// Reads the file chosen in the open dialog once: the preview with a proposed column
    /// mapping, and the file pinned to the content just read, which the check and the commit
    /// read again and refuse if it changed.
    pub fn choose_import<I: Importer>(
        &self,
        ctx: &Ctx,
        importer: &I,
        path: &Path,
    ) -> crate::Result<(ChosenFile, ImportPreview)> {
        self.require(ctx, importer.area(), Action::Write)?;
        run::choose(importer, path)
    }

    /// [`Backoffice::choose_import`] without keeping the file.
    pub fn preview_import<I: Importer>(
        &self,
        ctx: &Ctx,
        importer: &I,
        path: &Path,
    ) -> crate::Result<ImportPreview> {
        self.choose_import(ctx, importer, path).map(|(_, p)| p)
    }

    /// Checks every row with the confirmed mapping and says what a commit would do. Writes
    /// nothing.
    pub fn validate_import<'a, I: Importer>(
        &self,
        ctx: &Ctx,
        importer: &I,
        file: impl Into<ImportFile<'a>>,
        mapping: &Mapping,
        options: &I::Options,
    ) -> crate::Result<ImportReport> {
        self.require(ctx, importer.area(), Action::Write)?;
        let table = file.into().read()?;
        let input = Input {
            table: &table,
            mapping,
            fields: importer.fields(),
            options,
            today: self.today(),
        };
        run::validate(&self.store, importer, input)
    }

    /// Imports the file in one transaction: every row or none. A chosen file whose content
    /// changed since it was chosen is refused before anything is written; any row error or a
    /// cancel from `progress(done, total)` returning false rolls everything back. Each created or
    /// updated record gets its history rows.
    pub fn commit_import<'a, I: Importer>(
        &self,
        ctx: &Ctx,
        importer: &I,
        file: impl Into<ImportFile<'a>>,
        mapping: &Mapping,
        options: &I::Options,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> crate::Result<ImportOutcome> {
        self.require(ctx, importer.area(), Action::Write)?;
        let table = file.into().read()?;
        let input = Input {
            table: &table,
            mapping,
            fields: importer.fields(),
            options,
            today: self.today(),
        };
        run::commit(&self.store, &ctx.actor, importer, input, progress)
    }

    /// Whether `ctx` may import into `area` (asked before the open dialog is shown).
    pub fn may_import(&self, ctx: &Ctx, area: ImportArea) -> crate::Result<()> {
        with_importer!(area, i => self.require(ctx, i.area(), Action::Write))
    }

    /// [`Backoffice::choose_import`] for the area the wizard names.
    pub fn choose_import_in(
        &self,
        ctx: &Ctx,
        area: ImportArea,
        path: &Path,
    ) -> crate::Result<(ChosenFile, ImportPreview)> {
        with_importer!(area, i => self.choose_import(ctx, i, path))
    }

    /// [`Backoffice::validate_import`] for the area the wizard names, its options as sent.
    pub fn validate_import_in(
        &self,
        ctx: &Ctx,
        area: ImportArea,
        file: &ChosenFile,
        mapping: &Mapping,
        options: &serde_json::Value,
    ) -> crate::Result<ImportReport> {
        with_importer!(area, i => {
            let options = options_of_importer(i, options)?;
            self.validate_import(ctx, i, file, mapping, &options)
        })
    }

    /// [`Backoffice::commit_import`] for the area the wizard names, its options as sent.
    pub fn commit_import_in(
        &self,
        ctx: &Ctx,
        area: ImportArea,
        file: &ChosenFile,
        mapping: &Mapping,
        options: &serde_json::Value,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> crate::Result<ImportOutcome> {
        with_importer!(area, i => {
            let options = options_of_importer(i, options)?;
            self.commit_import(ctx, i, file, mapping, &options, progress)
        })
    }
}

/// [`options_of`] with the importer's type taken from a value.
fn options_of_importer<I: Importer>(
    _: &I,
    options: &serde_json::Value,
) -> crate::Result<I::Options> {
    options_of::<I>(options)
}
