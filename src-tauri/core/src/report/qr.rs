//! QR codes for labels: the module matrix from `qrcodegen`, turned into as few rectangles as
//! possible so a page of codes stays a small PDF.

use crate::{Error, Result};
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// Light modules the standard asks around the symbol (ISO/IEC 18004 quiet zone).
pub const QUIET_ZONE: usize = 4;

/// A QR symbol: `size × size` modules, dark or light.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    version: u8,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Modules per side (21 for version 1, 4 more per version).
    pub fn size(&self) -> usize {
        self.size
    }

    pub fn version(&self) -> u8 {
        self.version
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// The dark modules as rectangles `(x, y, w, h)` in modules: each row's runs of dark
    /// modules, a run joined with the one right above it when both span the same columns.
    pub(crate) fn rects(&self) -> Vec<[u16; 4]> {
        let mut done: Vec<[u16; 4]> = Vec::new();
        // Runs of the previous row still growing downwards, as indexes into `done`.
        let mut open: Vec<usize> = Vec::new();
        let mut next_open = Vec::new();
        for y in 0..self.size {
            next_open.clear();
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                // A symbol is at most 177 modules a side.
                let (start, width) = (start as u16, (x - start) as u16);
                let above = open.iter().copied().find(|&i| {
                    let r = done[i];
                    r[0] == start && r[2] == width
                });
                match above {
                    Some(i) => {
                        done[i][3] += 1;
                        next_open.push(i);
                    }
                    None => {
                        done.push([start, y as u16, width, 1]);
                        next_open.push(done.len() - 1);
                    }
                }
            }
            std::mem::swap(&mut open, &mut next_open);
        }
        done
    }
}

/// Encodes `text` at error correction level M (15 % of the symbol can be damaged), in the
/// smallest version that holds it. The level is not raised even where the version has room,
/// so a given text always gives the same symbol settings.
pub fn qr_matrix(text: &str) -> Result<QrMatrix> {
    let segments = QrSegment::make_segments(text);
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        None,
        false,
    )
    .map_err(|e| Error::field("qr", "too_long").with("reason", e))?;
    let size = usize::try_from(code.size()).map_err(|_| Error::internal("QR size"))?;
    let mut dark = Vec::with_capacity(size * size);
    for y in 0..code.size() {
        for x in 0..code.size() {
            dark.push(code.get_module(x, y));
        }
    }
    Ok(QrMatrix {
        size,
        version: code.version().value(),
        dark,
    })
}
