//! Cables between network devices, port to port, and the network map of a site.

use crate::domain::assets::network::{LinkInput, MapDevice, NetworkLink, NetworkMap};
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "network_links",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "from_asset_id",
        "from_port",
        "to_asset_id",
        "to_port",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("from_asset_id", "assets"), ("to_asset_id", "assets")],
    naming: Naming::Parts(&[Part::Ref("from_asset_id"), Part::Ref("to_asset_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// Devices a map draws at most: beyond, the picture says nothing a list would not.
pub const MAP_DEVICES: i64 = 2_000;

const COLUMNS: &str = "k.id, k.from_asset_id, f.tag, k.from_port, k.to_asset_id, t.tag, k.to_port,
    k.notes, k.version";
const FROM: &str = "FROM network_links k JOIN assets f ON f.id = k.from_asset_id
    JOIN assets t ON t.id = k.to_asset_id";

fn row(r: &Row) -> rusqlite::Result<NetworkLink> {
    Ok(NetworkLink {
        id: r.get(0)?,
        from_asset_id: r.get(1)?,
        from_tag: r.get(2)?,
        from_port: r.get(3)?,
        to_asset_id: r.get(4)?,
        to_tag: r.get(5)?,
        to_port: r.get(6)?,
        notes: r.get(7)?,
        version: r.get(8)?,
    })
}

/// The cables of an asset, either end.
pub fn of_asset(conn: &Connection, asset: i64) -> crate::Result<Vec<NetworkLink>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE k.from_asset_id = ?1 OR k.to_asset_id = ?1
             ORDER BY k.id LIMIT 1000"
        ))?
        .query_map([asset], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert(w: &WriteTx, v: &LinkInput) -> crate::Result<i64> {
    if v.from_asset_id == v.to_asset_id {
        return Err(Error::validation(vec![FieldError::new(
            "to_asset_id",
            "same_device",
        )]));
    }
    for (field, id) in [
        ("from_asset_id", v.from_asset_id),
        ("to_asset_id", v.to_asset_id),
    ] {
        if !w
            .conn()
            .prepare_cached("SELECT 1 FROM assets WHERE id = ?1")?
            .exists([id])?
        {
            return Err(Error::validation(vec![FieldError::new(field, "not_found")]));
        }
    }
    // A port takes one cable.
    for (field, asset, port) in [
        ("from_port", v.from_asset_id, &v.from_port),
        ("to_port", v.to_asset_id, &v.to_port),
    ] {
        let Some(p) = port.as_deref().filter(|p| !p.trim().is_empty()) else {
            continue;
        };
        let taken = w
            .conn()
            .prepare_cached(
                "SELECT 1 FROM network_links WHERE (from_asset_id = ?1 AND from_port = ?2)
                    OR (to_asset_id = ?1 AND to_port = ?2)",
            )?
            .exists(rusqlite::params![asset, p.trim()])?;
        if taken {
            return Err(Error::validation(vec![FieldError::new(
                field,
                "port_in_use",
            )]));
        }
    }
    let from_port = v
        .from_port
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let to_port = v
        .to_port
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("from_asset_id", &v.from_asset_id as &dyn ToSql),
            ("from_port", &from_port),
            ("to_asset_id", &v.to_asset_id),
            ("to_port", &to_port),
            ("notes", &v.notes),
        ],
    )
}

pub fn delete(w: &WriteTx, id: i64) -> crate::Result<()> {
    recorded::delete(w, &TRACKED, id)
}

/// A site's VLANs, subnets, the devices with an address in them and the cables between those
/// devices.
pub fn map(conn: &Connection, site: i64, site_name: String) -> crate::Result<NetworkMap> {
    let vlans = super::subnets::vlans(conn, site)?;
    let subnets = super::subnets::list(conn, Some(site))?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.tag, a.name, c.code, i.subnet_id, i.ip
         FROM interfaces i JOIN subnets s ON s.id = i.subnet_id
         JOIN assets a ON a.id = i.asset_id JOIN asset_categories c ON c.id = a.category_id
         WHERE s.site_id = ?1 AND i.ip_key IS NOT NULL
         ORDER BY i.subnet_id, i.ip_key LIMIT ?2",
    )?;
    let devices = stmt
        .query_map(rusqlite::params![site, MAP_DEVICES + 1], |r| {
            Ok(MapDevice {
                asset_id: r.get(0)?,
                tag: r.get(1)?,
                name: r.get(2)?,
                category_code: r.get(3)?,
                subnet_id: r.get(4)?,
                ip: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let truncated = devices.len() as i64 > MAP_DEVICES;
    let devices: Vec<MapDevice> = devices.into_iter().take(MAP_DEVICES as usize).collect();
    let links = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM}
             WHERE k.from_asset_id IN (SELECT i.asset_id FROM interfaces i
                                         JOIN subnets s ON s.id = i.subnet_id WHERE s.site_id = ?1)
             ORDER BY k.id LIMIT 10000"
        ))?
        .query_map([site], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(NetworkMap {
        site_id: site,
        site_name,
        vlans,
        subnets,
        devices,
        links,
        truncated,
    })
}
