//! Italian VAT number (Partita IVA): 11 digits, the last a Luhn-style check digit.

/// Normalises user input ("IT 01234567890", "012 3456 7890") to the 11 digits, or `None` when
/// the shape or the check digit is wrong.
pub fn normalise_partita_iva(input: &str) -> Option<String> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact
        .strip_prefix("IT")
        .or_else(|| compact.strip_prefix("it"))
        .unwrap_or(&compact);
    if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    // The first seven digits identify the holder; all zeros is never issued.
    if d[..7].iter().all(|&x| x == 0) {
        return None;
    }
    (check_digit(&d[..10]) == d[10]).then(|| digits.to_owned())
}

fn check_digit(first_ten: &[u32]) -> u32 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                x
            } else {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            }
        })
        .sum();
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers_with_prefix_and_spaces() {
        // Published VAT numbers of well-known Italian companies.
        assert_eq!(
            normalise_partita_iva("00488410010").as_deref(),
            Some("00488410010")
        );
        assert_eq!(
            normalise_partita_iva("IT 00488410010").as_deref(),
            Some("00488410010")
        );
        assert_eq!(
            normalise_partita_iva("07643520567").as_deref(),
            Some("07643520567")
        );
        assert_eq!(
            normalise_partita_iva("0090 5811 006").as_deref(),
            Some("00905811006")
        );
    }

    #[test]
    fn rejects_wrong_check_digit_and_shape() {
        assert_eq!(normalise_partita_iva("00488410011"), None);
        assert_eq!(normalise_partita_iva("0048841001"), None);
        assert_eq!(normalise_partita_iva("0048841001A"), None);
        assert_eq!(normalise_partita_iva("00000000000"), None);
        assert_eq!(normalise_partita_iva(""), None);
    }
}
