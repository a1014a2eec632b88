import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconPencil, IconPlus, IconRestore } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetCategory } from "../../bindings/AssetCategory";
import { notifyError, orNull, useServerForm } from "../../lib/useServerForm";
import { categoryName, useAssetCategories } from "./parts";
import "./i18n";
import { MONO } from "./parts";

function CategoryForm({ c, onClose }: { c: AssetCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      name_it: c?.name_it ?? "",
      name_en: c?.name_en ?? "",
      tag_pattern: c?.tag_pattern ?? "",
      depreciation: (c ? c.depreciation_bp / 100 : 20) as number | string,
    },
    { area: "assets", alias: { depreciation_bp: "depreciation" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        tag_pattern: v.tag_pattern,
        depreciation_bp: Math.round(Number(v.depreciation || 0) * 100),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("assets.categories.saved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`assets.categories.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={label("name_it")} withAsterisk {...form.getInputProps("name_it")} />
        <TextInput label={label("name_en")} {...form.getInputProps("name_en")} />
        <Group grow align="flex-start">
          <TextInput
            label={label("tag_pattern")}
            description={label("tagPatternHelp")}
            withAsterisk
            styles={MONO}
            {...form.getInputProps("tag_pattern")}
          />
          <NumberInput
            label={label("depreciation")}
            min={0}
            max={100}
            decimalScale={2}
            {...form.getInputProps("depreciation")}
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

/** The categories assets are filed under, with the shape of their tags and their depreciation. */
export function CategoriesPanel({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [withRetired, setWithRetired] = useState(false);
  const [editing, setEditing] = useState<AssetCategory | "new" | null>(null);
  const list = useAssetCategories(withRetired);
  const toggle = useMutation({
    mutationFn: (c: AssetCategory) => assetsApi.setCategoryActive(c.id, c.version, !c.active),
    onSuccess: () => qc.invalidateQueries({ queryKey: assetKeys.all }),
    onError: (e) => notifyError(e, t, "assets"),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={t("assets.categories.showRetired")}
          checked={withRetired}
          onChange={(e) => setWithRetired(e.currentTarget.checked)}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            {t("assets.categories.new")}
          </Button>
        )}
      </Group>
      <Table verticalSpacing={8} data-testid="asset-categories">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("assets.fields.category")}</Table.Th>
            <Table.Th>{t("assets.categories.tag_pattern")}</Table.Th>
            <Table.Th>{t("assets.categories.depreciation")}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((c) => (
            <Table.Tr key={c.id} style={{ opacity: c.active ? 1 : 0.55 }}>
              <Table.Td fw={500}>
                {categoryName(c, i18n.language)}{" "}
                {!c.active && (
                  <Badge size="xs" color="gray">
                    {t("assets.categories.retire")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{c.tag_pattern}</Table.Td>
              <Table.Td>
                <Text size="sm">{(c.depreciation_bp / 100).toLocaleString(i18n.language)} %</Text>
              </Table.Td>
              <Table.Td>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      onClick={() => setEditing(c)}
                      aria-label={t("common.edit")}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color={c.active ? "gray" : "teal"}
                      onClick={() => toggle.mutate(c)}
                      aria-label={t(
                        c.active ? "assets.categories.retire" : "assets.categories.restore",
                      )}
                    >
                      {c.active ? <IconArchive size={16} /> : <IconRestore size={16} />}
                    </ActionIcon>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === "new" ? "assets.categories.newTitle" : "assets.categories.editTitle")}
      >
        {editing !== null && (
          <CategoryForm c={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}
