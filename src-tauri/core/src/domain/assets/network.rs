//! Networks and addresses as the forms see them: VLANs, subnets, interfaces and the cables
//! between network devices. The address rules themselves are in `domain::ipam`.

use crate::domain::ipam::{check_range, parse_ip, Mac, Subnet};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Vlan {
    pub id: i64,
    pub site_id: i64,
    pub number: i64,
    pub name: String,
    pub notes: Option<String>,
    pub subnets: i64,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct VlanInput {
    pub site_id: i64,
    pub number: i64,
    pub name: String,
    pub notes: Option<String>,
}

impl VlanInput {
    pub fn validate(&self) -> crate::Result<VlanInput> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 100);
        let notes = c.optional_text("notes", &self.notes, 2000);
        if !(1..=4094).contains(&self.number) {
            c.add(
                FieldError::new("number", "out_of_range")
                    .with("min", 1)
                    .with("max", 4094),
            );
        }
        c.finish()?;
        Ok(VlanInput {
            site_id: self.site_id,
            number: self.number,
            name,
            notes,
        })
    }
}

/// A subnet as its list and page show it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SubnetInfo {
    pub id: i64,
    pub site_id: i64,
    pub site_name: String,
    pub vlan_id: Option<i64>,
    pub vlan_number: Option<i64>,
    pub vlan_name: Option<String>,
    pub cidr: String,
    pub name: String,
    pub gateway: Option<String>,
    pub dhcp_start: Option<String>,
    pub dhcp_end: Option<String>,
    pub dns: Option<String>,
    pub notes: Option<String>,
    /// Addresses given to interfaces.
    pub used: i64,
    /// Usable addresses in all (network and broadcast left out in IPv4), as text: an IPv6
    /// subnet has more than any JavaScript number holds.
    pub usable: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SubnetInput {
    pub site_id: i64,
    pub vlan_id: Option<i64>,
    pub cidr: String,
    pub name: String,
    pub gateway: Option<String>,
    pub dhcp_start: Option<String>,
    pub dhcp_end: Option<String>,
    /// Name servers, separated by commas or spaces.
    pub dns: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSubnet {
    pub site_id: i64,
    pub vlan_id: Option<i64>,
    pub subnet: Subnet,
    pub name: String,
    pub gateway: Option<IpAddr>,
    pub dhcp: Option<(IpAddr, IpAddr)>,
    pub dns: Option<String>,
    pub notes: Option<String>,
}

/// An optional address typed in `field`, which must lie in `subnet` as a usable host.
fn host_in(
    c: &mut Checks,
    field: &str,
    text: &Option<String>,
    subnet: Option<&Subnet>,
) -> Option<IpAddr> {
    let t = text.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    match parse_ip(t) {
        Err(e) => {
            c.add(FieldError::new(field, e.code()));
            None
        }
        Ok(ip) => {
            if let Some(s) = subnet {
                if !s.contains(ip) {
                    c.add(FieldError::new(field, "outside_subnet").with("cidr", s));
                    return None;
                }
                if !s.is_usable_host(ip) {
                    c.add(FieldError::new(field, "not_a_host"));
                    return None;
                }
            }
            Some(ip)
        }
    }
}

impl SubnetInput {
    pub fn validate(&self) -> crate::Result<ValidSubnet> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 100);
        let notes = c.optional_text("notes", &self.notes, 2000);
        let subnet = match Subnet::parse(&self.cidr) {
            Ok(s) => Some(s),
            Err(e) => {
                c.add(e.field_error("cidr"));
                None
            }
        };
        let gateway = host_in(&mut c, "gateway", &self.gateway, subnet.as_ref());
        let start = host_in(&mut c, "dhcp_start", &self.dhcp_start, subnet.as_ref());
        let end = host_in(&mut c, "dhcp_end", &self.dhcp_end, subnet.as_ref());
        let dhcp = match (start, end) {
            (Some(a), Some(b)) => {
                if let Some(s) = subnet.as_ref() {
                    if let Err(e) = check_range(s, a, b) {
                        c.add(e.field_error("dhcp_start", "dhcp_end"));
                    }
                }
                Some((a, b))
            }
            (Some(_), None) => {
                c.add(FieldError::new("dhcp_end", "required"));
                None
            }
            (None, Some(_)) => {
                c.add(FieldError::new("dhcp_start", "required"));
                None
            }
            (None, None) => None,
        };
        // Name servers may sit outside the subnet; each must be an address.
        let mut servers = Vec::new();
        for part in self
            .dns
            .as_deref()
            .unwrap_or("")
            .split([',', ' ', ';'])
            .filter(|s| !s.trim().is_empty())
        {
            match parse_ip(part) {
                Ok(ip) => servers.push(ip.to_string()),
                Err(e) => c.add(FieldError::new("dns", e.code())),
            }
        }
        if servers.len() > 8 {
            c.add(FieldError::new("dns", "too_many").with("max", 8));
        }
        c.finish()?;
        let subnet = subnet.ok_or_else(|| crate::Error::field("cidr", "not_cidr"))?;
        Ok(ValidSubnet {
            site_id: self.site_id,
            vlan_id: self.vlan_id,
            subnet,
            name,
            gateway,
            dhcp,
            dns: (!servers.is_empty()).then(|| servers.join(", ")),
            notes,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Interface {
    pub id: i64,
    pub asset_id: i64,
    pub asset_tag: String,
    pub asset_name: String,
    pub subnet_id: Option<i64>,
    pub subnet_cidr: Option<String>,
    pub name: Option<String>,
    pub ip: Option<String>,
    pub mac: Option<String>,
    pub hostname: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InterfaceInput {
    pub asset_id: i64,
    pub subnet_id: Option<i64>,
    /// The port or adapter name: "eth0", "Gi1/0/24".
    pub name: Option<String>,
    pub ip: Option<String>,
    /// In any common notation: `AA-BB-CC-DD-EE-FF`, `aabb.ccdd.eeff`…
    pub mac: Option<String>,
    pub hostname: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInterface {
    pub asset_id: i64,
    pub subnet_id: Option<i64>,
    pub name: Option<String>,
    pub ip: Option<IpAddr>,
    pub mac: Option<Mac>,
    pub hostname: Option<String>,
}

fn valid_hostname(h: &str) -> bool {
    h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

impl InterfaceInput {
    /// The form's own rules; that the address lies in the chosen subnet and is free is checked
    /// by the store against the subnet.
    pub fn validate(&self) -> crate::Result<ValidInterface> {
        let mut c = Checks::default();
        let name = c.optional("name", &self.name, 60);
        let hostname = c
            .optional("hostname", &self.hostname, 253)
            .map(|h| h.trim_end_matches('.').to_lowercase());
        if hostname.as_deref().is_some_and(|h| !valid_hostname(h)) {
            c.add(FieldError::new("hostname", "invalid_hostname"));
        }
        let ip = host_in(&mut c, "ip", &self.ip, None);
        if ip.is_some() && self.subnet_id.is_none() {
            c.add(FieldError::new("subnet_id", "required"));
        }
        let mac = match self.mac.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(m) => match Mac::parse_device(m) {
                Ok(m) => Some(m),
                Err(e) => {
                    c.add(FieldError::new("mac", e.code()));
                    None
                }
            },
        };
        if ip.is_none() && mac.is_none() && hostname.is_none() {
            c.add(FieldError::new("ip", "required"));
        }
        c.finish()?;
        Ok(ValidInterface {
            asset_id: self.asset_id,
            subnet_id: self.subnet_id,
            name,
            ip,
            mac,
            hostname,
        })
    }
}

/// A cable between two network devices.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NetworkLink {
    pub id: i64,
    pub from_asset_id: i64,
    pub from_tag: String,
    pub from_port: Option<String>,
    pub to_asset_id: i64,
    pub to_tag: String,
    pub to_port: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LinkInput {
    pub from_asset_id: i64,
    pub from_port: Option<String>,
    pub to_asset_id: i64,
    pub to_port: Option<String>,
    pub notes: Option<String>,
}

/// A subnet's addresses: a page of the used ones, the first free runs and the next free one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SubnetAddresses {
    pub used: Vec<Interface>,
    pub used_total: i64,
    pub free_runs: Vec<FreeRange>,
    /// Free addresses in all, as text (IPv6 counts overflow JavaScript numbers).
    pub free_total: String,
    pub next_free: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FreeRange {
    pub first: String,
    pub last: String,
    pub count: String,
}

/// The network map of a site: its VLANs, subnets and the devices in them, and the cables.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NetworkMap {
    pub site_id: i64,
    pub site_name: String,
    pub vlans: Vec<Vlan>,
    pub subnets: Vec<SubnetInfo>,
    pub devices: Vec<MapDevice>,
    pub links: Vec<NetworkLink>,
    /// Devices left out because the site has more than the map draws.
    pub truncated: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct MapDevice {
    pub asset_id: i64,
    pub tag: String,
    pub name: String,
    pub category_code: Option<String>,
    pub subnet_id: i64,
    pub ip: String,
}
