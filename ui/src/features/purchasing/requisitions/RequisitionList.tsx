import { Card, Group, Select, Switch, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconClipboardList } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useNav } from "../../../app/nav";
import { useCan } from "../../../app/session";
import type { RequisitionQuery } from "../../../bindings/RequisitionQuery";
import type { RequisitionRow } from "../../../bindings/RequisitionRow";
import type { RequisitionSort } from "../../../bindings/RequisitionSort";
import type { RequisitionState } from "../../../bindings/RequisitionState";
import type { SortDir } from "../../../bindings/SortDir";
import { formatDate, formatMoney, formatNumber } from "../../../i18n/format";
import { ListSearch } from "../../../kit/ListSearch";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { useAllDepartments } from "../../staff/catalog";
import { RequisitionStatusBadge } from "./parts";

const STATES: RequisitionState[] = ["draft", "submitted", "approved", "rejected", "ordered"];

function useColumns(): ListColumn<RequisitionRow, RequisitionSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`requisitionsUi.${k}`);
  const day = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return [
    {
      key: "number",
      title: l("number"),
      width: "110px",
      cell: (r) => (
        <Text size="sm" fw={600} ff="monospace">
          {r.number}
        </Text>
      ),
    },
    {
      key: "date",
      title: l("date"),
      width: "95px",
      sort: "date",
      cell: (r) => <Text size="sm">{day(r.created_on)}</Text>,
    },
    {
      key: "reason",
      title: l("why"),
      width: "minmax(115px, 2fr)",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.reason}
        </Text>
      ),
    },
    {
      key: "requester",
      title: l("requester"),
      width: "minmax(90px, 1fr)",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.requested_by_name}
        </Text>
      ),
    },
    {
      key: "department",
      title: l("department"),
      width: "minmax(80px, 1fr)",
      cell: (r) => (
        <Text size="sm" truncate c={r.department_name ? undefined : "dimmed"}>
          {r.department_name ?? "—"}
        </Text>
      ),
    },
    {
      key: "status",
      title: l("status"),
      width: "135px",
      sort: "status",
      cell: (r) => <RequisitionStatusBadge status={r.status} />,
    },
    {
      key: "needed",
      title: l("neededBy"),
      width: "110px",
      sort: "needed_by",
      cell: (r) => (
        <Text size="sm" c={r.needed_by ? undefined : "dimmed"}>
          {day(r.needed_by)}
        </Text>
      ),
    },
    {
      key: "estimate",
      title: l("estimate"),
      width: "110px",
      cell: (r) => (
        <Text size="sm" ta="right" style={{ flex: 1 }}>
          {formatMoney(r.estimate_cents, "EUR", i18n.language)}
        </Text>
      ),
    },
  ];
}

/** The requisitions: search, status, department, "waiting for my approval", sorts in SQL. */
export function RequisitionList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const departments = useAllDepartments();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [status, setStatus] = useState<RequisitionState | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [sort, setSort] = useState<RequisitionSort>("date");
  const [dir, setDir] = useState<SortDir>("desc");
  const columns = useColumns();
  const source = useMemo<ListSource<RequisitionRow>>(() => {
    const query = (page: RequisitionQuery["page"]): RequisitionQuery => ({
      search: debounced || null,
      status,
      department_id: department ? Number(department) : null,
      requested_by: null,
      from: null,
      to: null,
      waiting_for_me: waiting,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => requisitionKeys.list(query(page)),
      fetch: (page) => requisitionsApi.list(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, department, waiting, sort, dir]);
  const filtered = debounced !== "" || status !== null || department !== null || waiting;
  return (
    <Card>
      <Group
        mb="md"
        justify="space-between"
        wrap="wrap"
        gap="sm"
        data-testid="requisitions-filters"
      >
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("requisitionsUi.searchPlaceholder")}
          width={300}
          testId="requisition-search"
        />
        <Group gap="sm">
          <Switch
            label={t("requisitionsUi.waitingForMe")}
            checked={waiting}
            onChange={(e) => setWaiting(e.currentTarget.checked)}
            data-testid="requisition-waiting"
          />
          <Select
            aria-label={t("requisitionsUi.department")}
            placeholder={t("requisitionsUi.department")}
            data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            value={department}
            onChange={setDepartment}
            clearable
            searchable
            w={200}
          />
          <Select
            aria-label={t("requisitionsUi.status")}
            placeholder={t("requisitionsUi.anyStatus")}
            data={STATES.map((s) => ({ value: s, label: t(`requisitionsUi.state.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as RequisitionState | null)}
            clearable
            w={210}
            data-testid="requisition-status-filter"
          />
        </Group>
      </Group>
      <ServerList
        testId="requisitions"
        rowTestId="requisition-row"
        label={t("requisitionsUi.view")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-number": r.number, "data-status": r.status })}
        onOpen={(r) => go({ page: "requisition", id: r.id })}
        total={(n) => t("common.total", { n: formatNumber(n, i18n.language) })}
        empty={
          <ListEmpty
            icon={IconClipboardList}
            title={filtered ? t("requisitionsUi.noMatch") : t("requisitionsUi.emptyTitle")}
            text={filtered || !canWrite ? null : t("requisitionsUi.emptyText")}
          />
        }
      />
    </Card>
  );
}
