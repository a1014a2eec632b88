//! The report's two faces, shipped in the binary so every PDF looks the same on every machine
//! and Italian text (àèéìòù, «», €) always has its glyphs.
//!
//! Widths come from the font's own advance table, and the renderer draws exactly the glyphs it
//! measured (no separate shaping pass), so a measured line is the drawn line to the point.

use crate::{Error, Result};
use krilla::text::{Font, GlyphId};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{charmap::Charmap, FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Drawn for a character the font has no glyph for.
const MISSING: char = '?';

pub(crate) struct Face {
    pub font: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f32,
    missing: (GlyphId, f32),
}

impl Face {
    fn load(bytes: &'static [u8], name: &str) -> Result<Self> {
        let broken = || Error::internal(format!("the report font {name} cannot be read"));
        let font_ref = FontRef::new(bytes).map_err(|_| broken())?;
        let charmap = font_ref.charmap();
        let metrics = font_ref.glyph_metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(
            font_ref
                .metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        if upem <= 0.0 {
            return Err(broken());
        }
        let font = Font::new(bytes.into(), 0).ok_or_else(broken)?;
        let q = charmap.map(MISSING).ok_or_else(broken)?;
        let missing = (
            GlyphId::new(q.to_u32()),
            metrics.advance_width(q).unwrap_or(0.0) / upem,
        );
        Ok(Self {
            font,
            charmap,
            metrics,
            upem,
            missing,
        })
    }

    /// The glyph drawn for `c` and its advance in ems. A tab is a space; anything the font
    /// lacks (emoji, control characters, scripts DejaVu does not cover) is a question mark.
    pub fn glyph(&self, c: char) -> (GlyphId, f32) {
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() {
            return self.missing;
        }
        match self.charmap.map(c) {
            Some(g) if g.to_u32() != 0 => (
                GlyphId::new(g.to_u32()),
                self.metrics.advance_width(g).unwrap_or(0.0) / self.upem,
            ),
            _ => self.missing,
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }
}

pub(crate) struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load() -> Result<Self> {
        Ok(Self {
            regular: Face::load(REGULAR, "DejaVu Sans")?,
            bold: Face::load(BOLD, "DejaVu Sans Bold")?,
        })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}
