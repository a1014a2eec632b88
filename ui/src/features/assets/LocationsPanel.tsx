import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconPencil, IconPlus, IconRestore, IconScan } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { Location } from "../../bindings/Location";
import type { LocationKind } from "../../bindings/LocationKind";
import { notifyError, orNull, useServerForm } from "../../lib/useServerForm";
import { ImportButton } from "./ImportButton";
import { InventoryCheckModal } from "./InventoryCheck";
import { useLocations } from "./parts";
import "./i18n";

const KINDS: LocationKind[] = ["site", "building", "floor", "room", "other"];

function LocationForm({ l, onClose }: { l: Location | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const places = useLocations();
  const { form, showError } = useServerForm(
    {
      kind: (l?.kind ?? "site") as LocationKind,
      parent_id: l?.parent_id ? String(l.parent_id) : (null as string | null),
      name: l?.name ?? "",
      address: l?.address ?? "",
    },
    { area: "assets" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.saveLocation(l?.id ?? null, l?.version ?? 0, {
        kind: v.kind,
        parent_id: v.kind === "site" || !v.parent_id ? null : Number(v.parent_id),
        name: v.name,
        address: orNull(v.address),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("assets.locations.saved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`assets.locations.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="location-form">
      <Stack>
        <Select
          label={label("kind")}
          allowDeselect={false}
          data={KINDS.map((k) => ({ value: k, label: t(`assets.locations.kinds.${k}`) }))}
          {...form.getInputProps("kind")}
          data-testid="location-kind"
        />
        {form.values.kind !== "site" && (
          <Select
            label={label("parent")}
            withAsterisk
            searchable
            data={(places.data ?? [])
              .filter((p) => p.id !== l?.id)
              .map((p) => ({ value: String(p.id), label: p.path }))}
            {...form.getInputProps("parent_id")}
            data-testid="location-parent"
          />
        )}
        <TextInput label={label("name")} withAsterisk {...form.getInputProps("name")} name="name" />
        <TextInput label={label("address")} {...form.getInputProps("address")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="location-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sites and the buildings, floors and rooms in them, indented as a tree. */
export function LocationsPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [withRetired, setWithRetired] = useState(false);
  const [editing, setEditing] = useState<Location | "new" | null>(null);
  const [checking, setChecking] = useState<Location | null>(null);
  const list = useLocations(withRetired);
  const toggle = useMutation({
    mutationFn: (l: Location) => assetsApi.setLocationActive(l.id, l.version, !l.active),
    onSuccess: () => qc.invalidateQueries({ queryKey: assetKeys.all }),
    onError: (e) => notifyError(e, t, "assets"),
  });
  const items = list.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={t("assets.locations.showRetired")}
          checked={withRetired}
          onChange={(e) => setWithRetired(e.currentTarget.checked)}
        />
        {canWrite && (
          <Group gap="xs">
            <ImportButton
              area="locations"
              label={t("assets.locations.import")}
              testId="location-import"
            />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing("new")}
              data-testid="location-new"
            >
              {t("assets.locations.new")}
            </Button>
          </Group>
        )}
      </Group>
      {items.length === 0 && list.isSuccess ? (
        <Text c="dimmed">{t("assets.locations.empty")}</Text>
      ) : (
        <Table verticalSpacing={8} data-testid="locations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("assets.locations.name")}</Table.Th>
              <Table.Th>{t("assets.locations.kind")}</Table.Th>
              <Table.Th>{t("assets.locations.address")}</Table.Th>
              <Table.Th>{t("assets.locations.assets")}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((l) => (
              <Table.Tr
                key={l.id}
                style={{ opacity: l.active ? 1 : 0.55 }}
                data-testid="location-row"
                data-path={l.path}
              >
                <Table.Td style={{ paddingLeft: 12 + Number(l.depth) * 22 }}>
                  <Text size="sm" fw={l.depth === 0 ? 600 : 400}>
                    {l.name}{" "}
                    {!l.active && (
                      <Badge size="xs" color="gray">
                        {t("assets.locations.retire")}
                      </Badge>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`assets.locations.kinds.${l.kind}`)}</Table.Td>
                <Table.Td c="dimmed">{l.address ?? ""}</Table.Td>
                <Table.Td>{l.assets}</Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t("assets.check.action")}>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setChecking(l)}
                          aria-label={t("assets.check.action")}
                          data-testid="location-check"
                        >
                          <IconScan size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(l)}
                        aria-label={t("common.edit")}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color={l.active ? "gray" : "teal"}
                        onClick={() => toggle.mutate(l)}
                        aria-label={t(
                          l.active ? "assets.locations.retire" : "assets.locations.restore",
                        )}
                      >
                        {l.active ? <IconArchive size={16} /> : <IconRestore size={16} />}
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <InventoryCheckModal place={checking} onClose={() => setChecking(null)} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === "new" ? "assets.locations.newTitle" : "assets.locations.editTitle")}
      >
        {editing !== null && (
          <LocationForm l={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
