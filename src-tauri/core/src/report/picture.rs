//! Raster pictures (an organisation's logo) for printed documents: recognised by their content,
//! never by a file name, and checked by decoding them once into a throw-away PDF so a picture
//! that would break every later document is refused when it is chosen.

use super::model::Picture;
use crate::{Error, ErrorCode, Result};
use krilla::geom::{Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::Document;

/// The longest side a picture may have, in pixels: a logo, not a photograph to print.
pub const MAX_PICTURE_SIDE: u32 = 4000;

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];

/// The kinds of picture a document can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureKind {
    Png,
    Jpeg,
}

impl PictureKind {
    /// The kind by the file's first bytes; `None` for anything else.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(PNG_MAGIC) {
            Some(Self::Png)
        } else if bytes.starts_with(JPEG_MAGIC) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }
}

fn bad_picture(reason: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason)
}

impl Picture {
    /// Reads the picture's header: a PNG or JPEG no wider or taller than [`MAX_PICTURE_SIDE`].
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self> {
        let kind = PictureKind::sniff(&bytes)
            .ok_or_else(|| bad_picture("not_an_image", "not a PNG or JPEG picture"))?;
        let data = krilla::Data::from(bytes);
        let image = match kind {
            PictureKind::Png => Image::from_png(data, true),
            PictureKind::Jpeg => Image::from_jpeg(data, true),
        }
        .map_err(|e| bad_picture("damaged_image", format!("the picture cannot be read: {e}")))?;
        let (width, height) = image.size();
        if width == 0 || height == 0 {
            return Err(bad_picture("damaged_image", "the picture has no pixels"));
        }
        if width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
            return Err(bad_picture(
                "image_too_large",
                format!("the picture is {width}×{height} pixels, more than {MAX_PICTURE_SIDE}"),
            )
            .with("max", MAX_PICTURE_SIDE));
        }
        Ok(Self {
            image,
            width,
            height,
        })
    }

    /// Reads and checks the picture whole: a PNG is decoded to its last pixel, as the PDF
    /// writer would (a JPEG is embedded as it is, so its header is what the writer reads).
    pub fn checked(bytes: Vec<u8>) -> Result<Self> {
        let picture = Self::from_bytes(bytes)?;
        let mut document = Document::new();
        let settings = PageSettings::from_wh(10.0, 10.0)
            .ok_or_else(|| Error::internal("the check page size is invalid"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw(&mut surface, &picture, (0.0, 0.0, 10.0, 10.0));
        surface.finish();
        page.finish();
        document.finish().map_err(|e| {
            bad_picture(
                "damaged_image",
                format!("the picture cannot be read: {e:?}"),
            )
        })?;
        Ok(picture)
    }

    /// The size of the picture scaled to fit a `max_w` × `max_h` box, proportions kept.
    pub(crate) fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.width as f32, self.height as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }
}

/// Draws the picture in the box `(x, y, w, h)` (points from the page's top-left corner).
pub(crate) fn draw(
    surface: &mut krilla::surface::Surface<'_>,
    picture: &Picture,
    (x, y, w, h): (f32, f32, f32, f32),
) {
    let Some(size) = Size::from_wh(w.max(0.01), h.max(0.01)) else {
        return;
    };
    surface.push_transform(&Transform::from_translate(x, y));
    surface.draw_image(picture.image.clone(), size);
    surface.pop();
}
