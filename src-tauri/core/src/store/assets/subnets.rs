//! VLANs and subnets of each site. A subnet's range is kept as two sort keys, so the overlap
//! check and "which subnet holds this address" are index lookups.

use crate::domain::assets::network::{SubnetInfo, ValidSubnet, Vlan, VlanInput};
use crate::domain::ipam::{ip_key, ip_sort_key, Subnet};
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static VLANS: Tracked = Tracked {
    entity: "vlans",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "site_id",
        "number",
        "name",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("site_id", "locations")],
    naming: Naming::Parts(&[Part::Text("number"), Part::Text("name")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static TRACKED: Tracked = Tracked {
    entity: "subnets",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "site_id",
        "vlan_id",
        "cidr",
        "first_key",
        "last_key",
        "name",
        "gateway",
        "dhcp_start",
        "dhcp_end",
        "dns",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("site_id", "locations"), ("vlan_id", "vlans")],
    naming: Naming::Parts(&[Part::Text("cidr"), Part::Text("name")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

fn vlan_row(r: &Row) -> rusqlite::Result<Vlan> {
    Ok(Vlan {
        id: r.get(0)?,
        site_id: r.get(1)?,
        number: r.get(2)?,
        name: r.get(3)?,
        notes: r.get(4)?,
        subnets: r.get(5)?,
        version: r.get(6)?,
        created_at: ts_parse(&r.get::<_, String>(7)?)?,
    })
}

const VLAN_COLUMNS: &str = "v.id, v.site_id, v.number, v.name, v.notes,
    (SELECT count(*) FROM subnets s WHERE s.vlan_id = v.id), v.version, v.created_at";

pub fn vlan(conn: &Connection, id: i64) -> crate::Result<Option<Vlan>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {VLAN_COLUMNS} FROM vlans v WHERE v.id = ?1"
        ))?
        .query_row([id], vlan_row)
        .optional()?)
}

/// A site's VLANs by number (at most 4094).
pub fn vlans(conn: &Connection, site: i64) -> crate::Result<Vec<Vlan>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {VLAN_COLUMNS} FROM vlans v WHERE v.site_id = ?1 ORDER BY v.number LIMIT 4094"
        ))?
        .query_map([site], vlan_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn check_site(w: &WriteTx, site: i64) -> crate::Result<()> {
    let kind: Option<String> = w
        .conn()
        .prepare_cached("SELECT kind FROM locations WHERE id = ?1")?
        .query_row([site], |r| r.get(0))
        .optional()?;
    match kind.as_deref() {
        Some("site") => Ok(()),
        Some(_) => Err(Error::validation(vec![FieldError::new(
            "site_id",
            "not_a_site",
        )])),
        None => Err(Error::validation(vec![FieldError::new(
            "site_id",
            "not_found",
        )])),
    }
}

pub fn save_vlan(w: &WriteTx, id: Option<i64>, v: &VlanInput) -> crate::Result<i64> {
    check_site(w, v.site_id)?;
    if w.conn()
        .prepare_cached("SELECT 1 FROM vlans WHERE site_id = ?1 AND number = ?2 AND id IS NOT ?3")?
        .exists(rusqlite::params![v.site_id, v.number, id])?
    {
        return Err(Error::validation(vec![FieldError::new(
            "number",
            "duplicate",
        )]));
    }
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("site_id", &v.site_id as &dyn ToSql),
        ("number", &v.number),
        ("name", &v.name),
        ("notes", &v.notes),
    ];
    match id {
        None => recorded::insert(w, &VLANS, &values),
        Some(id) => {
            recorded::update(w, &VLANS, id, &values)?;
            Ok(id)
        }
    }
}

const COLUMNS: &str = "s.id, s.site_id, l.name, s.vlan_id, v.number, v.name, s.cidr, s.name,
    s.gateway, s.dhcp_start, s.dhcp_end, s.dns, s.notes,
    (SELECT count(*) FROM interfaces i WHERE i.subnet_id = s.id AND i.ip_key IS NOT NULL),
    s.version, s.created_at";
const FROM: &str = "FROM subnets s JOIN locations l ON l.id = s.site_id
    LEFT JOIN vlans v ON v.id = s.vlan_id";

fn row(r: &Row) -> rusqlite::Result<SubnetInfo> {
    let cidr: String = r.get(6)?;
    let usable = Subnet::parse(&cidr).map_or(0, |s| s.usable_count());
    Ok(SubnetInfo {
        id: r.get(0)?,
        site_id: r.get(1)?,
        site_name: r.get(2)?,
        vlan_id: r.get(3)?,
        vlan_number: r.get(4)?,
        vlan_name: r.get(5)?,
        cidr,
        name: r.get(7)?,
        gateway: r.get(8)?,
        dhcp_start: r.get(9)?,
        dhcp_end: r.get(10)?,
        dns: r.get(11)?,
        notes: r.get(12)?,
        used: r.get(13)?,
        usable: usable.to_string(),
        version: r.get(14)?,
        created_at: ts_parse(&r.get::<_, String>(15)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<SubnetInfo>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = ?1"))?
        .query_row([id], row)
        .optional()?)
}

/// A site's subnets (or every site's), in address order. Capped: a site has hundreds at most.
pub fn list(conn: &Connection, site: Option<i64>) -> crate::Result<Vec<SubnetInfo>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE s.site_id = ?1 OR ?1 IS NULL
             ORDER BY l.name_key, s.first_key LIMIT 5000"
        ))?
        .query_map([site], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The parsed range of subnet `id`.
pub fn range(conn: &Connection, id: i64) -> crate::Result<Option<Subnet>> {
    let cidr: Option<String> = conn
        .prepare_cached("SELECT cidr FROM subnets WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(cidr.and_then(|c| Subnet::parse(&c).ok()))
}

/// The subnet holding `ip` among the site's (the longest prefix when nested ones exist in
/// different sites; within a site they never overlap).
pub fn holding(conn: &Connection, ip: std::net::IpAddr) -> crate::Result<Option<i64>> {
    let key = ip_sort_key(ip);
    Ok(conn
        .prepare_cached(
            "SELECT id FROM subnets WHERE first_key <= ?1 AND last_key >= ?1
             ORDER BY first_key DESC LIMIT 1",
        )?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn check(w: &WriteTx, v: &ValidSubnet, own: i64) -> crate::Result<()> {
    check_site(w, v.site_id)?;
    let c = w.conn();
    let first = ip_sort_key(v.subnet.network());
    let last = ip_sort_key(v.subnet.last());
    // Two ranges overlap when each starts before the other ends; keys of another family never
    // compare inside (the family is the key's first digit).
    let clash: Option<String> = c
        .prepare_cached(
            "SELECT cidr FROM subnets WHERE site_id = ?1 AND id <> ?2
               AND first_key <= ?4 AND last_key >= ?3 LIMIT 1",
        )?
        .query_row(rusqlite::params![v.site_id, own, first, last], |r| r.get(0))
        .optional()?;
    if let Some(other) = clash {
        return Err(Error::validation(vec![
            FieldError::new("cidr", "overlaps").with("other", other)
        ]));
    }
    if let Some(vlan) = v.vlan_id {
        let site: Option<i64> = c
            .prepare_cached("SELECT site_id FROM vlans WHERE id = ?1")?
            .query_row([vlan], |r| r.get(0))
            .optional()?;
        if site != Some(v.site_id) {
            return Err(Error::validation(vec![FieldError::new(
                "vlan_id",
                "not_found",
            )]));
        }
    }
    if own != 0 {
        // Addresses already given must stay inside the subnet after a change.
        let outside: i64 = c
            .prepare_cached(
                "SELECT count(*) FROM interfaces WHERE subnet_id = ?1 AND ip_key IS NOT NULL
                   AND (ip_key < ?2 OR ip_key > ?3)",
            )?
            .query_row(rusqlite::params![own, first, last], |r| r.get(0))?;
        if outside > 0 {
            return Err(Error::validation(vec![FieldError::new(
                "cidr",
                "addresses_outside",
            )
            .with("count", outside)]));
        }
    }
    Ok(())
}

pub fn save(w: &WriteTx, id: Option<i64>, v: &ValidSubnet) -> crate::Result<i64> {
    check(w, v, id.unwrap_or(0))?;
    let cidr = v.subnet.to_string();
    let first = ip_sort_key(v.subnet.network());
    let last = ip_sort_key(v.subnet.last());
    let gateway = v.gateway.map(|g| g.to_string());
    let (start, end) = match v.dhcp {
        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
        None => (None, None),
    };
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("site_id", &v.site_id as &dyn ToSql),
        ("vlan_id", &v.vlan_id),
        ("cidr", &cidr),
        ("first_key", &first),
        ("last_key", &last),
        ("name", &v.name),
        ("gateway", &gateway),
        ("dhcp_start", &start),
        ("dhcp_end", &end),
        ("dns", &v.dns),
        ("notes", &v.notes),
    ];
    match id {
        None => recorded::insert(w, &TRACKED, &values),
        Some(id) => {
            recorded::update(w, &TRACKED, id, &values)?;
            Ok(id)
        }
    }
}

/// The family and number of an address, for walking a subnet's keys.
pub fn number(ip: std::net::IpAddr) -> u128 {
    ip_key(ip).1
}
