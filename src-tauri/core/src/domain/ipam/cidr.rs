//! Subnets in CIDR notation: parsing with reasons a form can show, and the arithmetic on them.
//!
//! Addresses are handled as (family, u128) numbers so IPv4 and IPv6 share one code path.

use super::ip::{ip_from_key, ip_key, ip_sort_key, parse_ip, IpError};
use crate::error::FieldError;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::str::FromStr;
use ts_rs::TS;

/// The shortest prefixes accepted. A /7 IPv4 network (33 million addresses) or an IPv6 network
/// shorter than /16 is not an office network: such a prefix is a typing slip (`/2` for `/24`)
/// far more often than a real plan, and refusing it keeps every subnet's size in a u128.
pub const MIN_PREFIX_V4: u8 = 8;
pub const MIN_PREFIX_V6: u8 = 16;

/// Why a typed subnet is refused; the caller turns it into a field error with `field_error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CidrError {
    /// No `/`, or the prefix is not a number.
    #[error("not in address/prefix form")]
    NotCidr,
    #[error("the address is not valid: {0}")]
    BadAddress(IpError),
    /// Longer than the family allows (IPv4 32, IPv6 128).
    #[error("the prefix is longer than /{max}")]
    PrefixOutOfRange { max: u8 },
    /// Shorter than `MIN_PREFIX_V4` / `MIN_PREFIX_V6`.
    #[error("the prefix is shorter than /{min}: too large for an office network")]
    TooLarge { min: u8 },
    /// `192.168.1.7/24`: the address is a host, not the network; `suggestion` is `192.168.1.0/24`.
    #[error("host bits are set; did you mean {suggestion}?")]
    HostBitsSet { suggestion: String },
}

impl CidrError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotCidr => "not_cidr",
            Self::BadAddress(e) => e.code(),
            Self::PrefixOutOfRange { .. } => "prefix_out_of_range",
            Self::TooLarge { .. } => "subnet_too_large",
            Self::HostBitsSet { .. } => "host_bits_set",
        }
    }

    /// The refusal as a form's field error, with the numbers the message interpolates.
    pub fn field_error(&self, field: &str) -> FieldError {
        let e = FieldError::new(field, self.code());
        match self {
            Self::PrefixOutOfRange { max } => e.with("max", max),
            Self::TooLarge { min } => e.with("min", min),
            Self::HostBitsSet { suggestion } => e.with("suggestion", suggestion),
            Self::NotCidr | Self::BadAddress(_) => e,
        }
    }
}

/// A network: its first address and prefix length, host bits always zero. It crosses to the UI
/// as its canonical text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(type = "string")]
pub struct Subnet {
    network: IpAddr,
    prefix: u8,
}

pub(crate) fn family_bits(family: u8) -> u32 {
    if family == 4 {
        32
    } else {
        128
    }
}

/// The mask of the network bits, as a number in the family's width.
fn net_mask(family: u8, prefix: u8) -> u128 {
    let bits = family_bits(family);
    let host_bits = bits.saturating_sub(u32::from(prefix));
    let host_mask = 1u128.checked_shl(host_bits).map_or(u128::MAX, |v| v - 1);
    family_all(family) & !host_mask
}

fn family_all(family: u8) -> u128 {
    if family == 4 {
        u128::from(u32::MAX)
    } else {
        u128::MAX
    }
}

impl Subnet {
    /// Parses `address/prefix` as typed (spaces around it are dropped).
    pub fn parse(text: &str) -> Result<Subnet, CidrError> {
        let (addr, prefix) = text.trim().split_once('/').ok_or(CidrError::NotCidr)?;
        let prefix = prefix.trim();
        if prefix.is_empty() || prefix.len() > 3 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CidrError::NotCidr);
        }
        let prefix: u8 = prefix.parse().map_err(|_| CidrError::NotCidr)?;
        let ip = parse_ip(addr).map_err(CidrError::BadAddress)?;
        Self::new(ip, prefix)
    }

    /// The network `ip/prefix`, refused if the prefix is out of range or host bits are set.
    pub fn new(ip: IpAddr, prefix: u8) -> Result<Subnet, CidrError> {
        let (family, n) = ip_key(ip);
        let (min, max) = if family == 4 {
            (MIN_PREFIX_V4, 32)
        } else {
            (MIN_PREFIX_V6, 128)
        };
        if prefix > max {
            return Err(CidrError::PrefixOutOfRange { max });
        }
        if prefix < min {
            return Err(CidrError::TooLarge { min });
        }
        let masked = n & net_mask(family, prefix);
        if masked != n {
            let network = ip_from_key(family, masked).unwrap_or(ip);
            return Err(CidrError::HostBitsSet {
                suggestion: Subnet { network, prefix }.to_string(),
            });
        }
        Ok(Subnet {
            network: ip,
            prefix,
        })
    }

    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    pub fn is_ipv4(&self) -> bool {
        self.network.is_ipv4()
    }

    pub fn network(&self) -> IpAddr {
        self.network
    }

    /// The family and the first and last numbers of the subnet (see `ip_key`).
    pub(crate) fn bounds(&self) -> (u8, u128, u128) {
        let (family, lo) = ip_key(self.network);
        (
            family,
            lo,
            lo | (!net_mask(family, self.prefix) & family_all(family)),
        )
    }

    /// The last address of the subnet (the broadcast address for IPv4 up to /30).
    pub fn last(&self) -> IpAddr {
        let (family, _, hi) = self.bounds();
        ip_from_key(family, hi).unwrap_or(self.network)
    }

    /// The IPv4 broadcast address; `None` for IPv6 (which has none) and for /31 and /32, whose
    /// addresses are all hosts (RFC 3021).
    pub fn broadcast(&self) -> Option<Ipv4Addr> {
        match self.last() {
            IpAddr::V4(a) if self.prefix <= 30 => Some(a),
            _ => None,
        }
    }

    /// How many addresses the subnet spans, network and broadcast included.
    pub fn size(&self) -> u128 {
        let (_, lo, hi) = self.bounds();
        (hi - lo).saturating_add(1)
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (family, lo, hi) = self.bounds();
        let (f, n) = ip_key(ip);
        f == family && (lo..=hi).contains(&n)
    }

    /// Whether the two share any address (one then contains the other); never across families.
    pub fn overlaps(&self, other: &Subnet) -> bool {
        self.contains(other.network) || other.contains(self.network)
    }

    /// The first and last numbers a host may take: IPv4 up to /30 loses the network and
    /// broadcast addresses, /31 and /32 keep all (RFC 3021); IPv6 up to /126 loses the all-zero
    /// subnet-router anycast address (RFC 4291), /127 and /128 keep all (RFC 6164).
    pub(crate) fn usable_bounds(&self) -> (u8, u128, u128) {
        let (family, lo, hi) = self.bounds();
        match (family, self.prefix) {
            (4, p) if p <= 30 => (family, lo + 1, hi - 1),
            (6, p) if p <= 126 => (family, lo + 1, hi),
            _ => (family, lo, hi),
        }
    }

    /// Whether `ip` may be given to a device: inside, and not a reserved address (see above).
    pub fn is_usable_host(&self, ip: IpAddr) -> bool {
        let (family, lo, hi) = self.usable_bounds();
        let (f, n) = ip_key(ip);
        f == family && (lo..=hi).contains(&n)
    }

    /// The first and last `ip_sort_key` of the subnet, for `key BETWEEN ?1 AND ?2` on a column
    /// of sort keys.
    pub fn sort_key_range(&self) -> (String, String) {
        (ip_sort_key(self.network), ip_sort_key(self.last()))
    }

    /// How many addresses devices may take.
    pub fn usable_count(&self) -> u128 {
        let (_, lo, hi) = self.usable_bounds();
        (hi - lo).saturating_add(1)
    }
}

impl fmt::Display for Subnet {
    /// Canonical form; IPv6 in the compressed RFC 5952 form std writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl FromStr for Subnet {
    type Err = CidrError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Subnet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Subnet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Subnet::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The id of the first existing subnet that shares an address with `new`, if any.
pub fn first_overlap<Id>(
    new: &Subnet,
    existing: impl IntoIterator<Item = (Id, Subnet)>,
) -> Option<Id> {
    existing
        .into_iter()
        .find(|(_, s)| s.overlaps(new))
        .map(|(id, _)| id)
}
