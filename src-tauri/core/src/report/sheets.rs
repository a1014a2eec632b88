//! Label sheet formats: where each label of a sheet sits on the page.
//!
//! The shipped formats use the manufacturers' published dimensions (label size, top and side
//! margins, pitch between labels); a label's position is computed from them, so a sheet printed
//! at 100 % (no "fit to page") lands on the die-cut labels.

use crate::{Error, Result};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// A sheet of labels. Lengths are millimetres, as the manufacturers publish them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSheet {
    /// Stable identifier the UI stores (e.g. `a4_3x8`).
    pub id: &'static str,
    /// What the user picks from, with the manufacturer's codes.
    pub name: &'static str,
    pub page_w: f32,
    pub page_h: f32,
    /// From the page's top edge to the top of the first row.
    pub margin_top: f32,
    /// From the page's left edge to the left of the first column.
    pub margin_left: f32,
    pub columns: usize,
    pub rows: usize,
    pub label_w: f32,
    pub label_h: f32,
    /// Space between two columns and between two rows.
    pub gap_x: f32,
    pub gap_y: f32,
}

const A4: (f32, f32) = (210.0, 297.0);
const LETTER: (f32, f32) = (215.9, 279.4);

/// Avery Zweckform 3474: 70 × 37 mm, 24 per sheet, edge to edge across the width, no gaps;
/// 8 × 37 = 296 mm leaves 0.5 mm top and bottom. (Not an L7160 variant: that one is 3 × 7.)
pub const A4_3X8: LabelSheet = LabelSheet {
    id: "a4_3x8",
    name: "A4 3 × 8 — 70 × 37 mm (Avery Zweckform 3474)",
    page_w: A4.0,
    page_h: A4.1,
    margin_top: 0.5,
    margin_left: 0.0,
    columns: 3,
    rows: 8,
    label_w: 70.0,
    label_h: 37.0,
    gap_x: 0.0,
    gap_y: 0.0,
};

/// Avery L7160 / J8160: 63.5 × 38.1 mm, 21 per sheet; top margin 15.15 mm, side margin
/// 7.21 mm, horizontal pitch 66.04 mm (2.54 mm gap), vertical pitch 38.1 mm (no gap).
pub const A4_3X7: LabelSheet = LabelSheet {
    id: "a4_3x7",
    name: "A4 3 × 7 — 63,5 × 38,1 mm (Avery L7160)",
    page_w: A4.0,
    page_h: A4.1,
    margin_top: 15.15,
    margin_left: 7.21,
    columns: 3,
    rows: 7,
    label_w: 63.5,
    label_h: 38.1,
    gap_x: 2.54,
    gap_y: 0.0,
};

/// Avery L7163 / J8163: 99.1 × 38.1 mm, 14 per sheet; top margin 15.15 mm, side margin
/// 4.65 mm, horizontal pitch 101.6 mm (2.5 mm gap), vertical pitch 38.1 mm.
pub const A4_2X7: LabelSheet = LabelSheet {
    id: "a4_2x7",
    name: "A4 2 × 7 — 99,1 × 38,1 mm (Avery L7163)",
    page_w: A4.0,
    page_h: A4.1,
    margin_top: 15.15,
    margin_left: 4.65,
    columns: 2,
    rows: 7,
    label_w: 99.1,
    label_h: 38.1,
    gap_x: 2.5,
    gap_y: 0.0,
};

/// Avery Zweckform 4780: 48.5 × 25.4 mm, 40 per sheet, no gaps; 8 mm side margins and the
/// 254 mm grid centred on the page (21.5 mm top). Avery L7651 is a different sheet (5 × 13,
/// 38.1 × 21.2 mm), and 48.5 × 25.4 mm on 4 × 11 is Zweckform 3657.
pub const A4_4X10: LabelSheet = LabelSheet {
    id: "a4_4x10",
    name: "A4 4 × 10 — 48,5 × 25,4 mm (Avery Zweckform 4780)",
    page_w: A4.0,
    page_h: A4.1,
    margin_top: 21.5,
    margin_left: 8.0,
    columns: 4,
    rows: 10,
    label_w: 48.5,
    label_h: 25.4,
    gap_x: 0.0,
    gap_y: 0.0,
};

/// Avery 5160 (US Letter): 2.625 × 1 in, 30 per sheet; top margin 0.5 in, side margin
/// 0.1875 in, horizontal pitch 2.75 in (0.125 in gap), vertical pitch 1 in.
pub const LETTER_3X10: LabelSheet = LabelSheet {
    id: "letter_3x10",
    name: "Letter 3 × 10 — 2,625 × 1 in (Avery 5160)",
    page_w: LETTER.0,
    page_h: LETTER.1,
    margin_top: 12.7,
    margin_left: 4.7625,
    columns: 3,
    rows: 10,
    label_w: 66.675,
    label_h: 25.4,
    gap_x: 3.175,
    gap_y: 0.0,
};

static SHEETS: [LabelSheet; 5] = [A4_3X8, A4_3X7, A4_2X7, A4_4X10, LETTER_3X10];

/// The shipped formats, in the order the UI lists them.
pub fn sheets() -> &'static [LabelSheet] {
    &SHEETS
}

impl LabelSheet {
    /// The shipped format with this id.
    pub fn by_id(id: &str) -> Result<&'static LabelSheet> {
        SHEETS
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::not_found("label sheet"))
    }

    pub fn per_page(&self) -> usize {
        self.columns * self.rows
    }

    /// The page size in points.
    pub fn page_size(&self) -> (f32, f32) {
        (self.page_w * PT_PER_MM, self.page_h * PT_PER_MM)
    }

    /// The box `(x, y, w, h)` in points from the page's top-left corner of the label at
    /// `slot` (0-based, row by row) on its page.
    pub fn position(&self, slot: usize) -> (f32, f32, f32, f32) {
        let columns = self.columns.max(1);
        let (row, column) = ((slot % self.per_page().max(1)) / columns, slot % columns);
        let x = self.margin_left + column as f32 * (self.label_w + self.gap_x);
        let y = self.margin_top + row as f32 * (self.label_h + self.gap_y);
        (
            x * PT_PER_MM,
            y * PT_PER_MM,
            self.label_w * PT_PER_MM,
            self.label_h * PT_PER_MM,
        )
    }

    /// A format made by hand must have labels and keep them on the page.
    pub(crate) fn check(&self) -> Result<()> {
        let right = self.margin_left
            + self.columns as f32 * self.label_w
            + self.columns.saturating_sub(1) as f32 * self.gap_x;
        let bottom = self.margin_top
            + self.rows as f32 * self.label_h
            + self.rows.saturating_sub(1) as f32 * self.gap_y;
        let sizes = [self.label_w, self.label_h, self.page_w, self.page_h];
        let gaps = [self.margin_top, self.margin_left, self.gap_x, self.gap_y];
        let fits = self.per_page() > 0
            && sizes.iter().all(|v| v.is_finite() && *v > 0.0)
            && gaps.iter().all(|v| v.is_finite() && *v >= 0.0)
            && right <= self.page_w + 0.01
            && bottom <= self.page_h + 0.01;
        if fits {
            Ok(())
        } else {
            Err(Error::field("sheet", "invalid"))
        }
    }
}
