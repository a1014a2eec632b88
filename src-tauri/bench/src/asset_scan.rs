//! B9's set-up on the copy: a /16 filled almost to the end, an nmap scan of 10,000 hosts that
//! matches part of the inventory (most unchanged, some renamed, some new, some not seen), and
//! an account for a maintenance assignee who is not in IT.

use crate::asset_rows::IT_MANAGER;
use crate::stats::repeat;
use crate::suite::Row;
use backoffice_core::domain::assets::network::InterfaceInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::users::{NewUserInput, UserUpdateInput};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::assets::interfaces;
use backoffice_core::{Error, ErrorCode, Result};
use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::path::Path;
use std::time::Duration;

/// Hosts in the scan, and how they split.
pub const HOSTS: usize = 10_000;
const RENAMED_EVERY: usize = 20;
const NEW_HOSTS: usize = 500;

/// Fills 10.101.0.0/16 (generated empty) with `count` addresses from 10.101.0.2 up (65,000
/// leaves the last ~500 of the /16 free: "next free" must walk nearly the whole subnet).
pub fn fill_almost_full(app: &Backoffice, count: u32) -> Result<()> {
    let (subnet, assets): (i64, Vec<i64>) = app.store().read(|c| {
        let s = c.query_row(
            "SELECT id FROM subnets WHERE cidr = '10.101.0.0/16'",
            [],
            |r| r.get(0),
        )?;
        let mut st =
            c.prepare("SELECT id FROM assets WHERE status NOT IN ('retired', 'lost') ORDER BY id")?;
        let ids = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok((s, ids))
    })?;
    if assets.is_empty() {
        return Err(Error::internal("no assets to give addresses to"));
    }
    app.store().write(IT_MANAGER.0, |w| {
        let first = u32::from(Ipv4Addr::new(10, 101, 0, 2));
        for n in 0..count {
            let v = InterfaceInput {
                asset_id: assets[n as usize % assets.len()],
                subnet_id: Some(subnet),
                name: Some("vlan101".into()),
                ip: Some(Ipv4Addr::from(first + n).to_string()),
                mac: None,
                hostname: None,
            }
            .validate()?;
            interfaces::save(w, None, &v)?;
        }
        Ok(())
    })
}

/// An nmap XML file of `HOSTS` hosts up: the known addresses of the /24s in address order, one
/// in twenty renamed and one in forty missing (not seen), and `NEW_HOSTS` new ones.
pub fn write_scan(app: &Backoffice, path: &Path) -> Result<(usize, usize, usize)> {
    let known: Vec<(String, Option<String>, Option<String>)> = app.store().read(|c| {
        let mut st = c.prepare(
            "SELECT ip, mac, hostname FROM interfaces i JOIN subnets s ON s.id = i.subnet_id
             WHERE s.cidr LIKE '%/24' AND ip IS NOT NULL ORDER BY ip_key LIMIT ?1",
        )?;
        let rows = st
            .query_map([HOSTS as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner=\"nmap\" args=\"nmap -sn -oX scan.xml 10.1.0.0/16\" start=\"1772440200\" version=\"7.95\" xmloutputversion=\"1.05\">\n",
    );
    let host = |xml: &mut String, ip: &str, mac: Option<&str>, name: Option<&str>| {
        let _ = write!(xml, "<host><status state=\"up\" reason=\"arp-response\" reason_ttl=\"0\"/>\n<address addr=\"{ip}\" addrtype=\"ipv4\"/>\n");
        if let Some(m) = mac {
            let _ = writeln!(
                xml,
                "<address addr=\"{}\" addrtype=\"mac\"/>",
                m.replace('-', ":")
            );
        }
        xml.push_str("<hostnames>\n");
        if let Some(n) = name {
            let _ = writeln!(xml, "<hostname name=\"{n}\" type=\"PTR\"/>");
        }
        xml.push_str("</hostnames>\n</host>\n");
    };
    let (mut up, mut renamed, mut missing) = (0, 0, 0);
    for (k, (ip, mac, name)) in known.iter().enumerate() {
        if up + NEW_HOSTS >= HOSTS {
            break;
        }
        if k % 40 == 39 {
            missing += 1;
            continue;
        }
        let name = match k % RENAMED_EVERY {
            0 => {
                renamed += 1;
                Some(format!("renamed-{k}.lan"))
            }
            _ => name.clone(),
        };
        host(&mut xml, ip, mac.as_deref(), name.as_deref());
        up += 1;
    }
    // New devices: the top of each /24 the scan reached, which the plan never uses.
    let mut nets: Vec<String> = known
        .iter()
        .filter_map(|(ip, _, _)| ip.rsplit_once('.').map(|(n, _)| n.to_owned()))
        .collect();
    nets.dedup();
    let mut new = 0;
    'new: for last in (240..=254).rev() {
        for n in &nets {
            if new == NEW_HOSTS || up == HOSTS {
                break 'new;
            }
            host(
                &mut xml,
                &format!("{n}.{last}"),
                None,
                Some(&format!("new-{new}.lan")),
            );
            new += 1;
            up += 1;
        }
    }
    let _ = write!(xml, "<runstats><finished time=\"1772440500\" elapsed=\"300\" exit=\"success\"/><hosts up=\"{up}\" down=\"0\" total=\"{up}\"/></runstats>\n</nmaprun>\n");
    std::fs::write(path, xml).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    Ok((up, renamed, missing + new))
}

/// Reviews the scan `runs` times; the row says what it found.
pub fn scan_row(app: &Backoffice, it: &Ctx, work: &Path) -> Result<Row> {
    let path = work.join("scan-10000.xml");
    let (up, renamed, _) = write_scan(app, &path)?;
    let review = app.review_scan(it, &path)?;
    let mut err = None;
    let s = repeat(5, || {
        if let Err(e) = app.review_scan(it, &path) {
            err = Some(e);
        }
    });
    let _ = std::fs::remove_file(&path);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(Row::new(
        "B9",
        &format!(
            "review of an nmap scan of {up} hosts against the inventory ({} subnets reached; {} differences: {renamed} renamed, new and not-seen hosts) × 5",
            review.scanned_subnets.len(),
            review.differences.len() as i64 + review.more,
        ),
    )
    .timed(&s, Some(Duration::from_secs(1))))
}

/// An account without IT's role for the employee who is assigned the most maintenance plans
/// after the technician.
pub fn assignee(app: &Backoffice, admin: &Ctx) -> Result<Ctx> {
    let employee: i64 = app.store().read(|c| {
        Ok(c.query_row(
            "SELECT assignee_employee_id FROM maintenance_plans
             WHERE assignee_employee_id NOT IN (SELECT employee_id FROM users WHERE employee_id IS NOT NULL)
             GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?)
    })?;
    let name = "m.manutentore";
    let u = app.create_user(
        admin,
        &NewUserInput {
            username: name.into(),
            full_name: "Mario Manutentore".into(),
            password: "manutentore-password-42".into(),
            roles: vec![Role::Viewer],
        },
    )?;
    let input = UserUpdateInput {
        full_name: u.full_name.clone(),
        roles: u.roles.clone(),
        active: true,
        employee_id: Some(employee),
    };
    app.update_user(admin, u.id, u.version, &input)?;
    Ok(Ctx::new(u.id, name, u.roles))
}
