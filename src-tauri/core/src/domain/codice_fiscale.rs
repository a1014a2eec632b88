//! Italian tax code of a person (codice fiscale): 16 characters that encode surname, name, birth
//! date, sex and birth place, closed by a check letter.
//!
//! Layout (1-based): 1–6 letters from surname and name, 7–8 year, 9 month letter, 10–11 day
//! (plus 40 for women), 12–15 the Belfiore code of the birth place, 16 the check letter. When two
//! people would get the same code (omocodia) the office replaces digits with letters, from the
//! right, so positions 7, 8, 10, 11, 13, 14 and 15 may hold `LMNPQRSTUV` instead of `0`–`9`.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Month letters, January first: the office skipped letters that are easily misread.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
/// The letters that stand for 0–9 in an omocodic code.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// 0-based positions that hold digits, or their omocodia letters.
const NUMERIC: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
/// Values of the characters in odd (1-based) positions for the check letter, `0`–`9` then `A`–`Z`.
/// The official table; the even positions simply count `0`–`9` and `A`–`Z` from zero.
const ODD_DIGITS: [u32; 10] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Sex as the tax code records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Sex {
    M,
    F,
}

/// Why a tax code was refused, so the UI can say which part is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CfProblem {
    /// Nothing was typed.
    Empty,
    /// Wrong length, a character in the wrong place, a month letter that does not exist or a day
    /// that no calendar has.
    Shape,
    /// Well formed but the check letter does not match: almost always a typing error.
    CheckChar,
}

impl CfProblem {
    /// The field error code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            CfProblem::Empty => "required",
            CfProblem::Shape => "invalid_tax_code",
            CfProblem::CheckChar => "invalid_tax_code_check",
        }
    }
}

/// What a tax code says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CfInfo {
    pub birth_date: NaiveDate,
    pub sex: Sex,
    /// Belfiore code of the birth municipality (`H501` is Rome) or of the foreign country (`Z…`),
    /// with omocodia letters turned back into digits.
    pub place_code: String,
}

/// A disagreement between the tax code and the other data of the same person. A warning, not an
/// error: the registry data may be wrong, or the code may be one assigned by omocodia rules we do
/// not see, so the user decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CfMismatch {
    BirthDate {
        in_code: NaiveDate,
        given: NaiveDate,
    },
    Sex {
        in_code: Sex,
        given: Sex,
    },
}

impl CfMismatch {
    /// The warning code the UI translates.
    pub fn code(&self) -> &'static str {
        match self {
            CfMismatch::BirthDate { .. } => "tax_code_birth_date_mismatch",
            CfMismatch::Sex { .. } => "tax_code_sex_mismatch",
        }
    }
}

/// The canonical form (upper case, no spaces) of a valid tax code, or `None`.
pub fn normalise(input: &str) -> Option<String> {
    check(input).ok()
}

/// Like [`normalise`], but says what is wrong.
pub fn check(input: &str) -> Result<String, CfProblem> {
    let cf: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if cf.is_empty() {
        return Err(CfProblem::Empty);
    }
    // Checked before indexing bytes, so a non-ASCII character can never split a byte index.
    if cf.len() != 16 || !cf.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(CfProblem::Shape);
    }
    let b = cf.as_bytes();
    let shape_ok = (0..16).all(|i| {
        if NUMERIC.contains(&i) {
            digit(b[i]).is_some()
        } else {
            b[i].is_ascii_uppercase()
        }
    });
    if !shape_ok || month(b[8]).is_none() || !day_exists(b) {
        return Err(CfProblem::Shape);
    }
    if check_letter(&b[..15]) != b[15] {
        return Err(CfProblem::CheckChar);
    }
    Ok(cf)
}

/// Birth date, sex and birth place from a valid code. The code holds only two digits of the year:
/// the century chosen is the most recent one that makes the person 0 to 120 years old on `today`.
pub fn decode(cf: &str, today: NaiveDate) -> Option<CfInfo> {
    let cf = normalise(cf)?;
    let b = cf.as_bytes();
    let yy = number(b, 6)?;
    let month = month(b[8])?;
    let raw_day = number(b, 9)?;
    let (sex, day) = if raw_day > 40 {
        (Sex::F, raw_day - 40)
    } else {
        (Sex::M, raw_day)
    };
    let birth_date = birth_date(yy, month, day, today)?;
    let mut place_code = String::with_capacity(4);
    place_code.push(char::from(b[11]));
    for &c in &b[12..15] {
        place_code.push(char::from(b'0' + digit(c)?));
    }
    Some(CfInfo {
        birth_date,
        sex,
        place_code,
    })
}

/// Compares the code with the birth date and sex recorded elsewhere. An invalid code gives no
/// mismatches: [`check`] reports it as an error on its own.
pub fn cross_check(
    cf: &str,
    birth_date: Option<NaiveDate>,
    sex: Option<Sex>,
    today: NaiveDate,
) -> Vec<CfMismatch> {
    let Some(info) = decode(cf, today) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(given) = birth_date.filter(|&d| d != info.birth_date) {
        out.push(CfMismatch::BirthDate {
            in_code: info.birth_date,
            given,
        });
    }
    if let Some(given) = sex.filter(|&s| s != info.sex) {
        out.push(CfMismatch::Sex {
            in_code: info.sex,
            given,
        });
    }
    out
}

/// The check letter that closes a code whose first 15 characters are `first15` (upper-case
/// letters and digits), e.g. to build a code from its parts; `None` for any other input.
pub fn check_char(first15: &str) -> Option<char> {
    let b = first15.as_bytes();
    let ok = b.len() == 15
        && b.iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    ok.then(|| char::from(check_letter(b)))
}

/// The check letter of the first 15 characters (upper-case ASCII letters and digits).
fn check_letter(first15: &[u8]) -> u8 {
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let (digit_value, letter_index) = if c.is_ascii_digit() {
                (u32::from(c - b'0'), None)
            } else {
                (0, Some(usize::from(c - b'A')))
            };
            // Index 0 is position 1, an odd position.
            match (i % 2 == 0, letter_index) {
                (true, None) => ODD_DIGITS[digit_value as usize],
                (true, Some(l)) => ODD_LETTERS[l],
                (false, None) => digit_value,
                (false, Some(l)) => l as u32,
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

/// The digit a numeric position stands for, whether written as a digit or an omocodia letter.
fn digit(c: u8) -> Option<u8> {
    if c.is_ascii_digit() {
        Some(c - b'0')
    } else {
        OMOCODIA.iter().position(|&l| l == c).map(|p| p as u8)
    }
}

/// The two-digit number at `at`, `at + 1`.
fn number(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(digit(b[at])?) * 10 + u32::from(digit(b[at + 1])?))
}

fn month(c: u8) -> Option<u32> {
    MONTHS.iter().position(|&m| m == c).map(|p| p as u32 + 1)
}

/// Whether day and month exist in some year ending in the code's two digits. February 29th is
/// fine when those digits are a multiple of 4: 1900 was not a leap year, but 2000 was.
fn day_exists(b: &[u8]) -> bool {
    let (Some(yy), Some(month), Some(raw_day)) = (number(b, 6), month(b[8]), number(b, 9)) else {
        return false;
    };
    let day = if raw_day > 40 { raw_day - 40 } else { raw_day };
    // 2000 + yy has the leap rule that matters: every multiple of 4 from 2000 to 2096 is leap.
    (1..=31).contains(&day) && NaiveDate::from_ymd_opt(2000 + yy as i32, month, day).is_some()
}

fn birth_date(yy: u32, month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let century = today.year().div_euclid(100) * 100;
    [century, century - 100, century - 200]
        .into_iter()
        .filter_map(|c| NaiveDate::from_ymd_opt(c + yy as i32, month, day))
        .find(|&d| d <= today && age(d, today) <= 120)
}

/// Completed years from `birth` to `today`.
fn age(birth: NaiveDate, today: NaiveDate) -> i32 {
    let years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 3, 2)
    }

    /// Codes built by hand from the official rules; each check letter was also computed by a
    /// separate script implementing the published odd/even tables, and the first one by hand:
    /// R S S M R A 8 0 A 0 1 H 5 0 1 → odd positions R8 S12 R8 8→19 A1 1→0 5→13 1→0 = 61,
    /// even positions S18 M12 A0 0 0 H7 0 = 37; 98 mod 26 = 20 → U.
    const VALID: &[&str] = &[
        // Rossi Mario, 1980-01-01, M, Roma (H501).
        "RSSMRA80A01H501U",
        // Bianchi Laura, 1985-12-10, F (day 50), Milano (F205).
        "BNCLRA85T50F205A",
        // D'Angelo Niccolò, 2000-02-29, M, Torino (L219): a leap day of a year ending in 00.
        "DNGNCL00B29L219W",
        // Ferrari Lorenza, 1975-05-04, F, born in Peru (Z611).
        "FRRLNZ75E44Z611X",
    ];

    #[test]
    fn check_char_closes_a_code() {
        assert_eq!(check_char("RSSMRA80A01H501"), Some('U'));
        assert_eq!(check_char("RSSMRA80A01H50"), None);
        assert_eq!(check_char("rssmra80a01h501"), None);
    }

    #[test]
    fn accepts_valid_codes() {
        for cf in VALID {
            assert_eq!(normalise(cf).as_deref(), Some(*cf), "{cf}");
            assert_eq!(check(cf).as_deref(), Ok(*cf));
        }
    }

    #[test]
    fn accepts_lower_case_and_spaces() {
        assert_eq!(
            normalise(" rssmra 80a01 h501u ").as_deref(),
            Some("RSSMRA80A01H501U")
        );
        assert_eq!(
            normalise("RSS MRA 80A01\tH501U").as_deref(),
            Some("RSSMRA80A01H501U")
        );
    }

    #[test]
    fn says_why_a_code_is_refused() {
        assert_eq!(check(""), Err(CfProblem::Empty));
        assert_eq!(check("   "), Err(CfProblem::Empty));
        // Every other letter in the check position.
        for c in b'A'..=b'Z' {
            let cf = format!("RSSMRA80A01H501{}", char::from(c));
            let expected = if c == b'U' {
                Ok(cf.clone())
            } else {
                Err(CfProblem::CheckChar)
            };
            assert_eq!(check(&cf), expected, "{cf}");
        }
        // One digit changed: the check letter catches it.
        assert_eq!(check("RSSMRA80A01H502U"), Err(CfProblem::CheckChar));
        // Two neighbours swapped.
        assert_eq!(check("SRSMRA80A01H501U"), Err(CfProblem::CheckChar));
        assert_eq!(CfProblem::CheckChar.code(), "invalid_tax_code_check");
    }

    #[test]
    fn refuses_wrong_shapes() {
        for bad in [
            "RSSMRA80A01H501",   // 15 characters
            "RSSMRA80A01H501UU", // 17
            "RSSMRA80F01H501U",  // F is no month letter
            "RSSMRA80Z01H501U",  // nor is Z
            "RSSMR180A01H501U",  // a digit among the name letters
            "RSSMRA8AA01H501U",  // A is no omocodia letter
            "RSSMRA80A0AH501U",  // same in the day
            "RSSMRA80A01H5O1U",  // O is no omocodia letter (looks like 0)
            "RSSMRA80A011501U",  // place must start with a letter
            "RSSMRA80A01H501_",  // check must be a letter
            "RSSMRA80A01H5011",  // ditto
            "RSSMRA80A00H501U",  // day 0
            "RSSMRA80A32H501U",  // day 32
            "RSSMRA80A40H501U",  // day 40: neither a man's nor a woman's day
            "RSSMRA80A72H501U",  // day 72 = 32 for a woman
            "RSSMRA80D31H501U",  // 31 April
            "RSSMRA81B29H501U",  // 29 February of a year that is never leap
            "RSSMRA80A01H501Ù",  // non-ASCII
            "RSSMRA80A01H5€",    // non-ASCII that makes 16 bytes
            "0000000000000000",  // nothing in place
        ] {
            assert_eq!(check(bad), Err(CfProblem::Shape), "{bad}");
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    #[test]
    fn accepts_omocodia_and_decodes_the_same() {
        // Digits of RSSMRA80A01H501U replaced from the right: 1→M, 0→L, 5→R, then the day 0 1 →
        // L M and the year 8 0 → U L; each check letter recomputed by the separate script.
        let base = decode("RSSMRA80A01H501U", today()).unwrap();
        for cf in [
            "RSSMRA80A01H50MM",
            "RSSMRA80A01H5LMX",
            "RSSMRA80A01HRLMS",
            "RSSMRAULALMHRLMD",
        ] {
            assert_eq!(normalise(cf).as_deref(), Some(cf), "{cf}");
            assert_eq!(decode(cf, today()).as_ref(), Some(&base), "{cf}");
        }
        assert_eq!(base.place_code, "H501");
        // The omocodic code with the plain code's check letter is refused.
        assert_eq!(check("RSSMRA80A01H50MU"), Err(CfProblem::CheckChar));
    }

    #[test]
    fn decodes_date_sex_and_place() {
        let info = decode("RSSMRA80A01H501U", today()).unwrap();
        assert_eq!(
            info,
            CfInfo {
                birth_date: date(1980, 1, 1),
                sex: Sex::M,
                place_code: "H501".into()
            }
        );
        let info = decode("bnclra85t50f205a", today()).unwrap();
        assert_eq!((info.birth_date, info.sex), (date(1985, 12, 10), Sex::F));
        assert_eq!(info.place_code, "F205");
        let info = decode("FRRLNZ75E44Z611X", today()).unwrap();
        assert_eq!((info.birth_date, info.sex), (date(1975, 5, 4), Sex::F));
        assert_eq!(info.place_code, "Z611");
        let info = decode("DNGNCL00B29L219W", today()).unwrap();
        assert_eq!(info.birth_date, date(2000, 2, 29));
        assert_eq!(decode("RSSMRA80A01H501X", today()), None);
    }

    #[test]
    fn century_makes_the_person_0_to_120_years_old() {
        // Giuseppe Verdi, born 10 October 1813 (VRDGPP13R10B293P): the code cannot tell 1813 from
        // 1913 or 2013, and the most recent fitting century wins.
        assert_eq!(
            decode("VRDGPP13R10B293P", today()).unwrap().birth_date,
            date(2013, 10, 10)
        );
        assert_eq!(
            decode("VRDGPP13R10B293P", date(2013, 1, 1))
                .unwrap()
                .birth_date,
            date(1913, 10, 10)
        );
        // Seen from 2013-10-09 the 2013 date is a day in the future: the century before.
        assert_eq!(
            decode("VRDGPP13R10B293P", date(2013, 10, 9))
                .unwrap()
                .birth_date,
            date(1913, 10, 10)
        );
        // Born today is 0 years old.
        assert_eq!(
            decode("VRDGPP13R10B293P", date(2013, 10, 10))
                .unwrap()
                .birth_date,
            date(2013, 10, 10)
        );
        // Seen from the next century, 80 is 2080.
        assert_eq!(
            decode("RSSMRA80A01H501U", date(2101, 6, 1))
                .unwrap()
                .birth_date,
            date(2080, 1, 1)
        );
        // 29 February 2000 seen from 2100 (not leap): 2000 is still there.
        assert_eq!(
            decode("DNGNCL00B29L219W", date(2100, 3, 1))
                .unwrap()
                .birth_date,
            date(2000, 2, 29)
        );
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age(date(1980, 1, 1), date(2026, 3, 2)), 46);
        assert_eq!(age(date(1980, 3, 3), date(2026, 3, 2)), 45);
        assert_eq!(age(date(1980, 3, 2), date(2026, 3, 2)), 46);
    }

    #[test]
    fn cross_check_reports_mismatches_only() {
        let cf = "BNCLRA85T50F205A";
        assert!(cross_check(cf, Some(date(1985, 12, 10)), Some(Sex::F), today()).is_empty());
        assert!(cross_check(cf, None, None, today()).is_empty());
        let found = cross_check(cf, Some(date(1985, 10, 12)), Some(Sex::M), today());
        assert_eq!(
            found,
            vec![
                CfMismatch::BirthDate {
                    in_code: date(1985, 12, 10),
                    given: date(1985, 10, 12)
                },
                CfMismatch::Sex {
                    in_code: Sex::F,
                    given: Sex::M
                },
            ]
        );
        assert_eq!(found[0].code(), "tax_code_birth_date_mismatch");
        assert_eq!(found[1].code(), "tax_code_sex_mismatch");
        // An invalid code is check's business, not a mismatch.
        assert!(cross_check("RSSMRA80A01H501X", Some(date(1990, 1, 1)), None, today()).is_empty());
    }
}
