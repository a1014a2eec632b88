import { Badge, Card, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { historyApi } from "../../api/history";
import { PageHeader } from "../../app/PageHeader";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import type { ChangeOp } from "../../bindings/ChangeOp";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { formatDateTime } from "../../i18n/format";
import { recordLabel } from "../../lib/diff";
import { ChangeSummary } from "./ChangeSummary";
import { VerifyButton, VerifyResult } from "./VerifyPanel";

const PAGE_SIZE = 50;
const ENTITIES = ["departments", "organisation", "preferences"];
const OP_COLOR: Record<ChangeOp, string> = {
  insert: "green",
  update: "blue",
  delete: "red",
  read: "gray",
  event: "orange",
};

export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState<string | null>(null);
  const [actor, setActor] = useState("");
  const [rowId, setRowId] = useState("");
  const [debouncedActor] = useDebouncedValue(actor, 300);
  const [debouncedRow] = useDebouncedValue(rowId, 300);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<VerifyReport | Error | null>(null);

  const query = {
    entity,
    actor: debouncedActor.trim() || null,
    row_id: debouncedRow.trim() || null,
    page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
  const list = useQuery({
    queryKey: ["history", query],
    queryFn: () => historyApi.list(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t("history.title")}
        subtitle={t("history.subtitle")}
        actions={<VerifyButton onResult={setResult} />}
      />
      <Stack>
        {result ? <VerifyResult result={result} /> : null}
        <Card>
          <Group mb="md">
            <Select
              label={t("history.area")}
              placeholder={t("history.allAreas")}
              clearable
              value={entity}
              onChange={(v) => {
                setEntity(v);
                setPage(1);
              }}
              data={ENTITIES.map((e) => ({ value: e, label: t(`history.entity.${e}`) }))}
              data-testid="history-entity"
            />
            <TextInput
              label={t("history.person")}
              value={actor}
              onChange={(e) => {
                setActor(e.currentTarget.value);
                setPage(1);
              }}
            />
            <TextInput
              label={t("history.record")}
              value={rowId}
              inputMode="numeric"
              onChange={(e) => {
                setRowId(e.currentTarget.value.replace(/\D/g, ""));
                setPage(1);
              }}
              w={120}
            />
          </Group>
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
                        <Table.Th w={170}>{t("history.when")}</Table.Th>
                        <Table.Th w={140}>{t("history.who")}</Table.Th>
                        <Table.Th w={230}>{t("history.what")}</Table.Th>
                        <Table.Th w={120}>{t("history.operation")}</Table.Th>
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
                          <Table.Td data-testid="history-actor">{c.actor}</Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {t(`history.entity.${c.entity}`, { defaultValue: c.entity })} #
                              {c.row_id}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {recordLabel(c.after ?? c.before) ?? ""}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={OP_COLOR[c.op]} variant="light">
                              {t(`history.op.${c.op}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <ChangeSummary change={c} />
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
