import { Card, Select, Switch } from "@mantine/core";
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
import { DateCell, MoneyCell, TextCell } from "../../../kit/listCells";
import { FilterBar, StatusFilter, useListSearch, useListSort } from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { useAllDepartments } from "../../staff/catalog";
import { RequisitionStatusBadge } from "./parts";

const STATES: RequisitionState[] = ["draft", "submitted", "approved", "rejected", "ordered"];

function useColumns(): ListColumn<RequisitionRow, RequisitionSort>[] {
  const { t } = useTranslation();
  const l = (k: string) => t(`requisitionsUi.${k}`);
  return [
    {
      key: "number",
      title: l("number"),
      width: "110px",
      cell: (r) => <TextCell value={r.number} code />,
    },
    {
      key: "date",
      title: l("date"),
      width: "95px",
      sort: "date",
      cell: (r) => <DateCell value={r.created_on} />,
    },
    {
      key: "reason",
      title: l("why"),
      width: "minmax(115px, 2fr)",
      cell: (r) => <TextCell value={r.reason} />,
    },
    {
      key: "requester",
      title: l("requester"),
      width: "minmax(90px, 1fr)",
      cell: (r) => <TextCell value={r.requested_by_name} />,
    },
    {
      key: "department",
      title: l("department"),
      width: "minmax(80px, 1fr)",
      cell: (r) => <TextCell value={r.department_name} />,
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
      cell: (r) => <DateCell value={r.needed_by} />,
    },
    {
      key: "estimate",
      title: l("estimate"),
      width: "110px",
      cell: (r) => <MoneyCell cents={r.estimate_cents} currency="EUR" />,
    },
  ];
}

/** The requisitions: search, status, department, "waiting for my approval", sorts in SQL. */
export function RequisitionList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const departments = useAllDepartments();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<RequisitionState | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const sorting = useListSort<RequisitionSort>("date");
  const { sort, dir } = sorting;
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
      <FilterBar
        testId="requisitions-filters"
        search={{
          value: search,
          onChange: setSearch,
          placeholder: t("requisitionsUi.searchPlaceholder"),
          testId: "requisition-search",
        }}
      >
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
        <StatusFilter
          label={t("requisitionsUi.status")}
          placeholder={t("requisitionsUi.anyStatus")}
          states={STATES}
          stateLabel={(s) => t(`requisitionsUi.state.${s}`)}
          value={status}
          onChange={setStatus}
          w={210}
          testId="requisition-status-filter"
        />
      </FilterBar>
      <ServerList
        testId="requisitions"
        rowTestId="requisition-row"
        label={t("requisitionsUi.view")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-number": r.number, "data-status": r.status })}
        onOpen={(r) => go({ page: "requisition", id: r.id })}
        empty={
          <FilteredEmpty
            icon={IconClipboardList}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("requisitionsUi.noMatch")}
            emptyTitle={t("requisitionsUi.emptyTitle")}
            emptyText={t("requisitionsUi.emptyText")}
          />
        }
      />
    </Card>
  );
}
