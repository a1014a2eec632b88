import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconArrowDown,
  IconArrowUp,
  IconDeviceFloppy,
  IconFileImport,
  IconLock,
  IconPencil,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { type Route, useLeaveGuard, useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { ChecklistItemInput } from "../../bindings/ChecklistItemInput";
import type { TemplateDetail } from "../../bindings/TemplateDetail";
import { ExportButtons } from "../../kit/ExportButtons";
import { BackLink } from "../../kit/RecordPage";
import { fieldErrors, problemMessage } from "../../lib/errors";
import { ImportDialog } from "../import/ImportDialog";

import "./i18n";

const asInput = (d: TemplateDetail): ChecklistItemInput[] =>
  d.items.map((i) => ({
    section: i.section,
    code: i.code,
    requirement: i.requirement,
    reference: i.reference,
    guidance: i.guidance,
    evidence_expected: i.evidence_expected,
    weight: i.weight,
  }));

/** A checklist's items, edited as a list and saved at once (a new version once an audit used it). */
function Editor({ d }: { d: TemplateDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const canWrite = useCan("audits", "write");
  const newest = d.version.id === d.template.current_version_id;
  const editable = canWrite && newest && !d.template.retired;
  const [items, setItems] = useState<ChecklistItemInput[]>(() => asInput(d));
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  useLeaveGuard(dirty);
  const change = (next: ChecklistItemInput[]) => {
    setItems(next);
    setDirty(true);
  };
  const save = useMutation({
    mutationFn: () => auditsApi.saveChecklist(d.template.id, d.template.version, items),
    onSuccess: (saved) => {
      setDirty(false);
      setErrors({});
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({
        color: "green",
        message:
          saved.template.current_number !== d.template.current_number
            ? t("checklists.newVersion", { n: saved.template.current_number })
            : t("checklists.saved"),
      });
    },
    onError: (e) => {
      setErrors(fieldErrors(e, t, "checklists"));
      notifications.show({ color: "red", message: problemMessage(e, t, "checklists") });
    },
  });
  const move = (i: number, by: number) => {
    const next = [...items];
    const [x] = next.splice(i, 1);
    if (x) next.splice(i + by, 0, x);
    change(next);
  };
  const rowError = (i: number) =>
    Object.entries(errors).find(([k]) => k.startsWith(`items.${i}.`))?.[1];
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Select
            size="xs"
            w={160}
            value={String(d.version.id)}
            data={d.versions.map((v) => ({
              value: String(v.id),
              label: t("checklists.version", { n: v.number }),
            }))}
            onChange={(v) =>
              v && go({ page: "auditTemplate", id: d.template.id, versionId: Number(v) })
            }
            allowDeselect={false}
            data-testid="template-version"
          />
          {newest ? (
            <Badge
              variant="light"
              color={d.template.current_frozen ? "orange" : "blue"}
              leftSection={d.template.current_frozen ? <IconLock size={12} /> : null}
            >
              {d.template.current_frozen
                ? t("checklists.frozen", { n: d.template.current_number + 1 })
                : t("checklists.editable")}
            </Badge>
          ) : (
            <Badge variant="light" color="gray">
              {t("checklists.oldVersion")}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <ExportButtons
            area="audits"
            testId="checklist-export"
            run={(format, language) =>
              auditsApi.exportChecklist(
                d.template.id,
                d.version.id,
                format,
                language,
                t("checklists.exportTitle"),
              )
            }
          />
          {editable && !dirty && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
              data-testid="checklist-import"
            >
              {t("checklists.import")}
            </Button>
          )}
        </Group>
        {editable && (
          <Group gap="xs">
            {dirty && (
              <Text size="sm" c="orange">
                {t("checklists.unsaved")}
              </Text>
            )}
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => {
                const last = items[items.length - 1];
                change([
                  ...items,
                  {
                    section: last?.section ?? "",
                    code: "",
                    requirement: "",
                    reference: null,
                    guidance: null,
                    evidence_expected: null,
                    weight: 3,
                  },
                ]);
                setEditing(items.length);
              }}
              data-testid="item-add"
            >
              {t("checklists.addItem")}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="checklist-save"
            >
              {t("checklists.saveChecklist")}
            </Button>
          </Group>
        )}
      </Group>
      <Card p={0}>
        {items.length === 0 ? (
          <Text c="dimmed" p="md">
            {t("checklists.emptyItems")}
          </Text>
        ) : (
          <Table verticalSpacing={6} striped data-testid="checklist-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t("checklists.code")}</Table.Th>
                <Table.Th>{t("checklists.requirement")}</Table.Th>
                <Table.Th w={170}>{t("checklists.reference")}</Table.Th>
                <Table.Th w={60}>{t("checklists.weight")}</Table.Th>
                {editable && <Table.Th w={130} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((it, i) => {
                const header = i === 0 || items[i - 1]?.section !== it.section;
                const err = rowError(i);
                return [
                  header ? (
                    // Rows of an unsaved list have no identity but their place (codes may be blank).
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Table.Tr key={`s${i}`}>
                      <Table.Td colSpan={editable ? 5 : 4}>
                        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                          {it.section || "—"}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : null,
                  <Table.Tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are places in an unsaved list
                    key={`i${i}`}
                    data-testid="template-item"
                    data-code={it.code}
                    bg={err ? "var(--mantine-color-red-light)" : undefined}
                  >
                    <Table.Td>{it.code}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{it.requirement}</Text>
                      {err && (
                        <Text size="xs" c="red">
                          {err}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {it.reference}
                      </Text>
                    </Table.Td>
                    <Table.Td>{it.weight}</Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setEditing(i)}
                            aria-label={t("checklists.editItem")}
                          >
                            <IconPencil size={14} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            disabled={i === 0}
                            onClick={() => move(i, -1)}
                            aria-label={t("checklists.moveUp")}
                          >
                            <IconArrowUp size={14} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            disabled={i === items.length - 1}
                            onClick={() => move(i, 1)}
                            aria-label={t("checklists.moveDown")}
                          >
                            <IconArrowDown size={14} />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => change(items.filter((_, n) => n !== i))}
                            aria-label={t("checklists.removeItem")}
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>,
                ];
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <ImportDialog
        area="audit_checklist"
        opened={importing}
        fixed={{ template_id: d.template.id }}
        onClose={() => {
          setImporting(false);
          qc.invalidateQueries({ queryKey: auditKeys.all });
        }}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("checklists.editItem")}
        size="lg"
      >
        {editing !== null && items[editing] && (
          <ItemForm
            item={items[editing]}
            onDone={(x) => {
              change(items.map((it, n) => (n === editing ? x : it)));
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ItemForm({
  item,
  onDone,
}: {
  item: ChecklistItemInput;
  onDone: (x: ChecklistItemInput) => void;
}) {
  const { t } = useTranslation();
  const [x, setX] = useState(item);
  const set = (k: keyof ChecklistItemInput, v: string | number | null) => setX({ ...x, [k]: v });
  return (
    <Stack>
      <Group grow>
        <TextInput
          label={t("checklists.section")}
          withAsterisk
          value={x.section}
          onChange={(e) => set("section", e.currentTarget.value)}
          data-testid="item-section"
        />
        <TextInput
          label={t("checklists.code")}
          withAsterisk
          value={x.code}
          onChange={(e) => set("code", e.currentTarget.value)}
          data-testid="item-code"
        />
        <NumberInput
          label={t("checklists.weight")}
          min={1}
          max={100}
          value={x.weight}
          onChange={(v) => set("weight", Number(v) || 0)}
        />
      </Group>
      <Textarea
        label={t("checklists.requirement")}
        withAsterisk
        autosize
        minRows={2}
        value={x.requirement}
        onChange={(e) => set("requirement", e.currentTarget.value)}
        data-testid="item-requirement-input"
      />
      <TextInput
        label={t("checklists.reference")}
        value={x.reference ?? ""}
        onChange={(e) => set("reference", e.currentTarget.value || null)}
      />
      <Textarea
        label={t("checklists.guidance")}
        autosize
        minRows={2}
        value={x.guidance ?? ""}
        onChange={(e) => set("guidance", e.currentTarget.value || null)}
      />
      <Textarea
        label={t("checklists.evidence_expected")}
        autosize
        minRows={2}
        value={x.evidence_expected ?? ""}
        onChange={(e) => set("evidence_expected", e.currentTarget.value || null)}
      />
      <Group justify="flex-end">
        <Button onClick={() => onDone(x)} data-testid="item-done">
          {t("common.save")}
        </Button>
      </Group>
    </Stack>
  );
}

/** One checklist: its details and items, any version. */
export function TemplatePage({ route }: { route: Extract<Route, { page: "auditTemplate" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const versionId = route.versionId ?? null;
  const detail = useQuery({
    queryKey: auditKeys.template(route.id, versionId),
    queryFn: () => auditsApi.template(route.id, versionId),
  });
  return (
    <>
      <BackLink
        label={t("checklists.backToList")}
        onClick={() => go("audits")}
        testId="back-to-checklists"
      />
      <QueryState query={detail}>
        {(d) => (
          <>
            <PageHeader title={d.template.name} subtitle={d.template.description ?? ""} />
            {d.template.retired && <Alert mb="md">{t("checklists.retired")}</Alert>}
            <Editor key={`${d.version.id}-${d.template.version}`} d={d} />
          </>
        )}
      </QueryState>
    </>
  );
}
