import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconCornerDownRight,
  IconDownload,
  IconExternalLink,
  IconFileOff,
  IconPaperclip,
  IconPencil,
  IconRefresh,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { Fragment, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { staffDocumentsApi, staffKeys } from "../../api/staff";
import { useNav } from "../../app/nav";
import { useCan } from "../../app/session";
import type { Document } from "../../bindings/Document";
import type { DocumentType } from "../../bindings/DocumentType";
import type { EmployeeFile } from "../../bindings/EmployeeFile";
import { formatDate, formatDateTime } from "../../i18n/format";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { useById, useDocumentTypes, useNames, useOptions } from "./catalog";
import { formatSize } from "./format";
import { flash } from "./highlight";
import { DateField, ExpiryDate, InactiveMark } from "./parts";
import "./i18n";

type Dialog =
  | { kind: "attach"; typeId: number | null }
  | { kind: "renew"; doc: Document }
  | { kind: "edit"; doc: Document }
  | { kind: "delete"; doc: Document };

/** After any change to documents the file, the list and the roll-ups are re-read. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: staffKeys.all });
}

/** What the expiry input says under it, from the type's rules (Rust applies them). */
function expiryHelp(type: DocumentType | undefined, t: TFunction) {
  if (!type) return undefined;
  if (!type.expires) return t("staff.documents.noExpiryType");
  if (type.validity_months) return t("staff.documents.defaultExpiry", { n: type.validity_months });
  return t("staff.documents.expiryRequired");
}

function AttachForm({
  file,
  typeId,
  onClose,
}: {
  file: EmployeeFile;
  typeId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const types = useDocumentTypes();
  const options = useOptions(types.data);
  const { form, showError } = useServerForm(
    {
      type_id: typeId ? String(typeId) : (null as string | null),
      title: "",
      issued_on: null as string | null,
      expires_on: null as string | null,
    },
    { area: "staff" },
  );
  const type = types.data?.find((d) => String(d.id) === form.values.type_id);
  const e = file.employee;
  const attach = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffDocumentsApi.attach(
        e.id,
        {
          type_id: Number(v.type_id ?? 0),
          title: v.title.trim() || null,
          issued_on: v.issued_on || null,
          expires_on: v.expires_on || null,
        },
        t("staff.documents.attachDialogTitle", { name: `${e.last_name} ${e.first_name}` }),
      ),
    onSuccess: (d) => {
      refresh();
      notifications.show({
        color: "green",
        message: t("staff.documents.attached", { title: d.title }),
      });
      onClose();
    },
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (!v.type_id) {
          form.setFieldError("type_id", t("errors.field.required"));
          return;
        }
        attach.mutate(v);
      })}
      data-testid="attach-form"
      noValidate
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t("staff.documents.attachIntro")}
        </Text>
        <Select
          label={t("fields.documents.type_id")}
          withAsterisk
          data={options}
          searchable
          data-autofocus
          data-field="type_id"
          {...form.getInputProps("type_id")}
        />
        <TextInput
          label={t("fields.documents.title")}
          placeholder={t("staff.documents.titlePlaceholder")}
          {...form.getInputProps("title")}
          name="title"
        />
        <Group grow align="flex-start">
          <DateField
            label={t("fields.documents.issued_on")}
            field="issued_on"
            {...form.getInputProps("issued_on")}
          />
          <DateField
            label={t("fields.documents.expires_on")}
            field="expires_on"
            withAsterisk={type?.expires === true && !type.validity_months}
            description={expiryHelp(type, t)}
            inputWrapperOrder={["label", "input", "description", "error"]}
            {...form.getInputProps("expires_on")}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t("staff.documents.allowedFiles")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            loading={attach.isPending}
            leftSection={<IconPaperclip size={16} />}
            data-testid="attach-choose"
          >
            {t("staff.documents.chooseFile")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RenewForm({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const types = useDocumentTypes();
  const type = types.data?.find((d) => d.id === doc.type_id);
  const { form, showError } = useServerForm(
    {
      title: doc.title,
      issued_on: null as string | null,
      expires_on: null as string | null,
    },
    { area: "staff" },
  );
  const renew = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffDocumentsApi.renew(
        doc.id,
        doc.version,
        {
          title: v.title.trim() || null,
          issued_on: v.issued_on || null,
          expires_on: v.expires_on || null,
        },
        t("staff.documents.renewDialogTitle", { title: doc.title }),
      ),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("staff.documents.renewed") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => renew.mutate(v))} data-testid="renew-form" noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("staff.documents.renewIntro")}
        </Text>
        <TextInput
          label={t("fields.documents.title")}
          {...form.getInputProps("title")}
          name="title"
        />
        <Group grow align="flex-start">
          <DateField
            label={t("fields.documents.issued_on")}
            field="issued_on"
            data-autofocus
            {...form.getInputProps("issued_on")}
          />
          <DateField
            label={t("fields.documents.expires_on")}
            field="expires_on"
            withAsterisk={type?.expires === true && !type.validity_months}
            description={expiryHelp(type, t)}
            inputWrapperOrder={["label", "input", "description", "error"]}
            {...form.getInputProps("expires_on")}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            loading={renew.isPending}
            leftSection={<IconRefresh size={16} />}
            data-testid="renew-choose"
          >
            {t("staff.documents.chooseNewFile")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const { form, showError } = useServerForm(
    {
      title: doc.title,
      issued_on: doc.issued_on,
      expires_on: doc.expires_on,
    },
    { area: "staff" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      staffDocumentsApi.update(doc.id, doc.version, {
        title: v.title,
        issued_on: v.issued_on || null,
        expires_on: v.expires_on || null,
      }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("staff.documents.updated") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      data-testid="document-edit-form"
      noValidate
    >
      <Stack>
        <TextInput
          label={t("fields.documents.title")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
        />
        <Group grow align="flex-start">
          <DateField
            label={t("fields.documents.issued_on")}
            field="issued_on"
            {...form.getInputProps("issued_on")}
          />
          <DateField
            label={t("fields.documents.expires_on")}
            field="expires_on"
            {...form.getInputProps("expires_on")}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="document-edit-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteConfirm({ doc, onClose }: { doc: Document; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: () => staffDocumentsApi.remove(doc.id, doc.version),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("staff.documents.deleted") });
      onClose();
    },
    onError: (e) => notifyError(e, t, "staff"),
  });
  return (
    <Stack>
      <Text size="sm">{t("staff.documents.deleteText", { title: doc.title })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          onClick={() => remove.mutate()}
          loading={remove.isPending}
          data-testid="document-delete-confirm"
        >
          {t("staff.documents.delete")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Open and save-a-copy, for every version; renew, edit and delete for the current one. */
function DocumentActions({
  doc,
  current,
  onDialog,
}: {
  doc: Document;
  current: boolean;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan("staff", "write");
  const canExport = useCan("staff", "export");
  const open = useMutation({
    mutationFn: () => staffDocumentsApi.open(doc.id),
    onError: (e) => notifyError(e, t, "staff"),
  });
  const save = useMutation({
    mutationFn: () =>
      staffDocumentsApi.exportCopy(doc.id, doc.file_name, t("staff.documents.saveDialogTitle")),
    onSuccess: (path) =>
      notifications.show({
        color: "green",
        message: t("staff.documents.savedCopy", { path }),
        autoClose: 10000,
      }),
    onError: (e) => notifyError(e, t, "staff"),
  });
  const icon = (
    label: string,
    Icon: typeof IconPencil,
    onClick: () => void,
    testid: string,
    opts: { color?: string; loading?: boolean } = {},
  ) => (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color={opts.color}
        aria-label={label}
        onClick={onClick}
        loading={opts.loading}
        data-testid={testid}
      >
        <Icon size={17} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {icon(t("staff.documents.open"), IconExternalLink, () => open.mutate(), "document-open", {
        loading: open.isPending,
      })}
      {canExport
        ? icon(
            t("staff.documents.saveCopy"),
            IconDownload,
            () => save.mutate(),
            "document-export",
            {
              loading: save.isPending,
            },
          )
        : null}
      {canWrite && current ? (
        <>
          {icon(
            t("staff.documents.renew"),
            IconRefresh,
            () => onDialog({ kind: "renew", doc }),
            "document-renew",
          )}
          {icon(
            t("common.edit"),
            IconPencil,
            () => onDialog({ kind: "edit", doc }),
            "document-edit",
          )}
          {icon(
            t("staff.documents.delete"),
            IconTrash,
            () => onDialog({ kind: "delete", doc }),
            "document-delete",
            {
              color: "red",
            },
          )}
        </>
      ) : null}
    </Group>
  );
}

/** The employee's documents: current versions with their earlier versions beneath. */
export function DocumentsTab({ file, focus }: { file: EmployeeFile; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("staff", "write");
  const { route } = useNav();
  const types = useDocumentTypes();
  const typeName = useNames(types.data);
  const typeOf = useById(types.data);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const byId = new Map(file.documents.map((d) => [d.id, d]));
  const previousOf = new Map<number, Document>();
  for (const d of file.documents) if (d.superseded_by !== null) previousOf.set(d.superseded_by, d);
  const current = file.documents
    .filter((d) => d.superseded_by === null)
    .sort((a, b) =>
      (typeName(a.type_id) ?? "").localeCompare(typeName(b.type_id) ?? "", i18n.language),
    );
  const versions = (d: Document) => {
    const out: Document[] = [];
    for (let p = previousOf.get(d.id); p; p = previousOf.get(p.id)) out.push(p);
    return out;
  };

  // A completeness issue may ask to attach a missing type, renew a document or point at one.
  // Once per navigation: the same document opened again (from the header's search) is a new
  // route object with the same focus, and is highlighted again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per navigation
  useEffect(() => {
    if (!focus) return;
    const [kind, raw] = focus.split(":");
    const id = Number(raw);
    if (kind === "attach" && canWrite) setDialog({ kind: "attach", typeId: id || null });
    const doc = byId.get(id);
    if (kind === "renew" && doc && canWrite) setDialog({ kind: "renew", doc });
    if (kind === "doc" || kind === "renew") {
      const row = document.querySelector<HTMLElement>(
        `[data-testid=document-row][data-id="${id}"]`,
      );
      row?.scrollIntoView({ block: "center" });
      flash(row);
    }
  }, [focus, route]);

  const titles: Record<Dialog["kind"], string> = {
    attach: t("staff.documents.attachTitle"),
    renew: t("staff.documents.renewTitle"),
    edit: t("staff.documents.editTitle"),
    delete: t("staff.documents.deleteTitle"),
  };

  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="xl">
        <Text c="dimmed" size="sm">
          {t("staff.documents.intro")}
        </Text>
        {canWrite ? (
          <Button
            leftSection={<IconPaperclip size={16} />}
            style={{ flexShrink: 0 }}
            onClick={() => setDialog({ kind: "attach", typeId: null })}
            data-testid="document-attach"
          >
            {t("staff.documents.attach")}
          </Button>
        ) : null}
      </Group>
      {current.length === 0 ? (
        <Stack align="center" py="xl" gap="xs" data-testid="documents-empty">
          <IconFileOff size={36} stroke={1.2} color="var(--mantine-color-gray-5)" />
          <Text fw={600}>{t("staff.documents.emptyTitle")}</Text>
          <Text c="dimmed" size="sm" ta="center" maw={440}>
            {canWrite ? t("staff.documents.emptyText") : t("staff.documents.emptyReadOnly")}
          </Text>
        </Stack>
      ) : (
        <Table verticalSpacing="sm" data-testid="documents-table">
          <Table.Thead>
            <Table.Tr style={{ whiteSpace: "nowrap" }}>
              <Table.Th>{t("staff.documents.colType")}</Table.Th>
              <Table.Th>{t("fields.documents.title")}</Table.Th>
              <Table.Th>{t("staff.documents.colIssued")}</Table.Th>
              <Table.Th>{t("staff.documents.colExpires")}</Table.Th>
              <Table.Th>{t("staff.documents.uploaded")}</Table.Th>
              <Table.Th w={190} aria-label={t("common.actions")} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((d) => (
              <Fragment key={d.id}>
                <Table.Tr data-testid="document-row" data-id={d.id} data-title={d.title}>
                  <Table.Td fw={600}>
                    {typeName(d.type_id) ?? t("common.none")}
                    <InactiveMark active={typeOf(d.type_id)?.active} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.title}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      {d.file_name} · {formatSize(d.size, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.issued_on ? formatDate(d.issued_on, i18n.language) : t("common.none")}
                  </Table.Td>
                  <Table.Td data-testid="document-expiry">
                    <ExpiryDate date={d.expires_on} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(d.uploaded_at, i18n.language)}</Text>
                    <Text size="xs" c="dimmed">
                      {d.uploaded_by}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DocumentActions doc={d} current onDialog={setDialog} />
                  </Table.Td>
                </Table.Tr>
                {versions(d).map((old) => (
                  <Table.Tr
                    key={old.id}
                    data-testid="document-version"
                    data-id={old.id}
                    bg="var(--mantine-color-gray-0)"
                  >
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" pl="sm">
                        <IconCornerDownRight size={14} color="var(--mantine-color-gray-6)" />
                        <Text size="xs" c="dimmed">
                          {t("staff.documents.previousVersion")}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {old.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {old.file_name} · {formatSize(old.size, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td c="dimmed">
                      {old.issued_on ? formatDate(old.issued_on, i18n.language) : t("common.none")}
                    </Table.Td>
                    <Table.Td c="dimmed">
                      {old.expires_on
                        ? formatDate(old.expires_on, i18n.language)
                        : t("common.none")}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(old.uploaded_at, i18n.language)} · {old.uploaded_by}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DocumentActions doc={old} current={false} onDialog={setDialog} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? titles[dialog.kind] : ""}
        size={dialog?.kind === "delete" ? "md" : "lg"}
      >
        {dialog?.kind === "attach" ? (
          <AttachForm file={file} typeId={dialog.typeId} onClose={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === "renew" ? (
          <RenewForm doc={dialog.doc} onClose={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === "edit" ? (
          <EditForm doc={dialog.doc} onClose={() => setDialog(null)} />
        ) : null}
        {dialog?.kind === "delete" ? (
          <DeleteConfirm doc={dialog.doc} onClose={() => setDialog(null)} />
        ) : null}
      </Modal>
    </Card>
  );
}
