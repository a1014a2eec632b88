//! CSV as Italian office software writes it: Excel's "CSV (separato da ;)" in Windows-1252,
//! Excel's "CSV UTF-8" with a byte order mark, payroll exports with `;` or tabs, and English
//! spreadsheets with `,`. The encoding and the separator are detected, not asked: the user
//! cannot know them.

use super::{
    bad_file, too_many_columns, too_many_rows, BadFileReason, Format, SourceInfo, Table,
    TableBuilder, MAX_COLUMNS, MAX_ROWS,
};
use crate::export::csv::strip_mark;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Separators tried, in order of preference when two fit equally well: `;` first, as Italian
/// Excel writes it (the comma is the decimal separator in Italy).
pub const DELIMITERS: [char; 4] = [';', ',', '\t', '|'];
/// Records looked at to choose the separator.
const SNIFF_RECORDS: usize = 50;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The Encoding Standard's name: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    pub had_bom: bool,
}

/// Decodes a text file: by its byte order mark when it has one (UTF-8, or the UTF-16 of Excel's
/// "Unicode text"); otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252, the
/// encoding of Italian Windows programs. Windows-1252 maps every byte, so decoding never fails;
/// a wrong guess shows as odd letters in the preview, not as lost rows.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            had_bom: true,
        };
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), UTF_8),
        Err(_) => (
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            WINDOWS_1252,
        ),
    };
    Decoded {
        text,
        encoding: encoding.name(),
        had_bom: false,
    }
}

/// The separator that splits the first records into the most consistent number of fields (at
/// least two), quotes respected. A one-column file gets `;`, which changes nothing for it.
pub fn sniff_delimiter(text: &str) -> char {
    let mut best: Option<(usize, usize, char)> = None;
    for d in DELIMITERS {
        let mut counts = Vec::new();
        let mut reader = reader(text, d);
        let mut record = ::csv::StringRecord::new();
        while counts.len() < SNIFF_RECORDS && matches!(reader.read_record(&mut record), Ok(true)) {
            if !is_blank(&record) {
                counts.push(record.len());
            }
        }
        let Some((mode, freq)) = mode(&counts) else {
            continue;
        };
        if mode < 2 {
            continue;
        }
        // Share of records with the usual field count, then more fields: a `;` file whose
        // numbers have decimal commas splits consistently on `,` too, but into fewer fields.
        let score = (freq * 1000 / counts.len(), mode, d);
        if best.is_none_or(|(s, m, _)| (score.0, score.1) > (s, m)) {
            best = Some(score);
        }
    }
    best.map_or(DELIMITERS[0], |(_, _, d)| d)
}

/// The most frequent value and how often it occurs; the larger value wins a tie.
fn mode(counts: &[usize]) -> Option<(usize, usize)> {
    let mut freq = std::collections::BTreeMap::new();
    for &c in counts {
        *freq.entry(c).or_insert(0usize) += 1;
    }
    freq.into_iter().max_by_key(|&(value, n)| (n, value))
}

fn reader(text: &str, delimiter: char) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::None)
        .from_reader(text.as_bytes())
}

fn is_blank(record: &::csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// Reads a CSV file's bytes into a table.
pub(super) fn read(bytes: &[u8]) -> crate::Result<Table> {
    let decoded = decode(bytes);
    let text = decoded.text.as_str();
    if text.contains('\0') {
        return Err(bad_file(
            BadFileReason::NotText,
            "binary content: not a CSV or text file",
        ));
    }
    let start = text.trim_start();
    if start.starts_with('<') {
        return Err(bad_file(
            BadFileReason::Html,
            "an HTML or XML page, not CSV: open it in Excel and save it as .xlsx or CSV",
        ));
    }
    // Excel honours a first line "sep=;" naming the separator; so do we, and skip it.
    let (body_offset, delimiter) = match excel_sep_line(text) {
        Some((len, d)) => (len, d),
        None => (0, sniff_delimiter(text)),
    };
    records(text, body_offset, delimiter)?.finish(SourceInfo {
        format: Format::Csv,
        delimiter: Some(delimiter),
        encoding: decoded.encoding.to_owned(),
        had_bom: decoded.had_bom,
        sheet: None,
    })
}

/// A first line `sep=X`: its length with the line end, and X.
fn excel_sep_line(text: &str) -> Option<(usize, char)> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let line = text[..line_end].trim_end_matches(['\r', '\n']);
    let mut chars = line.strip_prefix("sep=")?.chars();
    let d = chars.next()?;
    (chars.next().is_none() && DELIMITERS.contains(&d)).then_some((line_end, d))
}

/// The non-blank records from `offset` on, each with the 1-based line it starts on.
fn records(text: &str, offset: usize, delimiter: char) -> crate::Result<TableBuilder> {
    let body = &text[offset..];
    let mut lines = LineCounter::new(text);
    lines.advance_to(offset);
    let mut reader = reader(body, delimiter);
    let mut record = ::csv::StringRecord::new();
    let mut out = TableBuilder::default();
    let mut quoted = Vec::new();
    loop {
        let from = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = lines.line_at(offset + from);
                return Err(
                    bad_file(BadFileReason::BadCsv, format!("line {line}: {e}")).with("line", line)
                );
            }
        }
        let to = reader.position().byte() as usize;
        // The reader's position is just past the previous record's last byte, before the line
        // ends and blank lines it skipped: the record itself starts after those.
        let raw = &body[from..to];
        let skipped = raw.len() - raw.trim_start_matches(['\r', '\n']).len();
        let line = lines.line_at(offset + from + skipped);
        if is_blank(&record) {
            continue;
        }
        if record.len() > MAX_COLUMNS {
            return Err(too_many_columns(line));
        }
        // The header plus MAX_ROWS data rows.
        if out.len() >= MAX_ROWS {
            return Err(too_many_rows());
        }
        quoted_fields(&raw[skipped..], delimiter as u8, &mut quoted);
        let fields = record.iter().enumerate().map(|(i, f)| {
            let f = if quoted.get(i).copied().unwrap_or(false) {
                f
            } else {
                f.trim()
            };
            // Our exports (and other careful programs) put a `'` before text a spreadsheet
            // would run as a formula; the text itself is what follows.
            let f = strip_mark(f);
            // A line break typed inside a cell comes as CRLF from Windows; store one form.
            // (Searched for only when the cell has a CR: `replace` sets up a substring search
            // per call, a tenth of reading a large file.)
            if f.contains('\r') {
                Cow::Owned(f.replace("\r\n", "\n"))
            } else {
                Cow::Borrowed(f)
            }
        });
        out.push(line, fields)?;
    }
    Ok(out)
}

/// Which fields of one raw record were quoted, by the CSV reader's rules: a field is quoted when
/// it starts with `"`; inside, `""` is a quote; after the closing quote the field goes on
/// unquoted; a quote in the middle of an unquoted field is a plain character; the record ends at
/// a line end outside quotes.
/// Written into `out`, kept from record to record; empty when the record has no quote at all.
fn quoted_fields(raw: &str, delimiter: u8, out: &mut Vec<bool>) {
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    out.clear();
    if !raw.as_bytes().contains(&b'"') {
        return;
    }
    let mut state = State::FieldStart;
    for &b in raw.as_bytes() {
        let line_end = b == b'\r' || b == b'\n';
        state = match state {
            State::FieldStart => {
                out.push(b == b'"');
                if b == b'"' {
                    State::Quoted
                } else if b == delimiter {
                    State::FieldStart
                } else if line_end {
                    break;
                } else {
                    State::Unquoted
                }
            }
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::Unquoted | State::QuoteInQuoted if b == delimiter => State::FieldStart,
            State::Unquoted | State::QuoteInQuoted if line_end => break,
            State::Unquoted | State::QuoteInQuoted => State::Unquoted,
        };
    }
}

/// Line numbers of byte offsets, counted forward once: a line ends at `\n`, `\r\n`, or a lone
/// `\r` (old Mac files).
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn advance_to(&mut self, to: usize) {
        let to = to.min(self.bytes.len());
        while self.at < to {
            match self.bytes[self.at] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(self.at + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.at += 1;
        }
    }

    /// The line of byte `offset`; offsets must not go backwards.
    fn line_at(&mut self, offset: usize) -> usize {
        self.advance_to(offset);
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(raw: &str, delimiter: u8) -> Vec<bool> {
        let mut out = vec![true; 3];
        quoted_fields(raw, delimiter, &mut out);
        out
    }

    fn table(bytes: &[u8]) -> Table {
        read(bytes).unwrap()
    }

    fn rows(t: &Table) -> Vec<Vec<&str>> {
        t.rows.iter().map(|r| r.iter().collect()).collect()
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let d = decode("\u{feff}Niccolò;Perù".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.had_bom),
            ("Niccolò;Perù", "UTF-8", true)
        );
        let d = decode("Niccolò".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.had_bom),
            ("Niccolò", "UTF-8", false)
        );
    }

    #[test]
    fn decodes_windows_1252_when_not_utf8() {
        // ò = F2, ù = F9, € = 80, ' = 92 (curly apostrophe) in Windows-1252.
        let d = decode(b"Niccol\xf2;Per\xf9;\x80 10;D\x92Angelo");
        assert_eq!(d.text, "Niccolò;Perù;€ 10;D\u{2019}Angelo");
        assert_eq!((d.encoding, d.had_bom), ("windows-1252", false));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Nome\tSesso\r\nAnna\tF\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let t = table(&le);
        assert_eq!(t.source.encoding, "UTF-16LE");
        assert_eq!(t.source.delimiter, Some('\t'));
        assert_eq!(rows(&t), vec![vec!["Anna", "F"]]);
        let mut be = vec![0xFE, 0xFF];
        be.extend("città".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "città");
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2;3\n"), ';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n"), '\t');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), '|');
        // Decimal commas in a `;` file: `,` splits consistently too, but into fewer fields.
        assert_eq!(
            sniff_delimiter("Nome;Importo;Ore\nAnna;1,5;2,0\nLuca;2,5;3,0\n"),
            ';'
        );
        // Commas inside quotes do not count.
        assert_eq!(
            sniff_delimiter("name;address\nAnna;\"Via Roma, 1, Milano\"\nLuca;\"Via Po, 2\"\n"),
            ';'
        );
        assert_eq!(
            sniff_delimiter("name,address\nAnna,\"Via Roma; 1\"\nLuca,\"Via Po; 2; int. 3\"\n"),
            ','
        );
        // Unquoted commas in some addresses of a `;` file make `,` inconsistent.
        assert_eq!(
            sniff_delimiter("a;b;c\n1;Via Roma, 1;x\n2;Via Po;y\n3;Corso Italia;z\n"),
            ';'
        );
        assert_eq!(sniff_delimiter("single column\nvalue\n"), ';');
        assert_eq!(sniff_delimiter(""), ';');
    }

    #[test]
    fn quoted_fields_keep_delimiters_newlines_and_spaces() {
        let t = table(
            b"Nome;Indirizzo;Note\r\nAnna;\"Via Roma 1; int. 3\r\n20100 Milano\";\" spazi \"\r\n  Luca  ;  Via Po  ; \r\n",
        );
        assert_eq!(
            rows(&t),
            vec![
                vec!["Anna", "Via Roma 1; int. 3\n20100 Milano", " spazi "],
                vec!["Luca", "Via Po", ""],
            ]
        );
        assert_eq!(t.line_numbers, vec![2, 4]);
        assert_eq!(t.source.delimiter, Some(';'));
        // Doubled quotes inside quotes.
        let t = table(b"a,b\n\"say \"\"hi\"\"\",2\n");
        assert_eq!(rows(&t), vec![vec!["say \"hi\"", "2"]]);
    }

    #[test]
    fn skips_blank_lines_and_keeps_file_line_numbers() {
        let t = table(
            b"\r\n\r\nNome;Cognome\r\n\r\nAnna;Rossi\r\n;\r\n  ;  \r\n\r\nLuca;Bianchi\r\n\r\n",
        );
        assert_eq!(t.header_line, 3);
        assert_eq!(t.headers, vec!["Nome", "Cognome"]);
        assert_eq!(
            rows(&t),
            vec![vec!["Anna", "Rossi"], vec!["Luca", "Bianchi"]]
        );
        assert_eq!(t.line_numbers, vec![5, 9]);
        // LF only, and a last line without a line end.
        let t = table(b"a;b\n\n1;2\n3;4");
        assert_eq!(t.line_numbers, vec![3, 4]);
        // Old Mac line ends.
        let t = table(b"a;b\r1;2\r\r3;4\r");
        assert_eq!(rows(&t), vec![vec!["1", "2"], vec!["3", "4"]]);
        assert_eq!(t.line_numbers, vec![2, 4]);
    }

    #[test]
    fn headers_are_trimmed_and_rows_flexible() {
        let t = table(b" Nome ;\" Cognome \";Note\nAnna\nLuca;Bianchi;x;extra\n");
        assert_eq!(t.headers, vec!["Nome", "Cognome", "Note"]);
        assert_eq!(
            rows(&t),
            vec![vec!["Anna", "", ""], vec!["Luca", "Bianchi", "x", "extra"]]
        );
    }

    #[test]
    fn honours_excel_sep_line() {
        let t = table(b"sep=,\r\nNome,Note\r\nAnna,\"a;b;c\"\r\n");
        assert_eq!(t.source.delimiter, Some(','));
        assert_eq!(t.headers, vec!["Nome", "Note"]);
        assert_eq!(rows(&t), vec![vec!["Anna", "a;b;c"]]);
        assert_eq!((t.header_line, t.line_numbers.clone()), (2, vec![3]));
        // Not a sep line: read as data.
        assert_eq!(excel_sep_line("sep=;;\n"), None);
        assert_eq!(excel_sep_line("sep=x\n"), None);
    }

    #[test]
    fn the_formula_mark_is_taken_off() {
        let t =
            table("Nome;Telefono;Note\n'=SOMMA(1);'+39 333;\"'-x\"\n'Anna';''@a;'\n".as_bytes());
        assert_eq!(
            rows(&t),
            vec![
                vec!["=SOMMA(1)", "+39 333", "-x"],
                vec!["'Anna'", "'@a", "'"]
            ]
        );
    }

    #[test]
    fn an_unterminated_quote_runs_to_the_end() {
        let t = table(b"a;b\n1;\"open\n2;3\n");
        assert_eq!(rows(&t), vec![vec!["1", "open\n2;3\n"]]);
    }

    #[test]
    fn refuses_binary_and_html() {
        let e = read(b"PK\x05\x06\0\0\0").unwrap_err();
        assert_eq!(e.params["reason"], "not_text");
        let e = read(b"  <html><table><tr><td>Nome</td></tr></table></html>").unwrap_err();
        assert_eq!(e.params["reason"], "html");
    }

    #[test]
    fn limits_columns() {
        let wide = vec!["x"; MAX_COLUMNS + 1].join(";");
        let e = read(format!("a;b\n1;2\n{wide}\n").as_bytes()).unwrap_err();
        assert_eq!(e.params["reason"], "too_many_columns");
        assert_eq!(e.params["line"], "3");
    }

    #[test]
    fn limits_rows() {
        let mut text = String::from("n\n");
        for i in 0..MAX_ROWS {
            text.push_str(&format!("{i}\n"));
        }
        assert_eq!(table(text.as_bytes()).rows.len(), MAX_ROWS);
        text.push_str("one more\n");
        let e = read(text.as_bytes()).unwrap_err();
        assert_eq!(e.params["reason"], "too_many_rows");
    }

    #[test]
    fn quote_flags_follow_the_reader() {
        assert_eq!(
            quoted("a;\"b;c\";\"d\"\"e\";f\r\n", b';'),
            vec![false, true, true, false]
        );
        assert_eq!(quoted(" \"a\";b", b';'), vec![false, false]);
        assert_eq!(quoted("\"a\nb\";c\nnext", b';'), vec![true, false]);
        assert_eq!(quoted(";", b';'), Vec::<bool>::new());
        assert_eq!(quoted("a\"b;\"c\"x\";d", b';'), vec![false, true, false]);
    }
}
