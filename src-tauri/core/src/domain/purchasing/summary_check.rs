//! Whether a received invoice's VAT summary (`DatiRiepilogo`) agrees with its lines. An invoice
//! that does not add up is still imported, with each difference shown, never corrected.
//!
//! The tolerances are the ones the exchange system (SdI) applies before it delivers an
//! invoice: a rate's taxable amount may differ from the sum of its lines, plus the row's
//! stated rounding (`Arrotondamento`), by up to one euro; its tax from the taxable amount
//! times the rate by up to one cent.

use super::totals::{tax_on, LineTotals};
use super::vat_rate::Nature;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// How far a row's taxable amount may be from its lines' sum, cents.
pub const TAXABLE_TOLERANCE_CENTS: i64 = 100;
/// How far a row's tax may be from taxable × rate, cents.
pub const TAX_TOLERANCE_CENTS: i64 = 1;

/// One `DatiRiepilogo` row as the file states it, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatedSummaryRow {
    pub rate_bp: i64,
    pub nature: Option<Nature>,
    pub taxable: i64,
    pub tax: i64,
    /// `Arrotondamento`, zero when absent.
    pub rounding: i64,
}

/// A summary row that does not agree with the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SummaryProblem {
    /// The rate's taxable amount is not its lines' sum (a rate with lines and no row, or a row
    /// without lines, shows zero on the missing side).
    Taxable {
        rate_bp: i64,
        nature: Option<Nature>,
        lines_cents: i64,
        stated_cents: i64,
    },
    /// The rate's tax is not its taxable amount times the rate.
    Tax {
        rate_bp: i64,
        nature: Option<Nature>,
        expected_cents: i64,
        stated_cents: i64,
    },
}

/// The differences between an invoice's lines and its stated summary; empty when it adds up.
pub fn check_summary(lines: &[LineTotals], stated: &[StatedSummaryRow]) -> Vec<SummaryProblem> {
    type Key = (i64, Option<Nature>);
    let mut by_rate: BTreeMap<Key, (i128, Option<StatedSummaryRow>, bool)> = BTreeMap::new();
    for l in lines {
        let entry = by_rate
            .entry((l.rate_bp, l.nature))
            .or_insert((0, None, false));
        entry.0 += i128::from(l.net);
        entry.2 = true;
    }
    let mut problems = Vec::new();
    for s in stated {
        let entry = by_rate
            .entry((s.rate_bp, s.nature))
            .or_insert((0, None, false));
        if entry.1.is_some() {
            // The same rate twice: the second row's taxable has no lines of its own.
            problems.push(taxable_problem(s.rate_bp, s.nature, 0, s.taxable));
            continue;
        }
        entry.1 = Some(*s);
    }
    for ((rate_bp, nature), (lines_sum, row, has_lines)) in by_rate.into_iter().rev() {
        let lines_cents = i64::try_from(lines_sum).unwrap_or(i64::MAX);
        let Some(row) = row else {
            problems.push(taxable_problem(rate_bp, nature, lines_cents, 0));
            continue;
        };
        let expected_taxable = lines_sum + i128::from(row.rounding);
        let beyond = (i128::from(row.taxable) - expected_taxable).abs()
            > i128::from(TAXABLE_TOLERANCE_CENTS);
        // A row without any line is a problem whatever its amount: the tolerance is for
        // rounding, not for missing lines.
        if beyond || (!has_lines && row.taxable != 0) {
            problems.push(taxable_problem(rate_bp, nature, lines_cents, row.taxable));
        }
        let expected_tax = tax_on(row.taxable, rate_bp);
        let off = expected_tax.is_none_or(|t| {
            (i128::from(row.tax) - i128::from(t)).abs() > i128::from(TAX_TOLERANCE_CENTS)
        });
        if off {
            problems.push(SummaryProblem::Tax {
                rate_bp,
                nature,
                expected_cents: expected_tax.unwrap_or(i64::MAX),
                stated_cents: row.tax,
            });
        }
    }
    problems
}

fn taxable_problem(
    rate_bp: i64,
    nature: Option<Nature>,
    lines_cents: i64,
    stated_cents: i64,
) -> SummaryProblem {
    SummaryProblem::Taxable {
        rate_bp,
        nature,
        lines_cents,
        stated_cents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(net: i64, rate_bp: i64) -> LineTotals {
        LineTotals {
            net,
            rate_bp,
            nature: (rate_bp == 0).then_some(Nature::N4),
            tax: 0,
        }
    }

    fn row(rate_bp: i64, taxable: i64, tax: i64) -> StatedSummaryRow {
        StatedSummaryRow {
            rate_bp,
            nature: (rate_bp == 0).then_some(Nature::N4),
            taxable,
            tax,
            rounding: 0,
        }
    }

    #[test]
    fn an_invoice_that_adds_up_has_no_problem() {
        let lines = [line(1000, 2200), line(450, 2200), line(500, 0)];
        assert_eq!(
            check_summary(&lines, &[row(2200, 1450, 319), row(0, 500, 0)]),
            []
        );
        // Within the tolerances: 1 € on the taxable amount, 1 cent on the tax.
        assert_eq!(
            check_summary(&lines, &[row(2200, 1550, 342), row(0, 500, 0)]),
            []
        );
    }

    #[test]
    fn differences_are_listed_not_corrected() {
        let lines = [line(1000, 2200), line(10_000, 1000)];
        let got = check_summary(&lines, &[row(2200, 1200, 300), row(400, 50, 2)]);
        assert_eq!(
            got,
            [
                SummaryProblem::Taxable {
                    rate_bp: 2200,
                    nature: None,
                    lines_cents: 1000,
                    stated_cents: 1200
                },
                SummaryProblem::Tax {
                    rate_bp: 2200,
                    nature: None,
                    expected_cents: 264,
                    stated_cents: 300
                },
                SummaryProblem::Taxable {
                    rate_bp: 1000,
                    nature: None,
                    lines_cents: 10_000,
                    stated_cents: 0
                },
                SummaryProblem::Taxable {
                    rate_bp: 400,
                    nature: None,
                    lines_cents: 0,
                    stated_cents: 50
                },
            ]
        );
    }

    #[test]
    fn the_stated_rounding_counts() {
        let lines = [line(10_000, 2200)];
        let mut r = row(2200, 10_200, 2244);
        assert_eq!(check_summary(&lines, &[r]).len(), 1);
        r.rounding = 150;
        assert_eq!(check_summary(&lines, &[r]), []);
    }

    #[test]
    fn a_rate_stated_twice_is_a_problem() {
        let lines = [line(1000, 2200)];
        let got = check_summary(&lines, &[row(2200, 1000, 220), row(2200, 5, 1)]);
        assert_eq!(
            got,
            [SummaryProblem::Taxable {
                rate_bp: 2200,
                nature: None,
                lines_cents: 0,
                stated_cents: 5
            }]
        );
    }
}
