import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconFileUpload, IconLink, IconPaperclip, IconRefresh, IconX } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentsApi } from "../../api/attachments";
import { auditKeys, auditsApi } from "../../api/audits";
import type { ItemResult } from "../../bindings/ItemResult";
import { formatDate } from "../../i18n/format";
import { notifyError, useServerForm } from "../../lib/useServerForm";
import { DateField } from "../staff/parts";
import { EmployeePicker } from "./parts";
import "./i18n";

type Props = { auditId: number; item: ItemResult; canLink: boolean };

/** The evidence linked to one item: the file version each link was made with. */
export function EvidencePanel({ auditId, item, canLink }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [attaching, setAttaching] = useState(false);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const refresh = () => qc.invalidateQueries({ queryKey: auditKeys.all });
  const found = useQuery({
    queryKey: auditKeys.evidence({ search: debounced || null, page: { offset: 0, limit: 20 } }),
    queryFn: () =>
      auditsApi.evidence({ search: debounced || null, page: { offset: 0, limit: 20 } }),
    placeholderData: keepPreviousData,
    enabled: canLink,
  });
  const link = useMutation({
    mutationFn: (evidenceId: number) => auditsApi.linkEvidence(auditId, item.item_id, evidenceId),
    onSuccess: () => {
      setSearch("");
      refresh();
    },
    onError: (e) => notifyError(e, t, "audits"),
  });
  // A new version of the evidence's file: the kit's renewal (the old one stays as an earlier
  // version). Links made before keep the version they were made with; new links take this one.
  const renew = useMutation({
    mutationFn: async (evidenceId: number) => {
      const files = await attachmentsApi.list("evidence", evidenceId);
      const current = files.find((f) => f.superseded_by === null);
      if (!current) throw new Error("no file");
      return attachmentsApi.renew(
        current.id,
        current.version,
        { title: null, issued_on: null, expires_on: null },
        t("audits.renewTitle"),
      );
    },
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: t("audits.renewed") });
    },
    onError: (e) => notifyError(e, t, "audits"),
  });
  const unlink = useMutation({
    mutationFn: (linkId: number) => auditsApi.unlinkEvidence(linkId),
    onSuccess: refresh,
    onError: (e) => notifyError(e, t, "audits"),
  });
  return (
    <Stack gap="xs" data-testid="item-evidence">
      <Text fw={600} size="sm">
        {t("audits.evidence")}
      </Text>
      {item.evidence.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("audits.noEvidence")}
        </Text>
      )}
      {item.evidence.map((e) => (
        <Group
          key={e.link_id}
          gap="xs"
          wrap="nowrap"
          data-testid="evidence-link"
          data-title={e.title}
        >
          <IconPaperclip size={16} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={500} truncate>
              {e.title}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {e.file_name} · SHA-256 {e.sha256.slice(0, 12)}…
              {e.effective_on ? ` · ${formatDate(e.effective_on, i18n.language)}` : ""}
              {e.expires_on ? ` → ${formatDate(e.expires_on, i18n.language)}` : ""}
            </Text>
          </div>
          {canLink && (
            <Tooltip label={t("audits.renew")}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => renew.mutate(e.evidence_id)}
                aria-label={t("audits.renew")}
                data-testid="evidence-renew"
              >
                <IconRefresh size={14} />
              </ActionIcon>
            </Tooltip>
          )}
          {canLink && (
            <Tooltip label={t("audits.unlink")}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => unlink.mutate(e.link_id)}
                aria-label={t("audits.unlink")}
              >
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ))}
      {canLink && (
        <Group gap="xs" align="flex-end">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFileUpload size={14} />}
            onClick={() => setAttaching(true)}
            data-testid="evidence-attach"
          >
            {t("audits.attachEvidence")}
          </Button>
          <Select
            size="xs"
            w={260}
            leftSection={<IconLink size={14} />}
            placeholder={t("audits.linkPlaceholder")}
            aria-label={t("audits.linkEvidence")}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={(found.data?.items ?? [])
              .filter(
                (e) => e.file_id !== null && !item.evidence.some((l) => l.evidence_id === e.id),
              )
              .map((e) => ({ value: String(e.id), label: e.title }))}
            value={null}
            onChange={(v) => v && link.mutate(Number(v))}
            nothingFoundMessage={t("audits.nothingFound")}
            data-testid="evidence-link-existing"
          />
        </Group>
      )}
      <Modal
        opened={attaching}
        onClose={() => setAttaching(false)}
        title={t("audits.evidenceDialog", { code: item.code })}
      >
        {attaching && (
          <AttachForm auditId={auditId} item={item} onClose={() => setAttaching(false)} />
        )}
      </Modal>
    </Stack>
  );
}

/** A new evidence record, its file through the open dialog, and its link to the item. */
function AttachForm({
  auditId,
  item,
  onClose,
}: {
  auditId: number;
  item: ItemResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      title: "",
      effective_on: null as string | null,
      expires_on: null as string | null,
      owner_employee_id: null as string | null,
    },
    { area: "audits" },
  );
  const save = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const ev = await auditsApi.createEvidence({
        title: v.title,
        owner_employee_id: v.owner_employee_id ? Number(v.owner_employee_id) : null,
        notes: null,
      });
      await attachmentsApi.attach(
        "evidence",
        ev.id,
        { type_id: null, title: v.title, issued_on: v.effective_on, expires_on: v.expires_on },
        t("audits.evidenceDialog", { code: item.code }),
      );
      return auditsApi.linkEvidence(auditId, item.item_id, ev.id);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t("audits.evidenceAdded") });
      onClose();
    },
    onError: (e) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      showError(e);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="evidence-form">
      <Stack>
        <TextInput
          label={t("audits.evidenceTitle")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
        />
        <Group grow align="flex-start">
          <DateField
            field="effective_on"
            label={t("audits.effectiveOn")}
            {...form.getInputProps("effective_on")}
          />
          <DateField
            field="expires_on"
            label={t("audits.expiresOn")}
            {...form.getInputProps("expires_on")}
          />
        </Group>
        <EmployeePicker
          label={t("audits.evidenceOwner")}
          currentLabel={null}
          {...form.getInputProps("owner_employee_id")}
          value={form.values.owner_employee_id}
          onChange={(v) => form.setFieldValue("owner_employee_id", v)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconFileUpload size={16} />}
            data-testid="evidence-choose"
          >
            {t("audits.chooseFile")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
