//! FatturaPA's numbers, read by hand into integers (never floating point): totals with exactly
//! two decimals into cents, prices and quantities with two to eight decimals kept exactly, VAT
//! rates into basis points, dates as `YYYY-MM-DD`.

use super::problem::{Problem, ProblemCode};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

/// A decimal number exactly as written: `units / 10^scale` (e.g. `12.34500` is 1_234_500 at
/// scale 5). Quantities and unit prices keep their up to eight decimals, so a line can be
/// checked exactly against its total; the value rounded to fewer places is `rounded`. It
/// crosses to the UI as its text (`"12.34500"`): eight decimals do not fit a JS number exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TS)]
#[ts(rename = "FatturaPaDecimal", type = "string")]
pub struct Decimal {
    pub units: i64,
    pub scale: u8,
}

impl Decimal {
    /// Rounded half away from zero to `scale` decimals; `true` when a non-zero digit was dropped.
    pub fn rounded(self, scale: u8) -> Option<(i64, bool)> {
        if scale >= self.scale {
            let factor = 10i64.checked_pow(u32::from(scale - self.scale))?;
            return Some((self.units.checked_mul(factor)?, false));
        }
        let factor = 10i64.checked_pow(u32::from(self.scale - scale))?;
        let q = self.units / factor;
        let r = self.units % factor;
        let up = r.unsigned_abs() * 2 >= factor.unsigned_abs();
        let value = if up { q + self.units.signum() } else { q };
        Some((value, r != 0))
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = usize::from(self.scale);
        let digits = format!("{:0>width$}", self.units.unsigned_abs(), width = scale + 1);
        let (int, frac) = digits.split_at(digits.len() - scale);
        let sign = if self.units < 0 { "-" } else { "" };
        if frac.is_empty() {
            write!(f, "{sign}{int}")
        } else {
            write!(f, "{sign}{int}.{frac}")
        }
    }
}

/// `[-]digits.decimals` with `int_max` integer digits at most and `dec_min..=dec_max` decimals.
fn parse(text: &str, int_max: usize, dec_min: usize, dec_max: usize) -> Option<Decimal> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.')?;
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() > int_max || !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    if frac.len() < dec_min || frac.len() > dec_max {
        return None;
    }
    let mut units: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        units = units.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(Decimal {
        units: if negative { -units } else { units },
        scale: u8::try_from(frac.len()).ok()?,
    })
}

fn bad(path: &str, text: &str, decimals: &str) -> Problem {
    Problem::new(ProblemCode::BadAmount, path)
        .with("value", text.chars().take(40).collect::<String>())
        .with("decimals", decimals)
}

/// An amount with exactly two decimals (`Amount2DecimalType`), in cents.
pub fn cents(text: &str, path: &str) -> Result<i64, Problem> {
    parse(text, 11, 2, 2)
        .map(|d| d.units)
        .ok_or_else(|| bad(path, text, "2"))
}

/// A price or quantity with two to eight decimals (`Amount8DecimalType`, `QuantitaType`).
pub fn decimal(text: &str, path: &str) -> Result<Decimal, Problem> {
    parse(text, 12, 2, 8).ok_or_else(|| bad(path, text, "2-8"))
}

/// A VAT rate or percentage (`RateType`, `[0-9]{1,3}.[0-9]{2}`) in basis points (22.00 → 2200).
pub fn basis_points(text: &str, path: &str) -> Result<i64, Problem> {
    parse(text, 3, 2, 2)
        .filter(|d| d.units >= 0)
        .map(|d| d.units)
        .ok_or_else(|| bad(path, text, "2"))
}

pub fn date(text: &str, path: &str) -> Result<NaiveDate, Problem> {
    let ok_shape = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    ok_shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            Problem::new(ProblemCode::BadDate, path)
                .with("value", text.chars().take(40).collect::<String>())
        })
}
