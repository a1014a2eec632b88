//! The page grid and the first pass's output: every page as a list of positioned drawing
//! operations, so the total page count is known before any page is drawn.
//!
//! Coordinates are points from the page's top-left corner (y grows downwards); text is placed
//! by its baseline. Text operations borrow the report's strings, so the laid-out document costs
//! one small record per line, not a copy of the text.

use super::fonts::Fonts;
use super::model::{Align, Picture};
use std::borrow::Cow;

/// A4 portrait.
pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const LEFT: f32 = 56.7;
pub(crate) const RIGHT: f32 = PAGE_W - 56.7;
pub(crate) const WIDTH: f32 = RIGHT - LEFT;
pub(crate) const TOP: f32 = 56.7;
/// Content stops here; the footer sits below.
pub(crate) const BOTTOM: f32 = PAGE_H - 70.0;

pub(crate) type Rgb = (u8, u8, u8);
pub(crate) const INK: Rgb = (33, 37, 41);
pub(crate) const MUTED: Rgb = (100, 108, 118);
pub(crate) const RULE: Rgb = (206, 212, 218);
pub(crate) const ACCENT: Rgb = (31, 78, 121);

/// A line's height for a font size: DejaVu's ascender and descender plus a little air.
pub(crate) fn line_height(size: f32) -> f32 {
    size * 1.32
}

/// The baseline of a line whose box starts at `top`.
pub(crate) fn baseline(top: f32, size: f32) -> f32 {
    top + size * 1.02
}

pub(crate) enum Op<'a> {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: Cow<'a, str>,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        color: Rgb,
        width: f32,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        color: Rgb,
        width: f32,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        color: Rgb,
    },
    /// A raster picture scaled into the box `(x, y, w, h)`.
    Picture {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        picture: &'a Picture,
    },
    /// Filled cells of a grid (a QR code's modules) as one path: `cells` are `(column, row,
    /// columns, rows)` in cells of `unit` points from `(x, y)`. Small whole numbers keep the
    /// page's content short, and one path leaves no hairline seams where cells touch.
    Cells {
        x: f32,
        y: f32,
        unit: f32,
        cells: Vec<[u16; 4]>,
        color: Rgb,
    },
}

pub(crate) struct Pages<'a> {
    pub fonts: &'a Fonts,
    pub pages: Vec<Vec<Op<'a>>>,
    /// The top of the free space on the last page.
    pub y: f32,
}

impl<'a> Pages<'a> {
    pub fn new(fonts: &'a Fonts) -> Self {
        Self {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    pub fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    pub fn at_top(&self) -> bool {
        self.y <= TOP + 0.01
    }

    /// Starts a new page unless `h` points fit here (or this page is still empty: a piece
    /// taller than a page would only leave blank pages behind).
    pub fn ensure(&mut self, h: f32) {
        if h > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space between blocks; none at the top of a page.
    pub fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    pub fn push(&mut self, op: Op<'a>) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: Cow<'a, str>) {
        self.push(Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    /// One line in a box `x..x + w`, aligned; returns where its ink starts and its width.
    #[allow(clippy::too_many_arguments)]
    pub fn aligned(
        &mut self,
        (x, w): (f32, f32),
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: &'a str,
        align: Align,
    ) -> (f32, f32) {
        let tw = self.fonts.face(bold).width(text, size);
        let x = match align {
            Align::Left => x,
            Align::Center => x + (w - tw).max(0.0) / 2.0,
            Align::Right => x + (w - tw).max(0.0),
        };
        self.text(x, y, size, bold, color, Cow::Borrowed(text));
        (x, tw)
    }

    pub fn rect(
        &mut self,
        (x, y, w, h): (f32, f32, f32, f32),
        fill: Option<Rgb>,
        stroke: Option<Rgb>,
    ) {
        self.push(Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
        self.push(Op::Line {
            from,
            to,
            color,
            width,
        });
    }
}

/// `text` cut with an ellipsis to fit `width`; the text itself when it fits.
pub(crate) fn fit<'t>(
    fonts: &Fonts,
    bold: bool,
    text: &'t str,
    size: f32,
    width: f32,
) -> Cow<'t, str> {
    let face = fonts.face(bold);
    if face.width(text, size) <= width {
        return Cow::Borrowed(text);
    }
    let room = width - face.glyph('…').1 * size;
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        used += face.glyph(c).1 * size;
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}…", text[..end].trim_end()))
}
