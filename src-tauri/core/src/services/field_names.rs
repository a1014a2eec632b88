//! The names each area gives its fields in Italian and English, taken from the declarations its
//! import and export already use. The UI's form and history labels start from these (generated
//! into `ui/src/bindings/fieldNames.ts`), so a new field is named once, in Rust; a language file
//! only overrides a name where a screen wants other words.

use crate::import::Field;

/// Per table: its fields as the area declares them.
fn sources() -> Vec<(&'static str, Vec<&'static Field>)> {
    vec![(
        "employees",
        super::staff::fields::STAFF_FIELDS
            .iter()
            .map(|f| &f.field)
            .collect(),
    )]
}

/// `(column, it, en)` for every field of `fields`, under its own name and then under the other
/// names its problems and stored columns use (`department` is also `department_id`), unless a
/// field has that name of its own (`status` also reports `termination_date`'s problems).
fn names(fields: &[&'static Field]) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out: Vec<_> = fields.iter().map(|f| (f.key, f.it, f.en)).collect();
    for f in fields {
        for &k in f.also {
            if !out.iter().any(|(have, _, _)| *have == k) {
                out.push((k, f.it, f.en));
            }
        }
    }
    out
}

/// The generated TypeScript: one object per language, tables to columns to names.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the areas' field declarations (src-tauri/core/src/services/field_names.rs). Do not edit.\n",
    );
    for (constant, pick) in [("FIELD_NAMES_IT", 0_usize), ("FIELD_NAMES_EN", 1_usize)] {
        out.push_str(&format!("\nexport const {constant} = {{\n"));
        for (table, fields) in sources() {
            out.push_str(&format!("  {table}: {{\n"));
            for (key, it, en) in names(&fields) {
                let name = if pick == 0 { it } else { en };
                let quoted = serde_json::to_string(name).unwrap_or_default();
                out.push_str(&format!("    {key}: {quoted},\n"));
            }
            out.push_str("  },\n");
        }
        out.push_str("};\n");
    }
    out
}
