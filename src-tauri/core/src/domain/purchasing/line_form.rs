//! What every purchase document checks alike on its lines (orders, requisitions, invoices
//! entered by hand): that there are some and not too many, and each line's texts.

use crate::domain::text::Checks;
use crate::error::FieldError;

/// `lines` required, and at most `max` of them.
pub fn check_line_count(c: &mut Checks, count: usize, max: usize) {
    if count == 0 {
        c.add(FieldError::new("lines", "required"));
    }
    if count > max {
        c.add(FieldError::new("lines", "too_many").with("max", max));
    }
}

/// Line `i`'s texts as checked: item code, description, unit (none when empty), each error
/// named by its field (`lines.2.description`).
pub fn line_texts(
    c: &mut Checks,
    i: usize,
    item_code: &Option<String>,
    description: &str,
    unit: &Option<String>,
) -> (Option<String>, String, Option<String>) {
    let p = format!("lines.{i}.");
    let description = c.required_text(&format!("{p}description"), description, 1000);
    let item_code = c.optional(&format!("{p}item_code"), item_code, 60);
    let unit = c.optional(&format!("{p}unit"), unit, 20);
    (item_code, description, unit)
}

/// The unit a line takes when none is given: pieces.
pub fn unit_or_pieces(unit: Option<String>) -> String {
    unit.unwrap_or_else(|| "pz".to_owned())
}
