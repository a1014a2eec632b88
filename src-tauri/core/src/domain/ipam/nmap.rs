//! What an nmap scan saved with `-oX` found: the types, the limits and the refusals. The
//! reading itself is in `nmap_read.rs`.
//!
//! The layout follows nmap's published DTD (`docs/nmap.dtd`): a `nmaprun` root holding `host`
//! elements (`status`, `address`, `hostnames`, `ports`, `os`, …) and, once the scan ends, a
//! `runstats` with `finished`.

use super::mac::Mac;
use crate::error::{Error, ErrorCode};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use ts_rs::TS;

pub use super::nmap_read::parse_scan;

/// Bounds on what a chosen file may make the reader do.
#[derive(Debug, Clone, Copy)]
pub struct ScanLimits {
    pub max_bytes: usize,
    /// Hosts found up; hosts reported down are only counted.
    pub max_hosts: usize,
    /// Element nesting; nmap's own output is under 10 deep.
    pub max_depth: usize,
    /// Characters kept of any one text (arguments, names, vendor); longer ones are cut.
    pub max_text: usize,
}

impl Default for ScanLimits {
    fn default() -> Self {
        Self {
            max_bytes: 200 * 1024 * 1024,
            max_hosts: 1_000_000,
            max_depth: 64,
            max_text: 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    /// The command line nmap was run with (`nmaprun/@args`).
    pub scanner_args: Option<String>,
    pub start: Option<DateTime<Utc>>,
    /// nmap wrote its closing `runstats/finished` and did not report an error there.
    pub finished: bool,
    /// The hosts found up, in file order.
    pub hosts: Vec<ScanHost>,
    /// Hosts the file lists as down (nmap does with -v); not kept.
    pub hosts_down: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ScanPortProto")]
pub enum PortProto {
    Tcp,
    Udp,
    Sctp,
    Ip,
}

impl PortProto {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "tcp" => Some(Self::Tcp),
            "udp" => Some(Self::Udp),
            "sctp" => Some(Self::Sctp),
            "ip" => Some(Self::Ip),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OpenPort {
    pub port: u16,
    pub proto: PortProto,
    /// nmap's service name (`http`, `ssh`, …) when it gave one.
    pub service: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct ScanHost {
    pub ipv4: Option<Ipv4Addr>,
    pub ipv6: Option<Ipv6Addr>,
    /// Only seen when nmap ran on the host's own network segment.
    pub mac: Option<Mac>,
    /// The maker nmap guessed from the MAC's first three octets.
    pub vendor: Option<String>,
    /// Names given on the command line (`user`) or found by reverse DNS (`PTR`), no duplicates.
    pub hostnames: Vec<String>,
    pub status_up: bool,
    pub open_ports: Vec<OpenPort>,
    /// nmap's best OS match (the first, most accurate, `osmatch`).
    pub os_guess: Option<String>,
}

impl ScanHost {
    /// The address the host is known by: IPv4 when it has one, else IPv6.
    pub fn ip(&self) -> Option<IpAddr> {
        self.ipv4
            .map(IpAddr::V4)
            .or_else(|| self.ipv6.map(IpAddr::V6))
    }
}

/// Why a file is not read; `reason()` is the code the UI words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    /// Not XML, or XML whose root is not `nmaprun` (a CSV, a PDF, another tool's report).
    #[error("this is not an nmap XML file (nmap -oX)")]
    NotNmap,
    /// The file stops before `</nmaprun>`: the scan was interrupted or the file cut short;
    /// `hosts_read` counts the hosts found up before the cut.
    #[error("the file ends early (interrupted scan?) after {hosts_read} hosts")]
    Truncated { hosts_read: usize },
    #[error("the XML is damaged near line {line}")]
    Malformed { line: u64 },
    /// A DTD, entity declarations or nesting meant to exhaust the reader.
    #[error("the file declares entities or a DTD, or nests too deep; it was not read")]
    Hostile,
    /// Over the byte or host limit.
    #[error("the file is larger than can be read")]
    TooLarge,
}

impl ScanError {
    pub fn reason(&self) -> &'static str {
        match self {
            Self::NotNmap => "not_nmap",
            Self::Truncated { .. } => "nmap_truncated",
            Self::Malformed { .. } => "nmap_malformed",
            Self::Hostile => "nmap_hostile",
            Self::TooLarge => "too_large",
        }
    }
}

impl From<ScanError> for Error {
    /// A `bad_file` error with `reason` and, where there is one, `hosts` or `line`.
    fn from(e: ScanError) -> Self {
        let err = Error::new(ErrorCode::BadFile, e.to_string()).with("reason", e.reason());
        match e {
            ScanError::Truncated { hosts_read } => err.with("hosts", hosts_read),
            ScanError::Malformed { line } => err.with("line", line),
            _ => err,
        }
    }
}
