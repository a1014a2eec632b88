//! Straight-line depreciation of an asset ("piano di ammortamento"), in integer cents over
//! calendar years (the fiscal year of most Italian companies).
//!
//! The first year either takes half the rate, as Italian tax rules allow whatever the purchase
//! date (art. 102 c. 2 TUIR: the coefficients are "ridotti alla metà per il primo esercizio"),
//! or takes the rate pro rata by the days the asset is owned that year. Every later year takes the
//! full rate, and the last one what is left, so the charges add up to the cost exactly.
//!
//! Default rates per asset category are the coefficients of the table attached to the
//! D.M. 31 dicembre 1988 (G.U. 2 febbraio 1989 n. 27, S.O.), which repeats the same office lines
//! in nearly every group of activities, e.g. "Attività non precedentemente specificate"
//! (reproduced at misterfisco.it/attivita-non-specificate):
//! - "Macchine d'ufficio elettromeccaniche ed elettroniche compresi i computers e i sistemi
//!   telefonici elettronici": 20 % (confirmed);
//! - "Mobili e macchine ordinarie d'ufficio": 12 % (confirmed);
//! - "Autovetture, motoveicoli e simili": 25 % (confirmed);
//! - "Impianti generici": 10 % in several groups (e.g. 15, 20) but 12 % in others (group 7), so
//!   it depends on the company's activity group;
//! - mobile phones: no line of their own; they fall under the electronic telephone systems of
//!   the 20 % line above, as companies' notes to the accounts show (not confirmed in the decree).
//!
//! Software is not in the D.M. table: it is an intangible asset (art. 103 TUIR, OIC 24). Three
//! years (33.33 %) is the usual civil-law life when no other is known; the tax limit for rights
//! to use works of the intellect is 50 % a year. The rates are defaults the user can change.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 100 % in basis points.
pub const FULL_RATE_BP: u32 = 10_000;
/// Electronic office machines, computers and electronic telephone systems (D.M. 31/12/1988).
pub const OFFICE_ELECTRONICS_BP: u32 = 2000;
/// Furniture and ordinary office machines (D.M. 31/12/1988).
pub const OFFICE_FURNITURE_BP: u32 = 1200;
/// General plant ("impianti generici"), the most common coefficient; 12 % in some groups.
pub const GENERAL_PLANT_BP: u32 = 1000;
/// Cars and motorcycles (D.M. 31/12/1988).
pub const CARS_BP: u32 = 2500;
/// Software over three years; not from the D.M. table.
pub const SOFTWARE_BP: u32 = 3333;

/// The default yearly rate for an IT asset category, in basis points (2000 = 20 %); `None` for
/// a code this table does not know. Every piece of hardware here is an electronic office
/// machine of the decree's 20 % line, `other` included.
pub fn default_rate_bp(category_code: &str) -> Option<u32> {
    match category_code {
        "laptop" | "desktop" | "server" | "printer" | "network" | "phone" | "monitor" | "other" => {
            Some(OFFICE_ELECTRONICS_BP)
        }
        "software" => Some(SOFTWARE_BP),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BookValue {
    pub accumulated_cents: i64,
    pub book_cents: i64,
    pub fully_depreciated: bool,
}

/// One year of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct YearRow {
    pub year: i32,
    pub charge_cents: i64,
    pub accumulated_cents: i64,
    pub book_cents: i64,
}

/// `num / den` rounded half up; both non-negative, `den` positive.
fn div_half_up(num: i128, den: i128) -> i64 {
    i64::try_from((num + den / 2) / den).unwrap_or(i64::MAX)
}

fn days_in_year(year: i32) -> i64 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// The first day of the year's depreciation period and its length in days: from the purchase
/// in the first year, the whole year after.
fn period(year: i32, purchase: NaiveDate) -> (NaiveDate, i64) {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(purchase);
    if year == purchase.year() {
        (purchase, days_in_year(year) - (purchase - jan1).num_days())
    } else {
        (jan1, days_in_year(year))
    }
}

/// The plan: one row per calendar year from the purchase year until the cost is written off.
/// Empty for a cost of zero or less or a rate of zero (nothing ever depreciates); a rate above
/// 100 % counts as 100 %.
pub fn schedule_rows(
    cost_cents: i64,
    purchase: NaiveDate,
    rate_bp: u32,
    first_year_half: bool,
) -> Vec<YearRow> {
    let rate = i128::from(rate_bp.min(FULL_RATE_BP));
    if cost_cents <= 0 || rate == 0 {
        return Vec::new();
    }
    let cost = i128::from(cost_cents);
    // At least a cent a year, or a tiny cost would never finish.
    let full_year = div_half_up(cost * rate, i128::from(FULL_RATE_BP)).max(1);
    let first_year = if first_year_half {
        div_half_up(cost * rate, 2 * i128::from(FULL_RATE_BP))
    } else {
        let (_, days) = period(purchase.year(), purchase);
        div_half_up(
            cost * rate * i128::from(days),
            i128::from(FULL_RATE_BP) * i128::from(days_in_year(purchase.year())),
        )
    };
    let mut rows = Vec::new();
    let mut accumulated = 0i64;
    let mut year = purchase.year();
    while accumulated < cost_cents {
        let planned = if rows.is_empty() {
            first_year
        } else {
            full_year
        };
        let charge = planned.min(cost_cents - accumulated);
        accumulated += charge;
        rows.push(YearRow {
            year,
            charge_cents: charge,
            accumulated_cents: accumulated,
            book_cents: cost_cents - accumulated,
        });
        let Some(next) = year.checked_add(1) else {
            break;
        };
        year = next;
    }
    rows
}

/// The value left on `at`: the cost less the charges of the years before `at`'s year and the
/// part of that year's charge for the days up to `at` (included), rounded half up. The cost
/// before the purchase; zero from the last day of the plan's last year.
pub fn book_value(
    cost_cents: i64,
    purchase: NaiveDate,
    rate_bp: u32,
    at: NaiveDate,
    first_year_half: bool,
) -> BookValue {
    let rows = schedule_rows(cost_cents, purchase, rate_bp, first_year_half);
    let mut accumulated = 0i64;
    if at >= purchase {
        for row in &rows {
            if row.year < at.year() {
                accumulated = row.accumulated_cents;
                continue;
            }
            if row.year == at.year() {
                let (from, days) = period(row.year, purchase);
                let elapsed = (at - from).num_days() + 1;
                accumulated += div_half_up(
                    i128::from(row.charge_cents) * i128::from(elapsed),
                    i128::from(days),
                );
            }
            break;
        }
    }
    let cost = cost_cents.max(0);
    BookValue {
        accumulated_cents: accumulated,
        book_cents: cost - accumulated,
        fully_depreciated: cost > 0 && accumulated >= cost,
    }
}
