//! The text blocks: cover, headings, paragraphs and sign-off boxes.

use super::model::{Block, Labels};
use super::page::{self, line_height, Pages, ACCENT, INK, LEFT, MUTED, RULE, TOP, WIDTH};
use super::wrap::wrap;
use super::{chart, table};
use std::borrow::Cow;

pub(crate) const BODY: f32 = 9.5;
const SIGN_BOX_H: f32 = 120.0;

pub(crate) fn heading_size(level: u8) -> f32 {
    match level {
        0 | 1 => 15.0,
        2 => 12.0,
        _ => 10.0,
    }
}

/// Lays out wrapped lines of one style at the cursor, moving to a new page as needed. A
/// paragraph leaves neither its first line alone at the foot of a page nor its last line alone
/// at the top of the next.
fn lines<'a>(pages: &mut Pages<'a>, text: &'a str, size: f32, bold: bool, color: page::Rgb) {
    let mut out = Vec::new();
    wrap(text, pages.fonts.face(bold), size, WIDTH, &mut out);
    let lh = line_height(size);
    let mut k = 0;
    while k < out.len() {
        let fit = (pages.room() / lh).floor().max(0.0) as usize;
        let rest = out.len() - k;
        let take = if fit >= rest {
            rest
        } else if fit < 2 && !pages.at_top() {
            0
        } else if rest - fit == 1 && fit >= 3 {
            fit - 1
        } else {
            fit.max(1)
        };
        if take == 0 {
            pages.new_page();
            continue;
        }
        for line in &out[k..k + take] {
            let y = page::baseline(pages.y, size);
            pages.text(LEFT, y, size, bold, color, Cow::Borrowed(line));
            pages.y += lh;
        }
        k += take;
        if k < out.len() {
            pages.new_page();
        }
    }
}

pub(crate) fn paragraph<'a>(pages: &mut Pages<'a>, text: &'a str) {
    pages.gap(BODY * 0.8);
    lines(pages, text, BODY, false, INK);
}

/// A heading moves to the next page with the start of what follows it, never alone at the
/// foot of a page.
pub(crate) fn heading<'a>(pages: &mut Pages<'a>, level: u8, text: &'a str, next: Option<&Block>) {
    let size = heading_size(level);
    let mut out = Vec::new();
    wrap(text, &pages.fonts.bold, size, WIDTH, &mut out);
    let space_above = if level <= 1 { size * 1.1 } else { size * 0.8 };
    let h = out.len() as f32 * line_height(size) + space_above + 4.0;
    pages.ensure(h + lead(next));
    pages.gap(space_above);
    let color = if level <= 1 { ACCENT } else { INK };
    for line in out {
        let y = page::baseline(pages.y, size);
        pages.text(LEFT, y, size, true, color, Cow::Borrowed(line));
        pages.y += line_height(size);
    }
    if level <= 1 {
        pages.line(
            (LEFT, pages.y + 1.0),
            (LEFT + WIDTH, pages.y + 1.0),
            ACCENT,
            0.8,
        );
    }
    pages.y += 4.0;
}

/// The height of the first piece of `next` that cannot be separated from a heading above it.
fn lead(next: Option<&Block>) -> f32 {
    match next {
        Some(Block::Paragraph(_)) => 2.0 * line_height(BODY) + BODY,
        Some(Block::Facts(_)) => 2.0 * line_height(table::SIZE) + 8.0,
        Some(Block::Table { .. }) => table::lead(),
        Some(Block::Chart(_)) => chart::HEIGHT,
        Some(Block::SignOff(_)) => SIGN_BOX_H + 12.0,
        Some(Block::Heading { level, .. }) => 2.0 * line_height(heading_size(*level)),
        Some(Block::Cover { .. } | Block::Letterhead { .. } | Block::PageBreak) | None => 0.0,
    }
}

/// The cover fills the first page: the title a third of the way down, then the facts.
pub(crate) fn cover<'a>(
    pages: &mut Pages<'a>,
    title: &'a str,
    subtitle: Option<&'a str>,
    facts: &'a [(String, String)],
) {
    if !pages.at_top() {
        pages.new_page();
    }
    pages.rect((LEFT, TOP, WIDTH, 6.0), Some(ACCENT), None);
    pages.y = TOP + 190.0;
    lines(pages, title, 26.0, true, ACCENT);
    if let Some(subtitle) = subtitle {
        pages.y += 8.0;
        lines(pages, subtitle, 14.0, false, MUTED);
    }
    pages.y += 28.0;
    if !facts.is_empty() {
        pages.line((LEFT, pages.y), (LEFT + WIDTH, pages.y), RULE, 0.5);
        table::facts(pages, facts);
    }
}

/// Two boxes a row, each kept whole: the signer's role, then name, date and signature lines.
pub(crate) fn sign_off<'a>(pages: &mut Pages<'a>, signers: &'a [String], labels: &'a Labels) {
    const GAP: f32 = 18.0;
    let w = (WIDTH - GAP) / 2.0;
    pages.gap(12.0);
    for pair in signers.chunks(2) {
        pages.ensure(SIGN_BOX_H);
        let top = pages.y;
        for (i, role) in pair.iter().enumerate() {
            let x = LEFT + i as f32 * (w + GAP);
            pages.rect((x, top, w, SIGN_BOX_H), None, Some(RULE));
            let fitted = page::fit(pages.fonts, true, role, 10.0, w - 16.0);
            pages.text(x + 8.0, top + 18.0, 10.0, true, INK, fitted);
            let rows = [
                (&labels.name, 46.0),
                (&labels.date, 72.0),
                (&labels.signature, 106.0),
            ];
            // The three lines start together, after the longest label.
            let label_w = rows
                .iter()
                .map(|(label, _)| pages.fonts.regular.width(label, 8.0))
                .fold(0.0, f32::max);
            for (label, y) in rows {
                pages.text(
                    x + 8.0,
                    top + y,
                    8.0,
                    false,
                    MUTED,
                    Cow::Borrowed(label.as_str()),
                );
                let lx = (x + 14.0 + label_w).min(x + w / 2.0);
                pages.line(
                    (lx, top + y + 1.5),
                    (x + w - 8.0, top + y + 1.5),
                    MUTED,
                    0.5,
                );
            }
        }
        pages.y = top + SIGN_BOX_H + 12.0;
    }
}
