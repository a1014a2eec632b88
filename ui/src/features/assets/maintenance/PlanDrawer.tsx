import { Badge, Button, Drawer, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconEdit, IconPlayerPause, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import { useCan } from "../../../app/session";
import type { MaintenancePlan } from "../../../bindings/MaintenancePlan";
import { formatDate } from "../../../i18n/format";
import { ListError } from "../../../kit/listParts";
import { notifyError } from "../../../lib/useServerForm";
import { CompleteModal } from "./CompleteModal";
import { PlanFormModal } from "./PlanForm";
import { DueDate } from "./parts";
import { scheduleText } from "./scheduleText";
import { WorkLog } from "./WorkLog";
import "./i18n";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Details({ plan }: { plan: MaintenancePlan }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = (f: string) => t(`maintenance.fields.${f}`);
  return (
    <Stack gap="md">
      {plan.description && <Text style={{ whiteSpace: "pre-wrap" }}>{plan.description}</Text>}
      <SimpleGrid cols={2} spacing="md">
        <Fact label={label("target")}>{plan.target_name}</Fact>
        <Fact label={label("schedule")}>{scheduleText(plan.schedule, t, lang)}</Fact>
        <Fact label={label("next_due")}>
          <DueDate date={plan.next_due_on} active={plan.active} />
        </Fact>
        <Fact label={label("last_done")}>
          {plan.last_done_on ? formatDate(plan.last_done_on, lang) : t("maintenance.never")}
        </Fact>
        <Fact label={label("assignee")}>{plan.assignee_name ?? t("maintenance.unassigned")}</Fact>
        <Fact label={label("start_on")}>{formatDate(plan.start_on, lang)}</Fact>
      </SimpleGrid>
      {plan.checklist.length > 0 && (
        <Fact label={label("checklist")}>
          <Stack gap={2} data-testid="plan-checklist-view">
            {plan.checklist.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are known by their place
              <Text key={i} size="sm">
                {`${i + 1}. ${item}`}
              </Text>
            ))}
          </Stack>
        </Fact>
      )}
    </Stack>
  );
}

function Actions({ plan }: { plan: MaintenancePlan }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("assets", "write");
  const [editing, setEditing] = useState(false);
  const [completing, setCompleting] = useState(false);
  const active = useMutation({
    mutationFn: (on: boolean) => maintenanceApi.setActive(plan.id, plan.version, on),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: maintenanceKeys.all });
      notifications.show({
        color: "green",
        message: t(p.active ? "maintenance.restoredDone" : "maintenance.retiredDone"),
      });
    },
    onError: (e) => notifyError(e, t, "maintenance"),
  });
  // The assignee may complete their own plan without write permission; the session does not
  // say who its staff record is, so an assigned plan offers it and Rust decides.
  const canComplete = plan.active && (canWrite || plan.assignee_employee_id !== null);
  return (
    <Group gap="xs">
      {canComplete && (
        <Button
          leftSection={<IconCheck size={16} />}
          onClick={() => setCompleting(true)}
          data-testid="plan-complete"
        >
          {t("maintenance.complete.action")}
        </Button>
      )}
      {canWrite && (
        <Button
          variant="default"
          leftSection={<IconEdit size={16} />}
          onClick={() => setEditing(true)}
          data-testid="plan-edit"
        >
          {t("maintenance.panel.edit")}
        </Button>
      )}
      {canWrite && (
        <Button
          variant="default"
          color={plan.active ? "red" : undefined}
          leftSection={plan.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
          loading={active.isPending}
          onClick={() => active.mutate(!plan.active)}
          data-testid={plan.active ? "plan-retire" : "plan-restore"}
        >
          {t(plan.active ? "maintenance.panel.retire" : "maintenance.panel.restore")}
        </Button>
      )}
      <PlanFormModal opened={editing} plan={plan} onClose={() => setEditing(false)} />
      <CompleteModal plan={plan} opened={completing} onClose={() => setCompleting(false)} />
    </Group>
  );
}

export type PlanDrawerProps = {
  /** The plan shown; null closes the drawer. */
  planId: number | null;
  onClose: () => void;
};

/** A plan's details, its buttons (done, edit, retire) and its work log, beside the list. */
export function PlanDrawer({ planId, onClose }: PlanDrawerProps) {
  const { t } = useTranslation();
  const plan = useQuery({
    queryKey: maintenanceKeys.plan(planId ?? 0),
    queryFn: () => maintenanceApi.get(planId ?? 0),
    enabled: planId !== null,
  });
  const p = plan.data;
  return (
    <Drawer
      opened={planId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        p && (
          <Group gap="xs">
            <Title order={4}>{p.title}</Title>
            {!p.active && <Badge color="gray">{t("maintenance.retired")}</Badge>}
          </Group>
        )
      }
      data-testid="plan-drawer"
    >
      {plan.isError && <ListError error={plan.error} retry={() => plan.refetch()} />}
      {p && p.id === planId && (
        <Stack gap="lg" data-testid="plan-panel" data-id={p.id} data-due={p.next_due_on}>
          <Actions plan={p} />
          <Details plan={p} />
          <WorkLog owner={{ planId: p.id }} />
        </Stack>
      )}
    </Drawer>
  );
}
