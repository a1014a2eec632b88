//! How the words of an asset file are read: statuses and category names as Snipe-IT, GLPI and
//! people write them, amounts with any thousands and decimal separators, months of warranty.

use crate::domain::assets::asset::AssetStatus;
use crate::import::headers::words;

/// A word or title folded as column titles are: lower case, no accents, words joined by one
/// space ("Broken - Not Fixable" → "broken not fixable").
pub(super) fn fold_words(s: &str) -> String {
    words(s).join(" ")
}

/// A status in either language, or as Snipe-IT's default labels and GLPI's usual states say it.
pub(super) fn parse_status(s: &str) -> Option<AssetStatus> {
    Some(match fold_words(s).as_str() {
        "in use" | "in uso" | "deployed" | "assegnato" | "assigned" | "checked out"
        | "in produzione" | "production" | "attivo" | "active" => AssetStatus::InUse,
        "in stock" | "in magazzino" | "magazzino" | "stock" | "disponibile" | "available"
        | "ready deploy" | "ready to deploy" | "pending" | "in attesa" | "nuovo" | "new"
        | "spare" | "scorta" => AssetStatus::InStock,
        "in repair"
        | "in riparazione"
        | "riparazione"
        | "repair"
        | "out for repair"
        | "out for diagnostics"
        | "in assistenza"
        | "guasto"
        | "broken" => AssetStatus::InRepair,
        "retired" | "dismesso" | "archived" | "archiviato" | "broken not fixable"
        | "non riparabile" | "rottamato" | "scrapped" | "disposed" | "smaltito"
        | "decommissioned" | "fuori uso" => AssetStatus::Retired,
        "lost" | "stolen" | "lost stolen" | "perso" | "smarrito" | "rubato" | "furto"
        | "perso rubato" | "lost or stolen" | "smarrito o rubato" => AssetStatus::Lost,
        _ => return None,
    })
}

/// The code of the default category a Snipe-IT or GLPI category word stands for.
pub(super) fn category_code(s: &str) -> Option<&'static str> {
    Some(match fold_words(s).as_str() {
        "laptop" | "laptops" | "notebook" | "notebooks" | "portatile" | "portatili" => "laptop",
        "desktop" | "desktops" | "computer" | "computers" | "pc" | "computer fisso"
        | "workstation" | "workstations" => "desktop",
        "server" | "servers" => "server",
        "printer" | "printers" | "stampante" | "stampanti" | "multifunzione" | "mfp" => "printer",
        "switch" | "switches" | "router" | "routers" | "network" | "network equipment"
        | "network device" | "networking" | "firewall" | "access point" | "apparato rete"
        | "apparati rete" | "rete" => "network",
        "phone" | "phones" | "mobile" | "mobile phone" | "smartphone" | "smartphones"
        | "telefono" | "telefoni" | "cellulare" => "phone",
        "monitor" | "monitors" | "display" | "displays" | "schermo" => "monitor",
        "software" | "licenza" | "licenze" | "license" | "licenses" => "software",
        _ => return None,
    })
}

/// Why an amount cell cannot be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BadAmount {
    Unreadable,
    Negative,
}

/// An amount in cents, as exports write it: `1,299.00` (Snipe-IT), `1.299,00` and `1 299,00`
/// (Italian programs, GLPI), `1299,5`, with or without a currency sign. A single separator
/// followed by three digits groups thousands (`1.299` and `1,299` are both 1299).
pub(super) fn parse_cents(s: &str) -> Result<i64, BadAmount> {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '€' | '$' | '£' | '\''))
        .collect();
    for code in ["EUR", "USD", "GBP", "CHF", "eur"] {
        t = t.replace(code, "");
    }
    let negative = t.starts_with('-') || (t.starts_with('(') && t.ends_with(')'));
    let t = t.trim_matches(|c| matches!(c, '-' | '(' | ')' | '+'));
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return Err(BadAmount::Unreadable);
    }
    let decimal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(i), None) | (None, Some(i)) => {
            let sep = t.as_bytes()[i];
            let once = t.bytes().filter(|&b| b == sep).count() == 1;
            (once && t.len() - i - 1 != 3).then_some(i)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    // Only the other separator may group the whole part.
    if decimal.is_some_and(|i| whole.contains(char::from(t.as_bytes()[i]))) {
        return Err(BadAmount::Unreadable);
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if fraction.len() > 2 || fraction.contains([',', '.']) || whole.len() > 12 {
        return Err(BadAmount::Unreadable);
    }
    let units: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| BadAmount::Unreadable)?
    };
    let cents: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| BadAmount::Unreadable)?;
    if negative && (units > 0 || cents > 0) {
        return Err(BadAmount::Negative);
    }
    Ok(units * 100 + cents)
}

/// Months of warranty: `36`, `36 months`, `36 mesi`, `3 anni`, `3 years`. `None` for anything
/// else, or more than 50 years.
pub(super) fn parse_months(s: &str) -> Option<u32> {
    let folded = fold_words(s);
    let mut parts = folded.split(' ');
    let n: u32 = parts.next()?.parse().ok()?;
    let months = match parts.next() {
        None | Some("months" | "month" | "mesi" | "mese" | "m") => n,
        Some("years" | "year" | "anni" | "anno" | "y") => n.checked_mul(12)?,
        _ => return None,
    };
    (parts.next().is_none() && months <= 600).then_some(months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_programs_write_them() {
        for (s, c) in [
            ("1,299.00", 129_900),
            ("1.299,00", 129_900),
            ("1 299,00", 129_900),
            ("1299,5", 129_950),
            ("€ 12", 1200),
            ("1.299", 129_900),
            ("1,299", 129_900),
            ("0.99", 99),
            ("1,234,567.89", 123_456_789),
            ("EUR 10,00", 1000),
        ] {
            assert_eq!(parse_cents(s), Ok(c), "{s}");
        }
        assert_eq!(parse_cents("-5,00"), Err(BadAmount::Negative));
        for s in ["abc", "1,2,3.4.5", "1.2345", ""] {
            assert_eq!(parse_cents(s), Err(BadAmount::Unreadable), "{s}");
        }
    }

    #[test]
    fn statuses_categories_and_months() {
        assert_eq!(parse_status("Ready to Deploy"), Some(AssetStatus::InStock));
        assert_eq!(
            parse_status("Broken - Not Fixable"),
            Some(AssetStatus::Retired)
        );
        assert_eq!(parse_status("Lost/Stolen"), Some(AssetStatus::Lost));
        assert_eq!(parse_status("in_use"), Some(AssetStatus::InUse));
        assert_eq!(parse_status("Out for Repair"), Some(AssetStatus::InRepair));
        assert_eq!(parse_status("forse"), None);
        assert_eq!(category_code("Network equipment"), Some("network"));
        assert_eq!(category_code("Notebook"), Some("laptop"));
        assert_eq!(category_code("Stampante"), Some("printer"));
        assert_eq!(category_code("Tablet"), None);
        assert_eq!(parse_months("36"), Some(36));
        assert_eq!(parse_months("3 anni"), Some(36));
        assert_eq!(parse_months("24 months"), Some(24));
        assert_eq!(parse_months("molti"), None);
    }
}
