//! The elements of a `host` the inventory cares about, as nmap's DTD lays them out: `status`,
//! `address` (ipv4, ipv6, mac with its vendor), `hostnames`, `ports/port` with `state` and
//! `service`, and `os/osmatch`. Everything else is passed over.

use super::mac::Mac;
use super::nmap::{PortProto, ScanError, ScanHost};
use super::nmap_read::{PortDraft, State, Tag};
use quick_xml::events::BytesStart;

impl State<'_> {
    /// Reads the attributes of an element under the current one and says what it is.
    pub(super) fn child(&mut self, e: &BytesStart<'_>, name: &str) -> Result<Tag, ScanError> {
        let parent = self.stack.last().copied();
        let tag = match (parent, name) {
            (Some(Tag::Run), "host") => {
                self.host = Some(ScanHost::default());
                Tag::Host
            }
            (Some(Tag::Run), "runstats") => Tag::RunStats,
            (Some(Tag::RunStats), "finished") => {
                self.scan.finished = self.attr(e, "exit")?.as_deref() != Some("error");
                Tag::Other
            }
            (Some(Tag::Host), "status") => {
                let up = self.attr(e, "state")?.as_deref() == Some("up");
                if let Some(h) = self.host.as_mut() {
                    h.status_up = up;
                }
                Tag::Other
            }
            (Some(Tag::Host), "address") => {
                self.address(e)?;
                Tag::Other
            }
            (Some(Tag::Host), "hostnames") => Tag::Hostnames,
            (Some(Tag::Hostnames), "hostname") => {
                if let (Some(n), Some(h)) = (self.attr(e, "name")?, self.host.as_mut()) {
                    if !n.is_empty() && !h.hostnames.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
                        h.hostnames.push(n);
                    }
                }
                Tag::Other
            }
            (Some(Tag::Host), "ports") => Tag::Ports,
            (Some(Tag::Ports), "port") => {
                let port = self.attr(e, "portid")?.and_then(|p| p.parse::<u16>().ok());
                let proto = self.attr(e, "protocol")?.and_then(|p| PortProto::parse(&p));
                self.port = port.zip(proto).map(|(port, proto)| PortDraft {
                    port,
                    proto,
                    open: false,
                    service: None,
                });
                Tag::Port
            }
            (Some(Tag::Port), "state") => {
                let open = self.attr(e, "state")?.as_deref() == Some("open");
                if let Some(p) = self.port.as_mut() {
                    p.open = open;
                }
                Tag::Other
            }
            (Some(Tag::Port), "service") => {
                let service = self.attr(e, "name")?.filter(|s| !s.is_empty());
                if let Some(p) = self.port.as_mut() {
                    p.service = service;
                }
                Tag::Other
            }
            (Some(Tag::Host), "os") => Tag::Os,
            (Some(Tag::Os), "osmatch") => {
                let name = self.attr(e, "name")?;
                if let Some(h) = self.host.as_mut() {
                    h.os_guess = h.os_guess.take().or(name);
                }
                Tag::Other
            }
            _ => Tag::Other,
        };
        Ok(tag)
    }

    fn address(&mut self, e: &BytesStart<'_>) -> Result<(), ScanError> {
        let addr = self.attr(e, "addr")?.unwrap_or_default();
        // The DTD's default address type is ipv4.
        let kind = self.attr(e, "addrtype")?.unwrap_or_else(|| "ipv4".into());
        let vendor = self.attr(e, "vendor")?.filter(|v| !v.is_empty());
        let Some(h) = self.host.as_mut() else {
            return Ok(());
        };
        // A value nmap would not write is left out rather than failing the whole file.
        match kind.as_str() {
            "ipv4" => h.ipv4 = h.ipv4.or(addr.parse().ok()),
            "ipv6" => h.ipv6 = h.ipv6.or(addr.parse().ok()),
            "mac" => {
                h.mac = h.mac.or(Mac::parse(&addr).ok());
                h.vendor = h.vendor.take().or(vendor);
            }
            _ => {}
        }
        Ok(())
    }
}
