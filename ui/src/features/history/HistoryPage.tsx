import { Badge, Button, Card, Group, Menu, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileCertificate, IconShieldSearch } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { historyApi, historyKeys } from "../../api/history";
import { toApiError } from "../../api/invoke";
import { PageHeader } from "../../app/PageHeader";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Change } from "../../bindings/Change";
import type { ChangeOp } from "../../bindings/ChangeOp";
import type { HistoryQuery } from "../../bindings/HistoryQuery";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { formatDateTime } from "../../i18n/format";
import { recordLabel } from "../../lib/diff";
import { errorMessage } from "../../lib/errors";
import { actorName, ChangeSummary, type Labels, labelOf } from "./ChangeSummary";
import { dayAfter, dayStart, type Filters, HistoryFilters, NO_FILTERS } from "./HistoryFilters";
import { VerifyButton, VerifyResult } from "./VerifyPanel";
import "./i18n";

const PAGE_SIZE = 50;
const OP_COLOR: Record<ChangeOp, string> = {
  insert: "green",
  update: "blue",
  delete: "red",
  read: "gray",
  event: "orange",
};

function toQuery(f: Filters, page: number): HistoryQuery {
  return {
    entity: f.entity,
    actor: f.actor.trim() || null,
    row_id: f.rowId.trim() || null,
    from: dayStart(f.from),
    until: dayAfter(f.to),
    page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
}

/**
 * The record a change touched: its name first, then kind and number, which the "Record no."
 * filter matches. A record the page has no name for shows its snapshot's name, if any.
 */
function RecordCell({ change: c, labels }: { change: Change; labels: Labels }) {
  const { t, i18n } = useTranslation();
  const kind = t(`history.entity.${c.entity}`, { defaultValue: c.entity });
  if (c.op === "event") {
    return (
      <Text size="sm" fw={600}>
        {kind}
      </Text>
    );
  }
  const name =
    labelOf(labels, c.entity, c.row_id, i18n.language) ?? recordLabel(c.after ?? c.before);
  return (
    <>
      <Text size="sm" fw={600} data-testid="history-record">
        {name ?? `${kind} #${c.row_id}`}
      </Text>
      {name ? (
        <Text size="xs" c="dimmed" data-testid="history-record-id">
          {kind} #{c.row_id}
        </Text>
      ) : null}
    </>
  );
}

/** Shows a dialog-backed action's failure, unless the person simply closed the dialog. */
function useDialogAction<T>(fn: () => Promise<T>, onDone: (r: T) => void) {
  const { t } = useTranslation();
  return useMutation({
    mutationFn: fn,
    onSuccess: onDone,
    onError: (e) => {
      if (toApiError(e).code !== "dialog_cancelled") {
        notifications.show({ color: "red", message: errorMessage(e, t), autoClose: 10000 });
      }
    },
  });
}

export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const canExport = useCan("history", "export");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 300);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<VerifyReport | Error | null>(null);

  const query = toQuery(debounced, page);
  const list = useQuery({
    queryKey: historyKeys.list(query),
    queryFn: () => historyApi.list(query),
    placeholderData: keepPreviousData,
  });
  const exportCsv = useDialogAction(
    () =>
      historyApi.exportCsv(
        { ...query, page: { offset: 0, limit: 1 } },
        i18n.language,
        t("history.exportCsvTitle"),
      ),
    (r) =>
      notifications.show({ color: "green", message: t("history.exported", r), autoClose: 10000 }),
  );
  const exportHead = useDialogAction(
    () => historyApi.exportHead(t("history.exportHeadTitle")),
    (h) =>
      notifications.show({
        color: "green",
        message: t("history.headSaved", { count: h.count, hash: `${h.head_hash.slice(0, 12)}…` }),
        autoClose: 10000,
      }),
  );
  const verifyAgainst = useDialogAction(
    () => historyApi.verifyAgainstHead(t("history.verifyAgainstTitle")),
    setResult,
  );

  return (
    <>
      <PageHeader
        title={t("history.title")}
        subtitle={t("history.subtitle")}
        actions={
          <Group gap="sm">
            {canExport ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  loading={exportCsv.isPending}
                  onClick={() => exportCsv.mutate()}
                  data-testid="history-export-csv"
                >
                  {t("history.exportCsv")}
                </Button>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button
                      variant="default"
                      leftSection={<IconFileCertificate size={16} />}
                      data-testid="history-proof"
                    >
                      {t("history.proof")}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconFileCertificate size={14} />}
                      onClick={() => exportHead.mutate()}
                      data-testid="history-export-head"
                    >
                      {t("history.exportHead")}
                    </Menu.Item>
                    <Menu.Item
                      leftSection={<IconShieldSearch size={14} />}
                      onClick={() => verifyAgainst.mutate()}
                      data-testid="history-verify-against"
                    >
                      {t("history.verifyAgainst")}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </>
            ) : null}
            <VerifyButton onResult={setResult} />
          </Group>
        }
      />
      <Stack>
        {result ? <VerifyResult result={result} /> : null}
        <Card>
          <HistoryFilters
            value={filters}
            onChange={(f) => {
              setFilters(f);
              setPage(1);
            }}
          />
          <QueryState query={list}>
            {(p) =>
              p.total === 0 ? (
                <Text c="dimmed" ta="center" py="xl" data-testid="history-empty">
                  {t("history.empty")}
                </Text>
              ) : (
                <>
                  <Table verticalSpacing="sm" data-testid="history-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={160}>{t("history.when")}</Table.Th>
                        <Table.Th w={120}>{t("history.who")}</Table.Th>
                        <Table.Th w={210}>{t("history.what")}</Table.Th>
                        <Table.Th w={140}>{t("history.operation")}</Table.Th>
                        <Table.Th>{t("history.changes")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.items.map((c) => (
                        <Table.Tr
                          key={c.id}
                          data-testid="history-row"
                          data-op={c.op}
                          data-entity={c.entity}
                        >
                          <Table.Td>{formatDateTime(c.at, i18n.language)}</Table.Td>
                          <Table.Td data-testid="history-actor">{actorName(c.actor, t)}</Table.Td>
                          <Table.Td>
                            <RecordCell change={c} labels={p.labels} />
                          </Table.Td>
                          <Table.Td>
                            <Badge color={OP_COLOR[c.op]} variant="light">
                              {t(`history.op.${c.op}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <ChangeSummary change={c} labels={p.labels} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Pager total={p.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
                </>
              )
            }
          </QueryState>
        </Card>
      </Stack>
    </>
  );
}
