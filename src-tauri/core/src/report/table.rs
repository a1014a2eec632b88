//! Tables and label/value facts: rows that split across pages with the header repeated, and a
//! row taller than a page cut between its lines instead of running off the paper.

use super::fonts::Fonts;
use super::model::{Align, Cell, Column, Tone};
use super::page::{self, line_height, Pages, Rgb, INK, LEFT, MUTED, RULE, WIDTH};
use super::wrap::wrap;

pub(crate) const SIZE: f32 = 8.5;
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const HEADER_FILL: Rgb = (226, 232, 240);
const STRIPE: Rgb = (246, 248, 250);

/// How a table looks: the facts list is a table with no header, a bold label column and no
/// stripes.
struct Style {
    /// (x, width, align) per column.
    cols: Vec<(f32, f32, Align)>,
    label_column: bool,
    stripes: bool,
}

/// A row's cells as wrapped lines, with each cell's tone.
struct Row<'a> {
    cells: Vec<(Vec<&'a str>, Option<Tone>)>,
}

impl Row<'_> {
    fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.0.len())
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

fn height(lines: usize) -> f32 {
    lines as f32 * line_height(SIZE) + 2.0 * PAD_Y
}

pub(crate) fn table<'a>(pages: &mut Pages<'a>, columns: &'a [Column], rows: &'a [Vec<Cell>]) {
    if columns.is_empty() {
        return;
    }
    let total: f32 = columns.iter().map(|c| c.width.max(0.01)).sum();
    let mut x = LEFT;
    let cols: Vec<_> = columns
        .iter()
        .map(|c| {
            let w = WIDTH * c.width.max(0.01) / total;
            x += w;
            (x - w, w, c.align)
        })
        .collect();
    let style = Style {
        cols,
        label_column: false,
        stripes: true,
    };
    let header = Row {
        cells: columns
            .iter()
            .zip(&style.cols)
            .map(|(c, &(_, w, _))| (wrap_cell(pages.fonts, &c.title, w, true), None))
            .collect(),
    };
    let cells = rows.iter().map(|row| {
        row.iter()
            .zip(&style.cols)
            .map(|(cell, &(_, w, _))| (cell.text.as_str(), cell.tone, w))
            .collect::<Vec<_>>()
    });
    lay_rows(pages, &style, Some(&header), cells);
}

pub(crate) fn facts<'a>(pages: &mut Pages<'a>, facts: &'a [(String, String)]) {
    let label_w = WIDTH * 0.32;
    let style = Style {
        cols: vec![
            (LEFT, label_w, Align::Left),
            (LEFT + label_w, WIDTH - label_w, Align::Left),
        ],
        label_column: true,
        stripes: false,
    };
    let cells = facts.iter().map(|(label, value)| {
        vec![
            (label.as_str(), None, label_w),
            (value.as_str(), None, WIDTH - label_w),
        ]
    });
    lay_rows(pages, &style, None, cells);
}

/// The height a table needs at the top of a page before its first row may start there.
pub(crate) fn lead() -> f32 {
    height(2) + height(1)
}

fn wrap_cell<'a>(fonts: &Fonts, text: &'a str, w: f32, bold: bool) -> Vec<&'a str> {
    let mut lines = Vec::new();
    wrap(text, fonts.face(bold), SIZE, w - 2.0 * PAD_X, &mut lines);
    lines
}

fn lay_rows<'a, I>(pages: &mut Pages<'a>, style: &Style, header: Option<&Row<'a>>, rows: I)
where
    I: Iterator<Item = Vec<(&'a str, Option<Tone>, f32)>>,
{
    let header_h = header.map_or(0.0, |h| height(h.lines()));
    let fresh_room = page::BOTTOM - page::TOP - header_h;
    let fonts = pages.fonts;
    let mut rows = rows
        .map(|cells| Row {
            cells: cells
                .into_iter()
                .enumerate()
                .map(|(i, (text, tone, w))| {
                    let bold = tone.is_some() || (style.label_column && i == 0);
                    (wrap_cell(fonts, text, w, bold), tone)
                })
                .collect(),
        })
        .peekable();
    // The header stays with its first row, or with the first lines of a row tall enough to be
    // cut: a header alone at the foot of a page would be followed by itself on the next one.
    let first = rows.peek().map_or(height(1), |r| height(r.lines()));
    let first = if first > fresh_room / 2.0 {
        height(3)
    } else {
        first
    };
    pages.ensure(header_h + first);
    if let Some(h) = header {
        draw_segment(pages, style, h, 0..h.lines(), None, true);
    }
    for (index, row) in rows.enumerate() {
        let stripe = (style.stripes && index % 2 == 1).then_some(STRIPE);
        let n = row.lines();
        // A row that does not fit moves to the next page whole, unless it is so tall that
        // moving it would leave half a page blank: that one is cut between its lines, as is
        // any row taller than a page.
        let tall = height(n) > fresh_room / 2.0 && pages.room() >= height(3);
        if height(n) > pages.room() && height(n) <= fresh_room && !tall {
            continue_on_new_page(pages, style, header);
        }
        let mut from = 0;
        while from < n {
            let fit = ((pages.room() - 2.0 * PAD_Y) / line_height(SIZE))
                .floor()
                .max(0.0) as usize;
            // A header filling a whole page leaves no room: draw a line anyway, never loop.
            let fresh = pages.room() >= fresh_room - 0.01;
            let fit = if fresh { fit.max(1) } else { fit };
            if fit == 0 {
                continue_on_new_page(pages, style, header);
                continue;
            }
            let to = (from + fit).min(n);
            draw_segment(pages, style, &row, from..to, stripe, false);
            from = to;
            if from < n {
                continue_on_new_page(pages, style, header);
            }
        }
    }
}

fn continue_on_new_page<'a>(pages: &mut Pages<'a>, style: &Style, header: Option<&Row<'a>>) {
    pages.new_page();
    if let Some(h) = header {
        draw_segment(pages, style, h, 0..h.lines(), None, true);
    }
}

/// Draws lines `lines` of every cell of `row` at the cursor and moves it below them.
fn draw_segment<'a>(
    pages: &mut Pages<'a>,
    style: &Style,
    row: &Row<'a>,
    lines: std::ops::Range<usize>,
    fill: Option<Rgb>,
    is_header: bool,
) {
    let top = pages.y;
    let h = height(lines.len());
    let fill = if is_header { Some(HEADER_FILL) } else { fill };
    if fill.is_some() {
        pages.rect((LEFT, top, WIDTH, h), fill, None);
    }
    let lh = line_height(SIZE);
    for (i, ((cell, tone), &(x, w, align))) in row.cells.iter().zip(&style.cols).enumerate() {
        let label = style.label_column && i == 0;
        let bold = is_header || label || tone.is_some();
        let color = match tone {
            Some(t) => tone_colors(*t).0,
            None if label => MUTED,
            None => INK,
        };
        for (k, text) in cell.iter().enumerate().take(lines.end).skip(lines.start) {
            let line_top = top + PAD_Y + (k - lines.start) as f32 * lh;
            let y = page::baseline(line_top, SIZE);
            if let Some(t) = tone {
                let tw = pages.fonts.face(true).width(text, SIZE);
                let bx = match align {
                    Align::Left => x + PAD_X,
                    Align::Center => x + (w - tw) / 2.0,
                    Align::Right => x + w - PAD_X - tw,
                };
                let background = Some(tone_colors(*t).1);
                pages.rect(
                    (bx - 2.5, line_top - 0.5, tw + 5.0, lh + 0.5),
                    background,
                    None,
                );
            }
            pages.aligned(
                (x + PAD_X, w - 2.0 * PAD_X),
                y,
                SIZE,
                bold,
                color,
                text,
                align,
            );
        }
    }
    let bottom = top + h;
    let rule = if is_header { MUTED } else { RULE };
    pages.line((LEFT, bottom), (LEFT + WIDTH, bottom), rule, 0.5);
    pages.y = bottom;
}

/// (text, background) of a toned cell: dark text on a pale tint, readable in grey print too.
fn tone_colors(tone: Tone) -> (Rgb, Rgb) {
    match tone {
        Tone::Good => ((22, 101, 52), (220, 252, 231)),
        Tone::Warn => ((133, 77, 14), (254, 243, 199)),
        Tone::Bad => ((153, 27, 27), (254, 226, 226)),
    }
}
