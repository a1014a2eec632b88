//! Asset label sheets as PDF: a QR code at each label's left, the tag in bold, the name and
//! one more line to its right, on a label sheet format from [`super::sheets`].
//!
//! Text is measured with the same font widths it is drawn with, shrunk down to a floor size and
//! then cut with an ellipsis, so nothing leaves its label.

use super::draw;
use super::fonts::Fonts;
use super::page::{baseline, fit, line_height, Op, Rgb, INK, MUTED, RULE};
use super::qr::{qr_matrix, QUIET_ZONE};
use super::sheets::LabelSheet;
use super::wrap::wrap;
use crate::error::FieldError;
use crate::{Error, ErrorCode, Result};
use std::borrow::Cow;
use std::io::Write;

/// The longest tag (and QR text) a label takes, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// One label's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The asset's tag, printed in bold.
    pub tag: String,
    pub name: String,
    /// A third line, e.g. the serial number or the location.
    pub line2: Option<String>,
    /// The text the QR code holds (the caller passes the tag).
    pub qr: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelOptions {
    /// Label positions already used on the first sheet (0-based, row by row): the first
    /// label goes to this position, so a partly used sheet can go through the printer again.
    pub start_at: usize,
    /// Draws each label's outline in light grey, for a test print on plain paper.
    pub outlines: bool,
}

/// What a render produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelStats {
    pub pages: usize,
    pub labels: usize,
    pub bytes: usize,
}

const BLACK: Rgb = (0, 0, 0);

/// Writes `labels` on `sheet` pages as a PDF to `out`.
pub fn render_labels(
    sheet: &LabelSheet,
    labels: &[Label],
    options: &LabelOptions,
    out: &mut dyn Write,
) -> Result<LabelStats> {
    check(sheet, labels, options)?;
    let fonts = Fonts::load()?;
    let per_page = sheet.per_page();
    let last_slot = options.start_at + labels.len() - 1;
    let mut pages: Vec<Vec<Op<'_>>> = (0..=last_slot / per_page).map(|_| Vec::new()).collect();
    for (i, label) in labels.iter().enumerate() {
        let slot = options.start_at + i;
        let page = &mut pages[slot / per_page];
        let area = sheet.position(slot % per_page);
        if options.outlines {
            page.push(outline(area));
        }
        lay_out(page, &fonts, area, label)?;
    }
    let pdf = draw::plain_pdf(sheet.name, sheet.page_size(), &fonts, &pages)?;
    out.write_all(&pdf)
        .and_then(|()| out.flush())
        .map_err(|e| {
            Error::new(
                ErrorCode::DbIo,
                format!("the labels could not be saved: {e}"),
            )
        })?;
    Ok(LabelStats {
        pages: pages.len(),
        labels: labels.len(),
        bytes: pdf.len(),
    })
}

fn check(sheet: &LabelSheet, labels: &[Label], options: &LabelOptions) -> Result<()> {
    sheet.check()?;
    if labels.is_empty() {
        return Err(Error::field("labels", "required"));
    }
    if options.start_at >= sheet.per_page() {
        return Err(Error::validation(vec![FieldError::new(
            "start_at",
            "out_of_range",
        )
        .with("max", sheet.per_page() - 1)]));
    }
    let mut problems = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        for (field, text) in [("tag", &label.tag), ("qr", &label.qr)] {
            let chars = text.chars().count();
            let code = match chars {
                0 => "required",
                n if n > MAX_TAG_CHARS => "too_long",
                _ => continue,
            };
            problems.push(
                FieldError::new(field, code)
                    .with("index", i)
                    .with("max", MAX_TAG_CHARS),
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(problems))
    }
}

fn outline((x, y, w, h): (f32, f32, f32, f32)) -> Op<'static> {
    Op::Rect {
        x,
        y,
        w,
        h,
        fill: None,
        stroke: Some(RULE),
    }
}

/// One label: the code (quiet zone included) as a square at the left, the text beside it,
/// the block of lines centred vertically.
fn lay_out<'a>(
    page: &mut Vec<Op<'a>>,
    fonts: &Fonts,
    (x, y, w, h): (f32, f32, f32, f32),
    label: &'a Label,
) -> Result<()> {
    let matrix = qr_matrix(&label.qr)?;
    // A little white inside the label's edge, where printers drift; the quiet zone adds more.
    let inset = (h * 0.05).min(3.0);
    let side = (h - 2.0 * inset).min(w * 0.5);
    let modules = (matrix.size() + 2 * QUIET_ZONE) as f32;
    let unit = side / modules;
    let (qx, qy) = (
        x + inset + QUIET_ZONE as f32 * unit,
        y + (h - side) / 2.0 + QUIET_ZONE as f32 * unit,
    );
    page.push(Op::Cells {
        x: qx,
        y: qy,
        unit,
        cells: matrix.rects(),
        color: BLACK,
    });

    // The text starts where the quiet zone ends and keeps 2 mm from the label's right edge.
    let left = x + inset + side;
    let room = (x + w - inset.max(5.67) - left).max(0.0);
    // Sizes for the tallest labels (38 mm), scaled down less than the height for lower ones:
    // their text would otherwise be too small to read at arm's length.
    let scale = (h / 108.0).sqrt().min(1.0);
    let tag = {
        // The tag is what people read out: smaller rather than cut.
        let size = shrink(fonts, true, &label.tag, 11.0 * scale, room, 0.5);
        (fit(fonts, true, &label.tag, size, room), true, size, INK)
    };
    let line2 = label.line2.as_deref().unwrap_or("");
    let extra = one_line(fonts, line2, 7.5 * scale, room).map(|(t, s)| (t, false, s, MUTED));
    let name_size = 8.5 * scale;
    let mut fitted = vec![tag];
    let used = line_height(fitted[0].2) + extra.as_ref().map_or(0.0, |l| line_height(l.2));
    // A long name takes a second line where the label is tall enough for it.
    let two = (h - 2.0 * inset - used >= 2.0 * line_height(name_size))
        .then(|| two_lines(fonts, &label.name, name_size, room))
        .flatten();
    match two {
        Some([first, second]) => fitted.extend([first, second].map(|t| (t, false, name_size, INK))),
        None => fitted
            .extend(one_line(fonts, &label.name, name_size, room).map(|(t, s)| (t, false, s, INK))),
    }
    fitted.extend(extra);
    let total: f32 = fitted.iter().map(|l| line_height(l.2)).sum();
    let mut top = y + ((h - total) / 2.0).max(0.0);
    for (text, bold, size, color) in fitted {
        page.push(Op::Text {
            x: left,
            y: baseline(top, size),
            size,
            bold,
            color,
            text,
        });
        top += line_height(size);
    }
    Ok(())
}

/// The largest size from `size` down to `floor` times it at which `text` fits `room`.
fn shrink(fonts: &Fonts, bold: bool, text: &str, size: f32, room: f32, floor: f32) -> f32 {
    let width = fonts.face(bold).width(text, size);
    if width <= room || width <= 0.0 {
        return size;
    }
    (size * room / width).max(size * floor)
}

/// A regular line: a little smaller if that makes it fit, else cut with an ellipsis at its
/// size. Nothing for blank text.
fn one_line<'a>(fonts: &Fonts, text: &'a str, size: f32, room: f32) -> Option<(Cow<'a, str>, f32)> {
    if text.trim().is_empty() {
        return None;
    }
    let smaller = shrink(fonts, false, text, size, room, 0.85);
    let size = if fonts.regular.width(text, smaller) <= room {
        smaller
    } else {
        size
    };
    Some((fit(fonts, false, text, size, room), size))
}

/// `text` broken over two lines, the second cut with an ellipsis; `None` when it fits one,
/// a little smaller if need be.
fn two_lines<'a>(fonts: &Fonts, text: &'a str, size: f32, room: f32) -> Option<[Cow<'a, str>; 2]> {
    if fonts.regular.width(text, size * 0.85) <= room {
        return None;
    }
    let mut lines = Vec::new();
    wrap(text, &fonts.regular, size, room, &mut lines);
    let (first, second) = (lines.first()?, lines.get(1)?);
    // The second line runs on to the end of the text: its offset in `text` (both are slices
    // of it) is where the rest starts.
    let rest = (second.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let rest = text.get(rest..)?.replace('\n', " ");
    let second = fit(fonts, false, &rest, size, room).into_owned();
    Some([Cow::Borrowed(*first), Cow::Owned(second)])
}
