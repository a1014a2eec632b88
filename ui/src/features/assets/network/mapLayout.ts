import type { NetworkMap } from "../../../bindings/NetworkMap";

// Where each node of the map sits: site on top, its VLANs below, then their subnets, and each
// subnet's devices in a block of rows under it. Computed, not searched for: a layered graph
// layout puts a site's hundreds of devices on one endless row nobody can read, and costs more
// time the larger the site.

const DX = 150;
const DY = 80;
const GAP = 120;
const MAX_COLUMNS = 8;

export type Point = { x: number; y: number };

export function mapPositions(map: NetworkMap): Record<string, Point> {
  const at: Record<string, Point> = {};
  // Each device sits under the first subnet it has an address in.
  const bySubnet = new Map<number, number[]>();
  const placed = new Set<number>();
  for (const d of map.devices) {
    if (placed.has(d.asset_id)) continue;
    placed.add(d.asset_id);
    const list = bySubnet.get(d.subnet_id) ?? [];
    list.push(d.asset_id);
    bySubnet.set(d.subnet_id, list);
  }
  // Subnets in VLAN order, those outside any VLAN last.
  const vlanOrder = new Map(map.vlans.map((v, i) => [v.id, i]));
  const subnets = [...map.subnets].sort(
    (a, b) =>
      (a.vlan_id === null ? map.vlans.length : (vlanOrder.get(a.vlan_id) ?? 0)) -
      (b.vlan_id === null ? map.vlans.length : (vlanOrder.get(b.vlan_id) ?? 0)),
  );
  let left = 0;
  // A site without VLANs has no row for them.
  const skip = map.vlans.length === 0 ? DY * 2 : 0;
  const rowOf = { vlan: DY * 2, subnet: DY * 4 - skip, devices: DY * 5.5 - skip };
  for (const s of subnets) {
    const devices = bySubnet.get(s.id) ?? [];
    const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.ceil(Math.sqrt(devices.length))));
    const width = columns * DX;
    at[`subnet-${s.id}`] = { x: left + width / 2 - DX / 2, y: rowOf.subnet };
    devices.forEach((id, i) => {
      at[`asset-${id}`] = {
        x: left + (i % columns) * DX,
        y: rowOf.devices + Math.floor(i / columns) * DY,
      };
    });
    left += width + GAP;
  }
  const centre = (ids: string[]) => {
    const xs = ids.map((id) => at[id]?.x).filter((x): x is number => x !== undefined);
    return xs.length === 0 ? 0 : (Math.min(...xs) + Math.max(...xs)) / 2;
  };
  let spare = left;
  for (const v of map.vlans) {
    const mine = map.subnets.filter((s) => s.vlan_id === v.id).map((s) => `subnet-${s.id}`);
    if (mine.length > 0) {
      at[`vlan-${v.id}`] = { x: centre(mine), y: rowOf.vlan };
    } else {
      at[`vlan-${v.id}`] = { x: spare, y: rowOf.vlan };
      spare += DX;
    }
  }
  at.site = { x: centre(Object.keys(at).filter((k) => !k.startsWith("asset-"))), y: 0 };
  return at;
}
