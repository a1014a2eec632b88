import { Group, Select, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import type { FindingQuery } from "../../bindings/FindingQuery";
import type { FindingRow } from "../../bindings/FindingRow";
import type { FindingSeverity } from "../../bindings/FindingSeverity";
import type { FindingSort } from "../../bindings/FindingSort";
import type { FindingStatus } from "../../bindings/FindingStatus";
import { formatDate } from "../../i18n/format";
import { ListSearch } from "../../kit/ListSearch";
import { useListSearch, useListSort } from "../../kit/listFilters";
import { ListEmpty } from "../../kit/listParts";
import { type ListColumn, ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { FindingStatusBadge, SeverityBadge } from "./parts";
import "./i18n";

function useColumns(): ListColumn<FindingRow, FindingSort>[] {
  const { t, i18n } = useTranslation();
  return [
    {
      key: "number",
      title: "#",
      width: "70px",
      sort: "number",
      cell: (f) => <Text size="sm">{t("findings.number", { n: f.number })}</Text>,
    },
    {
      key: "title",
      title: t("findings.fields.title"),
      width: "minmax(220px, 2fr)",
      sort: "title",
      cell: (f) => (
        <Text size="sm" fw={600} truncate>
          {f.title}
        </Text>
      ),
    },
    {
      key: "audit",
      title: t("findings.fields.audit"),
      width: "minmax(160px, 1.2fr)",
      sort: "audit",
      cell: (f) => (
        <Text size="sm" truncate>
          {f.audit_title}
        </Text>
      ),
    },
    {
      key: "severity",
      title: t("findings.fields.severity"),
      width: "130px",
      sort: "severity",
      cell: (f) => <SeverityBadge severity={f.severity} />,
    },
    {
      key: "status",
      title: t("audits.fields.status"),
      width: "110px",
      cell: (f) => <FindingStatusBadge status={f.status} />,
    },
    {
      key: "actions",
      title: t("findings.fields.actions"),
      width: "130px",
      cell: (f) => (
        <Text size="sm" c={f.actions_open > 0 ? "orange" : "dimmed"}>
          {t("findings.actionsOpen", { open: f.actions_open, all: f.actions })}
        </Text>
      ),
    },
    {
      key: "created",
      title: t("common.updatedAt"),
      width: "110px",
      sort: "created_at",
      cell: (f) => <Text size="sm">{formatDate(f.created_at.slice(0, 10), i18n.language)}</Text>,
    },
  ];
}

export function FindingList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<FindingStatus | null>("open");
  const [severity, setSeverity] = useState<FindingSeverity | null>(null);
  const sorting = useListSort<FindingSort>("created_at");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const source = useMemo<ListSource<FindingRow>>(() => {
    const query = (page: FindingQuery["page"]): FindingQuery => ({
      search: debounced || null,
      status,
      severity,
      audit_id: null,
      department_id: null,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => auditKeys.findings(query(page)),
      fetch: (page) => auditsApi.findings(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, severity, sort, dir]);
  return (
    <>
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("findings.searchPlaceholder")}
          testId="finding-search"
        />
        <Select
          data={(["open", "closed"] as const).map((s) => ({
            value: s,
            label: t(`findings.status.${s}`),
          }))}
          value={status}
          onChange={(v) => setStatus(v as FindingStatus | null)}
          placeholder={t("findings.anyStatus")}
          clearable
          w={160}
        />
        <Select
          data={(["major", "minor", "observation"] as const).map((s) => ({
            value: s,
            label: t(`findings.severity.${s}`),
          }))}
          value={severity}
          onChange={(v) => setSeverity(v as FindingSeverity | null)}
          placeholder={t("findings.anySeverity")}
          clearable
          w={170}
        />
      </Group>
      <ServerList
        testId="findings"
        rowTestId="finding-row"
        label={t("findings.title")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={48}
        rowData={(f) => ({ "data-id": f.id })}
        onOpen={(f) =>
          go({ page: "audit", id: f.audit_id, tab: "findings", focus: `finding:${f.id}` })
        }
        empty={<ListEmpty icon={IconAlertTriangle} title={t("findings.noMatch")} text={null} />}
      />
    </>
  );
}
