//! Asset tags: a category's pattern (`PC-#####`) and the next number it suggests.

/// Digits of the number when a pattern has no `#`.
const DEFAULT_DIGITS: usize = 5;

/// A tag pattern split into what comes before the number, its width and what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPattern {
    pub prefix: String,
    pub digits: usize,
    pub suffix: String,
}

impl TagPattern {
    /// Reads `PC-#####`: the first run of `#` is the number. A pattern without one numbers after
    /// the text (`SRV` gives `SRV00001`). `None` for an empty pattern or one with two runs.
    pub fn parse(pattern: &str) -> Option<Self> {
        let p = pattern.trim();
        if p.is_empty() || p.len() > 30 {
            return None;
        }
        let Some(start) = p.find('#') else {
            return Some(Self {
                prefix: p.to_owned(),
                digits: DEFAULT_DIGITS,
                suffix: String::new(),
            });
        };
        let digits = p[start..].chars().take_while(|c| *c == '#').count();
        let suffix = &p[start + digits..];
        if suffix.contains('#') || digits > 12 {
            return None;
        }
        Some(Self {
            prefix: p[..start].to_owned(),
            digits,
            suffix: suffix.to_owned(),
        })
    }

    pub fn format(&self, n: u64) -> String {
        format!(
            "{}{:0width$}{}",
            self.prefix,
            n,
            self.suffix,
            width = self.digits
        )
    }

    /// The number in `tag` when it follows this pattern (any case, any number of digits).
    pub fn number_of(&self, tag: &str) -> Option<u64> {
        let t = tag.trim().to_uppercase();
        let rest = t.strip_prefix(&self.prefix.to_uppercase())?;
        let num = rest.strip_suffix(&self.suffix.to_uppercase())?;
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        num.parse().ok()
    }

    /// What tags of this pattern start with, upper-cased, to find them by prefix in the store.
    pub fn key_prefix(&self) -> String {
        self.prefix.to_uppercase()
    }
}

/// The tag to suggest: one above the highest number among `existing` tags of the pattern.
pub fn next_tag<'a>(pattern: &TagPattern, existing: impl Iterator<Item = &'a str>) -> String {
    let top = existing.filter_map(|t| pattern.number_of(t)).max();
    pattern.format(top.map_or(1, |n| n.saturating_add(1)))
}

/// The stored key of a tag: unique whatever case it was typed in.
pub fn tag_key(tag: &str) -> String {
    tag.trim().to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_number_and_suggest() {
        let p = TagPattern::parse("PC-#####").expect("pattern");
        assert_eq!(p.format(42), "PC-00042");
        assert_eq!(p.number_of("pc-00042"), Some(42));
        assert_eq!(p.number_of("PC-123456"), Some(123_456));
        assert_eq!(p.number_of("PC-12a"), None);
        assert_eq!(p.number_of("NB-00001"), None);
        let tags = ["PC-00007", "PC-00041", "NB-00099", "pc-00002"];
        assert_eq!(next_tag(&p, tags.iter().copied()), "PC-00042");
        assert_eq!(next_tag(&p, std::iter::empty()), "PC-00001");
        let s = TagPattern::parse("SRV").expect("pattern");
        assert_eq!(s.format(3), "SRV00003");
        let x = TagPattern::parse("LIC-###/IT").expect("pattern");
        assert_eq!(x.format(5), "LIC-005/IT");
        assert_eq!(x.number_of("LIC-017/IT"), Some(17));
        assert!(TagPattern::parse("A-##-##").is_none());
        assert!(TagPattern::parse("  ").is_none());
    }
}
