//! Reads `nmap -oX` output with quick-xml's streaming reader, which never loads a DTD nor
//! expands an entity; a file that declares either is refused before its first element.

use super::nmap::{OpenPort, PortProto, Scan, ScanError, ScanHost, ScanLimits};
use chrono::DateTime;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Where an element sits, as far as reading hosts needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Run,
    Host,
    Hostnames,
    Ports,
    Port,
    Os,
    RunStats,
    Other,
}

/// A port while its `state` and `service` children are read.
pub(super) struct PortDraft {
    pub(super) port: u16,
    pub(super) proto: PortProto,
    pub(super) open: bool,
    pub(super) service: Option<String>,
}

pub(super) struct State<'a> {
    bytes: &'a [u8],
    limits: ScanLimits,
    pub(super) scan: Scan,
    pub(super) stack: Vec<Tag>,
    pub(super) host: Option<ScanHost>,
    pub(super) port: Option<PortDraft>,
    root_seen: bool,
    root_closed: bool,
    /// Byte offset of the event being handled, for the line of an error.
    pos: u64,
}

/// Reads a scan; see `ScanError` for what is refused and why.
pub fn parse_scan(bytes: &[u8], limits: ScanLimits) -> Result<Scan, ScanError> {
    if bytes.len() > limits.max_bytes {
        return Err(ScanError::TooLarge);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = Reader::from_reader(bytes);
    let mut st = State {
        bytes,
        limits,
        scan: Scan {
            scanner_args: None,
            start: None,
            finished: false,
            hosts: Vec::new(),
            hosts_down: 0,
        },
        stack: Vec::new(),
        host: None,
        port: None,
        root_seen: false,
        root_closed: false,
        pos: 0,
    };
    loop {
        st.pos = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => return Err(st.xml_error(&e, reader.error_position())),
        };
        match event {
            Event::DocType(t) => check_doctype(&t, st.root_seen)?,
            Event::Start(e) => st.open(&e, true)?,
            Event::Empty(e) => st.open(&e, false)?,
            Event::End(_) => st.close()?,
            Event::Text(t) if !st.root_seen && !t.trim().is_empty() => {
                return Err(ScanError::NotNmap)
            }
            Event::CData(_) if !st.root_seen => return Err(ScanError::NotNmap),
            Event::GeneralRef(r) => {
                let predefined = matches!(&*r, "lt" | "gt" | "amp" | "apos" | "quot");
                if !st.root_seen {
                    return Err(ScanError::NotNmap);
                }
                if !predefined && !r.is_char_ref() {
                    return Err(st.malformed());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !st.root_seen {
        return Err(ScanError::NotNmap);
    }
    if !st.root_closed {
        return Err(st.truncated());
    }
    Ok(st.scan)
}

/// nmap writes exactly `<!DOCTYPE nmaprun>`. Anything more (an internal subset, a SYSTEM or
/// PUBLIC identifier) is how entity bombs and external-entity reads begin, so it is refused
/// rather than parsed; another document type is simply another kind of file.
fn check_doctype(text: &str, root_seen: bool) -> Result<(), ScanError> {
    let t = text.trim();
    if t == "nmaprun" && !root_seen {
        return Ok(());
    }
    if t.contains('[') || t.contains("SYSTEM") || t.contains("PUBLIC") || t.contains("ENTITY") {
        return Err(ScanError::Hostile);
    }
    Err(ScanError::NotNmap)
}

/// `text` cut to `max` characters.
fn capped(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => text[..i].to_owned(),
        None => text.to_owned(),
    }
}

impl State<'_> {
    fn line(&self, pos: u64) -> u64 {
        let end = usize::try_from(pos).map_or(self.bytes.len(), |p| p.min(self.bytes.len()));
        let newlines = self.bytes[..end].iter().filter(|b| **b == b'\n').count();
        u64::try_from(newlines)
            .unwrap_or(u64::MAX)
            .saturating_add(1)
    }

    pub(super) fn malformed(&self) -> ScanError {
        ScanError::Malformed {
            line: self.line(self.pos),
        }
    }

    fn truncated(&self) -> ScanError {
        ScanError::Truncated {
            hosts_read: self.scan.hosts.len(),
        }
    }

    /// A reader error in words the user can act on: the file stopping inside markup is a cut
    /// file; `<!ENTITY` outside a DTD is still an entity declaration.
    fn xml_error(&self, e: &XmlError, pos: u64) -> ScanError {
        let at = usize::try_from(pos).unwrap_or(usize::MAX);
        let here = self.bytes.get(at..).unwrap_or_default();
        let declares_entities = here.starts_with(b"<!ENTITY")
            || (here.starts_with(b"<!DOCTYPE")
                && here
                    .get(..here.len().min(64 * 1024))
                    .is_some_and(|h| h.windows(8).any(|w| w == b"<!ENTITY")));
        if declares_entities {
            return ScanError::Hostile;
        }
        if !self.root_seen {
            return ScanError::NotNmap;
        }
        match e {
            XmlError::Syntax(SyntaxError::InvalidBangMarkup) => self.malformed_at(pos),
            XmlError::Syntax(_) | XmlError::IllFormed(IllFormedError::MissingEndTag(_)) => {
                self.truncated()
            }
            _ => self.malformed_at(pos),
        }
    }

    fn malformed_at(&self, pos: u64) -> ScanError {
        ScanError::Malformed {
            line: self.line(pos),
        }
    }

    /// The attribute `name` of `e`, entity references resolved (only XML's five predefined
    /// ones and character references exist here), cut to the text limit.
    pub(super) fn attr(&self, e: &BytesStart<'_>, name: &str) -> Result<Option<String>, ScanError> {
        for a in e.attributes() {
            let a = a.map_err(|_| self.malformed())?;
            if a.key.as_ref() == name {
                let v = a
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|_| self.malformed())?;
                return Ok(Some(capped(&v, self.limits.max_text)));
            }
        }
        Ok(None)
    }

    fn open(&mut self, e: &BytesStart<'_>, has_children: bool) -> Result<(), ScanError> {
        if self.root_closed {
            return Err(self.malformed());
        }
        let name = e.name();
        let tag = if self.root_seen {
            self.child(e, name.as_ref())?
        } else if name.as_ref() == "nmaprun" {
            self.root_seen = true;
            self.scan.scanner_args = self.attr(e, "args")?;
            self.scan.start = self
                .attr(e, "start")?
                .and_then(|s| s.parse::<i64>().ok())
                .and_then(|secs| DateTime::from_timestamp(secs, 0));
            Tag::Run
        } else {
            return Err(ScanError::NotNmap);
        };
        if has_children {
            self.stack.push(tag);
            if self.stack.len() > self.limits.max_depth {
                return Err(ScanError::Hostile);
            }
            Ok(())
        } else {
            self.finish(tag)
        }
    }

    fn close(&mut self) -> Result<(), ScanError> {
        let tag = self.stack.pop().ok_or_else(|| self.malformed())?;
        self.finish(tag)
    }

    /// The end of an element: a host or port is complete, or the whole run is.
    fn finish(&mut self, tag: Tag) -> Result<(), ScanError> {
        match tag {
            Tag::Host => {
                if let Some(h) = self.host.take() {
                    if !h.status_up {
                        self.scan.hosts_down += 1;
                    } else if self.scan.hosts.len() >= self.limits.max_hosts {
                        return Err(ScanError::TooLarge);
                    } else {
                        self.scan.hosts.push(h);
                    }
                }
            }
            Tag::Port => {
                if let (Some(p), Some(h)) = (self.port.take(), self.host.as_mut()) {
                    if p.open {
                        h.open_ports.push(OpenPort {
                            port: p.port,
                            proto: p.proto,
                            service: p.service,
                        });
                    }
                }
            }
            Tag::Run => self.root_closed = true,
            _ => {}
        }
        Ok(())
    }
}
