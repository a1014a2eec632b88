//! Quantities with up to three decimals (1,5 kg; 0,250 m), held as thousandths.

use super::decimal::{format_scaled, parse_scaled, NumberLocale};
use crate::error::FieldError;

/// Thousandths in one unit: a quantity of 1,5 is 1500.
pub const QTY_SCALE: i64 = 1000;
/// Decimals a quantity keeps.
pub const QTY_DECIMALS: u32 = 3;

/// Reads a typed quantity ("1,5", "1.500", "2") into thousandths; the error names `field`.
pub fn parse_quantity(field: &str, input: &str, locale: NumberLocale) -> Result<i64, FieldError> {
    parse_scaled(input, QTY_DECIMALS, locale).map_err(|e| {
        let err = FieldError::new(field, e.code());
        if e.code() == "too_many_decimals" {
            err.with("max", QTY_DECIMALS)
        } else {
            err
        }
    })
}

/// Thousandths as a person reads them: no trailing zeros ("1,5", "2", "0,125").
pub fn format_quantity(thousandths: i64, locale: NumberLocale) -> String {
    format_scaled(thousandths, QTY_DECIMALS, 0, locale)
}

/// An ordered or received quantity must be above zero (a return is a reversal, not a negative
/// line).
pub fn check_positive(field: &str, thousandths: i64) -> Option<FieldError> {
    if thousandths < 0 {
        Some(FieldError::new(field, "negative"))
    } else if thousandths == 0 {
        Some(FieldError::new(field, "must_be_positive"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberLocale::{En, It};

    #[test]
    fn parses_and_formats_in_both_locales() {
        assert_eq!(parse_quantity("q", "1,5", It), Ok(1500));
        assert_eq!(parse_quantity("q", "1.500", It), Ok(1_500_000));
        assert_eq!(parse_quantity("q", "1.500", En), Ok(1500));
        assert_eq!(parse_quantity("q", "0,125", It), Ok(125));
        assert_eq!(format_quantity(1500, It), "1,5");
        assert_eq!(format_quantity(1500, En), "1.5");
        assert_eq!(format_quantity(2_000_000, It), "2.000");
        assert_eq!(format_quantity(125, En), "0.125");
    }

    #[test]
    fn refuses_a_fourth_decimal_and_non_numbers() {
        let e = parse_quantity("lines.0.quantity", "1,2345", It).unwrap_err();
        assert_eq!(e.field, "lines.0.quantity");
        assert_eq!(e.code, "too_many_decimals");
        assert_eq!(e.params.get("max").map(String::as_str), Some("3"));
        assert_eq!(
            parse_quantity("q", "due", It).unwrap_err().code,
            "invalid_number"
        );
        assert_eq!(parse_quantity("q", "", It).unwrap_err().code, "required");
    }

    #[test]
    fn a_line_quantity_is_positive() {
        assert_eq!(
            check_positive("q", -1).map(|e| e.code),
            Some("negative".into())
        );
        assert_eq!(
            check_positive("q", 0).map(|e| e.code),
            Some("must_be_positive".into())
        );
        assert_eq!(check_positive("q", 1), None);
    }
}
