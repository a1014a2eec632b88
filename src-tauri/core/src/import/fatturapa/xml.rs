//! A small element tree read with quick-xml's streaming reader, which never loads a DTD nor
//! expands an entity: a document that declares either is refused before its first element.
//! Names are kept as local names (`p:FatturaElettronica` and `FatturaElettronica` are the same
//! root whatever the prefix), and depth, element count and size are capped.

use super::problem::{Problem, ProblemCode};
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// FatturaPA nests about eight levels deep; anything far deeper is not an invoice.
const MAX_DEPTH: usize = 32;
/// A 20 MB file of tiny elements stays well below this.
const MAX_ELEMENTS: usize = 1_000_000;
/// The root's local name in every FatturaPA version.
const ROOT: &str = "FatturaElettronica";

#[derive(Debug, Default)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of the child `name`, when present and not blank.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads `text` (already decoded to UTF-8) into its root element.
pub fn parse(text: &str) -> Result<Node, Problem> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut count = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                return Err(xml_error(
                    text,
                    &e,
                    reader.error_position(),
                    root.is_some() || !stack.is_empty(),
                ))
            }
        };
        match event {
            Event::DocType(_) => return Err(Problem::new(ProblemCode::Doctype, "")),
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(malformed(text, reader.buffer_position()));
            }
            Event::Start(e) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(Problem::new(ProblemCode::TooLarge, "").with("max_mb", 20));
                }
                let is_root = stack.is_empty();
                stack.push(open(&e, text, reader.buffer_position(), is_root)?);
                if stack.len() > MAX_DEPTH {
                    return Err(Problem::new(ProblemCode::TooDeep, "").with("max", MAX_DEPTH));
                }
            }
            Event::Empty(e) => {
                count += 1;
                let node = open(&e, text, reader.buffer_position(), stack.is_empty())?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::End(_) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| malformed(text, reader.buffer_position()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => match stack.last_mut() {
                Some(node) => node.text.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
                None if !t.trim_ascii().is_empty() => {
                    return Err(Problem::new(ProblemCode::NotXml, ""))
                }
                None => {}
            },
            Event::CData(c) => match stack.last_mut() {
                Some(node) => node.text.push_str(&c.xml_content(XmlVersion::Implicit1_0)),
                None => return Err(Problem::new(ProblemCode::NotXml, "")),
            },
            Event::GeneralRef(r) => {
                let node = stack
                    .last_mut()
                    .ok_or(Problem::new(ProblemCode::NotXml, ""))?;
                let ch = match &*r {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "apos" => Some('\''),
                    "quot" => Some('"'),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                // Any other name could only come from a DTD, which is never read.
                let ch = ch.ok_or_else(|| Problem::new(ProblemCode::Doctype, ""))?;
                node.text.push(ch);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    match root {
        Some(r) if stack.is_empty() => Ok(r),
        _ if !stack.is_empty() => Err(Problem::new(ProblemCode::Truncated, "")),
        _ => Err(Problem::new(ProblemCode::NotXml, "")),
    }
}

fn open(e: &BytesStart<'_>, text: &str, pos: u64, is_root: bool) -> Result<Node, Problem> {
    let name = e.local_name().as_ref().to_owned();
    if is_root && name != ROOT {
        return Err(Problem::new(ProblemCode::NotFatturaPa, "").with("root", name));
    }
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|_| malformed(text, pos))?;
        let key = a.key.local_name().as_ref().to_owned();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|_| Problem::new(ProblemCode::Doctype, ""))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Node {
        name,
        attrs,
        ..Node::default()
    })
}

fn line(text: &str, pos: u64) -> usize {
    let end = usize::try_from(pos).map_or(text.len(), |p| p.min(text.len()));
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn malformed(text: &str, pos: u64) -> Problem {
    Problem::new(ProblemCode::Malformed, "").with("line", line(text, pos))
}

/// A reader error in words the user can act on: `<!ENTITY` anywhere is an entity declaration,
/// a document that stops inside markup is a cut file, an error before any element is not XML.
fn xml_error(text: &str, e: &XmlError, pos: u64, started: bool) -> Problem {
    let at = usize::try_from(pos).unwrap_or(usize::MAX);
    let here = text.as_bytes().get(at..).unwrap_or_default();
    if here.starts_with(b"<!ENTITY") || here.starts_with(b"<!DOCTYPE") {
        return Problem::new(ProblemCode::Doctype, "");
    }
    if !started {
        return Problem::new(ProblemCode::NotXml, "");
    }
    match e {
        XmlError::Syntax(SyntaxError::InvalidBangMarkup) => malformed(text, pos),
        XmlError::Syntax(_) | XmlError::IllFormed(IllFormedError::MissingEndTag(_)) => {
            Problem::new(ProblemCode::Truncated, "")
        }
        _ => malformed(text, pos),
    }
}
