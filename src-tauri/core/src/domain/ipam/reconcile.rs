//! A scan compared with the inventory: what is new, missing or changed, one item at a time so
//! a person can accept or ignore each.

use super::cidr::Subnet;
use super::mac::Mac;
use super::nmap::ScanHost;
use serde::Serialize;
use std::collections::HashMap;
use std::net::IpAddr;
use ts_rs::TS;

/// One network interface of an asset, as the inventory records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KnownInterface {
    pub interface_id: i64,
    pub asset_id: i64,
    pub asset_tag: String,
    pub ip: Option<IpAddr>,
    pub mac: Option<Mac>,
    pub hostname: Option<String>,
}

/// One thing the scan and the inventory disagree on. `key` names it stably across scans (it is
/// built from ids and seen values, never from positions), so an item ignored once stays ignored
/// while the network is unchanged and comes back if it changes again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "ScanDifference")]
pub enum Difference {
    /// Up in the scan, matching no interface by MAC or IP.
    NewHost { key: String, host: ScanHost },
    /// An interface whose address lies in a scanned range, not found up.
    NotSeen {
        key: String,
        interface: KnownInterface,
    },
    /// Found at the recorded IP with another MAC (or a MAC where none was recorded).
    MacChanged {
        key: String,
        interface: KnownInterface,
        seen: Mac,
    },
    /// Found, with a name that is not the recorded one (or a name where none was recorded).
    HostnameChanged {
        key: String,
        interface: KnownInterface,
        seen: String,
    },
    /// Found by its MAC at another IP (or at an IP where none was recorded).
    IpChanged {
        key: String,
        interface: KnownInterface,
        seen: IpAddr,
    },
}

impl Difference {
    pub fn key(&self) -> &str {
        match self {
            Self::NewHost { key, .. }
            | Self::NotSeen { key, .. }
            | Self::MacChanged { key, .. }
            | Self::HostnameChanged { key, .. }
            | Self::IpChanged { key, .. } => key,
        }
    }
}

/// A name lowercased, without the trailing dot of a fully qualified name.
fn normal_name(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Whether two host names are the same machine's: case and a trailing dot do not count, and
/// when one side is a bare name (`pc-12`) only the first label of the other is compared
/// (`PC-12.office.lan.`), since DNS search domains make both forms common.
pub fn same_hostname(a: &str, b: &str) -> bool {
    let (a, b) = (normal_name(a), normal_name(b));
    if a == b {
        return true;
    }
    if a.contains('.') && b.contains('.') {
        return false;
    }
    a.split('.').next() == b.split('.').next()
}

/// The address of `host` in the family of `like`, else its main address.
fn seen_ip(host: &ScanHost, like: Option<IpAddr>) -> Option<IpAddr> {
    match like {
        Some(IpAddr::V4(_)) => host.ipv4.map(IpAddr::V4),
        Some(IpAddr::V6(_)) => host.ipv6.map(IpAddr::V6),
        None => host.ip(),
    }
}

/// Compares the hosts found up with the inventory. Matching is by MAC first (the most reliable
/// when nmap saw it, on the same segment), then by IP; each interface matches one host at most.
/// Interfaces not matched are reported only when their IP lies in one of `scanned`, the ranges
/// the scan covered: elsewhere the scan could not have seen them. Items come in scan order,
/// then the missing ones in inventory order. Hash lookups keep it linear in both lists.
pub fn reconcile(
    scan_hosts: &[ScanHost],
    inventory: &[KnownInterface],
    scanned: &[Subnet],
) -> Vec<Difference> {
    let mut by_mac: HashMap<Mac, usize> = HashMap::with_capacity(inventory.len());
    let mut by_ip: HashMap<IpAddr, usize> = HashMap::with_capacity(inventory.len());
    for (i, k) in inventory.iter().enumerate() {
        if let Some(m) = k.mac {
            by_mac.entry(m).or_insert(i);
        }
        if let Some(ip) = k.ip {
            by_ip.entry(ip).or_insert(i);
        }
    }
    let mut matched = vec![false; inventory.len()];
    let mut out = Vec::new();
    for host in scan_hosts.iter().filter(|h| h.status_up) {
        let free = |i: &usize| !matched[*i];
        let by_mac_hit = host.mac.and_then(|m| by_mac.get(&m)).copied().filter(free);
        let by_ip_hit = || {
            [host.ipv4.map(IpAddr::V4), host.ipv6.map(IpAddr::V6)]
                .into_iter()
                .flatten()
                .find_map(|ip| by_ip.get(&ip).copied().filter(free))
        };
        if let Some(i) = by_mac_hit {
            matched[i] = true;
            let k = &inventory[i];
            if let Some(seen) = seen_ip(host, k.ip).filter(|ip| k.ip != Some(*ip)) {
                out.push(Difference::IpChanged {
                    key: format!("ip:{}:{seen}", k.interface_id),
                    interface: k.clone(),
                    seen,
                });
            }
            hostname_change(host, k, &mut out);
        } else if let Some(i) = by_ip_hit() {
            matched[i] = true;
            let k = &inventory[i];
            if let Some(seen) = host.mac.filter(|m| k.mac != Some(*m)) {
                out.push(Difference::MacChanged {
                    key: format!("mac:{}:{seen}", k.interface_id),
                    interface: k.clone(),
                    seen,
                });
            }
            hostname_change(host, k, &mut out);
        } else if let Some(key) = new_host_key(host) {
            out.push(Difference::NewHost {
                key,
                host: host.clone(),
            });
        }
    }
    for (k, _) in inventory.iter().zip(&matched).filter(|(_, m)| !**m) {
        if k.ip
            .is_some_and(|ip| scanned.iter().any(|s| s.contains(ip)))
        {
            out.push(Difference::NotSeen {
                key: format!("not_seen:{}", k.interface_id),
                interface: k.clone(),
            });
        }
    }
    out
}

/// A new host is named by its MAC when nmap saw one (it survives a DHCP address change), else
/// by its address; a host with neither cannot be told apart from the next one and is skipped.
fn new_host_key(host: &ScanHost) -> Option<String> {
    match (host.mac, host.ip()) {
        (Some(m), _) => Some(format!("new:mac:{m}")),
        (None, Some(ip)) => Some(format!("new:ip:{ip}")),
        (None, None) => None,
    }
}

/// A name change when nmap found names and none of them is the recorded one.
fn hostname_change(host: &ScanHost, k: &KnownInterface, out: &mut Vec<Difference>) {
    let Some(first) = host.hostnames.first() else {
        return;
    };
    let known = k.hostname.as_deref().filter(|h| !h.trim().is_empty());
    if known.is_some_and(|h| host.hostnames.iter().any(|s| same_hostname(h, s))) {
        return;
    }
    out.push(Difference::HostnameChanged {
        key: format!("hostname:{}:{}", k.interface_id, normal_name(first)),
        interface: k.clone(),
        seen: first.clone(),
    });
}
