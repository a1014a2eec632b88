//! Network interfaces of assets and the addresses they take in their subnets, walked in address
//! order from the index so "next free" stops at the first gap.

use crate::domain::assets::network::{FreeRange, Interface, ValidInterface};
use crate::domain::ipam::{ip_from_key, ip_from_sort_key, ip_key, ip_sort_key, Subnet};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};
use std::net::IpAddr;

pub static TRACKED: Tracked = Tracked {
    entity: "interfaces",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "asset_id",
        "subnet_id",
        "name",
        "ip",
        "ip_key",
        "mac",
        "hostname",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("asset_id", "assets"), ("subnet_id", "subnets")],
    naming: Naming::Parts(&[Part::Ref("asset_id"), Part::Text("ip")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "i.id, i.asset_id, a.tag, a.name, i.subnet_id,
    (SELECT cidr FROM subnets WHERE id = i.subnet_id), i.name, i.ip, i.mac, i.hostname, i.version";

fn row(r: &Row) -> rusqlite::Result<Interface> {
    Ok(Interface {
        id: r.get(0)?,
        asset_id: r.get(1)?,
        asset_tag: r.get(2)?,
        asset_name: r.get(3)?,
        subnet_id: r.get(4)?,
        subnet_cidr: r.get(5)?,
        name: r.get(6)?,
        ip: r.get(7)?,
        mac: r.get(8)?,
        hostname: r.get(9)?,
        version: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Interface>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM interfaces i JOIN assets a ON a.id = i.asset_id WHERE i.id = ?1"
        ))?
        .query_row([id], row)
        .optional()?)
}

/// An asset's interfaces, by name.
pub fn of_asset(conn: &Connection, asset: i64) -> crate::Result<Vec<Interface>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM interfaces i JOIN assets a ON a.id = i.asset_id
             WHERE i.asset_id = ?1 ORDER BY i.name, i.id LIMIT 500"
        ))?
        .query_map([asset], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A page of the subnet's used addresses, in address order. The page's rows are picked from
/// the address index alone, so a deep page skips index entries, not joined rows.
pub fn used(
    conn: &Connection,
    subnet: i64,
    offset: i64,
    limit: i64,
) -> crate::Result<Page<Interface>> {
    let total: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM interfaces WHERE subnet_id = ?1 AND ip_key IS NOT NULL",
        )?
        .query_row([subnet], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM interfaces i JOIN assets a ON a.id = i.asset_id
             WHERE i.id IN (SELECT id FROM interfaces WHERE subnet_id = ?1 AND ip_key IS NOT NULL
                            ORDER BY ip_key LIMIT ?2 OFFSET ?3)
             ORDER BY i.ip_key"
        ))?
        .query_map(rusqlite::params![subnet, limit, offset], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Calls `visit` with the numbers of the subnet's used addresses, ascending, until it returns
/// false: the index is read only as far as the caller needs.
fn walk_used(
    conn: &Connection,
    subnet: i64,
    mut visit: impl FnMut(u128) -> bool,
) -> crate::Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT ip_key FROM interfaces WHERE subnet_id = ?1 AND ip_key IS NOT NULL ORDER BY ip_key",
    )?;
    let mut rows = stmt.query([subnet])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        if let Some(ip) = ip_from_sort_key(&key) {
            if !visit(ip_key(ip).1) {
                break;
            }
        }
    }
    Ok(())
}

/// Addresses never offered for a device: the gateway and others one by one, and the DHCP
/// server's pool as a range.
pub struct Reserved {
    pub single: Vec<IpAddr>,
    pub pool: Option<(IpAddr, IpAddr)>,
}

impl Reserved {
    fn pool_numbers(&self) -> Option<(u128, u128)> {
        self.pool.map(|(a, b)| (ip_key(a).1, ip_key(b).1))
    }
}

/// The lowest usable address that is neither used nor reserved. Counts runs of used addresses
/// in the index (`gaps::first_free`) rather than reading each one, so a busy /16 answers as
/// fast as a /24.
pub fn next_free(
    conn: &Connection,
    subnet_id: i64,
    subnet: &Subnet,
    reserved: &Reserved,
) -> crate::Result<Option<IpAddr>> {
    let family = ip_key(subnet.network()).0;
    let first = ip_key(subnet.network()).1;
    let last = ip_key(subnet.last()).1;
    let skip: Vec<u128> = reserved.single.iter().map(|ip| ip_key(*ip).1).collect();
    let pool = reserved.pool_numbers();
    let usable = |n: u128| {
        ip_from_key(family, n).is_some_and(|ip| subnet.is_usable_host(ip)) && !skip.contains(&n)
    };
    // Move past reserved addresses (the pool in one jump) before comparing with the used ones.
    let settle = |mut c: u128| loop {
        if let Some((a, b)) = pool {
            if (a..=b).contains(&c) {
                c = b.saturating_add(1);
            }
        }
        if c > last || usable(c) {
            return c;
        }
        c += 1;
    };
    let hi = subnet.usable_bounds().2;
    // The end of the run of offered addresses from `n`: before the next reserved one.
    let stop = |n: u128| {
        let mut end = hi;
        for &s in skip.iter().filter(|&&s| s > n) {
            end = end.min(s - 1);
        }
        if let Some((a, _)) = pool.filter(|(a, _)| *a > n) {
            end = end.min(a - 1);
        }
        end
    };
    let free = super::gaps::first_free(conn, subnet_id, family, first, last, &stop, &settle)?;
    Ok(free.and_then(|n| ip_from_key(family, n)))
}

/// The first `limit` runs of free usable addresses; reserved addresses count as used and the
/// DHCP pool splits a run.
pub fn free_runs(
    conn: &Connection,
    subnet_id: i64,
    subnet: &Subnet,
    reserved: &Reserved,
    limit: usize,
) -> crate::Result<Vec<FreeRange>> {
    let family = ip_key(subnet.network()).0;
    let net = ip_key(subnet.network()).1;
    let last = ip_key(subnet.last()).1;
    let (lo, hi) = {
        let mut lo = net;
        while lo <= last && !ip_from_key(family, lo).is_some_and(|ip| subnet.is_usable_host(ip)) {
            lo += 1;
        }
        let mut hi = last;
        while hi > lo && !ip_from_key(family, hi).is_some_and(|ip| subnet.is_usable_host(ip)) {
            hi -= 1;
        }
        (lo, hi)
    };
    let mut taken: Vec<u128> = reserved.single.iter().map(|ip| ip_key(*ip).1).collect();
    taken.sort_unstable();
    let pool = reserved.pool_numbers();
    let mut runs = Vec::new();
    let mut start = lo;
    let one = |a: u128, b: u128, runs: &mut Vec<FreeRange>| {
        if a <= b && a >= lo && b <= hi {
            if let (Some(x), Some(y)) = (ip_from_key(family, a), ip_from_key(family, b)) {
                runs.push(FreeRange {
                    first: x.to_string(),
                    last: y.to_string(),
                    count: (b - a + 1).to_string(),
                });
            }
        }
    };
    // A run crossing the pool becomes the parts before and after it.
    let push = |a: u128, b: u128, runs: &mut Vec<FreeRange>| match pool {
        Some((p, q)) if a <= q && b >= p => {
            if a < p {
                one(a, p - 1, runs);
            }
            if b > q {
                one(q + 1, b, runs);
            }
        }
        _ => one(a, b, runs),
    };
    let mut used_sorted: Vec<u128> = Vec::new();
    // The skip list is merged into the walk; a run ends at each taken address.
    walk_used(conn, subnet_id, |n| {
        used_sorted.push(n);
        used_sorted.len() < 4 * limit + 64
    })?;
    used_sorted.append(&mut taken);
    used_sorted.sort_unstable();
    used_sorted.dedup();
    for n in used_sorted {
        if runs.len() >= limit || start > hi {
            break;
        }
        if n < start {
            continue;
        }
        if n > start {
            push(start, n - 1, &mut runs);
        }
        start = n.saturating_add(1);
    }
    if runs.len() < limit && start <= hi {
        push(start, hi, &mut runs);
    }
    Ok(runs)
}

fn check(w: &WriteTx, v: &ValidInterface, own: i64) -> crate::Result<()> {
    let c = w.conn();
    if !c
        .prepare_cached("SELECT 1 FROM assets WHERE id = ?1")?
        .exists([v.asset_id])?
    {
        return Err(Error::validation(vec![FieldError::new(
            "asset_id",
            "not_found",
        )]));
    }
    let mut errors = Vec::new();
    if let Some(ip) = v.ip {
        let subnet = match v.subnet_id {
            Some(s) => super::subnets::range(c, s)?,
            None => None,
        };
        match subnet {
            None => errors.push(FieldError::new("subnet_id", "not_found")),
            Some(s) if !s.contains(ip) => {
                errors.push(FieldError::new("ip", "outside_subnet").with("cidr", s))
            }
            Some(s) if !s.is_usable_host(ip) => errors.push(FieldError::new("ip", "not_a_host")),
            Some(_) => {
                let holder: Option<String> = c
                    .prepare_cached(
                        "SELECT a.tag FROM interfaces i JOIN assets a ON a.id = i.asset_id
                         WHERE i.subnet_id = ?1 AND i.ip_key = ?2 AND i.id <> ?3",
                    )?
                    .query_row(rusqlite::params![v.subnet_id, ip_sort_key(ip), own], |r| {
                        r.get(0)
                    })
                    .optional()?;
                if let Some(tag) = holder {
                    errors.push(FieldError::new("ip", "ip_in_use").with("tag", tag));
                }
            }
        }
    }
    if let Some(mac) = v.mac {
        let holder: Option<String> = c
            .prepare_cached(
                "SELECT a.tag FROM interfaces i JOIN assets a ON a.id = i.asset_id
                 WHERE i.mac = ?1 AND i.id <> ?2",
            )?
            .query_row(rusqlite::params![mac.to_string(), own], |r| r.get(0))
            .optional()?;
        if let Some(tag) = holder {
            errors.push(FieldError::new("mac", "mac_in_use").with("tag", tag));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

pub fn save(w: &WriteTx, id: Option<i64>, v: &ValidInterface) -> crate::Result<i64> {
    check(w, v, id.unwrap_or(0))?;
    let ip = v.ip.map(|i| i.to_string());
    let key = v.ip.map(ip_sort_key);
    let mac = v.mac.map(|m| m.to_string());
    let subnet = if v.ip.is_some() {
        v.subnet_id
    } else {
        v.subnet_id.filter(|_| false)
    };
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("asset_id", &v.asset_id as &dyn ToSql),
        ("subnet_id", &subnet),
        ("name", &v.name),
        ("ip", &ip),
        ("ip_key", &key),
        ("mac", &mac),
        ("hostname", &v.hostname),
    ];
    match id {
        None => recorded::insert(w, &TRACKED, &values),
        Some(id) => {
            recorded::update(w, &TRACKED, id, &values)?;
            Ok(id)
        }
    }
}

pub fn delete(w: &WriteTx, id: i64) -> crate::Result<()> {
    recorded::delete(w, &TRACKED, id)
}

/// Every interface with an address or a MAC, as a scan is compared with.
pub fn known(conn: &Connection) -> crate::Result<Vec<crate::domain::ipam::KnownInterface>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.asset_id, a.tag, i.ip, i.mac, i.hostname
         FROM interfaces i JOIN assets a ON a.id = i.asset_id
         WHERE i.ip IS NOT NULL OR i.mac IS NOT NULL LIMIT 1000000",
    )?;
    let rows = stmt.query_map([], |r| {
        let ip: Option<String> = r.get(3)?;
        let mac: Option<String> = r.get(4)?;
        Ok(crate::domain::ipam::KnownInterface {
            interface_id: r.get(0)?,
            asset_id: r.get(1)?,
            asset_tag: r.get(2)?,
            ip: ip.and_then(|i| i.parse().ok()),
            mac: mac.and_then(|m| crate::domain::ipam::Mac::parse(&m).ok()),
            hostname: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The interface's form values as stored, to change one of them.
pub fn input_of(
    conn: &Connection,
    id: i64,
) -> crate::Result<Option<crate::domain::assets::network::InterfaceInput>> {
    Ok(
        get(conn, id)?.map(|i| crate::domain::assets::network::InterfaceInput {
            asset_id: i.asset_id,
            subnet_id: i.subnet_id,
            name: i.name,
            ip: i.ip,
            mac: i.mac,
            hostname: i.hostname,
        }),
    )
}
