//! The second pass: the laid-out pages drawn into a PDF, with each page's footer ("Pagina 3
//! di 7", now that the total is known) and the document's metadata.

use super::fonts::Fonts;
use super::model::Report;
use super::page::{self, fit, Op, Rgb, LEFT, MUTED, PAGE_H, PAGE_W, RIGHT, RULE, WIDTH};
use crate::{Error, Result};
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::KrillaGlyph;
use krilla::Document;

const FOOTER: f32 = 8.0;

pub(crate) fn pdf(report: &Report, fonts: &Fonts, pages: &[Vec<Op<'_>>]) -> Result<Vec<u8>> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(report.title.clone())
            .description(report.subject.clone())
            .authors(vec![report.author.clone()])
            .language(report.language.tag().to_owned())
            .creator("Backoffice".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| Error::internal("the report page size is invalid"))?;
    // One glyph buffer for the whole document: a line's glyphs are rebuilt in it.
    let mut glyphs = Vec::new();
    let total = pages.len();
    for (index, ops) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op, &mut glyphs);
        }
        if let Some(word) = &report.watermark {
            super::watermark::draw(&mut surface, fonts, word);
        }
        let footer_y = page::BOTTOM + 30.0;
        line(
            &mut surface,
            (LEFT, footer_y - 12.0),
            (RIGHT, footer_y - 12.0),
            RULE,
            0.5,
        );
        let number = report.labels.page_of(index + 1, total);
        let number_w = fonts.regular.width(&number, FOOTER);
        let left = fit(
            fonts,
            false,
            &report.footer_left,
            FOOTER,
            WIDTH - number_w - 24.0,
        );
        text(
            &mut surface,
            fonts,
            (LEFT, footer_y),
            FOOTER,
            false,
            MUTED,
            &left,
            &mut glyphs,
        );
        let at = (RIGHT - number_w, footer_y);
        text(
            &mut surface,
            fonts,
            at,
            FOOTER,
            false,
            MUTED,
            &number,
            &mut glyphs,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| Error::internal(format!("the report could not be written as PDF: {e:?}")))
}

/// Pages of any size drawn as they were laid out, with no footer (label sheets: every point
/// of the page belongs to the labels).
pub(crate) fn plain_pdf(
    title: &str,
    (width, height): (f32, f32),
    fonts: &Fonts,
    pages: &[Vec<Op<'_>>],
) -> Result<Vec<u8>> {
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("Backoffice".to_owned()),
    );
    let settings = PageSettings::from_wh(width, height)
        .ok_or_else(|| Error::internal("the page size is invalid"))?;
    let mut glyphs = Vec::new();
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op, &mut glyphs);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| Error::internal(format!("the document could not be written as PDF: {e:?}")))
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op<'_>, glyphs: &mut Vec<KrillaGlyph>) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text: t,
        } => text(surface, fonts, (*x, *y), *size, *bold, *color, t, glyphs),
        Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) {
                pb.push_rect(r);
            }
            paint(surface, pb.finish(), *fill, stroke.map(|s| (s, 0.6)));
        }
        Op::Line {
            from,
            to,
            color,
            width,
        } => line(surface, *from, *to, *color, *width),
        Op::Polyline {
            points,
            color,
            width,
        } => {
            let mut pb = PathBuilder::new();
            for (i, &(x, y)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(x, y);
                } else {
                    pb.line_to(x, y);
                }
            }
            paint(surface, pb.finish(), None, Some((*color, *width)));
        }
        Op::Dot { x, y, r, color } => {
            // A circle from four cubic arcs (0.5523 puts the control points on the tangents).
            let k = r * 0.5523;
            let (x, y, r) = (*x, *y, *r);
            let mut pb = PathBuilder::new();
            pb.move_to(x + r, y);
            pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
            pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
            pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
            pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
            pb.close();
            paint(
                surface,
                pb.finish(),
                Some(*color),
                Some(((255, 255, 255), 0.8)),
            );
        }
        Op::Picture {
            x,
            y,
            w,
            h,
            picture,
        } => super::picture::draw(surface, picture, (*x, *y, *w, *h)),
        Op::Cells {
            x,
            y,
            unit,
            cells,
            color,
        } => {
            let mut pb = PathBuilder::new();
            for &[cx, cy, cw, ch] in cells {
                let [cx, cy, cw, ch] = [cx, cy, cw, ch].map(f32::from);
                if let Some(r) = Rect::from_xywh(cx, cy, cw, ch) {
                    pb.push_rect(r);
                }
            }
            surface.push_transform(&Transform::from_row(*unit, 0.0, 0.0, *unit, *x, *y));
            paint(surface, pb.finish(), Some(*color), None);
            surface.pop();
        }
    }
}

fn line(surface: &mut Surface<'_>, from: (f32, f32), to: (f32, f32), color: Rgb, width: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(from.0, from.1);
    pb.line_to(to.0, to.1);
    paint(surface, pb.finish(), None, Some((color, width)));
}

fn paint(
    surface: &mut Surface<'_>,
    path: Option<Path>,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, f32)>,
) {
    let Some(path) = path else { return };
    surface.set_fill(fill.map(|c| Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    surface.set_stroke(stroke.map(|(c, width)| Stroke {
        paint: color(c).into(),
        width,
        ..Default::default()
    }));
    surface.draw_path(&path);
}

/// Draws `t` with the very glyphs and advances the layout measured it with.
#[allow(clippy::too_many_arguments)]
fn text(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    c: Rgb,
    t: &str,
    glyphs: &mut Vec<KrillaGlyph>,
) {
    if t.is_empty() {
        return;
    }
    let face = fonts.face(bold);
    glyphs.clear();
    glyphs.extend(t.char_indices().map(|(i, ch)| {
        let (id, advance) = face.glyph(ch);
        KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, i..i + ch.len_utf8(), None)
    }));
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
    surface.draw_glyphs(
        Point::from_xy(x, y),
        glyphs,
        face.font.clone(),
        t,
        size,
        false,
    );
}

fn color((r, g, b): Rgb) -> rgb::Color {
    rgb::Color::new(r, g, b)
}
