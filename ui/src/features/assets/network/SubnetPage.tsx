import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconNetwork, IconPencil, IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { networkApi, networkKeys } from "../../../api/network";
import { type Route, useNav } from "../../../app/nav";
import { Pager } from "../../../app/Pager";
import { QueryState } from "../../../app/QueryState";
import { useCan } from "../../../app/session";
import type { SubnetInfo } from "../../../bindings/SubnetInfo";
import { BackLink, RecordPage } from "../../../kit/RecordPage";
import { Fact } from "../../audits/parts";
import { InterfaceFormModal } from "./InterfaceForm";
import { SubnetFormModal } from "./SubnetForm";
import "./i18n";

const PAGE = 50;

function Addresses({ s, canWrite }: { s: SubnetInfo; canWrite: boolean }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const [page, setPage] = useState(1);
  const [giving, setGiving] = useState<string | null>(null);
  const offset = (page - 1) * PAGE;
  const data = useQuery({
    queryKey: networkKeys.addresses(s.id, offset),
    queryFn: () => networkApi.addresses(s.id, offset, PAGE),
    placeholderData: keepPreviousData,
  });
  const a = data.data;
  return (
    <Stack>
      <Card>
        <Group justify="space-between">
          <div>
            <Text size="sm" c="dimmed">
              {t("network.nextFree")}
            </Text>
            <Text size="xl" fw={700} ff="monospace" data-testid="next-free">
              {a?.next_free ?? t("network.full")}
            </Text>
          </div>
          {canWrite && a?.next_free && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setGiving(a.next_free)}
              data-testid="take-next-free"
            >
              {t("network.takeNextFree")}
            </Button>
          )}
        </Group>
        <Text size="sm" fw={600} mt="md">
          {t("network.freeRuns")}
        </Text>
        <Group gap={6} mt={4}>
          {(a?.free_runs ?? []).map((r) => (
            <Badge
              key={r.first}
              variant="light"
              color="teal"
              ff="monospace"
              style={{ textTransform: "none" }}
            >
              {r.first === r.last ? r.first : `${r.first} – ${r.last}`} ({r.count})
            </Badge>
          ))}
        </Group>
      </Card>
      <Card p={0}>
        <Text fw={600} p="sm">
          {t("network.usedAddresses")}
        </Text>
        <Table verticalSpacing={6} highlightOnHover data-testid="used-addresses">
          <Table.Tbody>
            {(a?.used ?? []).map((i) => (
              <Table.Tr
                key={i.id}
                style={{ cursor: "pointer" }}
                onClick={() => go({ page: "asset", id: i.asset_id })}
                data-testid="used-address"
                data-ip={i.ip}
              >
                <Table.Td ff="monospace" fw={600} w={180}>
                  {i.ip}
                </Table.Td>
                <Table.Td ff="monospace">{i.asset_tag}</Table.Td>
                <Table.Td>{i.asset_name}</Table.Td>
                <Table.Td c="dimmed">{i.hostname ?? ""}</Table.Td>
                <Table.Td ff="monospace" c="dimmed">
                  {i.mac ?? ""}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group px="sm" pb="sm">
          <Pager page={page} pageSize={PAGE} total={a?.used_total ?? 0} onPage={setPage} />
        </Group>
      </Card>
      <InterfaceFormModal
        opened={giving !== null}
        nic={null}
        assetId={null}
        subnetId={s.id}
        ip={giving}
        onClose={() => setGiving(null)}
      />
    </Stack>
  );
}

function SubnetView({ s }: { s: SubnetInfo }) {
  const { t } = useTranslation();
  const canWrite = useCan("assets", "write");
  const [editing, setEditing] = useState(false);
  const label = (f: string) => t(`network.fields.${f}`);
  const none = t("common.none");
  return (
    <RecordPage
      title={`${s.cidr} · ${s.name}`}
      facts={[
        s.site_name,
        s.vlan_number ? `VLAN ${s.vlan_number}` : null,
        t("network.usedOf", { used: s.used, usable: s.usable }),
      ]}
      actions={
        canWrite ? (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => setEditing(true)}
          >
            {t("common.edit")}
          </Button>
        ) : null
      }
      details={{
        key: "details",
        label: t("network.usedAddresses"),
        icon: IconNetwork,
        render: () => (
          <Stack>
            <Card>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Fact label={label("gateway")}>{s.gateway ?? none}</Fact>
                <Fact label={label("dhcp_start")}>{s.dhcp_start ?? none}</Fact>
                <Fact label={label("dhcp_end")}>{s.dhcp_end ?? none}</Fact>
                <Fact label={label("dns")}>{s.dns ?? none}</Fact>
              </SimpleGrid>
            </Card>
            <Addresses s={s} canWrite={canWrite} />
          </Stack>
        ),
      }}
    >
      <SubnetFormModal
        siteId={s.site_id}
        subnet={s}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </RecordPage>
  );
}

export function SubnetPage({ route }: { route: Extract<Route, { page: "subnet" }> }) {
  const { t } = useTranslation();
  const { go, memory } = useNav();
  const subnet = useQuery({
    queryKey: networkKeys.subnet(route.id),
    queryFn: () => networkApi.subnet(route.id),
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
      <QueryState query={subnet}>{(s) => <SubnetView s={s} />}</QueryState>
    </>
  );
}
