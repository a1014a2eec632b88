//! Italian VAT rates and FatturaPA's nature codes (`Natura`, specification 1.2.x).
//!
//! An order line takes one of the ordinary rates, 22, 10, 5, 4 % or 0 %; a 0 % line says why
//! with a nature code and a taxed line has none. A rate that is not in that list is refused on
//! an order whatever the nature: a nature only ever explains a zero rate, so no nature makes an
//! unknown rate acceptable. A received invoice is the supplier's document and is taken as
//! stated: any rate from 0,01 to 99,99 % (the special agricultural regime's compensation rates
//! such as 6,4 % or 7,3 %, or an old rate on a credit note) is kept, and the three-way match
//! shows where it differs from the order.

use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The rates an order line may take, in basis points (22 % is 2200).
pub const ORDER_RATES_BP: [i64; 5] = [2200, 1000, 500, 400, 0];

/// Why a line carries no VAT, as FatturaPA codes it; the UI shows
/// `purchasing.nature.<key>` (the code with `_` for `.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub enum Nature {
    /// Excluded (art. 15).
    N1,
    /// Not subject: services abroad (art. 7 to 7-septies).
    #[serde(rename = "N2.1")]
    N2_1,
    /// Not subject: other cases.
    #[serde(rename = "N2.2")]
    N2_2,
    /// Not taxable: exports.
    #[serde(rename = "N3.1")]
    N3_1,
    /// Not taxable: intra-EU supplies.
    #[serde(rename = "N3.2")]
    N3_2,
    /// Not taxable: to San Marino.
    #[serde(rename = "N3.3")]
    N3_3,
    /// Not taxable: treated as exports.
    #[serde(rename = "N3.4")]
    N3_4,
    /// Not taxable: after a declaration of intent.
    #[serde(rename = "N3.5")]
    N3_5,
    /// Not taxable: other, outside the ceiling.
    #[serde(rename = "N3.6")]
    N3_6,
    /// Exempt.
    N4,
    /// Margin scheme / VAT not shown.
    N5,
    /// Reverse charge: scrap.
    #[serde(rename = "N6.1")]
    N6_1,
    /// Reverse charge: gold and silver.
    #[serde(rename = "N6.2")]
    N6_2,
    /// Reverse charge: building subcontracting.
    #[serde(rename = "N6.3")]
    N6_3,
    /// Reverse charge: buildings.
    #[serde(rename = "N6.4")]
    N6_4,
    /// Reverse charge: mobile phones.
    #[serde(rename = "N6.5")]
    N6_5,
    /// Reverse charge: electronic products.
    #[serde(rename = "N6.6")]
    N6_6,
    /// Reverse charge: building and related services.
    #[serde(rename = "N6.7")]
    N6_7,
    /// Reverse charge: energy sector.
    #[serde(rename = "N6.8")]
    N6_8,
    /// Reverse charge: other cases.
    #[serde(rename = "N6.9")]
    N6_9,
    /// VAT paid in another EU state.
    N7,
}

pub const NATURES: [Nature; 21] = [
    Nature::N1,
    Nature::N2_1,
    Nature::N2_2,
    Nature::N3_1,
    Nature::N3_2,
    Nature::N3_3,
    Nature::N3_4,
    Nature::N3_5,
    Nature::N3_6,
    Nature::N4,
    Nature::N5,
    Nature::N6_1,
    Nature::N6_2,
    Nature::N6_3,
    Nature::N6_4,
    Nature::N6_5,
    Nature::N6_6,
    Nature::N6_7,
    Nature::N6_8,
    Nature::N6_9,
    Nature::N7,
];

impl Nature {
    /// The code as FatturaPA writes it: `N3.1`.
    pub fn code(self) -> &'static str {
        const CODES: [&str; 21] = [
            "N1", "N2.1", "N2.2", "N3.1", "N3.2", "N3.3", "N3.4", "N3.5", "N3.6", "N4", "N5",
            "N6.1", "N6.2", "N6.3", "N6.4", "N6.5", "N6.6", "N6.7", "N6.8", "N6.9", "N7",
        ];
        CODES[NATURES.iter().position(|n| *n == self).unwrap_or(0)]
    }

    /// Reads `N3.1` (case and spaces ignored); the pre-2021 bare `N2`, `N3`, `N6` are no longer
    /// valid and are refused.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_uppercase();
        NATURES.into_iter().find(|n| n.code() == s)
    }

    /// The UI's translation key, `purchasing.nature.N3_1`.
    pub fn i18n_key(self) -> String {
        format!("purchasing.nature.{}", self.code().replace('.', "_"))
    }

    /// Reverse charge: the buyer accounts for the VAT.
    pub fn is_reverse_charge(self) -> bool {
        self.code().starts_with("N6")
    }
}

/// A line's VAT: a rate in basis points, and for a zero rate the nature that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub struct VatRate {
    pub rate_bp: i64,
    pub nature: Option<Nature>,
}

impl VatRate {
    /// The rate of an order line: one of [`ORDER_RATES_BP`], a nature exactly when zero.
    /// Errors name `{prefix}vat_rate_bp` and `{prefix}nature`.
    pub fn for_order(
        prefix: &str,
        rate_bp: i64,
        nature: Option<Nature>,
    ) -> Result<Self, FieldError> {
        if !ORDER_RATES_BP.contains(&rate_bp) {
            return Err(FieldError::new(
                &format!("{prefix}vat_rate_bp"),
                "not_allowed",
            ));
        }
        Self::pair(prefix, rate_bp, nature)
    }

    /// The rate of a received invoice's line: anything from 0 to 99,99 %, with the same rule
    /// on the nature.
    pub fn for_invoice(
        prefix: &str,
        rate_bp: i64,
        nature: Option<Nature>,
    ) -> Result<Self, FieldError> {
        if !(0..FULL_RATE_BP).contains(&rate_bp) {
            return Err(
                FieldError::new(&format!("{prefix}vat_rate_bp"), "out_of_range")
                    .with("min", 0)
                    .with("max", "99.99"),
            );
        }
        Self::pair(prefix, rate_bp, nature)
    }

    fn pair(prefix: &str, rate_bp: i64, nature: Option<Nature>) -> Result<Self, FieldError> {
        match (rate_bp, nature) {
            (0, None) => Err(FieldError::new(
                &format!("{prefix}nature"),
                "nature_required",
            )),
            (r, Some(_)) if r != 0 => Err(FieldError::new(
                &format!("{prefix}nature"),
                "nature_not_allowed",
            )),
            _ => Ok(Self { rate_bp, nature }),
        }
    }
}

const FULL_RATE_BP: i64 = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nature_round_trips_and_has_a_key() {
        for n in NATURES {
            assert_eq!(Nature::parse(n.code()), Some(n));
            let json = serde_json::to_string(&n).unwrap();
            assert_eq!(json, format!("\"{}\"", n.code()));
            assert!(
                !n.i18n_key().contains("N2.") && n.i18n_key().starts_with("purchasing.nature.N")
            );
        }
        assert_eq!(Nature::parse(" n3.2 "), Some(Nature::N3_2));
        assert_eq!(Nature::parse("N2"), None);
        assert_eq!(Nature::parse("N6.10"), None);
        assert!(Nature::N6_3.is_reverse_charge() && !Nature::N4.is_reverse_charge());
    }

    #[test]
    fn order_rates_are_the_italian_list() {
        for r in [2200, 1000, 500, 400] {
            assert_eq!(VatRate::for_order("", r, None).map(|v| v.rate_bp), Ok(r));
        }
        assert!(VatRate::for_order("", 0, Some(Nature::N4)).is_ok());
        let e = VatRate::for_order("lines.1.", 2100, None).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("lines.1.vat_rate_bp", "not_allowed")
        );
        // A nature does not make an unknown rate acceptable.
        assert_eq!(
            VatRate::for_order("", 730, Some(Nature::N4))
                .unwrap_err()
                .code,
            "not_allowed"
        );
        let e = VatRate::for_order("", 0, None).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("nature", "nature_required")
        );
        assert_eq!(
            VatRate::for_order("", 2200, Some(Nature::N1))
                .unwrap_err()
                .code,
            "nature_not_allowed"
        );
    }

    #[test]
    fn invoice_rates_are_taken_as_stated() {
        assert!(VatRate::for_invoice("", 730, None).is_ok());
        assert!(VatRate::for_invoice("", 2100, None).is_ok());
        assert_eq!(
            VatRate::for_invoice("", 10_000, None).unwrap_err().code,
            "out_of_range"
        );
        assert_eq!(
            VatRate::for_invoice("", -1, None).unwrap_err().code,
            "out_of_range"
        );
        assert_eq!(
            VatRate::for_invoice("", 0, None).unwrap_err().code,
            "nature_required"
        );
    }
}
