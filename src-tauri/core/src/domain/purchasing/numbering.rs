//! Document numbers per kind and year: `OA-2026-0001`. The sequence is at least four digits
//! and grows past 9999 without a change of format; the store assigns it (without gaps, at
//! approval for orders), this only formats and reads it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NumberedKind {
    /// Ordine d'acquisto.
    PurchaseOrder,
    /// Richiesta d'acquisto.
    Requisition,
    /// Richiesta di offerta.
    Rfq,
    /// Entrata merce.
    Receipt,
}

pub const NUMBERED_KINDS: [NumberedKind; 4] = [
    NumberedKind::PurchaseOrder,
    NumberedKind::Requisition,
    NumberedKind::Rfq,
    NumberedKind::Receipt,
];

impl NumberedKind {
    pub fn prefix(self) -> &'static str {
        match self {
            Self::PurchaseOrder => "OA",
            Self::Requisition => "RDA",
            Self::Rfq => "RDO",
            Self::Receipt => "EM",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocNumber {
    pub year: i32,
    pub seq: u32,
}

/// `OA-2026-0001`.
pub fn format_number(kind: NumberedKind, year: i32, seq: u32) -> String {
    format!("{}-{year:04}-{seq:04}", kind.prefix())
}

/// Reads a number of `kind` back, accepting only the form [`format_number`] writes (spaces
/// around and lower case are forgiven): the year has four digits, the sequence at least four
/// and starts from 1.
pub fn parse_number(kind: NumberedKind, input: &str) -> Option<DocNumber> {
    let s = input.trim().to_ascii_uppercase();
    let rest = s.strip_prefix(kind.prefix())?.strip_prefix('-')?;
    let (year, seq) = rest.split_once('-')?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if seq.len() < 4 || !seq.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = DocNumber {
        year: year.parse().ok()?,
        seq: seq.parse().ok()?,
    };
    (n.seq >= 1 && format_number(kind, n.year, n.seq) == s).then_some(n)
}

/// The next number of a year: one after the year's last, 1 for the first.
pub fn next_seq(last_of_year: Option<u32>) -> Option<u32> {
    match last_of_year {
        None => Some(1),
        Some(n) => n.checked_add(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberedKind::*;

    #[test]
    fn formats_and_reads_back() {
        assert_eq!(format_number(PurchaseOrder, 2026, 1), "OA-2026-0001");
        assert_eq!(format_number(Requisition, 2026, 12_345), "RDA-2026-12345");
        for kind in NUMBERED_KINDS {
            for seq in [1, 42, 9999, 10_000, 123_456] {
                let s = format_number(kind, 2026, seq);
                assert_eq!(parse_number(kind, &s), Some(DocNumber { year: 2026, seq }));
            }
        }
        assert_eq!(
            parse_number(PurchaseOrder, " oa-2026-0007 "),
            Some(DocNumber { year: 2026, seq: 7 })
        );
    }

    #[test]
    fn refuses_other_shapes() {
        for bad in [
            "OA-2026-001",
            "OA-26-0001",
            "OA-2026-00001",
            "OA-2026-0000",
            "RDA-2026-0001",
            "OA2026-0001",
            "OA-2026-00a1",
            "OA-2026-",
            "",
        ] {
            assert_eq!(parse_number(PurchaseOrder, bad), None, "{bad}");
        }
        assert_eq!(parse_number(Rfq, "OA-2026-0001"), None);
    }

    #[test]
    fn sequences_start_at_one() {
        assert_eq!(next_seq(None), Some(1));
        assert_eq!(next_seq(Some(41)), Some(42));
        assert_eq!(next_seq(Some(u32::MAX)), None);
    }
}
