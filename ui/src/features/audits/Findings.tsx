import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconPencil, IconPlus, IconRotate, IconShieldCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import type { AuditDetail } from "../../bindings/AuditDetail";
import type { CapaAction } from "../../bindings/CapaAction";
import type { Finding } from "../../bindings/Finding";
import { formatDate } from "../../i18n/format";
import { notifyError, orNull, useServerForm } from "../../lib/useServerForm";
import { DateField } from "../staff/parts";
import { FindingModal } from "./FindingModal";
import { ActionStatusBadge, EmployeePicker, FindingStatusBadge, SeverityBadge } from "./parts";
import "./i18n";

type Dialog =
  | { kind: "finding"; finding: Finding | null }
  | { kind: "action"; finding: Finding; action: CapaAction | null }
  | { kind: "done"; action: CapaAction }
  | { kind: "verify"; action: CapaAction };

/** An audit's findings, each with its corrective actions and their steps. */
export function FindingsTab({ d, focus }: { d: AuditDetail; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const findings = useQuery({
    queryKey: auditKeys.findingsOf(d.audit.id),
    queryFn: () => auditsApi.findingsOf(d.audit.id),
  });
  // Scrolls once the findings are there: the data is the trigger, not a value read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (focus?.startsWith("finding:")) {
      document
        .querySelector(`[data-finding-id="${focus.slice(8)}"]`)
        ?.scrollIntoView({ block: "center" });
    }
  }, [focus, findings.data]);
  const open = d.audit.status !== "closed";
  return (
    <Stack>
      {d.can_write && open && d.audit.status !== "planned" && (
        <Group>
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setDialog({ kind: "finding", finding: null })}
            data-testid="finding-new"
          >
            {t("findings.newTitle")}
          </Button>
        </Group>
      )}
      {(findings.data ?? []).length === 0 && (
        <Text c="dimmed" data-testid="findings-empty">
          {t("findings.emptyAudit")}
        </Text>
      )}
      {(findings.data ?? []).map((f) => (
        <Card
          key={f.id}
          withBorder
          data-testid="finding"
          data-finding-id={f.id}
          data-status={f.status}
        >
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Text c="dimmed" size="sm">
                  {t("findings.number", { n: f.number })}
                  {f.item_code ? ` · ${f.item_code}` : ""}
                </Text>
                <SeverityBadge severity={f.severity} />
                <FindingStatusBadge status={f.status} />
              </Group>
              <Title order={5} mt={4}>
                {f.title}
              </Title>
            </div>
            {d.can_write && open && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPencil size={14} />}
                onClick={() => setDialog({ kind: "finding", finding: f })}
              >
                {t("common.edit")}
              </Button>
            )}
          </Group>
          {f.description && (
            <Text size="sm" mt="xs" style={{ whiteSpace: "pre-line" }}>
              {f.description}
            </Text>
          )}
          {f.subject_name && (
            <Text size="sm" mt="xs" data-testid="finding-subject">
              <b>{t("findings.fields.about")}:</b> {f.subject_name}
            </Text>
          )}
          {f.root_cause && (
            <Text size="sm" mt="xs">
              <b>{t("findings.fields.root_cause")}:</b> {f.root_cause}
            </Text>
          )}
          {f.whys.length > 0 && (
            <Stack gap={0} mt={4}>
              {f.whys.map((w, n) => (
                <Text key={w} size="xs" c="dimmed">
                  {t("findings.fields.why", { n: n + 1 })} {w}
                </Text>
              ))}
            </Stack>
          )}
          <Stack gap="xs" mt="sm">
            {f.actions.map((x) => (
              <ActionRowView
                key={x.id}
                x={x}
                canWrite={d.can_write}
                onDone={() => setDialog({ kind: "done", action: x })}
                onVerify={() => setDialog({ kind: "verify", action: x })}
                onEdit={() => setDialog({ kind: "action", finding: f, action: x })}
              />
            ))}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {f.status === "closed" && f.closed_on
                  ? t("findings.closedOn", { date: formatDate(f.closed_on, i18n.language) })
                  : t("findings.closesWhen")}
              </Text>
              {d.can_write && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setDialog({ kind: "action", finding: f, action: null })}
                  data-testid="action-add"
                >
                  {t("capa.add")}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
      <FindingModal
        opened={dialog?.kind === "finding"}
        auditId={d.audit.id}
        item={null}
        finding={dialog?.kind === "finding" ? dialog.finding : null}
        onClose={() => setDialog(null)}
      />
      <Modal
        opened={dialog?.kind === "action"}
        onClose={() => setDialog(null)}
        title={t(dialog?.kind === "action" && dialog.action ? "capa.editTitle" : "capa.addTitle")}
        size="lg"
      >
        {dialog?.kind === "action" && (
          <ActionForm
            finding={dialog.finding}
            action={dialog.action}
            onClose={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal
        opened={dialog?.kind === "done" || dialog?.kind === "verify"}
        onClose={() => setDialog(null)}
        title={t(dialog?.kind === "verify" ? "capa.verifyTitle" : "capa.completeTitle")}
      >
        {(dialog?.kind === "done" || dialog?.kind === "verify") && (
          <StepForm kind={dialog.kind} action={dialog.action} onClose={() => setDialog(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function ActionRowView({
  x,
  canWrite,
  onDone,
  onVerify,
  onEdit,
}: {
  x: CapaAction;
  canWrite: boolean;
  onDone: () => void;
  onVerify: () => void;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const reopen = useMutation({
    mutationFn: () => auditsApi.reopenAction(x.id, x.version),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ message: t("capa.reopened") });
    },
    onError: (e) => notifyError(e, t, "audits"),
  });
  const lang = i18n.language;
  return (
    <Card
      withBorder
      p="xs"
      bg="var(--mantine-color-gray-0)"
      data-testid="capa-action"
      data-status={x.status}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {x.description}
          </Text>
          <Text size="xs" c="dimmed">
            {x.owner_name} · {t("capa.fields.due_on")} {formatDate(x.due_on, lang)}
            {x.done_on ? ` · ${t("capa.doneBy", { date: formatDate(x.done_on, lang) })}` : ""}
            {x.verified_on
              ? ` · ${t("capa.verifiedBy", { who: x.verified_by_name ?? "", date: formatDate(x.verified_on, lang) })}`
              : ""}
          </Text>
          {x.effectiveness && (
            <Text size="xs" mt={2}>
              {t("capa.fields.effectiveness")}: {x.effectiveness}
            </Text>
          )}
        </div>
        <Group gap={6} wrap="nowrap">
          <ActionStatusBadge status={x.status} />
          {x.status === "open" && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconCheck size={12} />}
              onClick={onDone}
              data-testid="action-complete"
            >
              {t("capa.complete")}
            </Button>
          )}
          {x.status === "done" && canWrite && (
            <>
              <Button
                size="compact-xs"
                color="green"
                leftSection={<IconShieldCheck size={12} />}
                onClick={onVerify}
                data-testid="action-verify"
              >
                {t("capa.verify")}
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<IconRotate size={12} />}
                onClick={() => reopen.mutate()}
              >
                {t("capa.reopen")}
              </Button>
            </>
          )}
          {x.status !== "verified" && canWrite && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={onEdit}
              aria-label={t("common.edit")}
            >
              <IconPencil size={12} />
            </Button>
          )}
        </Group>
      </Group>
      {x.status === "verified" && (
        <Badge mt={4} size="xs" color="green" variant="outline">
          {t("capa.status.verified")}
        </Badge>
      )}
    </Card>
  );
}

function ActionForm({
  finding,
  action,
  onClose,
}: {
  finding: Finding;
  action: CapaAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    {
      description: action?.description ?? "",
      owner_employee_id: action ? String(action.owner_employee_id) : (null as string | null),
      due_on: (action?.due_on ?? null) as string | null,
    },
    { area: "capa" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        description: v.description,
        owner_employee_id: v.owner_employee_id ? Number(v.owner_employee_id) : null,
        due_on: v.due_on,
        subject: action?.subject ?? null,
      };
      return action
        ? auditsApi.updateAction(action.id, action.version, input)
        : auditsApi.addAction(finding.id, input);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t(action ? "capa.saved" : "capa.added") });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="action-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t("findings.number", { n: finding.number })} · {finding.title}
        </Text>
        <Textarea
          label={t("capa.fields.description")}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("description")}
          data-testid="action-description"
        />
        <Group grow align="flex-start">
          <EmployeePicker
            label={t("capa.fields.owner")}
            withAsterisk
            currentLabel={action?.owner_name ?? null}
            {...form.getInputProps("owner_employee_id")}
            value={form.values.owner_employee_id}
            onChange={(v) => form.setFieldValue("owner_employee_id", v)}
            data-testid="action-owner"
          />
          <DateField
            field="due_on"
            label={t("capa.fields.due_on")}
            withAsterisk
            {...form.getInputProps("due_on")}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="action-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StepForm({
  kind,
  action,
  onClose,
}: {
  kind: "done" | "verify";
  action: CapaAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    { on: null as string | null, text: "" },
    {
      area: "capa",
      alias: {
        note: "text",
        effectiveness: "text",
        done_on: "on",
        verified_on: "on",
        verified_by: "text",
      },
    },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      kind === "done"
        ? auditsApi.completeAction(action.id, action.version, {
            done_on: v.on,
            note: orNull(v.text),
          })
        : auditsApi.verifyAction(action.id, action.version, {
            verified_on: v.on,
            effectiveness: v.text,
          }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({
        color: "green",
        message: t(kind === "done" ? "capa.completed" : "capa.verified"),
      });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="step-form">
      <Stack>
        {kind === "verify" && (
          <Text size="sm" c="dimmed">
            {t("capa.verifyText")}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {action.description}
        </Text>
        <DateField
          field="on"
          label={t(kind === "done" ? "capa.fields.done_on" : "capa.fields.verified_on")}
          {...form.getInputProps("on")}
        />
        <Textarea
          label={t(kind === "done" ? "capa.fields.note" : "capa.fields.effectiveness")}
          withAsterisk={kind === "verify"}
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps("text")}
          data-testid="step-text"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="step-save">
            {t(kind === "done" ? "capa.complete" : "capa.verify")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
