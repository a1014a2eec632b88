//! The issuer's heading at the top of a document: the logo on the left, the name and details
//! beside it (right-aligned when there is a logo, so the two frame the page's width).

use super::model::Picture;
use super::page::{self, fit, line_height, Op, Pages, INK, LEFT, MUTED, RIGHT, RULE, WIDTH};

const LOGO_W: f32 = 160.0;
const LOGO_H: f32 = 56.0;
const NAME: f32 = 12.0;
const DETAIL: f32 = 8.5;

pub(crate) fn letterhead<'a>(
    pages: &mut Pages<'a>,
    logo: Option<&'a Picture>,
    lines: &'a [String],
) {
    let top = pages.y;
    let mut used_w = 0.0;
    let mut logo_h: f32 = 0.0;
    if let Some(p) = logo {
        let (w, h) = p.fit(LOGO_W, LOGO_H);
        pages.push(Op::Picture {
            x: LEFT,
            y: top,
            w,
            h,
            picture: p,
        });
        used_w = w + 18.0;
        logo_h = h;
    }
    let room = WIDTH - used_w;
    let mut y = top;
    for (i, text) in lines.iter().enumerate() {
        let (size, bold, color) = if i == 0 {
            (NAME, true, INK)
        } else {
            (DETAIL, false, MUTED)
        };
        let shown = fit(pages.fonts, bold, text, size, room);
        let w = pages.fonts.face(bold).width(&shown, size);
        let x = if logo.is_some() { RIGHT - w } else { LEFT };
        pages.text(x, page::baseline(y, size), size, bold, color, shown);
        y += line_height(size);
    }
    pages.y = top + logo_h.max(y - top) + 6.0;
    pages.line((LEFT, pages.y), (RIGHT, pages.y), RULE, 0.8);
    pages.y += 4.0;
}
