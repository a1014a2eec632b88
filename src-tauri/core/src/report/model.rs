//! What an area hands the renderer: a document as a list of blocks, with no layout in it.
//!
//! Audits, purchase orders and budgets fill the same model, so every printed page of the app
//! looks alike and the layout rules (wrapping, page breaks, page numbers) live in one place.

/// The document's language: its metadata and the wording of the page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    It,
    En,
}

impl Lang {
    /// The BCP 47 tag written into the PDF, so readers and screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::It => "it-IT",
            Lang::En => "en-GB",
        }
    }
}

/// The words the renderer writes by itself, per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// "Pagina {n} di {total}": `{n}` and `{total}` are replaced.
    pub page: String,
    /// The lines of a sign-off box.
    pub name: String,
    pub date: String,
    pub signature: String,
}

impl Labels {
    pub fn for_lang(lang: Lang) -> Self {
        let (page, name, date, signature) = match lang {
            Lang::It => ("Pagina {n} di {total}", "Nome", "Data", "Firma"),
            Lang::En => ("Page {n} of {total}", "Name", "Date", "Signature"),
        };
        Self {
            page: page.to_owned(),
            name: name.to_owned(),
            date: date.to_owned(),
            signature: signature.to_owned(),
        }
    }

    pub fn page_of(&self, n: usize, total: usize) -> String {
        self.page
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub language: Lang,
    /// Left of every page's footer, e.g. "Organisation · Audit title".
    pub footer_left: String,
    pub labels: Labels,
    /// Written large and faint across every page ("BOZZA"): a copy that is not the real one.
    pub watermark: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The first page: a large title, a subtitle and a few facts; the next block starts a page.
    Cover {
        title: String,
        subtitle: Option<String>,
        facts: Vec<(String, String)>,
    },
    /// The issuer's heading: a logo on the left (if any) and lines beside it, the first bold.
    Letterhead {
        logo: Option<Picture>,
        lines: Vec<String>,
    },
    /// Level 1 is a section, 2 a subsection, 3 and more a small bold line.
    Heading {
        level: u8,
        text: String,
    },
    /// Wrapped text; `\n` starts a new line.
    Paragraph(String),
    /// Label: value pairs in two columns, the values wrapped.
    Facts(Vec<(String, String)>),
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<Cell>>,
    },
    Chart(Chart),
    /// One box per signer ("Lead auditor", "Auditee"…) with name, date and signature lines.
    SignOff(Vec<String>),
    PageBreak,
}

/// A raster picture (PNG or JPEG) ready to be placed, read once; cheap to clone.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub(crate) image: krilla::image::Image,
    /// Pixels.
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative to the other columns' widths; the table always spans the text width.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Self {
        Self {
            title: title.into(),
            width,
            align,
        }
    }
}

/// A coloured, badge-like cell for a state ("Conforme", "Scaduto"…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Warn,
    Bad,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Option<Tone>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: None,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone: Some(tone),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Line,
    Bar,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    /// (label under the axis, value from 0 to `y_max`); values outside are drawn at the edge.
    pub points: Vec<(String, f32)>,
    pub y_max: f32,
}

/// What a render produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderStats {
    pub pages: usize,
    pub bytes: usize,
}
