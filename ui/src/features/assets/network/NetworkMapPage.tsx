import { Alert, Button, Card, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import cytoscape, { type Core } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { networkApi, networkKeys } from "../../../api/network";
import { type Route, useNav } from "../../../app/nav";
import { PageHeader } from "../../../app/PageHeader";
import { QueryState } from "../../../app/QueryState";
import type { NetworkMap } from "../../../bindings/NetworkMap";
import { BackLink } from "../../../kit/RecordPage";
import { notifyError } from "../../../lib/useServerForm";
import { mapElements, mapSvg } from "./mapGraph";
import { mapPositions } from "./mapLayout";
import "./i18n";

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "text-wrap": "wrap",
      "text-valign": "center",
      "text-halign": "center",
      color: "#fff",
      "font-size": 10,
      shape: "round-rectangle",
      width: 120,
      height: 34,
      "background-color": "#495057",
    },
  },
  { selector: "node[kind = 'site']", style: { "background-color": "#1c7ed6", width: 160 } },
  { selector: "node[kind = 'vlan']", style: { "background-color": "#7048e8" } },
  { selector: "node[kind = 'subnet']", style: { "background-color": "#0ca678", width: 140 } },
  { selector: "node[kind = 'network']", style: { "background-color": "#f08c00" } },
  { selector: "edge", style: { width: 1.5, "line-color": "#adb5bd", "curve-style": "bezier" } },
  {
    selector: "edge[kind = 'cable']",
    style: {
      width: 2.5,
      "line-color": "#f08c00",
      label: "data(label)",
      "font-size": 9,
      color: "#e8590c",
      "text-background-color": "#fff",
      "text-background-opacity": 1,
    },
  },
];

function MapView({ map }: { map: NetworkMap }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const started = performance.now();
    const graph = cytoscape({
      container: box.current,
      elements: mapElements(map),
      style: STYLE,
      layout: {
        name: "preset",
        positions: mapPositions(map),
        fit: true,
        padding: 30,
        animate: false,
      },
      wheelSensitivity: 0.3,
      // A small site is drawn at its natural size rather than blown up to fill the frame.
      maxZoom: 1.5,
    });
    cy.current = graph;
    // Measured once the layout has run and the first frame is drawn.
    requestAnimationFrame(() => setMs(Math.round(performance.now() - started)));
    return () => graph.destroy();
  }, [map]);
  const save = async (format: "png" | "svg") => {
    const g = cy.current;
    if (!g) return;
    let bytes: number[];
    if (format === "png") {
      const blob = g.png({
        output: "blob",
        full: true,
        scale: 2,
        bg: "#ffffff",
      }) as unknown as Blob;
      bytes = Array.from(new Uint8Array(await blob.arrayBuffer()));
    } else {
      const boxes = g.nodes().map((n) => ({
        ...n.position(),
        w: n.width(),
        h: n.height(),
        label: String(n.data("label")),
        kind: String(n.data("kind")),
      }));
      const lines = g.edges().map((e) => ({
        x1: e.source().position().x,
        y1: e.source().position().y,
        x2: e.target().position().x,
        y2: e.target().position().y,
        label: String(e.data("label") ?? ""),
        cable: e.data("kind") === "cable",
      }));
      bytes = Array.from(new TextEncoder().encode(mapSvg(boxes, lines)));
    }
    try {
      const name = `${map.site_name.replace(/[^\p{L}\p{N}]+/gu, "-")}-rete.${format}`;
      const path = await networkApi.exportMap(map.site_id, format, bytes, t("network.map"), name);
      notifications.show({ color: "green", message: t("network.mapSaved", { path }) });
    } catch (e) {
      notifyError(e, t, "network");
    }
  };
  return (
    <Card p={0}>
      <Group justify="space-between" p="sm">
        <Text size="xs" c="dimmed" data-testid="map-drawn" data-ms={ms ?? ""}>
          {ms !== null ? t("network.drawnIn", { ms }) : ""}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            onClick={() => void save("png")}
            data-testid="map-png"
          >
            {t("network.exportPng")}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            onClick={() => void save("svg")}
            data-testid="map-svg"
          >
            {t("network.exportSvg")}
          </Button>
        </Group>
      </Group>
      {map.truncated && (
        <Alert color="orange" mx="sm" mb="sm">
          {t("network.mapTruncated", { n: map.devices.length })}
        </Alert>
      )}
      <div
        ref={box}
        style={{ height: 620, borderTop: "1px solid var(--mantine-color-gray-3)" }}
        data-testid="network-map"
      />
    </Card>
  );
}

export function NetworkMapPage({ route }: { route: Extract<Route, { page: "networkMap" }> }) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const map = useQuery({
    queryKey: networkKeys.map(route.id),
    queryFn: () => networkApi.map(route.id),
  });
  return (
    <>
      <BackLink
        label={t("network.backToNetworks")}
        onClick={() => {
          memory.set("assets.view", "networks");
          go("assets");
        }}
        testId="back-to-networks"
      />
      <PageHeader title={t("network.mapTitle", { site: map.data?.site_name ?? "" })} />
      <QueryState query={map}>{(m) => <MapView map={m} />}</QueryState>
    </>
  );
}
