//! Single addresses: strict parsing of what a person types, and numeric keys for ordering.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why a typed address is refused; `code()` is the field error code the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IpError {
    #[error("no address given")]
    Empty,
    #[error("not an IPv4 or IPv6 address")]
    Invalid,
    /// `010.0.0.1` reads as octal 8.0.0.1 in some tools and as decimal 10.0.0.1 in others.
    #[error("an IPv4 part has a leading zero, which tools read differently")]
    LeadingZeros,
    /// `fe80::1%eth0`: a zone names an interface of one machine and means nothing in an inventory.
    #[error("a zone id (%…) belongs to one machine's interface, not to an inventory")]
    ZoneId,
}

impl IpError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Empty => "required",
            Self::Invalid => "invalid_ip",
            Self::LeadingZeros => "ip_leading_zeros",
            Self::ZoneId => "ip_zone_id",
        }
    }
}

/// Parses an address as typed: surrounding spaces are dropped; IPv4 octets with a leading zero
/// and IPv6 zone ids are refused with their own reason rather than a generic "invalid".
pub fn parse_ip(text: &str) -> Result<IpAddr, IpError> {
    let s = text.trim();
    if s.is_empty() {
        return Err(IpError::Empty);
    }
    if s.contains('%') {
        return Err(IpError::ZoneId);
    }
    if s.contains(':') {
        return s
            .parse::<Ipv6Addr>()
            .map(IpAddr::V6)
            .map_err(|_| IpError::Invalid);
    }
    // std refuses leading zeros too, but as a bare "invalid"; the ambiguity deserves its own word.
    let parts: Vec<&str> = s.split('.').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if parts.len() == 4 && all_digits && parts.iter().any(|p| p.len() > 1 && p.starts_with('0')) {
        return Err(IpError::LeadingZeros);
    }
    s.parse::<Ipv4Addr>()
        .map(IpAddr::V4)
        .map_err(|_| IpError::Invalid)
}

/// The address as (family, number): family 4 sorts before 6, and within a family the number
/// orders addresses the way people expect (10.0.0.9 before 10.0.0.10).
pub fn ip_key(ip: IpAddr) -> (u8, u128) {
    match ip {
        IpAddr::V4(a) => (4, u128::from(u32::from(a))),
        IpAddr::V6(a) => (6, u128::from(a)),
    }
}

/// The inverse of `ip_key`; `None` for a family other than 4 or 6 or an IPv4 number past 2³²−1.
pub fn ip_from_key(family: u8, n: u128) -> Option<IpAddr> {
    match family {
        4 => u32::try_from(n).ok().map(|v| IpAddr::V4(Ipv4Addr::from(v))),
        6 => Some(IpAddr::V6(Ipv6Addr::from(n))),
        _ => None,
    }
}

/// The address as stored in a TEXT column: the family digit then the number as 32 lowercase
/// hex digits, e.g. `4000000000000000000000000c0a80001` for 192.168.0.1.
///
/// Why: SQLite compares TEXT byte by byte, so the displayed form sorts 10.0.0.10 before
/// 10.0.0.9, and an INTEGER column cannot hold 128 bits. A fixed width makes byte order equal
/// numeric order, so `ORDER BY` and `BETWEEN` on this column (with an index) sort and select
/// ranges correctly for both families, IPv4 before IPv6.
pub fn ip_sort_key(ip: IpAddr) -> String {
    let (family, n) = ip_key(ip);
    format!("{family}{n:032x}")
}

/// Reads back a key written by `ip_sort_key`; `None` for anything it would not have written.
pub fn ip_from_sort_key(key: &str) -> Option<IpAddr> {
    let bytes = key.as_bytes();
    if bytes.len() != 33
        || !bytes[1..]
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    {
        return None;
    }
    let family = match bytes[0] {
        b'4' => 4,
        b'6' => 6,
        _ => return None,
    };
    let n = u128::from_str_radix(&key[1..], 16).ok()?;
    ip_from_key(family, n)
}

/// Addresses in a slice sorted by `ip_key` (IpAddr's own order is the same: IPv4 first).
pub(crate) fn is_sorted(ips: &[IpAddr]) -> bool {
    ips.windows(2).all(|w| w[0] <= w[1])
}
