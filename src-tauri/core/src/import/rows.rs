//! The data rows of an imported table, every cell's text in one buffer. A file of 100,000 rows
//! has two and a half million cells: held as one `String` each, allocating and later freeing
//! them took a third of the time it took to read the file.

use super::too_large;
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Rows of text cells, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    /// Every cell's text, one after the other.
    text: String,
    /// Where each cell ends in `text`, row after row (a cell starts where the one before ends).
    ends: Vec<u32>,
    /// For each row, the index in `ends` of its first cell; then one past the last cell.
    firsts: Vec<u32>,
}

impl Default for Rows {
    fn default() -> Self {
        Rows {
            text: String::new(),
            ends: Vec::new(),
            firsts: vec![0],
        }
    }
}

impl Rows {
    pub fn len(&self) -> usize {
        self.firsts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Row<'_>> {
        (i < self.len()).then(|| self.row(i))
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Row `i`, which must exist.
    fn row(&self, i: usize) -> Row<'_> {
        let first = self.firsts[i] as usize;
        let end = self.firsts[i + 1] as usize;
        Row {
            text: &self.text,
            begin: match first {
                0 => 0,
                f => self.ends[f - 1],
            },
            ends: &self.ends[first..end],
        }
    }

    /// Adds a cell to the row being built.
    pub(super) fn push_cell(&mut self, cell: &str) -> crate::Result<()> {
        self.text.push_str(cell);
        // The 50 MB file limit keeps the text far below 4 GB; a workbook's shared strings could
        // still multiply it.
        let end = u32::try_from(self.text.len()).map_err(|_| too_large())?;
        self.ends.push(end);
        Ok(())
    }

    /// Ends the row being built, padded with empty cells to at least `cells`.
    pub(super) fn end_row(&mut self, cells: usize) -> crate::Result<()> {
        let first = *self.firsts.last().unwrap_or(&0) as usize;
        while self.ends.len() - first < cells {
            self.push_cell("")?;
        }
        let end = u32::try_from(self.ends.len()).map_err(|_| too_large())?;
        self.firsts.push(end);
        Ok(())
    }

    /// Removes the last row.
    pub(super) fn pop_row(&mut self) {
        if self.is_empty() {
            return;
        }
        self.firsts.pop();
        let cells = *self.firsts.last().unwrap_or(&0) as usize;
        self.ends.truncate(cells);
        let text = self.ends.last().map_or(0, |&e| e as usize);
        self.text.truncate(text);
    }

    /// Every row as owned cells (previews, tests).
    pub fn to_vecs(&self) -> Vec<Vec<String>> {
        self.iter().map(|r| r.to_vec()).collect()
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = Row<'a>;
    type IntoIter = Box<dyn ExactSizeIterator<Item = Row<'a>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl Serialize for Rows {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for row in self.iter() {
            seq.serialize_element(&row.iter().collect::<Vec<_>>())?;
        }
        seq.end()
    }
}

/// One row of [`Rows`]: at least as many cells as the table has headers.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    text: &'a str,
    begin: u32,
    ends: &'a [u32],
}

impl<'a> Row<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `c`, if the row has that many.
    pub fn get(&self, c: usize) -> Option<&'a str> {
        let end = *self.ends.get(c)? as usize;
        let start = match c {
            0 => self.begin as usize,
            _ => self.ends[c - 1] as usize,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let row = *self;
        (0..row.len()).filter_map(move |c| row.get(c))
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }

    /// The cells up to the last one with something in it: what the row really holds, whatever
    /// empty cells a program left at its end.
    pub fn filled_len(&self) -> usize {
        (0..self.len())
            .rev()
            .find(|&c| self.get(c).is_some_and(|s| !s.trim().is_empty()))
            .map_or(0, |c| c + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_come_back_as_pushed_and_padded() {
        let mut rows = Rows::default();
        assert!(rows.is_empty());
        for cell in ["Rossi", "", "Müller"] {
            rows.push_cell(cell).unwrap();
        }
        rows.end_row(2).unwrap();
        rows.push_cell("solo").unwrap();
        rows.end_row(3).unwrap();
        rows.end_row(1).unwrap();
        assert_eq!(rows.len(), 3);
        rows.push_cell("Totale: 3").unwrap();
        rows.end_row(1).unwrap();
        rows.pop_row();
        assert_eq!(
            rows.to_vecs(),
            vec![vec!["Rossi", "", "Müller"], vec!["solo", "", ""], vec![""]]
        );
        let second = rows.get(1).unwrap();
        assert_eq!(
            (second.len(), second.get(0), second.get(3)),
            (3, Some("solo"), None)
        );
        assert!(rows.get(3).is_none());
        assert_eq!(
            serde_json::to_string(&rows).unwrap(),
            r#"[["Rossi","","Müller"],["solo","",""],[""]]"#
        );
    }
}
