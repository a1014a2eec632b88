//! Decimal numbers as a person types them, in either locale, held as scaled integers.
//!
//! Italian writes `1.234,5` and English `1,234.5`. A separator that cannot be grouping (`1.5`
//! typed on an Italian keyboard's keypad) is read as the decimal one; a well-formed group
//! (`1.500`) follows the locale, so it is 1500 in Italian and 1.5 in English.

/// Which separators a typed number uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberLocale {
    It,
    En,
}

impl NumberLocale {
    /// The UI's language code; anything but `it` is English.
    pub fn from_code(code: &str) -> Self {
        if code == "it" {
            Self::It
        } else {
            Self::En
        }
    }

    /// (decimal separator, grouping separator)
    fn separators(self) -> (char, char) {
        match self {
            Self::It => (',', '.'),
            Self::En => ('.', ','),
        }
    }
}

/// Why a typed number was refused; `code` is the field error code the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    Empty,
    NotANumber,
    /// More decimals than the value keeps (`params.max`).
    TooManyDecimals,
    TooLarge,
}

impl DecimalError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "required",
            Self::NotANumber => "invalid_number",
            Self::TooManyDecimals => "too_many_decimals",
            Self::TooLarge => "too_large",
        }
    }
}

/// Parses `input` as a number with at most `decimals` decimals (more trailing zeros are fine),
/// returned times 10^decimals.
pub fn parse_scaled(input: &str, decimals: u32, locale: NumberLocale) -> Result<i64, DecimalError> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\'')
        .collect();
    if s.is_empty() {
        return Err(DecimalError::Empty);
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    let (int_part, frac_part) = split_decimal(body, locale)?;
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(DecimalError::NotANumber);
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(DecimalError::NotANumber);
    }
    let kept = frac_part.len().min(decimals as usize);
    if frac_part[kept..].bytes().any(|b| b != b'0') {
        return Err(DecimalError::TooManyDecimals);
    }
    let mut value: i128 = 0;
    for b in int_part.bytes().chain(frac_part[..kept].bytes()) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i128::from(b - b'0')))
            .ok_or(DecimalError::TooLarge)?;
    }
    for _ in kept..decimals as usize {
        value = value.checked_mul(10).ok_or(DecimalError::TooLarge)?;
    }
    let value = if negative { -value } else { value };
    i64::try_from(value).map_err(|_| DecimalError::TooLarge)
}

/// The integer digits (grouping removed) and the decimal digits.
fn split_decimal(body: &str, locale: NumberLocale) -> Result<(String, &str), DecimalError> {
    let (dec, group) = locale.separators();
    let (int_raw, frac) = match body.split_once(dec) {
        Some((i, f)) => (i, f),
        None => {
            // Only the other separator: grouping when it groups well, else the decimal point.
            if body.matches(group).count() == 1 && !groups_well(body, group) {
                body.split_once(group).unwrap_or((body, ""))
            } else {
                (body, "")
            }
        }
    };
    if frac.contains(dec) || frac.contains(group) {
        return Err(DecimalError::NotANumber);
    }
    if int_raw.contains(group) && !groups_well(int_raw, group) {
        return Err(DecimalError::NotANumber);
    }
    Ok((int_raw.replace(group, ""), frac))
}

/// `1.234.567`: a first group of 1–3 digits, then groups of exactly three.
fn groups_well(s: &str, group: char) -> bool {
    let mut parts = s.split(group);
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    first_ok && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Formats `value / 10^decimals` with grouping, keeping at least `min_decimals` decimals and
/// dropping trailing zeros beyond them.
pub fn format_scaled(value: i64, decimals: u32, min_decimals: u32, locale: NumberLocale) -> String {
    let (dec, group) = locale.separators();
    let scale = 10u128.pow(decimals);
    let abs = i128::from(value).unsigned_abs();
    let int = (abs / scale).to_string();
    let mut frac = format!("{:0width$}", abs % scale, width = decimals as usize);
    while frac.len() > min_decimals as usize && frac.ends_with('0') {
        frac.pop();
    }
    let mut out = String::new();
    if value < 0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberLocale::{En, It};

    #[test]
    fn reads_both_locales() {
        assert_eq!(parse_scaled("1,5", 3, It), Ok(1500));
        assert_eq!(parse_scaled("1.500", 3, It), Ok(1_500_000));
        assert_eq!(parse_scaled("1.500", 3, En), Ok(1500));
        assert_eq!(parse_scaled("1,500", 3, En), Ok(1_500_000));
        assert_eq!(parse_scaled("1.234,567", 3, It), Ok(1_234_567));
        assert_eq!(parse_scaled("1,234.567", 3, En), Ok(1_234_567));
        // A keypad dot that cannot be grouping is the decimal point.
        assert_eq!(parse_scaled("1.5", 3, It), Ok(1500));
        assert_eq!(parse_scaled("1,25", 3, En), Ok(1250));
        assert_eq!(parse_scaled(" 12 ", 2, It), Ok(1200));
        assert_eq!(parse_scaled("-0,5", 2, It), Ok(-50));
        assert_eq!(parse_scaled(",5", 2, It), Ok(50));
        assert_eq!(parse_scaled("1,5000", 3, It), Ok(1500));
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(parse_scaled("", 2, It), Err(DecimalError::Empty));
        assert_eq!(parse_scaled("abc", 2, It), Err(DecimalError::NotANumber));
        assert_eq!(parse_scaled("1,2,3", 2, It), Err(DecimalError::NotANumber));
        assert_eq!(
            parse_scaled("12.34.5", 2, It),
            Err(DecimalError::NotANumber)
        );
        assert_eq!(
            parse_scaled("1,234", 2, It),
            Err(DecimalError::TooManyDecimals)
        );
        assert_eq!(
            parse_scaled("1.001", 2, En),
            Err(DecimalError::TooManyDecimals)
        );
        assert_eq!(parse_scaled("-", 2, En), Err(DecimalError::NotANumber));
        assert_eq!(
            parse_scaled("99999999999999999999", 2, En),
            Err(DecimalError::TooLarge)
        );
    }

    #[test]
    fn formats_both_locales() {
        assert_eq!(format_scaled(123_456, 2, 2, It), "1.234,56");
        assert_eq!(format_scaled(123_456, 2, 2, En), "1,234.56");
        assert_eq!(format_scaled(1500, 3, 0, It), "1,5");
        assert_eq!(format_scaled(1000, 3, 0, En), "1");
        assert_eq!(format_scaled(-5, 2, 2, It), "-0,05");
        assert_eq!(format_scaled(1_000_000_000, 2, 2, It), "10.000.000,00");
        for v in [0, 7, 1500, 123_456_789, -42] {
            for l in [It, En] {
                assert_eq!(parse_scaled(&format_scaled(v, 3, 0, l), 3, l), Ok(v));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn formatting_reads_back(v in proptest::num::i64::ANY, decimals in 0u32..5, it in proptest::bool::ANY) {
            let l = if it { It } else { En };
            proptest::prop_assert_eq!(parse_scaled(&format_scaled(v, decimals, 0, l), decimals, l), Ok(v));
        }
    }
}
