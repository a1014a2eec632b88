//! The one-line text a schedule is stored as: `<every> <unit> from_completion` or
//! `<every> <unit> fixed <yyyy-mm-dd> <rule>`, the rule being `same_day` or
//! `nth:<1-4|last>:<mon..sun>`. Words, not JSON, so a row reads plainly in the database and in
//! history.

use chrono::NaiveDate;

use super::{Anchor, FixedRule, Nth, Schedule, Unit, Weekday};

const UNITS: [(Unit, &str); 4] = [
    (Unit::Days, "days"),
    (Unit::Weeks, "weeks"),
    (Unit::Months, "months"),
    (Unit::Years, "years"),
];

const NTHS: [(Nth, &str); 5] = [
    (Nth::First, "1"),
    (Nth::Second, "2"),
    (Nth::Third, "3"),
    (Nth::Fourth, "4"),
    (Nth::Last, "last"),
];

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "mon"),
    (Weekday::Tue, "tue"),
    (Weekday::Wed, "wed"),
    (Weekday::Thu, "thu"),
    (Weekday::Fri, "fri"),
    (Weekday::Sat, "sat"),
    (Weekday::Sun, "sun"),
];

fn word<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, w)| w)
}

fn value<T: Copy>(table: &[(T, &'static str)], text: &str) -> Option<T> {
    table.iter().find(|(_, w)| *w == text).map(|(v, _)| *v)
}

pub(super) fn write(s: &Schedule) -> String {
    let head = format!("{} {}", s.every, word(&UNITS, s.unit));
    match s.anchor {
        Anchor::FromCompletion => format!("{head} from_completion"),
        Anchor::Fixed { start, rule } => {
            let rule = match rule {
                FixedRule::SameDay => "same_day".to_owned(),
                FixedRule::NthWeekday { nth, weekday } => {
                    format!("nth:{}:{}", word(&NTHS, nth), word(&WEEKDAYS, weekday))
                }
            };
            format!("{head} fixed {} {rule}", start.format("%Y-%m-%d"))
        }
    }
}

pub(super) fn read(text: &str) -> Option<Schedule> {
    let mut parts = text.split(' ');
    let every = parts.next()?;
    // `u16::from_str` takes a leading '+'; stored text never has one.
    if !every.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let every: u16 = every.parse().ok()?;
    let unit = value(&UNITS, parts.next()?)?;
    let anchor = match parts.next()? {
        "from_completion" => Anchor::FromCompletion,
        "fixed" => {
            let date = parts.next()?;
            // chrono also reads "2026-1-5"; only the written form is a stored form.
            if date.len() != 10 {
                return None;
            }
            let start = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
            let rule = read_rule(parts.next()?)?;
            Anchor::Fixed { start, rule }
        }
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Schedule {
        every,
        unit,
        anchor,
    })
}

fn read_rule(text: &str) -> Option<FixedRule> {
    if text == "same_day" {
        return Some(FixedRule::SameDay);
    }
    let mut parts = text.split(':');
    if parts.next()? != "nth" {
        return None;
    }
    let nth = value(&NTHS, parts.next()?)?;
    let weekday = value(&WEEKDAYS, parts.next()?)?;
    if parts.next().is_some() {
        return None;
    }
    Some(FixedRule::NthWeekday { nth, weekday })
}
