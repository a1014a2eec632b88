//! Line breaking by the glyphs' real widths.
//!
//! Lines break after spaces, hyphens and slashes; a word wider than the column (a long code, a
//! path, a pasted URL) is cut between characters, so nothing ever runs past its column. The
//! lines are slices of the caller's text: wrapping allocates only the list of lines.

use super::fonts::Face;

/// Appends the lines of `text` at `size` points that fit `width` to `out`. `\n` ends a line
/// (an empty line keeps its height); `\r` is ignored. Empty text gives one empty line.
pub(crate) fn wrap<'a>(text: &'a str, face: &Face, size: f32, width: f32, out: &mut Vec<&'a str>) {
    for line in text.split('\n') {
        wrap_line(line.trim_end_matches('\r'), face, size, width, out);
    }
}

fn wrap_line<'a>(text: &'a str, face: &Face, size: f32, width: f32, out: &mut Vec<&'a str>) {
    let mut start = 0;
    // The end of the text kept on this line if it broke at the last opportunity, and where
    // the next line would then start.
    let mut brk: Option<(usize, usize)> = None;
    let mut used = 0.0;
    for (i, c) in text.char_indices() {
        let w = face.glyph(c).1 * size;
        // Spaces may hang past the edge: they are trimmed off the line's end. The loop runs
        // twice when the text kept from the last break and this character still overflow.
        while used + w > width && !is_space(c) && i > start {
            let (end, next) = match brk {
                Some(b) => b,
                None => (i, i),
            };
            out.push(text[start..end].trim_end_matches(is_space));
            start = skip_spaces(text, next, i);
            brk = None;
            used = face.width(&text[start..i], size);
        }
        used += w;
        let after = i + c.len_utf8();
        if is_space(c) {
            let end = brk.map_or(i, |(end, next)| if next == i { end } else { i });
            brk = Some((end, after));
        } else if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') && i > start {
            brk = Some((after, after));
        }
    }
    out.push(text[start..].trim_end_matches(is_space));
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Where the next line starts: past the spaces at `from`, but never past `limit`.
fn skip_spaces(text: &str, from: usize, limit: usize) -> usize {
    let skipped = text[from..limit].len() - text[from..limit].trim_start_matches(is_space).len();
    from + skipped
}
