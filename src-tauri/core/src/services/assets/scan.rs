//! Scan reconciliation: an `nmap -oX` file the person chose, compared with the inventory. The
//! review writes nothing; each difference the person accepts is one change of its own.

use crate::domain::assets::asset::{AssetInput, AssetStatus};
use crate::domain::assets::network::InterfaceInput;
use crate::domain::assets::scan::{ScanAccept, ScanReview};
use crate::domain::ipam::{ip_key, parse_ip, parse_scan, reconcile, ScanLimits, Subnet};
use crate::domain::permissions::Action;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{asset, interfaces, subnets};
use std::path::Path;

/// Differences one review lists at most; the rest are counted.
pub const MAX_DIFFERENCES: usize = 5_000;

impl Backoffice {
    /// Reads the scan at `path` and lists how it differs from the inventory.
    pub fn review_scan(&self, ctx: &Ctx, path: &Path) -> crate::Result<ScanReview> {
        self.keeper(ctx, Action::Write)?;
        let limits = ScanLimits::default();
        let size = std::fs::metadata(path)
            .map_err(|e| {
                Error::new(ErrorCode::BadFile, e.to_string()).with("reason", "unreadable")
            })?
            .len();
        if size > limits.max_bytes as u64 {
            return Err(Error::new(ErrorCode::BadFile, "the scan file is too large")
                .with("reason", "too_large"));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(ErrorCode::BadFile, e.to_string()).with("reason", "unreadable")
        })?;
        let scan = parse_scan(&bytes, limits)?;
        let (inventory, all_subnets) = self.store.read(|c| {
            let known = interfaces::known(c)?;
            let subnets: Vec<Subnet> = subnets::list(c, None)?
                .into_iter()
                .filter_map(|s| Subnet::parse(&s.cidr).ok())
                .collect();
            Ok((known, subnets))
        })?;
        // The scan reached a subnet when it found at least one host in it.
        let mut found: Vec<(u8, u128)> = scan
            .hosts
            .iter()
            .filter_map(|h| h.ip())
            .map(ip_key)
            .collect();
        found.sort_unstable();
        let scanned: Vec<Subnet> = all_subnets
            .into_iter()
            .filter(|s| {
                let lo = ip_key(s.network());
                let hi = ip_key(s.last());
                let at = found.partition_point(|k| *k < lo);
                found.get(at).is_some_and(|k| *k <= hi)
            })
            .collect();
        let mut differences = reconcile(&scan.hosts, &inventory, &scanned);
        let more = differences.len().saturating_sub(MAX_DIFFERENCES);
        differences.truncate(MAX_DIFFERENCES);
        Ok(ScanReview {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            hosts_up: scan.hosts.len() as i64,
            hosts_down: scan.hosts_down as i64,
            scanned_subnets: scanned.iter().map(ToString::to_string).collect(),
            differences,
            more: more as i64,
        })
    }

    /// Writes one accepted difference, checked against the inventory as it is now.
    pub fn accept_scan_change(&self, ctx: &Ctx, change: &ScanAccept) -> crate::Result<()> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            let current =
                |id: i64| interfaces::input_of(c, id)?.ok_or_else(|| Error::not_found("interface"));
            let save = |id: i64, input: InterfaceInput| -> crate::Result<()> {
                let v = input.validate()?;
                interfaces::save(w, Some(id), &v)?;
                Ok(())
            };
            match change {
                ScanAccept::CreateAsset {
                    category_id,
                    tag,
                    name,
                    manufacturer,
                    ip,
                    mac,
                    hostname,
                } => {
                    let addr = parse_ip(ip).map_err(|e| Error::field("ip", e.code()))?;
                    let Some(subnet) = subnets::holding(c, addr)? else {
                        return Err(Error::validation(vec![FieldError::new("ip", "no_subnet")]));
                    };
                    let asset = AssetInput {
                        tag: tag.clone(),
                        name: name.clone(),
                        category_id: *category_id,
                        manufacturer: manufacturer.clone(),
                        model: None,
                        serial: None,
                        supplier_name: None,
                        order_number: None,
                        purchase_date: None,
                        cost_cents: None,
                        currency: None,
                        warranty_end: None,
                        location_id: None,
                        department_id: None,
                        status: AssetStatus::InStock,
                        status_date: None,
                        notes: None,
                    }
                    .validate(today)?;
                    let asset_id = asset::insert(w, &asset)?;
                    let nic = InterfaceInput {
                        asset_id,
                        subnet_id: Some(subnet),
                        name: None,
                        ip: Some(addr.to_string()),
                        mac: mac.clone(),
                        hostname: hostname.clone(),
                    }
                    .validate()?;
                    interfaces::save(w, None, &nic)?;
                }
                ScanAccept::SetMac { interface_id, mac } => {
                    let mut i = current(*interface_id)?;
                    i.mac = Some(mac.clone());
                    save(*interface_id, i)?;
                }
                ScanAccept::SetHostname {
                    interface_id,
                    hostname,
                } => {
                    let mut i = current(*interface_id)?;
                    i.hostname = Some(hostname.clone());
                    save(*interface_id, i)?;
                }
                ScanAccept::MoveIp { interface_id, ip } => {
                    let addr = parse_ip(ip).map_err(|e| Error::field("ip", e.code()))?;
                    let Some(subnet) = subnets::holding(c, addr)? else {
                        return Err(Error::validation(vec![FieldError::new("ip", "no_subnet")]));
                    };
                    let mut i = current(*interface_id)?;
                    i.ip = Some(addr.to_string());
                    i.subnet_id = Some(subnet);
                    save(*interface_id, i)?;
                }
                ScanAccept::RemoveInterface { interface_id } => {
                    current(*interface_id)?;
                    interfaces::delete(w, *interface_id)?;
                }
            }
            Ok(())
        })
    }
}
