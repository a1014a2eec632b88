import { Badge, Button, Card, Group, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFileImport, IconFilterOff, IconPlus, IconUsers } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { departmentKeys } from "../../api/departments";
import { staffApi, staffKeys } from "../../api/staff";
import { useNav, useRemembered } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import type { PageRequest } from "../../bindings/PageRequest";
import type { StaffQuery } from "../../bindings/StaffQuery";
import type { StaffRow } from "../../bindings/StaffRow";
import type { StaffSort } from "../../bindings/StaffSort";
import { formatDate, formatNumber } from "../../i18n/format";
import { ExportButtons } from "../../kit/ExportButtons";
import { ListEmpty } from "../../kit/listParts";
import { type ListColumn, ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { ImportDialog } from "../import/ImportDialog";
import { useContractTypes, useNames } from "./catalog";
import { NO_FILTERS, STAFF_FILTERS, type StaffFilters } from "./filters";
import { ExpiryDate, ScoreBar } from "./parts";
import { isFiltered, StaffFilterBar } from "./StaffFilterBar";
import "./i18n";

/** Rows fetched per request: one SQL page, asked for only when the person scrolls near it. */
export const STAFF_PAGE = 100;

/** The list's query for one page: the filters as Rust reads them (B3 measures these shapes). */
export function toQuery(f: StaffFilters, page: PageRequest): StaffQuery {
  return {
    search: f.search.trim() || null,
    department_id: f.department ? Number(f.department) : null,
    status: f.status,
    contract_type_id: f.contract ? Number(f.contract) : null,
    completeness_below: f.below ? Number(f.below) : null,
    expiring_within_days: f.within ? Number(f.within) : null,
    sort: f.sort,
    dir: f.dir,
    page,
  };
}

/** The columns, declared once; widths fit the 1280-pixel window beside the navigation. */
function useColumns(): ListColumn<StaffRow, StaffSort>[] {
  const { t, i18n } = useTranslation();
  const contractNames = useNames(useContractTypes().data);
  const none = t("common.none");
  return [
    {
      key: "name",
      title: t("staff.columns.name"),
      width: "minmax(170px, 1.6fr)",
      sort: "name",
      cell: (r) => (
        <>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} size="sm" truncate>
              {r.last_name} {r.first_name}
            </Text>
            {r.status === "terminated" ? (
              <Badge size="xs" color="gray" variant="light">
                {t("staff.status.terminated")}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" className="code-input" truncate>
            {r.tax_code}
          </Text>
        </>
      ),
    },
    {
      key: "number",
      title: t("staff.columns.number"),
      width: "110px",
      sort: "employee_number",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.employee_number ?? none}
        </Text>
      ),
    },
    {
      key: "department",
      title: t("staff.columns.department"),
      width: "minmax(140px, 1.4fr)",
      sort: "department",
      cell: (r) => (
        <>
          <Text size="sm" truncate>
            {r.department ?? none}
          </Text>
          {r.job_title ? (
            <Text size="xs" c="dimmed" truncate>
              {r.job_title}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: "hire",
      title: t("staff.columns.hireDate"),
      width: "minmax(130px, 1fr)",
      sort: "hire_date",
      cell: (r) => (
        <>
          <Text size="sm">{formatDate(r.hire_date, i18n.language)}</Text>
          <Text size="xs" c="dimmed" truncate>
            {contractNames(r.contract_type_id) ?? none}
          </Text>
        </>
      ),
    },
    {
      key: "completeness",
      title: t("staff.columns.completeness"),
      width: "130px",
      sort: "completeness",
      cell: (r) => <ScoreBar score={r.completeness} />,
    },
    {
      key: "expiry",
      title: t("staff.columns.nextExpiry"),
      width: "170px",
      sort: "next_expiry",
      cell: (r) => <ExpiryDate date={r.next_expiry} />,
    },
  ];
}

/** The staff list: filters, the shared list over `list_staff`, export, import and "new". */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("staff", "write");
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  const [filters, setFilters] = useRemembered<StaffFilters>(STAFF_FILTERS, NO_FILTERS);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const effective = useMemo(
    () => ({ ...filters, search: debouncedSearch }),
    [filters, debouncedSearch],
  );
  const source = useMemo<ListSource<StaffRow>>(
    () => ({
      key: (page) => staffKeys.list(toQuery(effective, page)),
      fetch: (page) => staffApi.list(toQuery(effective, page)),
      pageSize: STAFF_PAGE,
    }),
    [effective],
  );
  const columns = useColumns();
  const change = (patch: Partial<StaffFilters>) => setFilters({ ...filters, ...patch });
  const filtered = isFiltered(filters);
  return (
    <>
      <PageHeader
        title={t("staff.title")}
        subtitle={t("staff.subtitle")}
        actions={
          <Group gap="sm" wrap="nowrap">
            {canWrite ? (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="staff-import"
              >
                {t("staff.import")}
              </Button>
            ) : null}
            <ExportButtons
              area="staff"
              testId="staff-export"
              run={(format, language) =>
                staffApi.exportList(
                  toQuery(effective, { offset: 0, limit: STAFF_PAGE }),
                  format,
                  language,
                  t("staff.exportTitle"),
                )
              }
              done={(r) => t("staff.exported", { count: r.rows, path: r.path })}
            />
            {canWrite ? (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => go({ page: "employee", id: "new", tab: "details" })}
                data-testid="employee-new"
              >
                {t("staff.new")}
              </Button>
            ) : null}
          </Group>
        }
      />
      <ImportDialog
        area="staff"
        opened={importing}
        onClose={() => {
          setImporting(false);
          qc.invalidateQueries({ queryKey: staffKeys.all });
          qc.invalidateQueries({ queryKey: departmentKeys.all });
        }}
      />
      <Card>
        <StaffFilterBar value={filters} onChange={change} />
        <ServerList
          testId="staff"
          rowTestId="staff-row"
          label={t("staff.title")}
          columns={columns}
          source={source}
          sort={filters.sort}
          dir={filters.dir}
          onSort={(sort, dir) => change({ sort, dir })}
          rowData={(r) => ({ "data-id": r.id, "data-name": `${r.last_name} ${r.first_name}` })}
          onOpen={(r) => go({ page: "employee", id: r.id, tab: "details" })}
          total={(n) => t("staff.total", { count: n, n: formatNumber(n, i18n.language) })}
          scrollMemory="staff.scroll"
          empty={
            <ListEmpty
              icon={IconUsers}
              title={filtered ? t("staff.noMatch") : t("staff.emptyTitle")}
              text={
                filtered ? null : canWrite ? t("staff.emptyText") : t("staff.emptyTextReadOnly")
              }
              action={
                filtered ? (
                  <Button
                    variant="light"
                    leftSection={<IconFilterOff size={16} />}
                    onClick={() => setFilters(NO_FILTERS)}
                  >
                    {t("staff.resetFilters")}
                  </Button>
                ) : null
              }
            />
          }
        />
      </Card>
    </>
  );
}
