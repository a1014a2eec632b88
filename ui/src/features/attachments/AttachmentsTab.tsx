import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { Fragment, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentKeys, attachmentsApi } from "../../api/attachments";
import { toApiError } from "../../api/invoke";
import { useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Area } from "../../bindings/Area";
import type { Attachment } from "../../bindings/Attachment";
import { TABLES } from "../../bindings/tables";
import { formatDate, formatDateTime } from "../../i18n/format";
import { notifyError } from "../../lib/useServerForm";
import { formatSize } from "../staff/format";
import { flash } from "../staff/highlight";
import { ExpiryDate } from "../staff/parts";
import { AREA, AttachForm, DeleteConfirm, EditForm, RenewForm } from "./AttachmentForms";
import type { AttachmentsOptions, Owner } from "./options";
import "./i18n";

type Dialog =
  | { kind: "attach"; kindId: number | null }
  | { kind: "renew"; file: Attachment }
  | { kind: "edit"; file: Attachment }
  | { kind: "delete"; file: Attachment };

/** A failed open or save: a stored copy that no longer matches its fingerprint says so. */
function notifyReadError(e: unknown, t: TFunction) {
  const err = toApiError(e);
  if (err.code === "db_corrupt" && err.params.reason === "checksum_mismatch") {
    notifications.show({
      color: "red",
      message: t("attachments.damaged", { title: err.params.title ?? "" }),
      autoClose: false,
    });
    return;
  }
  notifyError(err, t, AREA);
}

/** Open and save-a-copy for every version; renew, edit and delete for the current one. */
function FileActions({
  file,
  current,
  area,
  onDialog,
}: {
  file: Attachment;
  current: boolean;
  area: Area;
  onDialog: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan(area, "write");
  const canExport = useCan(area, "export");
  const open = useMutation({
    mutationFn: () => attachmentsApi.open(file.id),
    onError: (e) => notifyReadError(e, t),
  });
  const save = useMutation({
    mutationFn: () =>
      attachmentsApi.exportCopy(file.id, file.file_name, t("attachments.saveDialogTitle")),
    onSuccess: (path) =>
      notifications.show({
        color: "green",
        message: t("attachments.savedCopy", { path }),
        autoClose: 10000,
      }),
    onError: (e) => notifyReadError(e, t),
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
      {icon(t("attachments.open"), IconExternalLink, () => open.mutate(), "attachment-open", {
        loading: open.isPending,
      })}
      {canExport
        ? icon(t("attachments.saveCopy"), IconDownload, () => save.mutate(), "attachment-export", {
            loading: save.isPending,
          })
        : null}
      {canWrite && current ? (
        <>
          {icon(
            t("attachments.renew"),
            IconRefresh,
            () => onDialog({ kind: "renew", file }),
            "attachment-renew",
          )}
          {icon(
            t("common.edit"),
            IconPencil,
            () => onDialog({ kind: "edit", file }),
            "attachment-edit",
          )}
          {icon(
            t("attachments.delete"),
            IconTrash,
            () => onDialog({ kind: "delete", file }),
            "attachment-delete",
            { color: "red" },
          )}
        </>
      ) : null}
    </Group>
  );
}

/** The file's title, its original name and size. */
function TitleCell({
  file,
  dimmed,
  before,
}: {
  file: Attachment;
  dimmed?: boolean;
  before?: ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <Table.Td>
      {before}
      <Text size="sm" c={dimmed ? "dimmed" : undefined}>
        {file.title}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {file.file_name} · {formatSize(file.size, i18n.language)}
      </Text>
    </Table.Td>
  );
}

/** One current file, with its earlier versions beneath it. */
function FileRows({
  file,
  earlier,
  owner,
  area,
  onDialog,
}: {
  file: Attachment;
  earlier: Attachment[];
  owner: Owner;
  area: Area;
  onDialog: (d: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const kind = owner.kinds?.list.find((k) => k.id === file.type_id);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : t("common.none"));
  const marker = (
    <Group gap={4} wrap="nowrap" pl="sm">
      <IconCornerDownRight size={14} color="var(--mantine-color-gray-6)" />
      <Text size="xs" c="dimmed">
        {t("attachments.previousVersion")}
      </Text>
    </Group>
  );
  return (
    <Fragment>
      <Table.Tr data-testid="attachment-row" data-id={file.id} data-title={file.title}>
        {owner.kinds ? (
          <Table.Td fw={600}>
            {kind?.name ?? t("common.none")}
            {kind && !kind.active ? (
              <Badge size="xs" color="gray" variant="light" ml={6} data-testid="inactive-mark">
                {t("attachments.inactive")}
              </Badge>
            ) : null}
          </Table.Td>
        ) : null}
        <TitleCell file={file} />
        <Table.Td>{date(file.issued_on)}</Table.Td>
        <Table.Td data-testid="attachment-expiry">
          <ExpiryDate date={file.expires_on} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatDateTime(file.uploaded_at, i18n.language)}</Text>
          <Text size="xs" c="dimmed">
            {file.uploaded_by}
          </Text>
        </Table.Td>
        <Table.Td>
          <FileActions file={file} current area={area} onDialog={onDialog} />
        </Table.Td>
      </Table.Tr>
      {earlier.map((old) => (
        <Table.Tr
          key={old.id}
          data-testid="attachment-version"
          data-id={old.id}
          bg="var(--mantine-color-gray-0)"
        >
          {owner.kinds ? (
            <>
              <Table.Td>{marker}</Table.Td>
              <TitleCell file={old} dimmed />
            </>
          ) : (
            <TitleCell file={old} dimmed before={marker} />
          )}
          <Table.Td c="dimmed">{date(old.issued_on)}</Table.Td>
          <Table.Td c="dimmed">{date(old.expires_on)}</Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed">
              {formatDateTime(old.uploaded_at, i18n.language)} · {old.uploaded_by}
            </Text>
          </Table.Td>
          <Table.Td>
            <FileActions file={old} current={false} area={area} onDialog={onDialog} />
          </Table.Td>
        </Table.Tr>
      ))}
    </Fragment>
  );
}

/** Current files first (by kind, then title), each with the versions it renewed, newest first. */
function arrange(files: Attachment[], owner: Owner, language: string) {
  const previousOf = new Map<number, Attachment>();
  for (const f of files) if (f.superseded_by !== null) previousOf.set(f.superseded_by, f);
  const kindName = (f: Attachment) => owner.kinds?.list.find((k) => k.id === f.type_id)?.name ?? "";
  const current = files
    .filter((f) => f.superseded_by === null)
    .sort(
      (a, b) =>
        kindName(a).localeCompare(kindName(b), language) ||
        a.title.localeCompare(b.title, language),
    );
  return current.map((file) => {
    const earlier: Attachment[] = [];
    for (let p = previousOf.get(file.id); p; p = previousOf.get(p.id)) earlier.push(p);
    return { file, earlier };
  });
}

/**
 * The files attached to one record of any area: current versions with their earlier versions
 * beneath, attach, renew, correct, delete, open and save a copy. Who may do what follows the
 * area of the record's table (from the generated table declarations).
 */
export function AttachmentsTab({
  entity,
  recordId,
  options,
}: {
  entity: string;
  recordId: number;
  options: AttachmentsOptions;
}) {
  const { t, i18n } = useTranslation();
  const area = (TABLES[entity]?.area ?? "settings") as Area;
  const canWrite = useCan(area, "write") && TABLES[entity]?.area != null;
  const { route } = useNav();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const owner: Owner = { ...options, entity, recordId };
  const list = useQuery({
    queryKey: attachmentKeys.list(entity, recordId),
    queryFn: () => attachmentsApi.list(entity, recordId),
  });
  const files = list.data ?? [];
  /** After any change the files and whatever the area derives from them are read again. */
  const refresh = () => {
    qc.invalidateQueries({ queryKey: attachmentKeys.list(entity, recordId) });
    for (const key of options.invalidate ?? []) qc.invalidateQueries({ queryKey: key });
  };

  // A navigation may ask to attach a missing kind, renew a file or point at one. Once per
  // navigation (and once the files are here): the same file opened again from the header's
  // search is a new route object with the same focus, and is highlighted again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per navigation and load
  useEffect(() => {
    const focus = options.focus;
    if (!focus || !list.data) return;
    const [kind, raw] = focus.split(":");
    const id = Number(raw);
    if (kind === "attach" && canWrite) setDialog({ kind: "attach", kindId: id || null });
    const file = files.find((f) => f.id === id);
    if (kind === "renew" && file && canWrite) setDialog({ kind: "renew", file });
    if (kind === "doc" || kind === "file" || kind === "renew") {
      const row = document.querySelector<HTMLElement>(
        `[data-testid=attachment-row][data-id="${id}"]`,
      );
      row?.scrollIntoView({ block: "center" });
      flash(row);
    }
  }, [options.focus, route, list.data !== undefined]);

  const texts = options.texts ?? {};
  const titles: Record<Dialog["kind"], string> = {
    attach: texts.attachTitle ?? t("attachments.attachTitle"),
    renew: t("attachments.renewTitle"),
    edit: t("attachments.editTitle"),
    delete: t("attachments.deleteTitle"),
  };
  const close = () => setDialog(null);
  const rows = arrange(files, owner, i18n.language);
  return (
    <Card>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="xl">
        <Text c="dimmed" size="sm">
          {texts.intro ?? t("attachments.intro")}
        </Text>
        {canWrite ? (
          <Button
            leftSection={<IconPaperclip size={16} />}
            style={{ flexShrink: 0 }}
            onClick={() => setDialog({ kind: "attach", kindId: null })}
            data-testid="attachment-attach"
          >
            {texts.attach ?? t("attachments.attach")}
          </Button>
        ) : null}
      </Group>
      <QueryState query={list}>
        {() =>
          rows.length === 0 ? (
            <Stack align="center" py="xl" gap="xs" data-testid="attachments-empty">
              <IconFileOff size={36} stroke={1.2} color="var(--mantine-color-gray-5)" />
              <Text fw={600}>{texts.emptyTitle ?? t("attachments.emptyTitle")}</Text>
              <Text c="dimmed" size="sm" ta="center" maw={440}>
                {canWrite
                  ? (texts.emptyText ?? t("attachments.emptyText"))
                  : (texts.emptyReadOnly ?? t("attachments.emptyReadOnly"))}
              </Text>
            </Stack>
          ) : (
            <Table verticalSpacing="sm" data-testid="attachments-table">
              <Table.Thead>
                <Table.Tr style={{ whiteSpace: "nowrap" }}>
                  {owner.kinds ? <Table.Th>{t("attachments.colKind")}</Table.Th> : null}
                  <Table.Th>{t("attachments.colTitle")}</Table.Th>
                  <Table.Th>{t("attachments.colIssued")}</Table.Th>
                  <Table.Th>{t("attachments.colExpires")}</Table.Th>
                  <Table.Th>{t("attachments.colUploaded")}</Table.Th>
                  <Table.Th w={190} aria-label={t("common.actions")} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ file, earlier }) => (
                  <FileRows
                    key={file.id}
                    file={file}
                    earlier={earlier}
                    owner={owner}
                    area={area}
                    onDialog={setDialog}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? titles[dialog.kind] : ""}
        size={dialog?.kind === "delete" ? "md" : "lg"}
      >
        {dialog?.kind === "attach" ? (
          <AttachForm owner={owner} kindId={dialog.kindId} onDone={refresh} onClose={close} />
        ) : null}
        {dialog?.kind === "renew" ? (
          <RenewForm owner={owner} file={dialog.file} onDone={refresh} onClose={close} />
        ) : null}
        {dialog?.kind === "edit" ? (
          <EditForm file={dialog.file} onDone={refresh} onClose={close} />
        ) : null}
        {dialog?.kind === "delete" ? (
          <DeleteConfirm file={dialog.file} onDone={refresh} onClose={close} />
        ) : null}
      </Modal>
    </Card>
  );
}
