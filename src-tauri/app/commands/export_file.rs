//! What every list export's save dialog shares: the format's filter and a dated file name.

use crate::dialogs::Filter;
use backoffice_core::export::Format;

/// The format the UI asked for ("xlsx", anything else CSV) and the dialog's filter for it.
pub fn list_format(format: &str) -> (Format, Filter<'static>) {
    if format == "xlsx" {
        (
            Format::Xlsx,
            Filter {
                name: "Excel",
                extensions: &["xlsx"],
            },
        )
    } else {
        (
            Format::Csv,
            Filter {
                name: "CSV",
                extensions: &["csv"],
            },
        )
    }
}

/// `<stem>-YYYYMMDD-HHMM.<ext>`, the name the save dialog proposes.
pub fn list_file_name(stem: &str, format: Format) -> String {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M");
    format!("{stem}-{stamp}.{}", format.as_str())
}
