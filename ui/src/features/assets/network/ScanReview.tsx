import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text } from "@mantine/core";
import { IconRadar } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../../api/assets";
import { networkApi } from "../../../api/network";
import type { ScanAccept } from "../../../bindings/ScanAccept";
import type { ScanDifference } from "../../../bindings/ScanDifference";
import type { ScanReview } from "../../../bindings/ScanReview";
import { notifyError } from "../../../lib/useServerForm";
import { categoryName, useAssetCategories } from "../parts";
import "./i18n";

type Decision = "accepted" | "ignored";

/** What the inventory records and what the scan saw, side by side. */
function describe(d: ScanDifference): { what: string; recorded: string; seen: string } {
  switch (d.kind) {
    case "new_host":
      return {
        what: d.host.hostnames[0] ?? d.host.vendor ?? "",
        recorded: "",
        seen: [d.host.ipv4 ?? d.host.ipv6, d.host.mac].filter(Boolean).join(" · "),
      };
    case "not_seen":
      return { what: d.interface.asset_tag, recorded: d.interface.ip ?? "", seen: "" };
    case "mac_changed":
      return { what: d.interface.asset_tag, recorded: d.interface.mac ?? "", seen: d.seen };
    case "hostname_changed":
      return { what: d.interface.asset_tag, recorded: d.interface.hostname ?? "", seen: d.seen };
    case "ip_changed":
      return { what: d.interface.asset_tag, recorded: d.interface.ip ?? "", seen: d.seen };
  }
}

function Review({ review, onClose }: { review: ScanReview; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const categories = useAssetCategories();
  const fallback = (categories.data ?? []).find((c) => c.code === "other");
  const [category, setCategory] = useState<string | null>(null);
  const createAs = category ?? (fallback ? String(fallback.id) : null);
  const [done, setDone] = useState<Record<string, Decision>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const accept = async (d: ScanDifference) => {
    setBusy(d.key);
    try {
      let change: ScanAccept;
      switch (d.kind) {
        case "new_host": {
          const cat = Number(createAs);
          const ip = d.host.ipv4 ?? d.host.ipv6 ?? "";
          change = {
            kind: "create_asset",
            category_id: cat,
            tag: await assetsApi.nextTag(cat),
            name: d.host.hostnames[0] ?? ip,
            manufacturer: d.host.vendor,
            ip,
            mac: d.host.mac,
            hostname: d.host.hostnames[0] ?? null,
          };
          break;
        }
        case "not_seen":
          change = { kind: "remove_interface", interface_id: d.interface.interface_id };
          break;
        case "mac_changed":
          change = { kind: "set_mac", interface_id: d.interface.interface_id, mac: d.seen };
          break;
        case "hostname_changed":
          change = {
            kind: "set_hostname",
            interface_id: d.interface.interface_id,
            hostname: d.seen,
          };
          break;
        case "ip_changed":
          change = { kind: "move_ip", interface_id: d.interface.interface_id, ip: d.seen };
          break;
      }
      await networkApi.acceptScan(change);
      setDone((m) => ({ ...m, [d.key]: "accepted" }));
      qc.invalidateQueries({ queryKey: assetKeys.all });
    } catch (e) {
      notifyError(e, t, "network");
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack>
      <Text size="sm" data-testid="scan-summary">
        {t("network.scan.summary", {
          file: review.file_name,
          up: review.hosts_up,
          subnets: review.scanned_subnets.join(", ") || "—",
        })}
      </Text>
      {review.differences.length === 0 ? (
        <Alert color="green">{t("network.scan.none")}</Alert>
      ) : (
        <>
          <Select
            label={t("network.scan.createAs")}
            data={(categories.data ?? []).map((c) => ({
              value: String(c.id),
              label: categoryName(c, i18n.language),
            }))}
            value={createAs}
            onChange={setCategory}
            w={240}
          />
          <Table verticalSpacing={6} data-testid="scan-differences">
            <Table.Tbody>
              {review.differences.map((d) => {
                const x = describe(d);
                const state = done[d.key];
                return (
                  <Table.Tr
                    key={d.key}
                    data-testid="scan-difference"
                    data-kind={d.kind}
                    data-state={state ?? "open"}
                  >
                    <Table.Td w={220}>
                      <Badge variant="light" style={{ textTransform: "none" }}>
                        {t(`network.scan.kinds.${d.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace" fw={600}>
                      {x.what}
                    </Table.Td>
                    <Table.Td ff="monospace" c="dimmed">
                      {x.recorded && `${t("network.scan.recorded")}: ${x.recorded}`}
                    </Table.Td>
                    <Table.Td ff="monospace">
                      {x.seen && `${t("network.scan.seen")}: ${x.seen}`}
                    </Table.Td>
                    <Table.Td w={200}>
                      {state ? (
                        <Text size="sm" c={state === "accepted" ? "green" : "dimmed"}>
                          {t(`network.scan.${state}`)}
                        </Text>
                      ) : (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            loading={busy === d.key}
                            onClick={() => void accept(d)}
                            data-testid="scan-accept"
                          >
                            {t("network.scan.accept")}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDone((m) => ({ ...m, [d.key]: "ignored" }))}
                            data-testid="scan-ignore"
                          >
                            {t("network.scan.ignore")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {review.more > 0 && <Text c="dimmed">{t("network.scan.more", { n: review.more })}</Text>}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-testid="scan-close">
          {t("common.close")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Chooses an nmap file and shows how it differs from the inventory; nothing changes until accepted. */
export function ScanButton() {
  const { t } = useTranslation();
  const [review, setReview] = useState<ScanReview | null>(null);
  const [loading, setLoading] = useState(false);
  const open = async () => {
    setLoading(true);
    try {
      setReview(await networkApi.reviewScan(t("network.scan.title")));
    } catch (e) {
      notifyError(e, t, "network");
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconRadar size={16} />}
        loading={loading}
        onClick={() => void open()}
        data-testid="scan-open"
      >
        {t("network.scan.action")}
      </Button>
      <Modal
        opened={review !== null}
        onClose={() => setReview(null)}
        title={t("network.scan.action")}
        size="xl"
      >
        {review && <Review review={review} onClose={() => setReview(null)} />}
      </Modal>
    </>
  );
}
