import { ActionIcon, Card, Group, Modal, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type LogOwner, maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import { Pager } from "../../../app/Pager";
import type { MaintenanceLogEntry } from "../../../bindings/MaintenanceLogEntry";
import { formatDate, formatMoney } from "../../../i18n/format";
import { AttachmentsTab } from "../../attachments/AttachmentsTab";
import { OutcomeBadge } from "./parts";
import "./i18n";

const PAGE = 20;

/** The entry's files (a service report, a photo of the repaired part), in a window of its own. */
function EntryFiles({ e }: { e: MaintenanceLogEntry }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = t("maintenance.log.filesTitle", { date: formatDate(e.done_on, i18n.language) });
  return (
    <>
      <Tooltip label={t("maintenance.log.files")}>
        <ActionIcon
          variant="subtle"
          aria-label={t("maintenance.log.files")}
          onClick={() => setOpen(true)}
          data-testid="log-files"
        >
          <IconPaperclip size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} size="xl">
        {open && (
          <AttachmentsTab entity="maintenance_log" recordId={e.id} options={{ name: title }} />
        )}
      </Modal>
    </>
  );
}

function Entry({ e, showPlan }: { e: MaintenanceLogEntry; showPlan: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ticked = e.ticks.filter(Boolean).length;
  const facts = [
    t("maintenance.log.by", { name: e.done_by }),
    e.due_on ? t("maintenance.log.forDue", { date: formatDate(e.due_on, lang) }) : null,
    e.ticks.length > 0 ? `✓ ${ticked}/${e.ticks.length}` : null,
    e.minutes !== null ? t("maintenance.log.minutes", { count: e.minutes }) : null,
    e.cost_cents !== null ? formatMoney(e.cost_cents, e.currency, lang) : null,
  ].filter(Boolean);
  const what = showPlan ? (e.plan_title ?? t("maintenance.log.adhoc")) : (e.asset_name ?? null);
  return (
    <Table.Tr data-testid="log-row" data-id={e.id} data-outcome={e.outcome}>
      <Table.Td w={110} style={{ verticalAlign: "top" }}>
        <Text size="sm">{formatDate(e.done_on, lang)}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {what && (
            <Text size="sm" fw={500}>
              {what}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {e.work}
          </Text>
          {e.reason && (
            <Text size="sm" c="red.8">
              {e.reason}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {facts.join(" · ")}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td w={190} style={{ verticalAlign: "top" }}>
        <Group gap="xs" wrap="nowrap">
          <OutcomeBadge outcome={e.outcome} />
          <EntryFiles e={e} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export type WorkLogProps = {
  owner: LogOwner;
  /** Heads the list with an action (e.g. "Log work"). */
  action?: ReactNode;
};

/** A plan's or an asset's work log, latest first, a page at a time. */
export function WorkLog({ owner, action }: WorkLogProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const rows = useQuery({
    queryKey: maintenanceKeys.log(owner, offset, PAGE),
    queryFn: () => maintenanceApi.log(owner, offset, PAGE),
    placeholderData: keepPreviousData,
  });
  const items = rows.data?.items ?? [];
  return (
    <Card p={0} data-testid="work-log">
      <Group justify="space-between" p="md" pb={0}>
        <Text fw={600}>{t("maintenance.log.title")}</Text>
        {action}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" p="md" data-testid="work-log-empty">
          {rows.isPending ? "" : t("maintenance.log.empty")}
        </Text>
      ) : (
        <Table verticalSpacing={8}>
          <Table.Tbody>
            {items.map((e) => (
              <Entry key={e.id} e={e} showPlan={"assetId" in owner} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack px="md" pb="md" gap={0}>
        <Pager page={page} pageSize={PAGE} total={rows.data?.total ?? 0} onPage={setPage} />
      </Stack>
    </Card>
  );
}
