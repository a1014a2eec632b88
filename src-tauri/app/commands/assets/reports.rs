//! The IT reports and the CSV/Excel exports of the IT lists, each file through the save dialog.

use crate::commands::export_file::{list_file_name, list_format};
use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::consumable::ConsumableQuery;
use backoffice_core::domain::assets::licence::LicenceQuery;
use backoffice_core::domain::assets::maintenance::PlanQuery;
use backoffice_core::domain::assets::report::{Expiring, Grouping, ReportGroup, TcoQuery, TcoRow};
use backoffice_core::domain::page::Page;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::export::Format;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Error;
use chrono::NaiveDate;
use std::path::Path;
use tauri::{State, WebviewWindow};

use super::outputs::SavedList;

#[tauri::command]
pub async fn asset_report(
    state: State<'_, AppState>,
    by: Grouping,
) -> Result<Vec<ReportGroup>, Error> {
    run(&state, move |app, ctx| app.asset_report(ctx, by)).await
}

#[tauri::command]
pub async fn asset_tco(state: State<'_, AppState>, query: TcoQuery) -> Result<Page<TcoRow>, Error> {
    run(&state, move |app, ctx| app.asset_tco(ctx, &query)).await
}

#[tauri::command]
pub async fn it_expiring(state: State<'_, AppState>, days: i64) -> Result<Expiring, Error> {
    run(&state, move |app, ctx| app.it_expiring(ctx, days)).await
}

/// Asks where to save (named `stem` in the language's words), then writes the file there.
async fn save_list(
    window: WebviewWindow,
    state: State<'_, AppState>,
    stems: (&str, &str),
    format: String,
    language: String,
    title: String,
    write: impl FnOnce(&Backoffice, &Ctx, &Path, &str, Format) -> backoffice_core::Result<u64>
        + Send
        + 'static,
) -> Result<SavedList, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Assets, Action::Export)
    })
    .await?;
    let (format, filter) = list_format(&format);
    let stem = if language == "it" { stems.0 } else { stems.1 };
    let name = list_file_name(stem, format);
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        write(app, ctx, &path, &language, format)
    })
    .await?;
    Ok(SavedList { path: shown, rows })
}

/// An export command of an IT list: its own arguments, the file's names in Italian and English,
/// and the service call writing the file; the format, language and dialog title come last, as
/// every list export takes them.
macro_rules! list_export {
    ($name:ident, $stems:expr, ($($arg:ident: $ty:ty),*), |$app:ident, $ctx:ident, $p:ident, $l:ident, $f:ident| $call:expr) => {
        #[tauri::command]
        pub async fn $name(
            window: WebviewWindow,
            state: State<'_, AppState>,
            $($arg: $ty,)*
            format: String,
            language: String,
            title: String,
        ) -> Result<SavedList, Error> {
            save_list(window, state, $stems, format, language, title, move |$app, $ctx, $p, $l, $f| {
                $call
            })
            .await
        }
    };
}

list_export!(
    export_asset_report,
    ("beni-it-per-gruppo", "it-assets-by-group"),
    (by: Grouping),
    |app, ctx, p, l, f| app.export_asset_report(ctx, by, p, l, f)
);

list_export!(
    export_book_values,
    ("valori-contabili", "book-values"),
    (at: Option<NaiveDate>),
    |app, ctx, p, l, f| app.export_book_values(ctx, at, p, l, f)
);

list_export!(
    export_tco,
    ("costo-totale-di-possesso", "total-cost-of-ownership"),
    (query: TcoQuery),
    |app, ctx, p, l, f| app.export_tco(ctx, &query, p, l, f)
);

list_export!(
    export_licences,
    ("licenze", "licences"),
    (query: LicenceQuery),
    |app, ctx, p, l, f| app.export_licences(ctx, &query, p, l, f)
);

list_export!(
    export_consumables,
    ("materiale-di-consumo", "consumables"),
    (query: ConsumableQuery),
    |app, ctx, p, l, f| app.export_consumables(ctx, &query, p, l, f)
);

list_export!(
    export_maintenance_plans,
    ("piani-di-manutenzione", "maintenance-plans"),
    (query: PlanQuery),
    |app, ctx, p, l, f| app.export_maintenance_plans(ctx, &query, p, l, f)
);

list_export!(
    export_maintenance_log,
    ("registro-interventi", "work-log"),
    (from: NaiveDate, to: NaiveDate),
    |app, ctx, p, l, f| app.export_maintenance_log(ctx, from, to, p, l, f)
);
