//! The identifiers on a supplier's card: VAT number (Italian checked, foreign kept), tax code,
//! SdI recipient code.

use crate::domain::codice_fiscale;
use crate::domain::vat::normalise_partita_iva;

/// Why a VAT number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VatProblem {
    /// An Italian number whose shape or check digit is wrong.
    ItalianCheck,
    /// Not a country prefix followed by 2 to 13 letters or digits.
    Shape,
}

/// A VAT number as stored: the country prefix and the code, upper case, without spaces, dots or
/// dashes (`IT00488410010`, `DE123456789`, `CHE123456789`). Eleven bare digits, or an `IT`
/// prefix, is an Italian Partita IVA and must pass its check digit; another country's number is
/// accepted as typed (we know no offline check for it). A bare number of another shape is taken
/// to be of `country` when that is not Italy.
pub fn normalise_vat(input: &str, country: &str) -> Result<String, VatProblem> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '/'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let has_prefix =
        compact.len() >= 2 && compact.as_bytes()[..2].iter().all(u8::is_ascii_uppercase);
    let italian =
        compact.starts_with("IT") || (!has_prefix && (country == "IT" || compact.len() == 11));
    if italian {
        return normalise_partita_iva(&compact)
            .map(|d| format!("IT{d}"))
            .ok_or(VatProblem::ItalianCheck);
    }
    let full = if has_prefix {
        compact
    } else {
        format!("{country}{compact}")
    };
    let code = &full[2.min(full.len())..];
    if full.len() < 4 || code.len() > 13 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(VatProblem::Shape);
    }
    Ok(full)
}

/// An Italian tax code of a company (11 digits, the same check as the Partita IVA) or of a
/// person (16 characters, e.g. a sole trader), normalised; `None` when neither checks.
pub fn normalise_fiscal_code(input: &str) -> Option<String> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == 11 && compact.bytes().all(|b| b.is_ascii_digit()) {
        return normalise_partita_iva(&compact);
    }
    codice_fiscale::normalise(&compact)
}

/// The SdI recipient code: 7 letters or digits for companies, 6 for public offices (the
/// "codice univoco ufficio"); upper case.
pub fn normalise_sdi_code(input: &str) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    (matches!(code.len(), 6 | 7) && code.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_numbers_are_checked_with_or_without_prefix() {
        assert_eq!(
            normalise_vat("00488410010", "IT").as_deref(),
            Ok("IT00488410010")
        );
        assert_eq!(
            normalise_vat("it 004 884 100 10", "DE").as_deref(),
            Ok("IT00488410010")
        );
        assert_eq!(
            normalise_vat("00488410011", "IT"),
            Err(VatProblem::ItalianCheck)
        );
        assert_eq!(
            normalise_vat("IT00488410011", "FR"),
            Err(VatProblem::ItalianCheck)
        );
        // Eleven digits are Italian even when the supplier's country field was left as Germany.
        assert_eq!(
            normalise_vat("00488410011", "DE"),
            Err(VatProblem::ItalianCheck)
        );
    }

    #[test]
    fn foreign_numbers_are_kept_as_typed() {
        assert_eq!(
            normalise_vat("DE 123456789", "IT").as_deref(),
            Ok("DE123456789")
        );
        assert_eq!(
            normalise_vat("CHE-123.456.789", "CH").as_deref(),
            Ok("CHE123456789")
        );
        assert_eq!(
            normalise_vat("FRXX999999999", "FR").as_deref(),
            Ok("FRXX999999999")
        );
        assert_eq!(
            normalise_vat("123456789", "DE").as_deref(),
            Ok("DE123456789")
        );
        assert_eq!(normalise_vat("DE", "DE"), Err(VatProblem::Shape));
        assert_eq!(
            normalise_vat("DE12345678901234567", "DE"),
            Err(VatProblem::Shape)
        );
        assert_eq!(normalise_vat("DE12_34", "DE"), Err(VatProblem::Shape));
    }

    #[test]
    fn tax_codes_of_companies_and_people() {
        assert_eq!(
            normalise_fiscal_code("00488410010").as_deref(),
            Some("00488410010")
        );
        assert_eq!(normalise_fiscal_code("00488410011"), None);
        assert_eq!(
            normalise_fiscal_code("rssmra85t10a562s").as_deref(),
            Some("RSSMRA85T10A562S")
        );
        assert_eq!(normalise_fiscal_code("RSSMRA85T10A562X"), None);
    }

    #[test]
    fn sdi_codes() {
        assert_eq!(normalise_sdi_code(" m5uxcr1 ").as_deref(), Some("M5UXCR1"));
        assert_eq!(normalise_sdi_code("0000000").as_deref(), Some("0000000"));
        assert_eq!(normalise_sdi_code("UFXYZ1").as_deref(), Some("UFXYZ1"));
        assert_eq!(normalise_sdi_code("ABC"), None);
        assert_eq!(normalise_sdi_code("ABC-123"), None);
    }
}
