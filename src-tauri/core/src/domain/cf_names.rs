//! The name letters of a codice fiscale (its first six characters: three for the surname, three
//! for the first name), and splitting a "surname and name" cell with them.
//!
//! Payroll reports often hold one column "Cognome e nome" / "Nominativo": "DE LUCA MARIA GRAZIA"
//! cannot be split by position (two-word surnames, two first names, either order), but exactly
//! one split gives the letters the person's tax code starts with.

/// The letters of `s` as a codice fiscale counts them: upper case, accents dropped, anything that
/// is not a letter (spaces, apostrophes) left out.
fn letters(s: &str) -> Vec<u8> {
    s.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'A',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'E',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
                'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'O',
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
                'ç' | 'Ç' => 'C',
                'ñ' | 'Ñ' => 'N',
                c => c,
            };
            base.is_ascii_alphabetic()
                .then(|| base.to_ascii_uppercase() as u8)
        })
        .collect()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Consonants then vowels then X, the first three: the rule for surnames, and for first names
/// with fewer than four consonants.
fn three(consonants: &[u8], vowels: &[u8]) -> String {
    consonants
        .iter()
        .chain(vowels)
        .chain(b"XXX")
        .take(3)
        .map(|&b| b as char)
        .collect()
}

fn split(s: &str) -> (Vec<u8>, Vec<u8>) {
    letters(s).into_iter().partition(|&b| !is_vowel(b))
}

/// The three surname letters of a codice fiscale for `surname`.
pub fn surname_letters(surname: &str) -> String {
    let (consonants, vowels) = split(surname);
    three(&consonants, &vowels)
}

/// The three first-name letters: with four consonants or more, the first, third and fourth.
pub fn name_letters(name: &str) -> String {
    let (consonants, vowels) = split(name);
    if consonants.len() >= 4 {
        return [consonants[0], consonants[2], consonants[3]]
            .iter()
            .map(|&b| b as char)
            .collect();
    }
    three(&consonants, &vowels)
}

/// Splits `full` (surname and first name in either order, words separated by spaces) into
/// (surname, first name): the one split whose letters are the first six characters of `cf`.
/// `None` when no split gives them, or more than one different split does.
pub fn split_full_name(full: &str, cf: &str) -> Option<(String, String)> {
    let code = cf.get(..6)?.to_ascii_uppercase();
    let words: Vec<&str> = full.split_whitespace().collect();
    let mut found: Option<(String, String)> = None;
    for k in 1..words.len() {
        let (a, b) = (words[..k].join(" "), words[k..].join(" "));
        // "Surname Name", then "Name Surname".
        for (surname, name) in [(&a, &b), (&b, &a)] {
            if surname_letters(surname) + &name_letters(name) != code {
                continue;
            }
            match &found {
                Some(f) if (&f.0, &f.1) != (surname, name) => return None,
                _ => found = Some((surname.clone(), name.clone())),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_follow_the_codice_fiscale_rules() {
        assert_eq!(surname_letters("Rossi"), "RSS");
        assert_eq!(surname_letters("Fo"), "FOX");
        assert_eq!(surname_letters("D'Angelo"), "DNG");
        assert_eq!(surname_letters("De Luca"), "DLC");
        assert_eq!(name_letters("Mario"), "MRA");
        // Four consonants or more: the first, third and fourth.
        assert_eq!(name_letters("Gianfranco"), "GFR");
        assert_eq!(name_letters("Niccolò"), "NCL");
        assert_eq!(name_letters("Maria Grazia"), "MGR");
    }

    #[test]
    fn a_full_name_splits_where_the_code_says() {
        let split = |full, cf| split_full_name(full, cf);
        assert_eq!(
            split("ROSSI MARIO", "RSSMRA80A01H501U"),
            Some(("ROSSI".into(), "MARIO".into()))
        );
        // Name first, as English lists write it.
        assert_eq!(
            split("Mario Rossi", "RSSMRA80A01H501U"),
            Some(("Rossi".into(), "Mario".into()))
        );
        // A two-word surname and two first names.
        assert_eq!(
            split("DE LUCA MARIA GRAZIA", "DLCMGR75C41F205X"),
            Some(("DE LUCA".into(), "MARIA GRAZIA".into()))
        );
        assert_eq!(
            split("D'Angelo  Niccolò", "DNGNCL00B29L219W"),
            Some(("D'Angelo".into(), "Niccolò".into()))
        );
        // Letters that fit no split, one word, no code.
        assert_eq!(split("BIANCHI MARIO", "RSSMRA80A01H501U"), None);
        assert_eq!(split("ROSSI", "RSSMRA80A01H501U"), None);
        assert_eq!(split("ROSSI MARIO", ""), None);
    }
}
