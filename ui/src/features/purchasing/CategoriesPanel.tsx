import {
  ActionIcon,
  Badge,
  Button,
  Card,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { useCan } from "../../app/session";
import type { PurchaseCategory } from "../../bindings/PurchaseCategory";
import { notifyError, orNull, useServerForm } from "../../lib/useServerForm";
import { categoryLabel } from "./parts";
import "./i18n";

function CategoryForm({ c, onClose }: { c: PurchaseCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      name_it: c?.name_it ?? "",
      name_en: c?.name_en ?? "",
      over_receipt: (c ? c.over_receipt_bp / 100 : 0) as number | string,
    },
    { area: "purchasing", alias: { over_receipt_bp: "over_receipt" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      purchasingApi.saveCategory(c?.id ?? null, c?.version ?? 0, {
        name_it: v.name_it,
        name_en: orNull(v.name_en),
        over_receipt_bp: Math.round(Number(v.over_receipt || 0) * 100),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.categories.saved") });
      onClose();
    },
    onError: showError,
  });
  const label = (f: string) => t(`purchasingUi.categories.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label={label("name_it")} withAsterisk {...form.getInputProps("name_it")} />
        <TextInput label={label("name_en")} {...form.getInputProps("name_en")} />
        <NumberInput
          label={label("over_receipt")}
          description={label("overReceiptHelp")}
          min={0}
          max={50}
          decimalScale={2}
          suffix=" %"
          {...form.getInputProps("over_receipt")}
        />
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

/** The kinds of goods and services bought, each with its over-receipt tolerance. */
export function CategoriesPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const [withRetired, setWithRetired] = useState(false);
  const [editing, setEditing] = useState<PurchaseCategory | "new" | null>(null);
  const list = useQuery({
    queryKey: purchasingKeys.categories(withRetired),
    queryFn: () => purchasingApi.categories(withRetired),
  });
  const toggle = useMutation({
    mutationFn: (c: PurchaseCategory) =>
      purchasingApi.setCategoryActive(c.id, c.version, !c.active),
    onSuccess: () => qc.invalidateQueries({ queryKey: purchasingKeys.all }),
    onError: (e) => notifyError(e, t, "purchasing"),
  });
  return (
    <Card>
      <Stack>
        <Group justify="space-between">
          <Switch
            label={t("purchasingUi.categories.showRetired")}
            checked={withRetired}
            onChange={(e) => setWithRetired(e.currentTarget.checked)}
          />
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
              {t("purchasingUi.categories.new")}
            </Button>
          )}
        </Group>
        <Table verticalSpacing={8} data-testid="purchase-categories">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("purchasingUi.fields.category_ids")}</Table.Th>
              <Table.Th>{t("purchasingUi.categories.over_receipt")}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text c="dimmed">{t("purchasingUi.categories.empty")}</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {(list.data ?? []).map((c) => (
              <Table.Tr key={c.id} style={{ opacity: c.active ? 1 : 0.55 }}>
                <Table.Td fw={500}>
                  {categoryLabel(c, i18n.language)}{" "}
                  {!c.active && (
                    <Badge size="xs" color="gray">
                      {t("purchasingUi.categories.retired")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{(c.over_receipt_bp / 100).toLocaleString(i18n.language)} %</Text>
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
                          c.active
                            ? "purchasingUi.categories.retire"
                            : "purchasingUi.categories.restore",
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
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(
          editing === "new"
            ? "purchasingUi.categories.newTitle"
            : "purchasingUi.categories.editTitle",
        )}
      >
        {editing !== null && (
          <CategoryForm c={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Card>
  );
}
