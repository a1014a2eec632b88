import { describe, expect, it } from "vitest";
import type { NetworkMap } from "../../../bindings/NetworkMap";
import { mapElements } from "./mapGraph";
import { mapPositions } from "./mapLayout";

const subnet = (id: number, vlan: number | null) => ({
  id,
  site_id: 1,
  site_name: "Sede",
  vlan_id: vlan,
  vlan_number: vlan,
  vlan_name: null,
  cidr: `10.0.${id}.0/24`,
  name: `Rete ${id}`,
  gateway: null,
  dhcp_start: null,
  dhcp_end: null,
  dns: null,
  notes: null,
  used: 0,
  usable: "254",
  version: 1,
  created_at: "",
});

// A site of 500 devices in four subnets, two VLANs, and one device in two subnets.
const big: NetworkMap = {
  site_id: 1,
  site_name: "Sede",
  vlans: [5, 6].map((id) => ({
    id,
    site_id: 1,
    number: id * 10,
    name: `V${id}`,
    notes: null,
    subnets: 2,
    version: 1,
    created_at: "",
  })),
  subnets: [subnet(1, 5), subnet(2, 5), subnet(3, 6), subnet(4, null)],
  devices: [
    ...Array.from({ length: 500 }, (_, n) => ({
      asset_id: n + 1,
      tag: `PC-${n}`,
      name: "PC",
      category_code: "desktop",
      subnet_id: (n % 4) + 1,
      ip: `10.0.${(n % 4) + 1}.${n}`,
    })),
    {
      asset_id: 1,
      tag: "PC-0",
      name: "PC",
      category_code: "desktop",
      subnet_id: 3,
      ip: "10.0.3.9",
    },
  ],
  links: [],
  truncated: false,
};

describe("network map layout", () => {
  const at = mapPositions(big);
  const p = (id: string) => {
    const v = at[id];
    if (!v) throw new Error(`${id} has no position`);
    return v;
  };

  it("places every node once, each device under its first subnet in rows", () => {
    const nodes = mapElements(big).filter((e) => e.data.source === undefined);
    for (const n of nodes) expect(at[n.data.id as string], String(n.data.id)).toBeDefined();
    const taken = new Set(Object.values(at).map((p) => `${p.x},${p.y}`));
    expect(taken.size).toBe(Object.keys(at).length);
    // Device 1 sits in subnet 1's block, though it also has an address in subnet 3.
    expect(p("asset-1").x).toBeLessThan(p("subnet-2").x);
    for (const n of [1, 2, 3, 4]) expect(p(`subnet-${n}`).y).toBeLessThan(p("asset-1").y);
  });

  it("keeps the tree's levels and a block no wider than eight devices", () => {
    expect(p("site").y).toBeLessThan(p("vlan-5").y);
    expect(p("vlan-5").y).toBeLessThan(p("subnet-1").y);
    const block = Object.entries(at)
      .filter(([id]) => id.startsWith("asset-") && Number(id.slice(6)) % 4 === 1)
      .map(([, p]) => p.x);
    expect(new Set(block).size).toBe(8);
  });
});
