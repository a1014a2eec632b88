import { describe, expect, it } from "vitest";
import type { NetworkMap } from "../../../bindings/NetworkMap";
import { mapElements, mapSvg } from "./mapGraph";

const map: NetworkMap = {
  site_id: 1,
  site_name: "Sede <Milano>",
  vlans: [
    {
      id: 5,
      site_id: 1,
      number: 10,
      name: "Uffici",
      notes: null,
      subnets: 1,
      version: 1,
      created_at: "",
    },
  ],
  subnets: [
    {
      id: 7,
      site_id: 1,
      site_name: "Sede",
      vlan_id: 5,
      vlan_number: 10,
      vlan_name: "Uffici",
      cidr: "192.168.10.0/24",
      name: "LAN",
      gateway: null,
      dhcp_start: null,
      dhcp_end: null,
      dns: null,
      notes: null,
      used: 2,
      usable: "254",
      version: 1,
      created_at: "",
    },
  ],
  devices: [
    {
      asset_id: 1,
      tag: "NET-0001",
      name: "Switch",
      category_code: "network",
      subnet_id: 7,
      ip: "192.168.10.2",
    },
    {
      asset_id: 2,
      tag: "PC-00001",
      name: "PC",
      category_code: "desktop",
      subnet_id: 7,
      ip: "192.168.10.3",
    },
  ],
  links: [
    {
      id: 3,
      from_asset_id: 1,
      from_tag: "NET-0001",
      from_port: "Gi1/0/1",
      to_asset_id: 2,
      to_tag: "PC-00001",
      to_port: "eth0",
      notes: null,
      version: 1,
    },
  ],
  truncated: false,
};

describe("network map", () => {
  it("nests site, VLAN, subnet and devices, with cables named by their ports", () => {
    const els = mapElements(map);
    const ids = els.map((e) => e.data.id);
    expect(ids).toContain("vlan-5");
    expect(els.find((e) => e.data.id === "e-vlan-5-subnet-7")).toBeTruthy();
    expect(els.find((e) => e.data.id === "asset-1")?.data.kind).toBe("network");
    expect(els.find((e) => e.data.id === "cable-3")?.data.label).toBe("Gi1/0/1 ↔ eth0");
  });

  it("writes an SVG with escaped text", () => {
    const svg = mapSvg(
      [{ x: 0, y: 0, w: 100, h: 30, label: "Sede <Milano>\nLAN", kind: "site" }],
      [{ x1: 0, y1: 0, x2: 50, y2: 50, label: "a & b", cable: true }],
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Sede &lt;Milano&gt;");
    expect(svg).toContain("a &amp; b");
  });
});
