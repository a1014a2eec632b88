import { ActionIcon, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { networkApi, networkKeys } from "../../../api/network";
import type { Interface } from "../../../bindings/Interface";
import { Cables } from "./Cables";
import { InterfaceFormModal } from "./InterfaceForm";
import "./i18n";

/** An asset's network addresses, on its page. */
export function AssetNetwork({ assetId, canWrite }: { assetId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const nics = useQuery({
    queryKey: networkKeys.interfaces(assetId),
    queryFn: () => networkApi.interfaces(assetId),
  });
  const [editing, setEditing] = useState<Interface | "new" | null>(null);
  const items = nics.data ?? [];
  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing("new")}
            data-testid="interface-new"
          >
            {t("network.addInterface")}
          </Button>
        </Group>
      )}
      <Card p={0}>
        {items.length === 0 ? (
          <Text c="dimmed" p="md">
            {t("network.noInterfaces")}
          </Text>
        ) : (
          <Table verticalSpacing={8} data-testid="asset-interfaces">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("network.fields.interface")}</Table.Th>
                <Table.Th>{t("network.fields.ip")}</Table.Th>
                <Table.Th>{t("network.fields.subnet")}</Table.Th>
                <Table.Th>{t("network.fields.mac")}</Table.Th>
                <Table.Th>{t("network.fields.hostname")}</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid="interface-row" data-ip={i.ip ?? ""}>
                  <Table.Td>{i.name ?? ""}</Table.Td>
                  <Table.Td ff="monospace" fw={600}>
                    {i.ip ?? ""}
                  </Table.Td>
                  <Table.Td ff="monospace">{i.subnet_cidr ?? ""}</Table.Td>
                  <Table.Td ff="monospace">{i.mac ?? ""}</Table.Td>
                  <Table.Td>{i.hostname ?? ""}</Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(i)}
                        aria-label={t("common.edit")}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <InterfaceFormModal
        opened={editing !== null}
        nic={editing === "new" ? null : editing}
        assetId={assetId}
        subnetId={null}
        ip={null}
        onClose={() => setEditing(null)}
      />
      <Cables assetId={assetId} canWrite={canWrite} />
    </Stack>
  );
}
