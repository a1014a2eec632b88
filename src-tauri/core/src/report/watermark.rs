//! A word written large, faint and diagonally across a page ("BOZZA" on a copy that is not the
//! real document), on top of the content so no table or box can hide it, yet light enough to
//! read through.

use super::fonts::Fonts;
use super::page::{PAGE_H, PAGE_W};
use krilla::color::rgb;
use krilla::geom::{Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::KrillaGlyph;

const COLOR: (u8, u8, u8) = (200, 30, 30);
const OPACITY: f32 = 0.13;

pub(crate) fn draw(surface: &mut Surface<'_>, fonts: &Fonts, word: &str) {
    if word.is_empty() {
        return;
    }
    let face = &fonts.bold;
    // Along the page's diagonal, from the lower left corner up to the upper right one, as wide
    // as about two thirds of that diagonal.
    let angle = -(PAGE_H / PAGE_W).atan().to_degrees();
    let diagonal = PAGE_W.hypot(PAGE_H);
    let unit = face.width(word, 1.0).max(0.01);
    let size = (diagonal * 0.62 / unit).min(160.0);
    let width = unit * size;
    let glyphs: Vec<KrillaGlyph> = word
        .char_indices()
        .map(|(i, ch)| {
            let (id, advance) = face.glyph(ch);
            KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, i..i + ch.len_utf8(), None)
        })
        .collect();
    surface.push_transform(&Transform::from_translate(PAGE_W / 2.0, PAGE_H / 2.0));
    surface.push_transform(&Transform::from_rotate(angle));
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(COLOR.0, COLOR.1, COLOR.2).into(),
        opacity: NormalizedF32::new(OPACITY).unwrap_or(NormalizedF32::ONE),
        rule: Default::default(),
    }));
    surface.draw_glyphs(
        Point::from_xy(-width / 2.0, size * 0.36),
        &glyphs,
        face.font.clone(),
        word,
        size,
        false,
    );
    surface.pop();
    surface.pop();
}
