//! Money in purchasing: totals in cents, unit prices in ten-thousandths, discounts in basis
//! points, foreign currencies with their exchange rate kept exactly.
//!
//! A unit price keeps four decimals (0,0125 € a screw): catalogue prices of small parts need
//! less than a cent, while every amount that is added up (a line, a total) is rounded to the
//! cent. FatturaPA allows eight decimals in `PrezzoUnitario`, but an invoice line's stated
//! `PrezzoTotale` is what is matched, so four are enough for what a person types on an order.

use super::decimal::{format_scaled, parse_scaled, DecimalError, NumberLocale};
use crate::error::FieldError;

/// Ten-thousandths in one currency unit: 1,2345 € is 12345.
pub const PRICE_SCALE: i64 = 10_000;
pub const PRICE_DECIMALS: u32 = 4;
/// Basis points in 100 %.
pub const FULL_BP: i64 = 10_000;
/// Millionths in an exchange rate of 1.
pub const RATE_SCALE: i64 = 1_000_000;
pub const DEFAULT_CURRENCY: &str = "EUR";

fn field_error(field: &str, e: DecimalError, max_decimals: u32) -> FieldError {
    let err = FieldError::new(field, e.code());
    match e {
        DecimalError::TooManyDecimals => err.with("max", max_decimals),
        _ => err,
    }
}

/// A typed amount in cents; a third decimal is refused, never rounded away.
pub fn parse_cents(field: &str, input: &str, locale: NumberLocale) -> Result<i64, FieldError> {
    parse_scaled(input, 2, locale).map_err(|e| field_error(field, e, 2))
}

/// Cents with grouping and two decimals: "1.234,50" / "1,234.50".
pub fn format_cents(cents: i64, locale: NumberLocale) -> String {
    format_scaled(cents, 2, 2, locale)
}

/// A typed unit price, not negative, in ten-thousandths.
pub fn parse_unit_price(field: &str, input: &str, locale: NumberLocale) -> Result<i64, FieldError> {
    let v = parse_scaled(input, PRICE_DECIMALS, locale)
        .map_err(|e| field_error(field, e, PRICE_DECIMALS))?;
    if v < 0 {
        return Err(FieldError::new(field, "negative"));
    }
    Ok(v)
}

/// A unit price with at least two decimals: "12,50", "0,0125".
pub fn format_unit_price(e4: i64, locale: NumberLocale) -> String {
    format_scaled(e4, PRICE_DECIMALS, 2, locale)
}

/// A typed discount percentage ("12,5") in basis points, 0 to 100 %.
pub fn parse_discount(field: &str, input: &str, locale: NumberLocale) -> Result<i64, FieldError> {
    let bp = parse_scaled(input, 2, locale).map_err(|e| field_error(field, e, 2))?;
    check_discount(field, bp).map_or(Ok(bp), Err)
}

pub fn check_discount(field: &str, bp: i64) -> Option<FieldError> {
    (!(0..=FULL_BP).contains(&bp)).then(|| {
        FieldError::new(field, "out_of_range")
            .with("min", 0)
            .with("max", 100)
    })
}

/// A three-letter currency code, upper case; any ISO-shaped code is accepted (an invoice may
/// come in a currency the organisation does not use).
pub fn normalise_currency(field: &str, input: &str) -> Result<String, FieldError> {
    let c = input.trim().to_ascii_uppercase();
    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(c)
    } else {
        Err(FieldError::new(field, "invalid_currency"))
    }
}

/// A typed exchange rate (units of the currency for one euro, as the ECB quotes them), up to
/// six decimals, above zero, kept exactly in millionths.
pub fn parse_exchange_rate(
    field: &str,
    input: &str,
    locale: NumberLocale,
) -> Result<i64, FieldError> {
    let v = parse_scaled(input, 6, locale).map_err(|e| field_error(field, e, 6))?;
    if v <= 0 {
        return Err(FieldError::new(field, "must_be_positive"));
    }
    Ok(v)
}

/// An exchange rate as noted: "1,0856" (at least two decimals, at most six).
pub fn format_exchange_rate(millionths: i64, locale: NumberLocale) -> String {
    format_scaled(millionths, 6, 2, locale)
}

/// A document in euro has no rate; in any other currency the rate is required.
pub fn check_currency_rate(currency: &str, exchange_rate: Option<i64>) -> Option<FieldError> {
    match (currency == DEFAULT_CURRENCY, exchange_rate) {
        (true, Some(_)) => Some(FieldError::new("exchange_rate", "not_for_eur")),
        (false, None) => Some(FieldError::new("exchange_rate", "required")),
        (false, Some(r)) if r <= 0 => Some(FieldError::new("exchange_rate", "must_be_positive")),
        _ => None,
    }
}

/// An amount in a foreign currency converted to euro cents at `rate` (millionths per euro),
/// rounded half-up; `None` on overflow or a rate that is not positive.
pub fn to_eur_cents(cents: i64, rate: i64) -> Option<i64> {
    if rate <= 0 {
        return None;
    }
    let n = i128::from(cents).checked_mul(i128::from(RATE_SCALE))?;
    i64::try_from(div_round_half_up(n, i128::from(rate))).ok()
}

/// `n / d` rounded to the nearest integer, halves away from zero (0,005 € → 0,01 €; −0,005 € →
/// −0,01 €) as the tax rules round; `d` must be positive.
pub fn div_round_half_up(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if r.abs() * 2 >= d {
        q + n.signum()
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberLocale::{En, It};

    #[test]
    fn cents_refuse_a_third_decimal() {
        assert_eq!(parse_cents("total", "1.234,56", It), Ok(123_456));
        assert_eq!(parse_cents("total", "1234.5", En), Ok(123_450));
        let e = parse_cents("total", "10,005", It).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.params["max"].as_str()),
            ("too_many_decimals", "2")
        );
        assert_eq!(format_cents(123_450, It), "1.234,50");
        assert_eq!(format_cents(-5, En), "-0.05");
    }

    #[test]
    fn unit_prices_keep_four_decimals_and_are_not_negative() {
        assert_eq!(parse_unit_price("p", "0,0125", It), Ok(125));
        assert_eq!(parse_unit_price("p", "12.5", En), Ok(125_000));
        assert_eq!(
            parse_unit_price("p", "0,00001", It).unwrap_err().code,
            "too_many_decimals"
        );
        assert_eq!(
            parse_unit_price("p", "-1", It).unwrap_err().code,
            "negative"
        );
        assert_eq!(format_unit_price(125_000, It), "12,50");
        assert_eq!(format_unit_price(125, En), "0.0125");
    }

    #[test]
    fn discounts_are_percentages_in_basis_points() {
        assert_eq!(parse_discount("d", "12,5", It), Ok(1250));
        assert_eq!(parse_discount("d", "100", It), Ok(10_000));
        assert_eq!(
            parse_discount("d", "100,01", It).unwrap_err().code,
            "out_of_range"
        );
        assert_eq!(
            parse_discount("d", "-1", En).unwrap_err().code,
            "out_of_range"
        );
    }

    #[test]
    fn currencies_and_rates() {
        assert_eq!(normalise_currency("c", " usd "), Ok("USD".into()));
        assert!(normalise_currency("c", "US").is_err());
        assert!(normalise_currency("c", "U1D").is_err());
        assert_eq!(parse_exchange_rate("r", "1,0856", It), Ok(1_085_600));
        assert_eq!(format_exchange_rate(1_085_600, It), "1,0856");
        assert_eq!(format_exchange_rate(1_000_000, En), "1.00");
        assert_eq!(
            parse_exchange_rate("r", "0", It).unwrap_err().code,
            "must_be_positive"
        );
        assert_eq!(check_currency_rate("EUR", None), None);
        assert_eq!(check_currency_rate("USD", Some(1_085_600)), None);
        assert_eq!(
            check_currency_rate("USD", None).map(|e| e.code),
            Some("required".into())
        );
        assert_eq!(
            check_currency_rate("EUR", Some(1)).map(|e| e.code),
            Some("not_for_eur".into())
        );
        // 108,56 USD at 1,0856 USD per euro is 100 €.
        assert_eq!(to_eur_cents(10_856, 1_085_600), Some(10_000));
        assert_eq!(to_eur_cents(1, 0), None);
    }

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(div_round_half_up(5, 10), 1);
        assert_eq!(div_round_half_up(4, 10), 0);
        assert_eq!(div_round_half_up(-5, 10), -1);
        assert_eq!(div_round_half_up(-4, 10), 0);
        assert_eq!(div_round_half_up(15, 10), 2);
        assert_eq!(div_round_half_up(0, 7), 0);
    }
}
