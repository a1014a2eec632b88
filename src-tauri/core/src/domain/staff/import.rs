//! The staff import's own choices; the preview, the report and the outcome are the import
//! pipeline's (`crate::import::report`), the same for every area.

use serde::{Deserialize, Serialize};

/// One column holding surname and first name: it stands for both when mapped.
pub const FULL_NAME: &str = "full_name";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Create the departments the file names that do not exist yet (otherwise each such row is
    /// an error).
    #[serde(default)]
    pub create_missing_departments: bool,
    /// Write names and birth places that the file has all in capitals (as payroll programs
    /// print them) with capital initials: "DELL'ACQUA" → "Dell'Acqua".
    #[serde(default)]
    pub capitalise_names: bool,
}
