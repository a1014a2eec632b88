//! Building a [`Table`] from a file's non-empty records, and finding its header among them.
//!
//! Payroll programs and report writers often put a title, a date or a company name above the
//! column titles ("Elenco dipendenti al 31/12/2025"). Such lines have one or two filled cells
//! where the header and the data have many, so the header is the first of the opening records
//! that fills at least half as many cells as the fullest of them; the lines above it are left
//! out. A file whose records all fill one cell keeps its first record as the header. Likewise a
//! report's lines of totals ("Totale dipendenti: 45", or "Totale reparto: 12" after each group of
//! a report by department) are left out: rows whose first cell starts with "Totale" or "Total"
//! and that fill no more than two cells.
//!
//! A report printed page by page and saved as a spreadsheet repeats its furniture on every page:
//! the column titles again, the title lines just above them as they stood above the first
//! header, and a page number on a line of its own ("Pagina 2 di 5", "Pag. 2", "Page 2 of 5").
//! Those lines are left out wherever they are; none of them could be a person.

use super::{bad_file, BadFileReason, Rows, SourceInfo, Table};

/// Records looked at before the header is chosen.
const LOOK_AHEAD: usize = 20;

#[derive(Default)]
pub(super) struct TableBuilder {
    /// The opening records, held until the header is chosen among them.
    opening: Vec<(usize, Vec<String>)>,
    header: Option<(usize, Vec<String>)>,
    /// The lines above the header, which a report repeats above the header on every page.
    titles: Vec<Vec<String>>,
    rows: Rows,
    line_numbers: Vec<usize>,
}

/// A line of totals: its first cell "Totale …" or "Total …", and at most one other cell filled.
fn is_total(row: super::Row) -> bool {
    let first = row.get(0).unwrap_or_default().trim().to_lowercase();
    let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
    first.starts_with("total") && filled <= 2
}

/// The cells of `record` with something in them.
fn filled(record: &[String]) -> usize {
    record.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Whether `row` holds the cells of `record` (trimmed, ASCII letters in either case; cells
/// missing at either end count as empty).
fn same_cells(row: super::Row, record: &[String]) -> bool {
    let cell = |i: usize| row.get(i).unwrap_or_default().trim();
    let want = |i: usize| record.get(i).map_or("", |c| c.trim());
    // Most rows differ in the first cell.
    cell(0).eq_ignore_ascii_case(want(0))
        && (1..row.len().max(record.len())).all(|i| cell(i).eq_ignore_ascii_case(want(i)))
}

/// A page number on a line of its own: "Pagina 2 di 5", "Pag. 2/5", "Page 2 of 5".
fn is_page_number(row: super::Row) -> bool {
    let mut filled = row.iter().map(str::trim).filter(|c| !c.is_empty());
    let (Some(text), None) = (filled.next(), filled.next()) else {
        return false;
    };
    let lower = text.to_lowercase();
    text.len() <= 30
        && ["pagina", "pag.", "pag", "page", "p."].iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
}

impl TableBuilder {
    /// Data rows so far (with the opening records not yet placed).
    pub(super) fn len(&self) -> usize {
        self.line_numbers.len() + self.opening.len()
    }

    pub(super) fn push<S: AsRef<str>>(
        &mut self,
        line: usize,
        cells: impl Iterator<Item = S>,
    ) -> crate::Result<()> {
        let Some((_, headers)) = &self.header else {
            let record = cells.map(|c| c.as_ref().to_owned()).collect();
            self.opening.push((line, record));
            if self.opening.len() == LOOK_AHEAD {
                self.choose_header()?;
            }
            return Ok(());
        };
        let width = headers.len();
        for cell in cells {
            self.rows.push_cell(cell.as_ref())?;
        }
        self.rows.end_row(width)?;
        let Some(row) = self.rows.get(self.rows.len() - 1) else {
            return Ok(());
        };
        if is_page_number(row) || is_total(row) {
            self.rows.pop_row();
        } else if same_cells(row, headers) && filled(headers) >= 2 {
            self.rows.pop_row();
            // The page's title lines above it, as they stood above the first header.
            while let Some(above) = self
                .rows
                .len()
                .checked_sub(1)
                .and_then(|i| self.rows.get(i))
            {
                if !self.titles.iter().any(|t| same_cells(above, t)) {
                    break;
                }
                self.rows.pop_row();
                self.line_numbers.pop();
            }
        } else {
            self.line_numbers.push(line);
        }
        Ok(())
    }

    /// Picks the header among the opening records and places the records after it as rows.
    fn choose_header(&mut self) -> crate::Result<()> {
        let opening = std::mem::take(&mut self.opening);
        let fullest = opening.iter().map(|(_, r)| filled(r)).max().unwrap_or(0);
        let enough = if fullest >= 2 {
            fullest.div_ceil(2).max(2)
        } else {
            1
        };
        let at = opening
            .iter()
            .position(|(_, r)| filled(r) >= enough)
            .unwrap_or(0);
        let mut records = opening.into_iter();
        self.titles = records.by_ref().take(at).map(|(_, r)| r).collect();
        let Some((line, header)) = records.next() else {
            return Ok(());
        };
        self.header = Some((line, header.iter().map(|h| h.trim().to_owned()).collect()));
        for (line, record) in records {
            self.push(line, record.iter())?;
        }
        Ok(())
    }

    pub(super) fn finish(mut self, source: SourceInfo) -> crate::Result<Table> {
        if self.header.is_none() {
            self.choose_header()?;
        }
        let Some((header_line, headers)) = self.header else {
            return Err(bad_file(BadFileReason::Empty, "the file holds no rows"));
        };
        Ok(Table {
            headers,
            rows: self.rows,
            line_numbers: self.line_numbers,
            header_line,
            source,
        })
    }
}
