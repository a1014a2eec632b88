//! Printed documents (audit reports, purchase orders, budgets) as PDF.
//!
//! An area fills a [`Report`] with blocks; [`render`] lays them out on A4 pages in two passes
//! (first every page's content, so the total page count is known, then the drawing with "Page
//! n of N" footers) and writes one PDF with subsets of the shipped DejaVu fonts embedded.
//!
//! Label sheets ([`render_labels`]) reuse the fonts and the drawing, on pages of the sheet's
//! size with no footer.

mod blocks;
mod chart;
mod draw;
mod fonts;
mod labels;
mod letterhead;
mod model;
mod page;
mod picture;
mod purchase_order;
mod purchase_order_words;
mod qr;
mod rfq;
mod sheets;
mod table;
mod watermark;
mod wrap;

pub use labels::{render_labels, Label, LabelOptions, LabelStats, MAX_TAG_CHARS};
pub use model::{
    Align, Block, Cell, Chart, ChartKind, Column, Labels, Lang, Picture, RenderStats, Report, Tone,
};
pub use picture::{PictureKind, MAX_PICTURE_SIDE};
pub use purchase_order::{purchase_order, OrderPrint};
pub use qr::{qr_matrix, QrMatrix, QUIET_ZONE};
pub use rfq::{rfq_report, RfqPrint};
pub use sheets::{sheets, LabelSheet, A4_2X7, A4_3X7, A4_3X8, A4_4X10, LETTER_3X10};

use crate::{Error, ErrorCode, Result};
use std::io::Write;

/// Lays out and writes `report` as a PDF to `out`.
pub fn render(report: &Report, out: &mut dyn Write) -> Result<RenderStats> {
    let fonts = fonts::Fonts::load()?;
    let mut pages = page::Pages::new(&fonts);
    let mut after_cover = false;
    for (i, block) in report.blocks.iter().enumerate() {
        // The cover has its page to itself.
        if after_cover && !matches!(block, Block::PageBreak) && !pages.at_top() {
            pages.new_page();
        }
        after_cover = false;
        match block {
            Block::Cover {
                title,
                subtitle,
                facts,
            } => {
                blocks::cover(&mut pages, title, subtitle.as_deref(), facts);
                after_cover = true;
            }
            Block::Letterhead { logo, lines } => {
                letterhead::letterhead(&mut pages, logo.as_ref(), lines);
            }
            Block::Heading { level, text } => {
                blocks::heading(&mut pages, *level, text, report.blocks.get(i + 1));
            }
            Block::Paragraph(text) => blocks::paragraph(&mut pages, text),
            Block::Facts(facts) => {
                pages.gap(6.0);
                table::facts(&mut pages, facts);
            }
            Block::Table { columns, rows } => {
                pages.gap(8.0);
                table::table(&mut pages, columns, rows);
            }
            Block::Chart(chart) => chart::chart(&mut pages, chart),
            Block::SignOff(signers) => blocks::sign_off(&mut pages, signers, &report.labels),
            Block::PageBreak => {
                if !pages.at_top() {
                    pages.new_page();
                }
            }
        }
    }
    let pdf = draw::pdf(report, &fonts, &pages.pages)?;
    out.write_all(&pdf)
        .and_then(|()| out.flush())
        .map_err(|e| {
            Error::new(
                ErrorCode::DbIo,
                format!("the report could not be saved: {e}"),
            )
        })?;
    Ok(RenderStats {
        pages: pages.pages.len(),
        bytes: pdf.len(),
    })
}
