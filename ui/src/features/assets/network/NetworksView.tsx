import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconRadar, IconTopologyStar3 } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys } from "../../../api/assets";
import { networkApi, networkKeys } from "../../../api/network";
import { useNav } from "../../../app/nav";
import { useServerForm } from "../../../lib/useServerForm";
import { useLocations } from "../parts";
import { ScanButton } from "./ScanReview";
import { SubnetFormModal } from "./SubnetForm";
import "./i18n";

const SITE_KEY = "assets.network.site";

function VlanForm({ siteId, onClose }: { siteId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    { number: 10 as number | string, name: "" },
    { area: "network" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      networkApi.saveVlan(null, 0, {
        site_id: siteId,
        number: Number(v.number) || 0,
        name: v.name,
        notes: null,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("network.vlanSaved") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <NumberInput
            label={t("network.fields.number")}
            min={1}
            max={4094}
            {...form.getInputProps("number")}
          />
          <TextInput
            label={t("network.fields.name")}
            withAsterisk
            {...form.getInputProps("name")}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A site's subnets and VLANs, with the way to its map and to reconciling a scan. */
export function NetworksView({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const places = useLocations();
  const sites = (places.data ?? []).filter((l) => l.kind === "site");
  const [chosen, setChosen] = useState<string | null>(
    (memory.get(SITE_KEY) as string | undefined) ?? null,
  );
  const site = chosen ?? (sites[0] ? String(sites[0].id) : null);
  const siteId = site ? Number(site) : null;
  const subnets = useQuery({
    queryKey: networkKeys.subnets(siteId),
    queryFn: () => networkApi.subnets(siteId),
    enabled: siteId !== null,
  });
  const vlans = useQuery({
    queryKey: networkKeys.vlans(siteId ?? 0),
    queryFn: () => networkApi.vlans(siteId ?? 0),
    enabled: siteId !== null,
  });
  const [adding, setAdding] = useState(false);
  const [addingVlan, setAddingVlan] = useState(false);
  if (places.isSuccess && sites.length === 0) {
    return <Text c="dimmed">{t("network.noSites")}</Text>;
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          label={t("network.site")}
          data={sites.map((s) => ({ value: String(s.id), label: s.name }))}
          value={site}
          allowDeselect={false}
          onChange={(v) => {
            memory.set(SITE_KEY, v);
            setChosen(v);
          }}
          w={260}
          data-testid="network-site"
        />
        <Group gap="xs">
          {siteId !== null && (
            <Button
              variant="default"
              leftSection={<IconTopologyStar3 size={16} />}
              onClick={() => go({ page: "networkMap", id: siteId })}
              data-testid="network-map-open"
            >
              {t("network.map")}
            </Button>
          )}
          {canWrite && <ScanButton />}
          {canWrite && siteId !== null && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              data-testid="subnet-new"
            >
              {t("network.newSubnet")}
            </Button>
          )}
        </Group>
      </Group>
      <Text fw={600}>{t("network.subnets")}</Text>
      {subnets.data && subnets.data.length === 0 ? (
        <Text c="dimmed">{t("network.noSubnets")}</Text>
      ) : (
        <Table verticalSpacing={8} highlightOnHover data-testid="subnets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("network.fields.cidr")}</Table.Th>
              <Table.Th>{t("network.fields.name")}</Table.Th>
              <Table.Th>{t("network.fields.vlan")}</Table.Th>
              <Table.Th>{t("network.fields.gateway")}</Table.Th>
              <Table.Th>{t("network.fields.used")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(subnets.data ?? []).map((s) => (
              <Table.Tr
                key={s.id}
                style={{ cursor: "pointer" }}
                onClick={() => go({ page: "subnet", id: s.id })}
                data-testid="subnet-row"
                data-cidr={s.cidr}
              >
                <Table.Td ff="monospace" fw={600}>
                  {s.cidr}
                </Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.vlan_number ? `${s.vlan_number} · ${s.vlan_name}` : ""}</Table.Td>
                <Table.Td ff="monospace">{s.gateway ?? ""}</Table.Td>
                <Table.Td>
                  {s.used} / {s.usable}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between" mt="md">
        <Text fw={600}>{t("network.vlans")}</Text>
        {canWrite && siteId !== null && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRadar size={14} />}
            onClick={() => setAddingVlan(true)}
          >
            {t("network.newVlan")}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        {(vlans.data ?? []).map((v) => (
          <Badge key={v.id} variant="light" size="lg" style={{ textTransform: "none" }}>
            {v.number} · {v.name}
          </Badge>
        ))}
      </Group>
      {siteId !== null && (
        <SubnetFormModal
          siteId={siteId}
          subnet={null}
          opened={adding}
          onClose={() => setAdding(false)}
        />
      )}
      <Modal opened={addingVlan} onClose={() => setAddingVlan(false)} title={t("network.newVlan")}>
        {addingVlan && siteId !== null && (
          <VlanForm siteId={siteId} onClose={() => setAddingVlan(false)} />
        )}
      </Modal>
    </Stack>
  );
}
