import { Alert, Badge, Card, SimpleGrid, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { historyApi, historyKeys } from "../../api/history";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Change } from "../../bindings/Change";
import type { ChangeOp } from "../../bindings/ChangeOp";
import { formatDate, formatDateTime } from "../../i18n/format";
import { actorName, ChangeSummary, type Labels, labelOf } from "../history/ChangeSummary";
import { useAllDepartments, useContractTypes, useNames } from "./catalog";
import { groupIban } from "./format";
import "../history/i18n";
import "./i18n";

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
/** Kept for integrity (ids, counters, timestamps): says nothing to a person. */
const TECHNICAL = new Set(["id", "version", "created_at", "updated_at"]);
const DATES = new Set(["birth_date", "hire_date", "contract_end", "termination_date"]);

type Row = Record<string, unknown> | null;

/** Fields in the order the form shows them, so a change reads like the form. */
const ORDER = [
  "last_name",
  "first_name",
  "employee_number",
  "tax_code",
  "sex",
  "birth_date",
  "birth_place",
  "email",
  "phone",
  "iban",
  "address",
  "department_id",
  "job_title",
  "manager_id",
  "hire_date",
  "contract_type_id",
  "contract_end",
  "ccnl",
  "level",
  "status",
  "termination_date",
  "termination_reason",
];
const rank = (k: string) => {
  const i = ORDER.indexOf(k);
  return i < 0 ? ORDER.length : i;
};

/** One line of the tab: a change, or consecutive openings by one person folded together. */
type Line = { change: Change; reads: number; firstAt: string };

function fold(items: Change[]): Line[] {
  const out: Line[] = [];
  for (const c of items) {
    const last = out[out.length - 1];
    if (last && c.op === "read" && last.change.op === "read" && last.change.actor === c.actor) {
      last.reads += 1;
      last.firstAt = c.at;
    } else {
      out.push({ change: c, reads: c.op === "read" ? 1 : 0, firstAt: c.at });
    }
  }
  return out;
}

/** A created record: every filled field, label above value, in the form's order. */
function Created({ row }: { row: Row }) {
  const { t } = useTranslation();
  const entries = Object.entries(row ?? {}).filter(
    ([k, v]) => !TECHNICAL.has(k) && v !== null && v !== "",
  );
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing={6} data-testid="change-summary">
      {entries.map(([k, v]) => (
        <div key={k}>
          <Text size="xs" c="dimmed">
            {t(`fields.employees.${k}`, { defaultValue: k })}
          </Text>
          <Text size="sm">{String(v)}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** "26/11/2026, 09:10–09:40" for openings folded together; one time when they coincide. */
function span(from: string, to: string, language: string): string {
  const a = formatDateTime(from, language);
  const b = formatDateTime(to, language);
  if (a === b) return b;
  const [dayA, timeA] = a.split(", ");
  const [dayB, timeB] = b.split(", ");
  return dayA === dayB && timeA && timeB ? `${dayB}, ${timeA}–${timeB}` : `${a} – ${b}`;
}

/** The stored row in words: names for ids, dd/mm/yyyy dates, translated codes. */
function readable(
  row: Row,
  t: TFunction,
  language: string,
  department: (id: number) => string | null,
  contract: (id: number) => string | null,
  person: (id: number) => string | null,
): Row {
  if (!row) return row;
  const out: Record<string, unknown> = {};
  const entries = Object.entries(row).sort(([a], [b]) => rank(a) - rank(b));
  for (const [k, v] of entries) {
    if (HIDDEN.has(k)) continue;
    if (v === null || v === undefined) out[k] = v;
    else if (DATES.has(k) && typeof v === "string") out[k] = formatDate(v, language);
    else if (k === "department_id") out[k] = department(Number(v)) ?? v;
    else if (k === "contract_type_id") out[k] = contract(Number(v)) ?? v;
    else if (k === "sex") out[k] = t(`staff.sex.${v}`, { defaultValue: String(v) });
    else if (k === "status") out[k] = t(`staff.status.${v}`, { defaultValue: String(v) });
    else if (k === "iban" && typeof v === "string") out[k] = groupIban(v);
    else if (k === "manager_id") out[k] = person(Number(v)) ?? t("staff.employeeNo", { id: v });
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
    queryKey: historyKeys.list(query),
    queryFn: () => historyApi.list(query),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });
  if (!canRead) {
    return <Alert color="gray">{t("staff.history.notAllowed")}</Alert>;
  }
  // Managers are named from the page's labels (resolved with the page, from history's references).
  const show = (c: Change, labels: Labels | undefined): Change => {
    const person = (id: number) => labelOf(labels, "employees", id, i18n.language);
    return {
      ...c,
      before: readable(c.before, t, i18n.language, deptName, (id) => contract(id), person),
      after: readable(c.after, t, i18n.language, deptName, (id) => contract(id), person),
    };
  };
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
                  {fold(p.items).map(({ change: c, reads, firstAt }) => (
                    <Table.Tr key={c.id} data-testid="employee-history-row" data-op={c.op}>
                      <Table.Td>
                        {reads > 1
                          ? span(firstAt, c.at, i18n.language)
                          : formatDateTime(c.at, i18n.language)}
                      </Table.Td>
                      <Table.Td>{actorName(c.actor, t)}</Table.Td>
                      <Table.Td>
                        <Badge color={OP_COLOR[c.op]} variant="light">
                          {c.op === "read" ? t("staff.history.opened") : t(`history.op.${c.op}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {c.op === "read" ? (
                          <Text size="sm" c="dimmed">
                            {reads > 1
                              ? t("staff.history.openedTimes", { count: reads })
                              : t("staff.history.openedText")}
                          </Text>
                        ) : c.op === "insert" ? (
                          <Created row={show(c, p.labels).after} />
                        ) : (
                          <ChangeSummary change={show(c, p.labels)} />
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
