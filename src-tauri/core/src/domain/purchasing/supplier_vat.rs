//! A supplier's VAT number: Italian ones have their check digit verified; foreign ones keep
//! their country prefix and are accepted as written (no offline check exists for them).

use crate::domain::vat::normalise_partita_iva;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SupplierVat {
    /// Two-letter country: `IT`, `DE`, `CH`…
    pub country: String,
    /// As stored and searched: 11 digits for Italy, the prefixed compact form otherwise
    /// (`DE123456789`, `CHE123456789`).
    pub number: String,
    /// The check digit was verified (Italian numbers only).
    pub checked: bool,
}

/// Normalises a typed VAT number: upper case, without spaces, dots, dashes or slashes. Eleven
/// bare digits or an `IT` prefix is Italian and must pass its check digit (`invalid_vat`);
/// two letters then 2 to 13 letters or digits is foreign (`CHE-123.456.789` is Swiss, `EL`
/// Greek); anything else is `invalid_foreign_vat`.
pub fn normalise_supplier_vat(field: &str, input: &str) -> Result<SupplierVat, FieldError> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/' | '_'))
        .flat_map(char::to_uppercase)
        .collect();
    if compact.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let italian = compact.bytes().all(|b| b.is_ascii_digit()) || compact.starts_with("IT");
    if italian {
        return normalise_partita_iva(&compact)
            .map(|number| SupplierVat {
                country: "IT".into(),
                number,
                checked: true,
            })
            .ok_or_else(|| FieldError::new(field, "invalid_vat"));
    }
    let (prefix, rest) = compact.split_at(compact.len().min(2));
    let shape_ok = prefix.len() == 2
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && (2..=13).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        && rest.bytes().any(|b| b.is_ascii_digit());
    if !shape_ok {
        return Err(FieldError::new(field, "invalid_foreign_vat"));
    }
    Ok(SupplierVat {
        country: prefix.to_owned(),
        number: compact,
        checked: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> SupplierVat {
        normalise_supplier_vat("vat_number", s).unwrap()
    }

    fn code(s: &str) -> String {
        normalise_supplier_vat("vat_number", s).unwrap_err().code
    }

    #[test]
    fn italian_numbers_are_checked() {
        assert_eq!(
            ok("00488410010"),
            SupplierVat {
                country: "IT".into(),
                number: "00488410010".into(),
                checked: true
            }
        );
        assert_eq!(ok("it 004.884.100-10").number, "00488410010");
        assert_eq!(code("00488410011"), "invalid_vat");
        assert_eq!(code("IT123"), "invalid_vat");
        assert_eq!(code("12345"), "invalid_vat");
    }

    #[test]
    fn foreign_numbers_keep_their_prefix_unchecked() {
        assert_eq!(
            ok("DE 123 456 789"),
            SupplierVat {
                country: "DE".into(),
                number: "DE123456789".into(),
                checked: false
            }
        );
        assert_eq!(ok("FRXX999999999").number, "FRXX999999999");
        let ch = ok("CHE-123.456.789");
        assert_eq!(
            (ch.country.as_str(), ch.number.as_str()),
            ("CH", "CHE123456789")
        );
        assert_eq!(ok("el094259216").number, "EL094259216");
        assert_eq!(ok("ATU12345678").country, "AT");
    }

    #[test]
    fn other_shapes_are_refused() {
        assert_eq!(code(""), "required");
        assert_eq!(code(" - "), "required");
        assert_eq!(code("D1234"), "invalid_foreign_vat");
        assert_eq!(code("DE1"), "invalid_foreign_vat");
        assert_eq!(code("DEABCDEF"), "invalid_foreign_vat");
        assert_eq!(code("DE12345678901234"), "invalid_foreign_vat");
        assert_eq!(code("DE12#45"), "invalid_foreign_vat");
    }
}
