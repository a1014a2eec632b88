//! How an audit is scored, per section and overall. The UI's help states the same formula.
//!
//! Each assessed item counts with its weight, except "not applicable" (left out) and items not
//! assessed yet (left out until they are). An item earns a share of its weight: compliant and
//! observation 100 %, minor non-conformity 50 %, major non-conformity 0 %. The score is the
//! weight earned over the weight counted, in basis points (10000 = 100 %), rounded half up.

use super::result::Outcome;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The share of its weight an outcome earns, in percent; `None` when it does not count.
pub fn earned_percent(o: Outcome) -> Option<i64> {
    match o {
        Outcome::Compliant | Outcome::Observation => Some(100),
        Outcome::Minor => Some(50),
        Outcome::Major => Some(0),
        Outcome::NotApplicable => None,
    }
}

/// Weighted score in basis points of `(weight, outcome)` pairs; `None` when nothing counts.
pub fn score<'a>(items: impl IntoIterator<Item = (i64, Option<Outcome>)> + 'a) -> Option<i64> {
    let (mut earned, mut counted) = (0i64, 0i64);
    for (w, o) in items {
        if let Some(p) = o.and_then(earned_percent) {
            earned += w * p;
            counted += w;
        }
    }
    // earned is weight × percent; basis points = earned × 100 / counted, rounded half up.
    (counted > 0).then(|| (earned * 100 * 2 + counted) / (counted * 2))
}

/// A section's (or the whole audit's) figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionScore {
    pub section: String,
    pub items: i64,
    pub assessed: i64,
    pub compliant: i64,
    pub minor: i64,
    pub major: i64,
    pub observation: i64,
    pub not_applicable: i64,
    pub score: Option<i64>,
}

/// Figures per section in checklist order, then the total (section name empty).
pub fn by_section(items: &[(String, i64, Option<Outcome>)]) -> (Vec<SectionScore>, SectionScore) {
    let mut sections: Vec<SectionScore> = Vec::new();
    let mut members: Vec<Vec<(i64, Option<Outcome>)>> = Vec::new();
    for (section, w, o) in items {
        let i = match sections.iter().position(|s| &s.section == section) {
            Some(i) => i,
            None => {
                sections.push(blank(section));
                members.push(Vec::new());
                sections.len() - 1
            }
        };
        tally(&mut sections[i], *o);
        members[i].push((*w, *o));
    }
    for (s, m) in sections.iter_mut().zip(&members) {
        s.score = score(m.iter().copied());
    }
    let mut total = blank("");
    for (_, _, o) in items {
        tally(&mut total, *o);
    }
    total.score = score(items.iter().map(|(_, w, o)| (*w, *o)));
    (sections, total)
}

fn blank(section: &str) -> SectionScore {
    SectionScore {
        section: section.to_owned(),
        items: 0,
        assessed: 0,
        compliant: 0,
        minor: 0,
        major: 0,
        observation: 0,
        not_applicable: 0,
        score: None,
    }
}

fn tally(s: &mut SectionScore, o: Option<Outcome>) {
    s.items += 1;
    let Some(o) = o else { return };
    s.assessed += 1;
    match o {
        Outcome::Compliant => s.compliant += 1,
        Outcome::Minor => s.minor += 1,
        Outcome::Major => s.major += 1,
        Outcome::Observation => s.observation += 1,
        Outcome::NotApplicable => s.not_applicable += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::*;

    #[test]
    fn weights_count_na_is_left_out_and_majors_weigh_more() {
        assert_eq!(
            score([(3, Some(Compliant)), (1, Some(NotApplicable))]),
            Some(10000)
        );
        // 2×100 + 2×50 over 4 = 75 %
        assert_eq!(score([(2, Some(Compliant)), (2, Some(Minor))]), Some(7500));
        assert_eq!(score([(2, Some(Compliant)), (2, Some(Major))]), Some(5000));
        assert_eq!(score([(1, None), (1, Some(NotApplicable))]), None);
        // 1 of 3 equal weights: 33.33 % → 3333 bp
        assert_eq!(
            score([(1, Some(Compliant)), (1, Some(Major)), (1, Some(Major))]),
            Some(3333)
        );
        assert_eq!(score([(2, Some(Compliant)), (1, Some(Major))]), Some(6667));
    }

    #[test]
    fn sections_keep_checklist_order() {
        let items = vec![
            ("B".to_owned(), 1, Some(Compliant)),
            ("A".to_owned(), 1, Some(Major)),
            ("B".to_owned(), 1, None),
        ];
        let (s, total) = by_section(&items);
        assert_eq!(
            s.iter().map(|x| x.section.as_str()).collect::<Vec<_>>(),
            ["B", "A"]
        );
        assert_eq!((s[0].items, s[0].assessed, s[0].score), (2, 1, Some(10000)));
        assert_eq!(total.score, Some(5000));
    }
}
