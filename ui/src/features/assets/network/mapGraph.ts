import type { ElementDefinition } from "cytoscape";
import type { NetworkMap } from "../../../bindings/NetworkMap";

/**
 * The map as a graph: the site at the root, its VLANs, the subnets (under their VLAN or the
 * site), the devices in each subnet, and the cables between devices with their ports.
 */
export function mapElements(map: NetworkMap): ElementDefinition[] {
  const els: ElementDefinition[] = [{ data: { id: "site", label: map.site_name, kind: "site" } }];
  for (const v of map.vlans) {
    els.push({ data: { id: `vlan-${v.id}`, label: `VLAN ${v.number}\n${v.name}`, kind: "vlan" } });
    els.push({ data: { id: `e-site-vlan-${v.id}`, source: "site", target: `vlan-${v.id}` } });
  }
  for (const s of map.subnets) {
    els.push({ data: { id: `subnet-${s.id}`, label: `${s.cidr}\n${s.name}`, kind: "subnet" } });
    const parent = s.vlan_id ? `vlan-${s.vlan_id}` : "site";
    els.push({
      data: { id: `e-${parent}-subnet-${s.id}`, source: parent, target: `subnet-${s.id}` },
    });
  }
  // A device with addresses in two subnets is one node, joined to both.
  const seen = new Set<number>();
  for (const d of map.devices) {
    const node = `asset-${d.asset_id}`;
    if (!seen.has(d.asset_id)) {
      seen.add(d.asset_id);
      els.push({
        data: {
          id: node,
          label: `${d.tag}\n${d.ip}`,
          kind: d.category_code === "network" ? "network" : "device",
        },
      });
    }
    els.push({
      data: {
        id: `e-subnet-${d.subnet_id}-${node}`,
        source: `subnet-${d.subnet_id}`,
        target: node,
      },
    });
  }
  for (const l of map.links) {
    if (!seen.has(l.from_asset_id) || !seen.has(l.to_asset_id)) continue;
    const ports = [l.from_port, l.to_port].filter(Boolean).join(" ↔ ");
    els.push({
      data: {
        id: `cable-${l.id}`,
        source: `asset-${l.from_asset_id}`,
        target: `asset-${l.to_asset_id}`,
        label: ports,
        kind: "cable",
      },
    });
  }
  return els;
}

type Box = { x: number; y: number; w: number; h: number; label: string; kind: string };
type Line = { x1: number; y1: number; x2: number; y2: number; label: string; cable: boolean };

const FILL: Record<string, string> = {
  site: "#1c7ed6",
  vlan: "#7048e8",
  subnet: "#0ca678",
  network: "#f08c00",
  device: "#495057",
};

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The drawn map as an SVG file: the library's positions, written as plain shapes and text. */
export function mapSvg(boxes: Box[], lines: Line[]): string {
  const pad = 40;
  const xs = boxes.flatMap((b) => [b.x - b.w / 2, b.x + b.w / 2]);
  const ys = boxes.flatMap((b) => [b.y - b.h / 2, b.y + b.h / 2]);
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(...xs, 100) - minX + pad;
  const height = Math.max(...ys, 100) - minY + pad;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const l of lines) {
    out.push(
      `<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" stroke="${l.cable ? "#f08c00" : "#adb5bd"}" stroke-width="${l.cable ? 2.5 : 1.5}"/>`,
    );
    if (l.label) {
      out.push(
        `<text x="${(l.x1 + l.x2) / 2}" y="${(l.y1 + l.y2) / 2 - 4}" text-anchor="middle" fill="#e8590c">${esc(l.label)}</text>`,
      );
    }
  }
  for (const b of boxes) {
    out.push(
      `<rect x="${b.x - b.w / 2}" y="${b.y - b.h / 2}" width="${b.w}" height="${b.h}" rx="6" fill="${FILL[b.kind] ?? "#495057"}"/>`,
    );
    const parts = b.label.split("\n");
    parts.forEach((p, i) => {
      const dy = (i - (parts.length - 1) / 2) * 13 + 4;
      out.push(
        `<text x="${b.x}" y="${b.y + dy}" text-anchor="middle" fill="#ffffff">${esc(p)}</text>`,
      );
    });
  }
  out.push("</svg>");
  return out.join("\n");
}
