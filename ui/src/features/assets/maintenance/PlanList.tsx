import { Badge, Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { IconTool } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { itReportsApi } from "../../../api/itReports";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import type { MaintenanceDue } from "../../../bindings/MaintenanceDue";
import type { MaintenancePlanQuery } from "../../../bindings/MaintenancePlanQuery";
import type { MaintenancePlanRow } from "../../../bindings/MaintenancePlanRow";
import type { MaintenanceSort } from "../../../bindings/MaintenanceSort";
import { formatDate } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListSearch } from "../../../kit/ListSearch";
import { useListSearch, useListSort } from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { DueDate } from "./parts";
import { scheduleText } from "./scheduleText";
import "./i18n";
import "../reports/i18n";

/** The due filter's choices, each the query's `due`. */
const DUE: Record<string, MaintenanceDue> = {
  all: { kind: "all" },
  overdue: { kind: "overdue" },
  week: { kind: "within", days: 7 },
  month: { kind: "within", days: 30 },
};

function useColumns(): ListColumn<MaintenancePlanRow, MaintenanceSort>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return [
    {
      key: "title",
      title: t("maintenance.fields.title"),
      width: "minmax(200px, 2fr)",
      sort: "title",
      cell: (p) => (
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500} truncate>
              {p.title}
            </Text>
            {!p.active && (
              <Badge color="gray" variant="light" size="xs">
                {t("maintenance.retired")}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {p.target_name}
          </Text>
        </div>
      ),
    },
    {
      key: "schedule",
      title: t("maintenance.fields.schedule"),
      width: "minmax(180px, 1.6fr)",
      cell: (p) => (
        <Text size="sm" truncate>
          {scheduleText(p.schedule, t, lang)}
        </Text>
      ),
    },
    {
      key: "assignee",
      title: t("maintenance.fields.assignee"),
      width: "minmax(120px, 1fr)",
      cell: (p) => (
        <Text size="sm" c={p.assignee_name ? undefined : "dimmed"} truncate>
          {p.assignee_name ?? t("maintenance.unassigned")}
        </Text>
      ),
    },
    {
      key: "next_due",
      title: t("maintenance.fields.next_due"),
      width: "130px",
      sort: "next_due",
      cell: (p) => <DueDate date={p.next_due_on} active={p.active} />,
    },
    {
      key: "last_done",
      title: t("maintenance.fields.last_done"),
      width: "130px",
      sort: "last_done",
      cell: (p) => (
        <Text size="sm" c={p.last_done_on ? undefined : "dimmed"}>
          {p.last_done_on ? formatDate(p.last_done_on, lang) : t("maintenance.never")}
        </Text>
      ),
    },
  ];
}

export type PlanListProps = {
  canWrite: boolean;
  /** Opens a plan's panel. */
  onOpen: (planId: number) => void;
};

/** Every maintenance plan, soonest due first, filtered by title, due date and retirement. */
export function PlanList({ canWrite, onOpen }: PlanListProps) {
  const { t } = useTranslation();
  const { search, setSearch, debounced } = useListSearch();
  const [due, setDue] = useState("all");
  const [retired, setRetired] = useState(false);
  const sorting = useListSort<MaintenanceSort>("next_due", "asc");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const query = useCallback(
    (page: MaintenancePlanQuery["page"]): MaintenancePlanQuery => ({
      search: debounced || null,
      assignee_employee_id: null,
      target: null,
      due: DUE[due] ?? { kind: "all" },
      include_retired: retired,
      sort,
      dir,
      page,
    }),
    [debounced, due, retired, sort, dir],
  );
  const source = useMemo<ListSource<MaintenancePlanRow>>(() => {
    return {
      key: (page) => maintenanceKeys.list(query(page)),
      fetch: (page) => maintenanceApi.list(query(page)),
      pageSize: 50,
    };
  }, [query]);
  const filtered = debounced !== "" || due !== "all";
  return (
    <Stack gap={0}>
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("maintenance.searchPlaceholder")}
          width={300}
          testId="plan-search"
        />
        <Select
          data={Object.keys(DUE).map((k) => ({ value: k, label: t(`maintenance.due.${k}`) }))}
          value={due}
          onChange={(v) => setDue(v ?? "all")}
          allowDeselect={false}
          w={220}
          data-testid="plan-due-filter"
        />
        <Checkbox
          label={t("maintenance.includeRetired")}
          checked={retired}
          onChange={(e) => setRetired(e.currentTarget.checked)}
          data-testid="plan-retired-filter"
        />
        <ExportButtons
          area="assets"
          testId="plan-export"
          run={(format, language) =>
            itReportsApi.exportPlans(
              query({ offset: 0, limit: 50 }),
              format,
              language,
              t("reports.exportTitle"),
            )
          }
        />
      </Group>
      <ServerList
        testId="plans"
        rowTestId="plan-row"
        label={t("maintenance.views.plans")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={52}
        rowData={(p) => ({
          "data-id": p.id,
          "data-overdue": String(p.overdue),
          "data-active": String(p.active),
        })}
        onOpen={(p) => onOpen(p.id)}
        empty={
          <FilteredEmpty
            icon={IconTool}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("maintenance.noMatch")}
            emptyTitle={t("maintenance.emptyTitle")}
            emptyText={t("maintenance.emptyText")}
          />
        }
      />
    </Stack>
  );
}
