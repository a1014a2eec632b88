import { Checkbox, Group, Select, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import type { AuditQuery } from "../../bindings/AuditQuery";
import type { AuditRow } from "../../bindings/AuditRow";
import type { AuditSort } from "../../bindings/AuditSort";
import type { AuditStatus } from "../../bindings/AuditStatus";
import { formatDate } from "../../i18n/format";
import { ListSearch } from "../../kit/ListSearch";
import { useListSearch, useListSort } from "../../kit/listFilters";
import { FilteredEmpty } from "../../kit/listParts";
import { type ListColumn, ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { useAllDepartments } from "../staff/catalog";
import { AuditStatusBadge, ScoreText } from "./parts";
import "./i18n";

const STATUSES: AuditStatus[] = ["planned", "in_progress", "in_review", "closed"];

function useColumns(): ListColumn<AuditRow, AuditSort>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return [
    {
      key: "title",
      title: t("audits.fields.title"),
      width: "minmax(220px, 2fr)",
      sort: "title",
      cell: (a) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {a.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {a.template_name}
            {a.recurrence !== "none" ? ` · ${t(`audits.recurrence.${a.recurrence}`)}` : ""}
          </Text>
        </div>
      ),
    },
    {
      key: "lead",
      title: t("audits.fields.lead"),
      width: "minmax(140px, 1fr)",
      cell: (a) => (
        <Text size="sm" truncate>
          {a.lead_name}
        </Text>
      ),
    },
    {
      key: "planned",
      title: t("audits.fields.planned"),
      width: "190px",
      sort: "planned_start",
      cell: (a) => (
        <Text size="sm" c={a.overdue ? "red" : undefined} fw={a.overdue ? 600 : undefined}>
          {formatDate(a.planned_start, lang)} – {formatDate(a.planned_end, lang)}
        </Text>
      ),
    },
    {
      key: "status",
      title: t("audits.fields.status"),
      width: "130px",
      sort: "status",
      cell: (a) => <AuditStatusBadge status={a.status} />,
    },
    {
      key: "score",
      title: t("audits.fields.score"),
      width: "110px",
      sort: "score",
      cell: (a) => <ScoreText score={a.score} compact />,
    },
    {
      key: "findings",
      title: t("audits.fields.findings"),
      width: "110px",
      cell: (a) => (
        <Text
          size="sm"
          c={a.open_findings > 0 ? "orange" : "dimmed"}
          fw={a.open_findings > 0 ? 600 : undefined}
        >
          {a.open_findings}
        </Text>
      ),
    },
  ];
}

export function AuditList({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [department, setDepartment] = useState<string | null>(null);
  const [lead, setLead] = useState<string | null>(null);
  const departments = useAllDepartments();
  const leads = useQuery({ queryKey: auditKeys.leads(), queryFn: auditsApi.leads });
  const sorting = useListSort<AuditSort>("planned_start");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const source = useMemo<ListSource<AuditRow>>(() => {
    const query = (page: AuditQuery["page"]): AuditQuery => ({
      search: debounced || null,
      status,
      department_id: department ? Number(department) : null,
      lead_user_id: lead ? Number(lead) : null,
      overdue,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => auditKeys.list(query(page)),
      fetch: (page) => auditsApi.list(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, overdue, sort, dir, department, lead]);
  const filtered =
    debounced !== "" || status !== null || overdue || department !== null || lead !== null;
  return (
    <>
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("audits.searchPlaceholder")}
          width={260}
          testId="audit-search"
        />
        <Select
          data={STATUSES.map((s) => ({ value: s, label: t(`audits.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as AuditStatus | null)}
          placeholder={t("audits.anyStatus")}
          clearable
          w={180}
          data-testid="audit-status-filter"
        />
        <Select
          data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          value={department}
          onChange={setDepartment}
          placeholder={t("audits.anyDepartment")}
          searchable
          clearable
          w={190}
          data-testid="audit-department-filter"
        />
        <Select
          data={(leads.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          value={lead}
          onChange={setLead}
          placeholder={t("audits.anyLead")}
          clearable
          w={190}
          data-testid="audit-lead-filter"
        />
        <Checkbox
          label={t("audits.overdueOnly")}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          data-testid="audit-overdue"
        />
      </Group>
      <ServerList
        testId="audits"
        rowTestId="audit-row"
        label={t("audits.title")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={56}
        rowData={(a) => ({ "data-id": a.id, "data-title": a.title })}
        onOpen={(a) => go({ page: "audit", id: a.id, tab: "checklist" })}
        empty={
          <FilteredEmpty
            icon={IconShieldCheck}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("audits.noMatch")}
            emptyTitle={t("audits.emptyTitle")}
            emptyText={t("audits.emptyText")}
          />
        }
      />
    </>
  );
}
