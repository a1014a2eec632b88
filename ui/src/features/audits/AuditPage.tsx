import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconChartBar,
  IconChecklist,
  IconFiles,
  IconLock,
  IconPencil,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { type Route, useNav } from "../../app/nav";
import { QueryState } from "../../app/QueryState";
import type { AuditDetail } from "../../bindings/AuditDetail";
import type { Transition } from "../../bindings/Transition";
import { formatDate, formatDateTime } from "../../i18n/format";
import { BackLink, RecordPage } from "../../kit/RecordPage";
import { notifyError } from "../../lib/useServerForm";
import { AttachmentsTab } from "../attachments/AttachmentsTab";
import { AuditFormModal } from "./AuditFormModal";
import { Checklist } from "./Checklist";
import { FindingsTab } from "./Findings";
import { AuditOutputs } from "./PackButtons";
import { AuditStatusBadge, ScoreFigure } from "./parts";
import { AuditOverview } from "./Scores";
import "./i18n";

/** The moves offered from each status (Rust refuses any other). */
const MOVES: Record<string, Transition[]> = {
  planned: ["start"],
  in_progress: ["submit_for_review"],
  in_review: ["send_back", "close"],
  closed: ["reopen"],
};

function AuditView({ d, focus }: { d: AuditDetail; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const a = d.audit;
  const [editing, setEditing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const move = useMutation({
    mutationFn: (v: { transition: Transition; reason: string | null }) =>
      auditsApi.move(a.id, a.version, v.transition, v.reason),
    onSuccess: (_, v) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({ color: "green", message: t(`audits.moved.${v.transition}`) });
      setReopening(false);
    },
    onError: (e) => notifyError(e, t, "audits"),
  });
  const moves = (MOVES[a.status] ?? []).filter((m) =>
    m === "reopen" ? d.can_reopen : d.can_write,
  );
  const openFindings = d.items.reduce(
    (n, i) => n + i.findings.filter((f) => f.status === "open").length,
    0,
  );
  const focusItem = focus?.startsWith("item:") ? Number(focus.slice(5)) : null;
  return (
    <RecordPage
      title={a.title}
      status={<AuditStatusBadge status={a.status} />}
      leading={<ScoreFigure score={a.score} />}
      facts={[
        t("audits.templateVersion", { name: a.template_name, n: a.template_number }),
        a.lead_name,
        `${formatDate(a.planned_start, i18n.language)} – ${formatDate(a.planned_end, i18n.language)}`,
        a.recurrence !== "none" && t(`audits.recurrence.${a.recurrence}`),
      ]}
      actions={
        <Group gap="xs">
          <AuditOutputs auditId={a.id} />
          {d.can_write && a.status !== "closed" && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="audit-edit"
            >
              {t("common.edit")}
            </Button>
          )}
          {moves.map((m) => (
            <Button
              key={m}
              variant={m === "send_back" || m === "reopen" ? "default" : "filled"}
              color={m === "close" ? "green" : undefined}
              loading={move.isPending && move.variables?.transition === m}
              onClick={() =>
                m === "reopen" ? setReopening(true) : move.mutate({ transition: m, reason: null })
              }
              data-testid={`audit-move-${m}`}
            >
              {t(`audits.move.${m}`)}
            </Button>
          ))}
        </Group>
      }
      notice={
        a.status === "closed" && a.closed_at ? (
          <Alert
            icon={<IconLock size={16} />}
            color="green"
            variant="light"
            data-testid="audit-closed-notice"
          >
            {t("audits.closedNotice", { date: formatDateTime(a.closed_at, i18n.language) })}
          </Alert>
        ) : a.reopen_reason ? (
          <Alert icon={<IconAlertTriangle size={16} />} color="yellow" variant="light">
            {t("audits.reopenedNotice", { reason: a.reopen_reason })}
          </Alert>
        ) : !d.can_write ? (
          <Text size="sm" c="dimmed">
            {t("audits.readOnly")}
          </Text>
        ) : null
      }
      details={{
        key: "details",
        label: t("audits.tabs.details"),
        icon: IconChartBar,
        render: () => <AuditOverview d={d} />,
      }}
      attachments={{
        key: "files",
        label: t("audits.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab
            entity="audits"
            recordId={a.id}
            options={{ name: a.title, focus: null }}
          />
        ),
      }}
      tabs={[
        {
          key: "checklist",
          label: t("audits.tabs.checklist"),
          icon: IconChecklist,
          badge: (
            <Badge size="xs" variant="light" color="gray">
              {d.total.assessed}/{d.total.items}
            </Badge>
          ),
          render: () => <Checklist d={d} focusItem={focusItem} />,
        },
        {
          key: "findings",
          label: t("audits.tabs.findings"),
          icon: IconAlertTriangle,
          badge:
            openFindings > 0 ? (
              <Badge size="xs" color="orange" variant="light">
                {openFindings}
              </Badge>
            ) : null,
          render: () => <FindingsTab d={d} focus={focus} />,
        },
      ]}
    >
      <AuditFormModal opened={editing} audit={a} onClose={() => setEditing(false)} />
      <Modal opened={reopening} onClose={() => setReopening(false)} title={t("audits.reopenTitle")}>
        <Stack>
          <Text size="sm">{t("audits.reopenText")}</Text>
          <Textarea
            label={t("audits.reopenReason")}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="reopen-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReopening(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="orange"
              onClick={() => move.mutate({ transition: "reopen", reason })}
              data-testid="reopen-confirm"
            >
              {t("audits.move.reopen")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </RecordPage>
  );
}

/** One audit's page, opened from the list or from Home. */
export function AuditPage({ route }: { route: Extract<Route, { page: "audit" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const audit = useQuery({
    queryKey: auditKeys.detail(route.id),
    queryFn: () => auditsApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("audits.backToList")}
        onClick={() => go("audits")}
        testId="back-to-audits"
      />
      <QueryState query={audit}>
        {(d) => <AuditView d={d} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
