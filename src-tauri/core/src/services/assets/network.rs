//! Networks and addresses: VLANs and subnets per site, the interfaces of assets with their
//! addresses, the next free address, cables and the site's map. Those who see the whole
//! inventory read them; IT and administrators write.

use super::Keeper;
use crate::domain::assets::network::{
    Interface, InterfaceInput, LinkInput, NetworkLink, NetworkMap, SubnetAddresses, SubnetInfo,
    SubnetInput, Vlan, VlanInput,
};
use crate::domain::ipam::{free_count, parse_ip, Subnet};
use crate::domain::permissions::Action;
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::interfaces::Reserved;
use crate::store::assets::{interfaces, links, locations, subnets};
use crate::store::versioned::at_version;
use rusqlite::Connection;

/// Free runs a subnet's page lists.
const FREE_RUNS: usize = 20;

impl Backoffice {
    /// Networks are the office's infrastructure: only those who see the whole inventory read
    /// them.
    fn network_reader(&self, ctx: &Ctx, action: Action) -> crate::Result<Keeper> {
        self.inventory_reader(ctx)?;
        self.keeper(ctx, action)
    }

    pub fn list_vlans(&self, ctx: &Ctx, site_id: i64) -> crate::Result<Vec<Vlan>> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| subnets::vlans(c, site_id))
    }

    pub fn save_vlan(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &VlanInput,
    ) -> crate::Result<Vlan> {
        self.network_reader(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(subnets::vlan(w.conn(), id)?, "vlan", version)?;
            }
            let id = subnets::save_vlan(w, id, &v)?;
            subnets::vlan(w.conn(), id)?.ok_or_else(|| Error::not_found("vlan"))
        })
    }

    pub fn list_subnets(&self, ctx: &Ctx, site_id: Option<i64>) -> crate::Result<Vec<SubnetInfo>> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| subnets::list(c, site_id))
    }

    pub fn subnet(&self, ctx: &Ctx, id: i64) -> crate::Result<SubnetInfo> {
        self.network_reader(ctx, Action::Read)?;
        self.store
            .read(|c| subnets::get(c, id))?
            .ok_or_else(|| Error::not_found("subnet"))
    }

    pub fn save_subnet(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &SubnetInput,
    ) -> crate::Result<SubnetInfo> {
        self.network_reader(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(subnets::get(w.conn(), id)?, "subnet", version)?;
            }
            let id = subnets::save(w, id, &v)?;
            subnets::get(w.conn(), id)?.ok_or_else(|| Error::not_found("subnet"))
        })
    }

    /// A page of the subnet's used addresses, the first free runs, how many are free, and the
    /// next free address (the gateway and the DHCP pool are not offered).
    pub fn subnet_addresses(
        &self,
        ctx: &Ctx,
        id: i64,
        offset: i64,
        limit: i64,
    ) -> crate::Result<SubnetAddresses> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| {
            let (info, range, reserved) = subnet_parts(c, id)?;
            let used = interfaces::used(c, id, offset.max(0), limit.clamp(1, 500))?;
            let free = free_count(&range, info.used.max(0) as u128);
            Ok(SubnetAddresses {
                next_free: interfaces::next_free(c, id, &range, &reserved)?
                    .map(|ip| ip.to_string()),
                free_runs: interfaces::free_runs(c, id, &range, &reserved, FREE_RUNS)?,
                free_total: free.to_string(),
                used_total: used.total,
                used: used.items,
            })
        })
    }

    /// The lowest free address of the subnet, outside the gateway and the DHCP pool.
    pub fn next_free_address(&self, ctx: &Ctx, subnet_id: i64) -> crate::Result<Option<String>> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| {
            let (_, range, reserved) = subnet_parts(c, subnet_id)?;
            Ok(interfaces::next_free(c, subnet_id, &range, &reserved)?.map(|ip| ip.to_string()))
        })
    }

    pub fn asset_interfaces(&self, ctx: &Ctx, asset_id: i64) -> crate::Result<Vec<Interface>> {
        let who = self.keeper(ctx, Action::Read)?;
        self.store.read(|c| {
            super::visible_asset(c, &who, asset_id)?;
            interfaces::of_asset(c, asset_id)
        })
    }

    pub fn save_interface(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &InterfaceInput,
    ) -> crate::Result<Interface> {
        self.network_reader(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(interfaces::get(w.conn(), id)?, "interface", version)?;
            }
            let id = interfaces::save(w, id, &v)?;
            interfaces::get(w.conn(), id)?.ok_or_else(|| Error::not_found("interface"))
        })
    }

    pub fn delete_interface(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.network_reader(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(interfaces::get(w.conn(), id)?, "interface", version)?;
            interfaces::delete(w, id)
        })
    }

    pub fn asset_links(&self, ctx: &Ctx, asset_id: i64) -> crate::Result<Vec<NetworkLink>> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| links::of_asset(c, asset_id))
    }

    pub fn add_network_link(
        &self,
        ctx: &Ctx,
        input: &LinkInput,
    ) -> crate::Result<Vec<NetworkLink>> {
        self.network_reader(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            links::insert(w, input)?;
            links::of_asset(w.conn(), input.from_asset_id)
        })
    }

    pub fn delete_network_link(&self, ctx: &Ctx, id: i64) -> crate::Result<()> {
        self.network_reader(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| links::delete(w, id))
    }

    /// The site's VLANs, subnets, devices and cables, for the map.
    pub fn network_map(&self, ctx: &Ctx, site_id: i64) -> crate::Result<NetworkMap> {
        self.network_reader(ctx, Action::Read)?;
        self.store.read(|c| {
            let site = locations::get(c, site_id)?.ok_or_else(|| Error::not_found("site"))?;
            links::map(c, site_id, site.name)
        })
    }
}

/// The subnet, its range, and the addresses never offered to a device: the gateway, and the
/// DHCP pool, which the DHCP server hands out.
fn subnet_parts(c: &Connection, id: i64) -> crate::Result<(SubnetInfo, Subnet, Reserved)> {
    let info = subnets::get(c, id)?.ok_or_else(|| Error::not_found("subnet"))?;
    let range = Subnet::parse(&info.cidr).map_err(|e| Error::internal(e.to_string()))?;
    let ip = |t: &Option<String>| t.as_deref().and_then(|g| parse_ip(g).ok());
    let reserved = Reserved {
        single: ip(&info.gateway).into_iter().collect(),
        pool: ip(&info.dhcp_start).zip(ip(&info.dhcp_end)),
    };
    Ok((info, range, reserved))
}
