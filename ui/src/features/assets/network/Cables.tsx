import { ActionIcon, Button, Card, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlugConnected, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys } from "../../../api/assets";
import { networkApi, networkKeys } from "../../../api/network";
import { notifyError } from "../../../lib/useServerForm";
import { AssetPicker } from "../maintenance/parts";
import { MONO } from "../parts";
import "./i18n";

/** The cables of a network device, port to port, and a line to add one. */
export function Cables({ assetId, canWrite }: { assetId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const links = useQuery({
    queryKey: networkKeys.links(assetId),
    queryFn: () => networkApi.links(assetId),
  });
  const [port, setPort] = useState("");
  const [other, setOther] = useState<string | null>(null);
  const [otherPort, setOtherPort] = useState("");
  const add = useMutation({
    mutationFn: () =>
      networkApi.addLink({
        from_asset_id: assetId,
        from_port: port || null,
        to_asset_id: Number(other),
        to_port: otherPort || null,
        notes: null,
      }),
    onSuccess: () => {
      setPort("");
      setOther(null);
      setOtherPort("");
      qc.invalidateQueries({ queryKey: assetKeys.all });
    },
    onError: (e) => notifyError(e, t, "network"),
  });
  const remove = useMutation({
    mutationFn: (id: number) => networkApi.deleteLink(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: assetKeys.all }),
    onError: (e) => notifyError(e, t, "network"),
  });
  const items = links.data ?? [];
  return (
    <Card>
      <Text fw={600} mb="xs">
        {t("network.cables.title")}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("network.cables.none")}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="cables">
          <Table.Tbody>
            {items.map((l) => {
              const mine = l.from_asset_id === assetId;
              return (
                <Table.Tr key={l.id} data-testid="cable-row">
                  <Table.Td ff="monospace">{(mine ? l.from_port : l.to_port) ?? ""}</Table.Td>
                  <Table.Td>→</Table.Td>
                  <Table.Td ff="monospace" fw={600}>
                    {mine ? l.to_tag : l.from_tag}
                  </Table.Td>
                  <Table.Td ff="monospace">{(mine ? l.to_port : l.from_port) ?? ""}</Table.Td>
                  <Table.Td w={40}>
                    {canWrite && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(l.id)}
                        aria-label={t("network.cables.remove")}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Stack mt="md" gap="xs">
          <Group grow align="flex-end">
            <TextInput
              label={t("network.cables.port")}
              styles={MONO}
              value={port}
              onChange={(e) => setPort(e.currentTarget.value)}
            />
            <AssetPicker
              label={t("network.cables.to")}
              value={other}
              onChange={setOther}
              currentLabel={null}
            />
            <TextInput
              label={t("network.cables.otherPort")}
              styles={MONO}
              value={otherPort}
              onChange={(e) => setOtherPort(e.currentTarget.value)}
            />
            <Button
              leftSection={<IconPlugConnected size={16} />}
              disabled={!other}
              loading={add.isPending}
              onClick={() => add.mutate()}
              data-testid="cable-add"
            >
              {t("network.cables.add")}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
