import { Alert, Badge, Card, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { historyApi } from "../../api/history";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Change } from "../../bindings/Change";
import type { ChangeOp } from "../../bindings/ChangeOp";
import { formatDate, formatDateTime } from "../../i18n/format";
import { ChangeSummary } from "../history/ChangeSummary";
import { useAllDepartments, useContractTypes, useNames } from "./catalog";
import { groupIban } from "./format";

const PAGE_SIZE = 25;
const OP_COLOR: Record<ChangeOp, string> = {
  insert: "green",
  update: "blue",
  delete: "red",
  read: "gray",
  event: "orange",
};
/** Search and sort keys kept in the row for SQL: nothing a person reads. */
const HIDDEN = new Set(["sort_key", "job_title_key"]);
const DATES = new Set(["birth_date", "hire_date", "contract_end", "termination_date"]);

type Row = Record<string, unknown> | null;

/** The stored row in words: names for ids, dd/mm/yyyy dates, translated codes. */
function readable(
  row: Row,
  t: TFunction,
  language: string,
  department: (id: number) => string | null,
  contract: (id: number) => string | null,
): Row {
  if (!row) return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (HIDDEN.has(k)) continue;
    if (v === null || v === undefined) out[k] = v;
    else if (DATES.has(k) && typeof v === "string") out[k] = formatDate(v, language);
    else if (k === "department_id") out[k] = department(Number(v)) ?? v;
    else if (k === "contract_type_id") out[k] = contract(Number(v)) ?? v;
    else if (k === "sex") out[k] = t(`staff.sex.${v}`, { defaultValue: String(v) });
    else if (k === "status") out[k] = t(`staff.status.${v}`, { defaultValue: String(v) });
    else if (k === "iban" && typeof v === "string") out[k] = groupIban(v);
    else if (k === "manager_id") out[k] = t("staff.employeeNo", { id: v });
    else out[k] = v;
  }
  return out;
}

/** Every change to this employee's record, and every time the file was opened. */
export function EmployeeHistoryTab({ employeeId }: { employeeId: number }) {
  const { t, i18n } = useTranslation();
  const canRead = useCan("history", "read");
  const [page, setPage] = useState(1);
  const departments = useAllDepartments();
  const deptName = (id: number) => departments.data?.find((d) => d.id === id)?.name ?? null;
  const contract = useNames(useContractTypes().data);
  const query = {
    entity: "employees",
    row_id: String(employeeId),
    actor: null,
    from: null,
    until: null,
    page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
  const list = useQuery({
    queryKey: ["history", query],
    queryFn: () => historyApi.list(query),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });
  if (!canRead) {
    return <Alert color="gray">{t("staff.history.notAllowed")}</Alert>;
  }
  const show = (c: Change): Change => ({
    ...c,
    before: readable(c.before, t, i18n.language, deptName, (id) => contract(id)),
    after: readable(c.after, t, i18n.language, deptName, (id) => contract(id)),
  });
  return (
    <Card>
      <Text size="sm" c="dimmed" mb="md">
        {t("staff.history.intro")}
      </Text>
      <QueryState query={list}>
        {(p) =>
          p.total === 0 ? (
            <Text c="dimmed" ta="center" py="xl">
              {t("history.empty")}
            </Text>
          ) : (
            <>
              <Table verticalSpacing="sm" data-testid="employee-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={170}>{t("history.when")}</Table.Th>
                    <Table.Th w={140}>{t("history.who")}</Table.Th>
                    <Table.Th w={140}>{t("history.operation")}</Table.Th>
                    <Table.Th>{t("history.changes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.items.map((c) => (
                    <Table.Tr key={c.id} data-testid="employee-history-row" data-op={c.op}>
                      <Table.Td>{formatDateTime(c.at, i18n.language)}</Table.Td>
                      <Table.Td>{c.actor}</Table.Td>
                      <Table.Td>
                        <Badge color={OP_COLOR[c.op]} variant="light">
                          {c.op === "read" ? t("staff.history.opened") : t(`history.op.${c.op}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {c.op === "read" ? (
                          <Text size="sm" c="dimmed">
                            {t("staff.history.openedText")}
                          </Text>
                        ) : (
                          <ChangeSummary change={show(c)} />
                        )}
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
  );
}
