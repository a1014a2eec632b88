import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import { useSession } from "../../app/session";
import type { Audit } from "../../bindings/Audit";
import type { Recurrence } from "../../bindings/Recurrence";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { AssetMultiPicker } from "../assets/AssetPickers";
import { SupplierMultiPicker } from "../purchasing/SupplierPickers";
import { useAllDepartments } from "../staff/catalog";
import { EmployeeMultiPicker } from "../staff/EmployeeMultiPicker";
import { DateField } from "../staff/parts";
import "./i18n";

type Props = { opened: boolean; audit: Audit | null; onClose: () => void };

const RECURRENCES: Recurrence[] = ["none", "quarterly", "half_yearly", "yearly"];

function AuditForm({ audit, onClose }: { audit: Audit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const { session } = useSession();
  const templates = useQuery({
    queryKey: auditKeys.templates(null, false),
    queryFn: () => auditsApi.templates(null, false, { offset: 0, limit: 200 }),
  });
  const leads = useQuery({ queryKey: auditKeys.leads(), queryFn: auditsApi.leads });
  const departments = useAllDepartments();
  const { form, showError } = useServerForm(
    {
      title: audit?.title ?? "",
      template_id: audit ? String(audit.template_id) : "",
      lead_user_id: String(audit?.lead_user_id ?? session.user.id),
      planned_start: (audit?.planned_start ?? null) as string | null,
      planned_end: (audit?.planned_end ?? null) as string | null,
      recurrence: (audit?.recurrence ?? "none") as Recurrence,
      department_ids: (audit?.departments ?? []).map((d) => String(d.id)),
      auditees: (audit?.auditees ?? []).map((a) => ({ value: String(a.id), label: a.name })),
      assets: (audit?.assets ?? []).map((a) => ({ value: String(a.id), label: a.name })),
      suppliers: (audit?.suppliers ?? []).map((s) => ({ value: String(s.id), label: s.name })),
      scope_note: audit?.scope_note ?? "",
    },
    { area: "audits" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        title: v.title,
        template_id: Number(v.template_id) || 0,
        scope_note: orNull(v.scope_note),
        lead_user_id: v.lead_user_id ? Number(v.lead_user_id) : null,
        planned_start: v.planned_start || null,
        planned_end: v.planned_end || null,
        recurrence: v.recurrence,
        department_ids: v.department_ids.map(Number),
        auditee_ids: v.auditees.map((a) => Number(a.value)),
        asset_ids: v.assets.map((a) => Number(a.value)),
        supplier_ids: v.suppliers.map((s) => Number(s.value)),
      };
      return audit ? auditsApi.update(audit.id, audit.version, input) : auditsApi.create(input);
    },
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({
        color: "green",
        message: t(audit ? "audits.updated" : "audits.created"),
      });
      onClose();
      if (!audit) go({ page: "audit", id: a.id, tab: "details" });
    },
    onError: showError,
  });
  const started = audit !== null && audit.status !== "planned";
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="audit-form">
      <Stack>
        <TextInput
          label={t("audits.fields.title")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
        />
        <Select
          label={t("audits.fields.template")}
          withAsterisk
          searchable
          disabled={started}
          data={(templates.data?.items ?? []).map((tpl) => ({
            value: String(tpl.id),
            label: t("audits.templateVersion", { name: tpl.name, n: tpl.current_number }),
          }))}
          {...form.getInputProps("template_id")}
          data-testid="audit-template"
        />
        <Select
          label={t("audits.fields.lead")}
          withAsterisk
          data={(leads.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          {...form.getInputProps("lead_user_id")}
          data-testid="audit-lead"
        />
        <Group grow align="flex-start">
          <DateField
            field="planned_start"
            label={t("audits.fields.planned_start")}
            withAsterisk
            {...form.getInputProps("planned_start")}
          />
          <DateField
            field="planned_end"
            label={t("audits.fields.planned_end")}
            withAsterisk
            {...form.getInputProps("planned_end")}
          />
          <Select
            label={t("audits.fields.recurrence")}
            data={RECURRENCES.map((r) => ({ value: r, label: t(`audits.recurrence.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps("recurrence")}
            data-testid="audit-recurrence"
          />
        </Group>
        <MultiSelect
          label={t("audits.fields.departments")}
          searchable
          data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          {...form.getInputProps("department_ids")}
          data-testid="audit-departments"
        />
        <EmployeeMultiPicker
          label={t("audits.fields.auditees")}
          value={form.values.auditees}
          onChange={(v) => form.setFieldValue("auditees", v)}
          error={form.errors.auditee_ids}
          data-testid="audit-auditees"
        />
        <AssetMultiPicker
          label={t("audits.fields.assets")}
          value={form.values.assets}
          onChange={(v) => form.setFieldValue("assets", v)}
          error={form.errors.asset_ids}
          data-testid="audit-assets"
        />
        <SupplierMultiPicker
          label={t("audits.fields.suppliers")}
          value={form.values.suppliers}
          onChange={(v) => form.setFieldValue("suppliers", v)}
          error={form.errors.supplier_ids}
          data-testid="audit-suppliers"
        />
        <Textarea
          label={t("audits.fields.scope_note")}
          autosize
          minRows={2}
          {...form.getInputProps("scope_note")}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="audit-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AuditFormModal({ opened, audit, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(audit ? "audits.editTitle" : "audits.newTitle")}
      size="lg"
    >
      {opened && <AuditForm audit={audit} onClose={onClose} />}
    </Modal>
  );
}
