//! International bank account number (IBAN): country code, two check digits, then the national
//! account number (BBAN). Salaries are paid to it, so a typing error must be caught before a
//! payment file is built.

/// Lengths of the IBANs staff and suppliers of an Italian office are likely to have (ISO 13616
/// registry). Countries not listed get the general 15–34 rule.
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("VA", 22),
];
const GENERAL_LENGTH: std::ops::RangeInclusive<usize> = 15..=34;

/// An Italian (or San Marino, same layout) account split the way Italian forms ask for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItalianParts {
    /// Control letter over ABI, CAB and account.
    pub cin: char,
    /// Bank code.
    pub abi: String,
    /// Branch code.
    pub cab: String,
    /// Account number, 12 characters, zero-padded.
    pub account: String,
    /// Whether the CIN matches ABI, CAB and account. The IBAN check digits already catch typing
    /// errors; a wrong CIN on a valid IBAN means the bank details themselves are inconsistent.
    pub cin_valid: bool,
}

/// The compact, upper-case form of a valid IBAN ("it60 x054 2811…" → "IT60X0542811…"), or `None`
/// when the length for the country, the characters or the check digits are wrong.
pub fn normalise(input: &str) -> Option<String> {
    let iban: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    // ASCII first, so the byte slicing below always falls on character boundaries.
    if !iban.bytes().all(|b| b.is_ascii_alphanumeric()) || iban.len() < 4 {
        return None;
    }
    let b = iban.as_bytes();
    if !b[..2].iter().all(u8::is_ascii_uppercase) || !b[2..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let country = &iban[..2];
    let length_ok = match LENGTHS.iter().find(|(c, _)| *c == country) {
        Some(&(_, len)) => iban.len() == len,
        None => GENERAL_LENGTH.contains(&iban.len()),
    };
    // 00, 01 and 99 are never issued: the standard computes 98 - (n mod 97), which is 2..=98.
    let check_digits = &iban[2..4];
    if !length_ok || matches!(check_digits, "00" | "01" | "99") {
        return None;
    }
    if matches!(country, "IT" | "SM") && !italian_bban_shape(&b[4..]) {
        return None;
    }
    (mod97(&iban) == 1).then_some(iban)
}

/// Groups of four for display and print ("IT60 X054 2811 1010 0000 0123 456").
pub fn format_groups(iban: &str) -> String {
    let compact: Vec<char> = iban
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    compact
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// CIN, ABI, CAB and account of a valid Italian or San Marino IBAN; `None` for any other.
pub fn italian_parts(iban: &str) -> Option<ItalianParts> {
    let iban = normalise(iban)?;
    if !matches!(&iban[..2], "IT" | "SM") {
        return None;
    }
    let bban = &iban.as_bytes()[4..];
    Some(ItalianParts {
        cin: char::from(bban[0]),
        abi: iban[5..10].to_owned(),
        cab: iban[10..15].to_owned(),
        account: iban[15..].to_owned(),
        cin_valid: cin(&bban[1..]) == bban[0],
    })
}

/// The Italian IBAN of bank `abi` (5 digits), branch `cab` (5 digits) and `account` (12 digits or
/// upper-case letters), with its CIN and check digits computed; `None` when a part has the wrong
/// shape.
pub fn italian(abi: &str, cab: &str, account: &str) -> Option<String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let account_ok = account.len() == 12
        && account
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if !digits(abi, 5) || !digits(cab, 5) || !account_ok {
        return None;
    }
    let rest = format!("{abi}{cab}{account}");
    let bban = format!("{}{rest}", char::from(cin(rest.as_bytes())));
    let check = 98 - mod97(&format!("IT00{bban}"));
    Some(format!("IT{check:02}{bban}"))
}

/// CIN letter (1), ABI (5 digits), CAB (5 digits), account (12 letters or digits).
fn italian_bban_shape(bban: &[u8]) -> bool {
    bban.len() == 23
        && bban[0].is_ascii_uppercase()
        && bban[1..11].iter().all(u8::is_ascii_digit)
        && bban[11..].iter().all(u8::is_ascii_alphanumeric)
}

/// The IBAN as a number mod 97, with the first four characters moved to the end and letters
/// read as 10–35. Folded digit by digit, so no big integer is needed. Input is upper-case ASCII
/// letters and digits.
fn mod97(iban: &str) -> u32 {
    let b = iban.as_bytes();
    b[4..].iter().chain(&b[..4]).fold(0u32, |rem, &c| {
        if c.is_ascii_digit() {
            (rem * 10 + u32::from(c - b'0')) % 97
        } else {
            (rem * 100 + u32::from(c - b'A') + 10) % 97
        }
    })
}

/// The Italian CIN over ABI + CAB + account (22 characters): the same odd/even tables as the
/// tax code's check letter, with digits and letters sharing values (0 and A both count as 0).
fn cin(abi_cab_account: &[u8]) -> u8 {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let sum: u32 = abi_cab_account
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = if c.is_ascii_digit() {
                c - b'0'
            } else {
                c - b'A'
            };
            // Index 0 is position 1, an odd position.
            if i % 2 == 0 {
                ODD[usize::from(v)]
            } else {
                u32::from(v)
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published example IBANs of each country's banking association or the ISO registry; each
    /// was also checked with a separate big-integer mod-97 script.
    const VALID: &[&str] = &[
        "IT60X0542811101000000123456",
        "SM86U0322509800000000270100",
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "FR1420041010050500013M02606",
        "ES9121000418450200051332",
        "CH9300762011623852957",
        "AT611904300234573201",
        "BE68539007547034",
        "NL91ABNA0417164300",
        "PT50000201231234567890154",
    ];

    #[test]
    fn builds_italian_ibans() {
        assert_eq!(
            italian("05428", "11101", "000000123456").as_deref(),
            Some("IT60X0542811101000000123456")
        );
        let built = italian("03069", "09606", "100000012345").unwrap();
        assert_eq!(normalise(&built).as_deref(), Some(built.as_str()));
        assert!(italian_parts(&built).unwrap().cin_valid);
        assert_eq!(italian("0542", "11101", "000000123456"), None);
    }

    #[test]
    fn accepts_valid_ibans() {
        for iban in VALID {
            assert_eq!(normalise(iban).as_deref(), Some(*iban), "{iban}");
        }
    }

    #[test]
    fn accepts_spaces_and_lower_case() {
        assert_eq!(
            normalise(" it60 x054 2811 1010 0000 0123 456 ").as_deref(),
            Some("IT60X0542811101000000123456")
        );
        assert_eq!(
            normalise("gb82\twest 1234 5698 7654 32").as_deref(),
            Some("GB82WEST12345698765432")
        );
    }

    #[test]
    fn every_single_digit_corruption_is_refused() {
        for iban in VALID {
            for (i, c) in iban.char_indices().filter(|(i, _)| *i >= 2) {
                let Some(d) = c.to_digit(10) else { continue };
                for other in (0..10).filter(|&o| o != d) {
                    let mut bad = iban.to_string();
                    bad.replace_range(i..=i, &other.to_string());
                    assert_eq!(normalise(&bad), None, "{bad}");
                }
            }
        }
    }

    #[test]
    fn swapped_neighbours_are_refused() {
        assert_eq!(normalise("IT60X0542811101000000124356"), None);
        assert_eq!(
            normalise("DE89370400440532013000".replace("0532", "0352").as_str()),
            None
        );
    }

    #[test]
    fn refuses_wrong_lengths_and_characters() {
        for bad in [
            "",
            "IT",
            "IT60",
            "IT60X054281110100000012345",   // 26 for Italy
            "IT60X05428111010000001234567", // 28
            "DE8937040044053201300",        // 21 for Germany
            "60IT X054 2811 1010 0000 0123 456",
            "IT60X0542811101000000123-456",
            "IT60X0542811101000000123Ä56",
            "ITA0X0542811101000000123456",
            // Right check digits for the letters, but Italian ABI/CAB must be digits.
            "IT6000542811101000000123456",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    /// A valid IBAN for the made-up country "XA" (general length rule) with an 11-digit BBAN.
    fn make_xa(bban: &str) -> String {
        let probe = format!("XA00{bban}");
        let check = 98 - mod97(&probe);
        format!("XA{check:02}{bban}")
    }

    #[test]
    fn check_digits_00_01_99_are_never_valid() {
        // Check digits k and k + 97 weigh the same mod 97, so 98 has a twin 01 and 02 a twin 99
        // that pass the sum; the standard never issues the twins.
        let find = |check: &str| {
            (0u64..)
                .map(|n| make_xa(&format!("{n:011}")))
                .find(|iban| &iban[2..4] == check)
                .unwrap()
        };
        for (issued, twin) in [("98", "01"), ("02", "99")] {
            let ok = find(issued);
            assert_eq!(normalise(&ok).as_deref(), Some(ok.as_str()));
            let bad = format!("XA{twin}{}", &ok[4..]);
            assert_eq!(mod97(&bad), 1, "{bad}");
            assert_eq!(normalise(&bad), None, "{bad}");
        }
    }

    #[test]
    fn unlisted_countries_use_the_general_length() {
        let ok = make_xa("12345678901");
        assert_eq!(ok.len(), 15);
        assert_eq!(normalise(&ok).as_deref(), Some(ok.as_str()));
        let short = make_xa("1234567890");
        assert_eq!(normalise(&short), None);
        let long = make_xa(&"1".repeat(31));
        assert_eq!(long.len(), 35);
        assert_eq!(normalise(&long), None);
        let max = make_xa(&"1".repeat(30));
        assert_eq!(normalise(&max).as_deref(), Some(max.as_str()));
    }

    #[test]
    fn formats_in_groups_of_four() {
        assert_eq!(
            format_groups("IT60X0542811101000000123456"),
            "IT60 X054 2811 1010 0000 0123 456"
        );
        assert_eq!(format_groups("be68539007547034"), "BE68 5390 0754 7034");
        assert_eq!(format_groups("IT60 X054 2811"), "IT60 X054 2811");
        assert_eq!(format_groups(""), "");
    }

    #[test]
    fn splits_italian_accounts() {
        assert_eq!(
            italian_parts("IT60 X054 2811 1010 0000 0123 456"),
            Some(ItalianParts {
                cin: 'X',
                abi: "05428".into(),
                cab: "11101".into(),
                account: "000000123456".into(),
                cin_valid: true,
            })
        );
        let sm = italian_parts("SM86U0322509800000000270100").unwrap();
        assert_eq!(
            (sm.cin, sm.abi.as_str(), sm.cab.as_str()),
            ('U', "03225", "09800")
        );
        assert!(sm.cin_valid);
        assert_eq!(italian_parts("DE89370400440532013000"), None);
        assert_eq!(italian_parts("IT60X0542811101000000123457"), None);
        // Account changed and the IBAN check digits recomputed (by the separate script): a valid
        // IBAN whose CIN no longer matches.
        let p = italian_parts("IT33X0542811101000000123457").unwrap();
        assert!(!p.cin_valid);
    }
}
