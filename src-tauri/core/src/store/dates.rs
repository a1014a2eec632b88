//! Calendar dates as the store keeps them: 'yyyy-mm-dd' text, which sorts and compares as dates.

use chrono::NaiveDate;
use rusqlite::Row;

pub fn date_text(d: NaiveDate) -> String {
    use chrono::Datelike;
    // Written by hand for the four-digit years every stored date has: chrono's `format` parses
    // its pattern on each call, which showed in bulk imports (three dates per row).
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

pub fn opt_date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(date_text)
}

pub fn date_parse(s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// The date in column `i`.
pub fn date_at(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    date_parse(&r.get::<_, String>(i)?)
}

/// The date or NULL in column `i`.
pub fn opt_date_at(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    r.get::<_, Option<String>>(i)?
        .map(|s| date_parse(&s))
        .transpose()
}
