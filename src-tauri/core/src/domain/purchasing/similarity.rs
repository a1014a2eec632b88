//! How alike two line descriptions are: the overlap of their normalised words, so "Cuscinetto
//! 6204-2RS SKF" on an invoice finds "cuscinetto SKF 6204 2RS" on the order.

use std::collections::BTreeSet;

/// Words that say nothing about the item, in both languages.
const STOP_WORDS: [&str; 22] = [
    "di", "da", "del", "della", "dei", "delle", "per", "con", "il", "la", "lo", "le", "gli", "un",
    "una", "in", "the", "of", "for", "with", "and", "ed",
];

/// The description's words: lower case, accents folded, split on anything but letters and
/// digits, one-letter words and stop words dropped (a lone digit is kept: "M8 x 1").
pub fn tokens(text: &str) -> BTreeSet<String> {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

/// The Dice coefficient of the two word sets, in permille: 1000 for the same words in any
/// order, 0 when none is shared (or either is empty).
pub fn description_score(a: &str, b: &str) -> u16 {
    let (ta, tb) = (tokens(a), tokens(b));
    let total = ta.len() + tb.len();
    if total == 0 {
        return 0;
    }
    let shared = ta.intersection(&tb).count();
    u16::try_from(shared * 2000 / total).unwrap_or(1000)
}

/// How close two prices are, in permille: 1000 when equal, falling linearly to 0 when one is
/// double the other or more (or either is zero and the other not).
pub fn price_score(a: i64, b: i64) -> u16 {
    let (lo, hi) = (a.min(b).max(0), a.max(b).max(0));
    if hi == 0 {
        return 1000;
    }
    let ratio = i128::from(lo) * 1000 / i128::from(hi);
    // lo / hi of 1 scores 1000, of 0,5 or less scores 0.
    u16::try_from(((ratio - 500) * 2).clamp(0, 1000)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_normalised() {
        let t = tokens("Cuscinetto 6204-2RS per motore, SKF (qualità A)");
        let want: BTreeSet<String> = ["cuscinetto", "6204", "2rs", "motore", "skf", "qualita"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(t, want);
        assert!(tokens("Vite M8 x 1").contains("1"));
        assert!(tokens("").is_empty());
    }

    #[test]
    fn descriptions_score_by_shared_words() {
        assert_eq!(
            description_score("SKF 6204 2RS cuscinetto", "Cuscinetto 6204-2RS SKF"),
            1000
        );
        assert_eq!(description_score("Toner HP 305A nero", "Carta A4 80g"), 0);
        let partial = description_score("Toner HP 305A nero", "Toner HP 305A ciano");
        assert!((700..=800).contains(&partial), "{partial}");
        assert_eq!(description_score("", "x"), 0);
    }

    #[test]
    fn prices_score_by_ratio() {
        assert_eq!(price_score(100, 100), 1000);
        assert_eq!(price_score(90, 100), 800);
        assert_eq!(price_score(100, 200), 0);
        assert_eq!(price_score(0, 0), 1000);
        assert_eq!(price_score(0, 5), 0);
    }
}
