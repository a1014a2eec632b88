//! MAC addresses (EUI-48) in the notations people paste, kept and shown as `AA:BB:CC:DD:EE:FF`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(type = "string")]
pub struct Mac([u8; 6]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MacError {
    /// Not one of the accepted notations (see `Mac::parse`).
    #[error("not a MAC address (AA:BB:CC:DD:EE:FF)")]
    Invalid,
    /// All zeros or the broadcast address: valid syntax, but never a device's own address.
    #[error("{0} is not the address of a device")]
    NotDevice(Mac),
}

impl MacError {
    pub fn code(self) -> &'static str {
        match self {
            Self::Invalid => "invalid_mac",
            Self::NotDevice(_) => "mac_not_device",
        }
    }
}

fn hex_pairs(hex: &str) -> Option<[u8; 6]> {
    let b = hex.as_bytes();
    if b.len() != 12 || !b.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut out = [0u8; 6];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

impl Mac {
    pub const fn from_octets(octets: [u8; 6]) -> Mac {
        Mac(octets)
    }

    pub const fn octets(&self) -> [u8; 6] {
        self.0
    }

    /// Accepts, in any case and with spaces around: `AA:BB:CC:DD:EE:FF`, `AA-BB-CC-DD-EE-FF`,
    /// `aabb.ccdd.eeff` (Cisco) and `aabbccddeeff`. Everything else is refused: other lengths
    /// (EUI-64 included), single-digit groups, and separators mixed within one address.
    pub fn parse(text: &str) -> Result<Mac, MacError> {
        let s = text.trim();
        let bytes = s.as_bytes();
        let hex: String = match bytes.len() {
            12 => s.to_owned(),
            17 => {
                let sep = bytes[2];
                if sep != b':' && sep != b'-' {
                    return Err(MacError::Invalid);
                }
                let mut hex = String::with_capacity(12);
                for (i, chunk) in s.split(char::from(sep)).enumerate() {
                    if i > 5 || chunk.len() != 2 {
                        return Err(MacError::Invalid);
                    }
                    hex.push_str(chunk);
                }
                hex
            }
            14 => {
                let groups: Vec<&str> = s.split('.').collect();
                if groups.len() != 3 || groups.iter().any(|g| g.len() != 4) {
                    return Err(MacError::Invalid);
                }
                groups.concat()
            }
            _ => return Err(MacError::Invalid),
        };
        hex_pairs(&hex).map(Mac).ok_or(MacError::Invalid)
    }

    /// As `parse`, and also refuses the all-zero and broadcast addresses, which no device owns.
    pub fn parse_device(text: &str) -> Result<Mac, MacError> {
        let mac = Self::parse(text)?;
        if mac.is_device_address() {
            Ok(mac)
        } else {
            Err(MacError::NotDevice(mac))
        }
    }

    /// Group addresses (the I/G bit of the first octet), the broadcast address included.
    pub fn is_multicast(&self) -> bool {
        self.0[0] & 1 == 1
    }

    pub fn is_broadcast(&self) -> bool {
        self.0 == [0xff; 6]
    }

    /// Set by the owner rather than the maker (the U/L bit): phones and laptops that randomise
    /// their address per network show one, and it may change without the device changing.
    pub fn is_locally_administered(&self) -> bool {
        self.0[0] & 2 == 2
    }

    /// Neither all zeros nor broadcast.
    pub fn is_device_address(&self) -> bool {
        self.0 != [0; 6] && !self.is_broadcast()
    }
}

impl fmt::Display for Mac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02X}:{b:02X}:{c:02X}:{d:02X}:{e:02X}:{g:02X}")
    }
}

impl FromStr for Mac {
    type Err = MacError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Mac {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Mac {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Mac::parse(&s).map_err(serde::de::Error::custom)
    }
}
