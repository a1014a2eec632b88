//! Dates as Italian exports write them. Day first, always: a file from an Italian office that says
//! 03/04/2024 means 3 April, and guessing month-first from the values would read some rows one
//! way and some the other.

use chrono::{Duration, NaiveDate};

/// Two-digit years below this are 2000s, the others 1900s (`05` → 2005, `85` → 1985).
pub const TWO_DIGIT_PIVOT: u32 = 30;

/// Excel's largest serial date, 9999-12-31.
const EXCEL_MAX_SERIAL: f64 = 2_958_465.0;

/// A date written as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy or yyyy-mm-dd (also
/// yyyy/mm/dd), or as eight digits, yyyymmdd or ddmmyyyy. A time after the date (" 00:00:00", "T08:30") is ignored: databases export
/// dates that way. Two-digit years follow [`TWO_DIGIT_PIVOT`]. Never month-first.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_pivot(s, TWO_DIGIT_PIVOT)
}

/// Like [`parse_date`], with two-digit years below `pivot` read as 2000s and the others as 1900s:
/// for birth dates a caller passes this year's two digits plus one, so nobody is born in the
/// future.
pub fn parse_date_pivot(s: &str, pivot: u32) -> Option<NaiveDate> {
    let date = strip_time(s.trim())?;
    if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        return compact(date);
    }
    let sep = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if a.len() == 4 {
        // Year first: only with dashes or slashes, and always month then day.
        if sep == '.' || b.len() > 2 || c.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    }
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let year: i32 = match c.len() {
        4 => c.parse().ok()?,
        2 => {
            let yy: u32 = c.parse().ok()?;
            (if yy < pivot { 2000 + yy } else { 1900 + yy }) as i32
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, b.parse().ok()?, a.parse().ok()?)
}

/// Eight digits without separators, as fixed-width payroll exports write dates: yyyymmdd
/// ("20100301") or ddmmyyyy ("01032010"). Both readings cannot hold for one text (a year
/// 1900–2099 in front leaves a month of 19 or 20 at the back), so the one that gives a date in
/// those years is taken.
fn compact(d: &str) -> Option<NaiveDate> {
    let n = |r: std::ops::Range<usize>| d[r].parse::<u32>().ok();
    let in_range = |y: u32| (1900..2100).contains(&y);
    let year_first = n(0..4)
        .filter(|&y| in_range(y))
        .and_then(|y| NaiveDate::from_ymd_opt(y as i32, n(4..6)?, n(6..8)?));
    year_first.or_else(|| {
        n(4..8)
            .filter(|&y| in_range(y))
            .and_then(|y| NaiveDate::from_ymd_opt(y as i32, n(2..4)?, n(0..2)?))
    })
}

/// The date part of "date time", or the whole text when no time follows; `None` when what
/// follows is not a time.
fn strip_time(s: &str) -> Option<&str> {
    let Some(at) = s.find([' ', 'T']) else {
        return Some(s);
    };
    let time = s[at + 1..].trim();
    let looks_like_time = time
        .split(':')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        && (2..=3).contains(&time.split(':').count());
    looks_like_time.then(|| s[..at].trim_end())
}

/// An Excel serial date written as text ("45292" is 2024-01-01), for columns the caller knows hold
/// dates: a plain number in any other column must stay a number. Uses the 1900 date system, with
/// Excel's phantom 29 February 1900 (serial 60) refused. Time fractions are ignored.
pub fn parse_excel_serial(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let serial: f64 = s.replace(',', ".").parse().ok()?;
    if !(1.0..=EXCEL_MAX_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts 1900 as a leap year (a Lotus 1-2-3 compatibility bug), so from serial 61
    // (1 March 1900) on, day 0 is 30 December 1899; before it, 31 December 1899.
    let epoch = match days {
        60 => return None,
        61.. => NaiveDate::from_ymd_opt(1899, 12, 30)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 31)?,
    };
    epoch.checked_add_signed(Duration::days(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn day_first_formats() {
        for s in [
            "05/03/2024",
            "5/3/2024",
            "05-03-2024",
            "05.03.2024",
            "5.3.2024",
            "2024-03-05",
            "2024/03/05",
            "2024-3-5",
            " 05/03/2024 ",
            "05/03/24",
            // Fixed-width exports: year first, or day first.
            "20240305",
            "05032024",
        ] {
            assert_eq!(parse_date(s), d(2024, 3, 5), "{s}");
        }
    }

    #[test]
    fn a_time_after_the_date_is_ignored() {
        assert_eq!(parse_date("05/03/2024 00:00:00"), d(2024, 3, 5));
        assert_eq!(parse_date("05/03/2024 08:30"), d(2024, 3, 5));
        assert_eq!(parse_date("2024-03-05T00:00:00"), d(2024, 3, 5));
        assert_eq!(parse_date("2024-03-05 12:00:00.000"), d(2024, 3, 5));
        assert_eq!(parse_date("05/03/2024 mattina"), None);
        assert_eq!(parse_date("05/03/2024 12"), None);
    }

    #[test]
    fn never_month_first() {
        // 12/31/2024 is month-first: no month 31.
        assert_eq!(parse_date("12/31/2024"), None);
        // 03/04/2024 is 3 April.
        assert_eq!(parse_date("03/04/2024"), d(2024, 4, 3));
    }

    #[test]
    fn leap_days_and_impossible_dates() {
        assert_eq!(parse_date("29/02/2024"), d(2024, 2, 29));
        assert_eq!(parse_date("29/02/2000"), d(2000, 2, 29));
        assert_eq!(parse_date("29/02/2023"), None);
        assert_eq!(parse_date("29/02/1900"), None);
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("31/04/2024"), None);
        assert_eq!(parse_date("31/06/2024"), None);
        assert_eq!(parse_date("00/01/2024"), None);
        assert_eq!(parse_date("32/01/2024"), None);
        assert_eq!(parse_date("01/13/2024"), None);
        assert_eq!(parse_date("01/00/2024"), None);
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(parse_date("01/01/00"), d(2000, 1, 1));
        assert_eq!(parse_date("01/01/29"), d(2029, 1, 1));
        assert_eq!(parse_date("01/01/30"), d(1930, 1, 1));
        assert_eq!(parse_date("01/01/85"), d(1985, 1, 1));
        // Birth dates seen from 2026: 27 is 1927.
        assert_eq!(parse_date_pivot("01/01/26", 27), d(2026, 1, 1));
        assert_eq!(parse_date_pivot("01/01/27", 27), d(1927, 1, 1));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for s in [
            "",
            "   ",
            "2024",
            "05/03",
            "05/03/2024/1",
            "05/03-2024",
            "05//2024",
            "5/3/924",
            "5/3/20245",
            "005/03/2024",
            "2024.03.05",
            "2024-003-05",
            "a5/03/2024",
            "05 03 2024",
            "45292",
            // Eight digits that are no date either way.
            "20241305",
            "32032024",
            "12345678",
            "-05/03/2024",
            "05/03/2024x",
            "five/03/2024",
            "٠٥/٠٣/٢٠٢٤",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn excel_serials_only_when_asked() {
        assert_eq!(parse_excel_serial("45292"), d(2024, 1, 1));
        assert_eq!(parse_excel_serial(" 45292 "), d(2024, 1, 1));
        assert_eq!(parse_excel_serial("45292.75"), d(2024, 1, 1));
        assert_eq!(parse_excel_serial("45292,5"), d(2024, 1, 1));
        assert_eq!(parse_excel_serial("29281"), d(1980, 3, 1));
        assert_eq!(parse_excel_serial("1"), d(1900, 1, 1));
        assert_eq!(parse_excel_serial("59"), d(1900, 2, 28));
        assert_eq!(parse_excel_serial("60"), None);
        assert_eq!(parse_excel_serial("61"), d(1900, 3, 1));
        assert_eq!(parse_excel_serial("2958465"), d(9999, 12, 31));
        for s in [
            "0",
            "",
            "-1",
            "2958466",
            "1e5",
            "abc",
            "01/01/2024",
            "4.5.2",
        ] {
            assert_eq!(parse_excel_serial(s), None, "{s}");
        }
    }
}
