import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue, useViewportSize } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconChevronDown,
  IconChevronUp,
  IconFileImport,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconFilterOff,
  IconPlus,
  IconSearch,
  IconSelector,
  IconUsers,
} from "@tabler/icons-react";
import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import { departmentKeys } from "../../api/departments";
import "./staff.css";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { useNav, useRemembered } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import type { StaffQuery } from "../../bindings/StaffQuery";
import type { StaffRow } from "../../bindings/StaffRow";
import type { StaffSort } from "../../bindings/StaffSort";
import type { StatusFilter } from "../../bindings/StatusFilter";
import { formatDate, formatNumber } from "../../i18n/format";
import { errorMessage } from "../../lib/errors";
import { notifyError } from "../../lib/useServerForm";
import { useAllDepartments, useContractTypes, useNames, useOptions } from "./catalog";
import { NO_FILTERS, STAFF_FILTERS, type StaffFilters } from "./filters";
import { ExpiryDate, ScoreBar } from "./parts";
import "./i18n";
import { ImportDialog } from "../import/ImportDialog";

/** Rows fetched per request: one SQL page, asked for only when the person scrolls near it. */
export const STAFF_PAGE = 100;
const ROW_HEIGHT = 56;
/** Column widths of the header and every row. */
// Fits the 1280-pixel window beside the navigation, scrollbar included, without scrolling sideways.
const GRID = "minmax(170px, 1.6fr) 110px minmax(140px, 1.4fr) minmax(130px, 1fr) 130px 170px";

function toQuery(f: StaffFilters, page: number): StaffQuery {
  return {
    search: f.search.trim() || null,
    department_id: f.department ? Number(f.department) : null,
    status: f.status,
    contract_type_id: f.contract ? Number(f.contract) : null,
    completeness_below: f.below ? Number(f.below) : null,
    expiring_within_days: f.within ? Number(f.within) : null,
    sort: f.sort,
    dir: f.dir,
    page: { offset: page * STAFF_PAGE, limit: STAFF_PAGE },
  };
}

function HeaderCell({
  label,
  column,
  filters,
  onSort,
}: {
  label: string;
  column?: StaffSort;
  filters: StaffFilters;
  onSort: (c: StaffSort) => void;
}) {
  if (!column) {
    return (
      <Text fw={600} size="sm" role="columnheader">
        {label}
      </Text>
    );
  }
  const active = filters.sort === column;
  const Icon = active ? (filters.dir === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Box
      role="columnheader"
      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton onClick={() => onSort(column)} data-testid={`sort-${column}`}>
        <Group gap={4} wrap="nowrap">
          <Text
            fw={600}
            size="sm"
            c={active ? "indigo.8" : undefined}
            style={{ whiteSpace: "nowrap" }}
          >
            {label}
          </Text>
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Box>
  );
}

function Filters({
  value,
  filtered,
  onChange,
}: {
  value: StaffFilters;
  filtered: boolean;
  onChange: (patch: Partial<StaffFilters>) => void;
}) {
  const { t } = useTranslation();
  const departments = useAllDepartments();
  const contracts = useContractTypes();
  const departmentOptions = (departments.data ?? []).map((d) => ({
    value: String(d.id),
    label: d.active ? d.name : `${d.name} (${t("staff.inactive")})`,
  }));
  const contractOptions = useOptions(contracts.data, null, true);
  return (
    <Stack gap="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          label={t("common.search")}
          placeholder={t("staff.searchPlaceholder")}
          value={value.search}
          onChange={(e) => onChange({ search: e.currentTarget.value })}
          style={{ flex: 1 }}
          data-testid="staff-search"
        />
        <SegmentedControl
          value={value.status}
          onChange={(v) => onChange({ status: v as StatusFilter })}
          data={(["active", "terminated", "all"] as const).map((s) => ({
            value: s,
            label: t(`staff.statusFilter.${s}`),
          }))}
          data-testid="staff-filter-status"
        />
        {filtered ? (
          <Button
            variant="subtle"
            style={{ flexShrink: 0 }}
            leftSection={<IconFilterOff size={16} />}
            onClick={() => onChange({ ...NO_FILTERS, sort: value.sort, dir: value.dir })}
            data-testid="staff-reset"
          >
            {t("staff.resetFilters")}
          </Button>
        ) : null}
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label={t("fields.employees.department_id")}
          placeholder={t("staff.allDepartments")}
          data={departmentOptions}
          value={value.department}
          onChange={(v) => onChange({ department: v })}
          searchable
          clearable
          nothingFoundMessage={t("staff.nothingFound")}
          w={185}
          data-testid="staff-filter-department"
        />
        <Select
          label={t("fields.employees.contract_type_id")}
          placeholder={t("staff.allContracts")}
          data={contractOptions}
          value={value.contract}
          onChange={(v) => onChange({ contract: v })}
          clearable
          w={185}
          data-testid="staff-filter-contract"
        />
        <Select
          label={t("staff.completenessFilter")}
          placeholder={t("staff.anyScore")}
          data={["100", "90", "75", "50"].map((v) => ({
            value: v,
            label: v === "100" ? t("staff.incomplete") : t("staff.below", { n: v }),
          }))}
          value={value.below}
          onChange={(v) => onChange({ below: v })}
          clearable
          w={185}
          data-testid="staff-filter-below"
        />
        <Select
          label={t("staff.expiringFilter")}
          placeholder={t("staff.anyExpiry")}
          data={["30", "60", "90"].map((v) => ({
            value: v,
            label: t("staff.within", { n: v }),
          }))}
          value={value.within}
          onChange={(v) => onChange({ within: v })}
          clearable
          w={185}
          data-testid="staff-filter-within"
        />
      </Group>
    </Stack>
  );
}

/** Export of the list as filtered, and import, for the page header. */
function ListActions({ filters, onImport }: { filters: StaffFilters; onImport: () => void }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("staff", "write");
  const canExport = useCan("staff", "export");
  const exportList = useMutation({
    mutationFn: (format: "csv" | "xlsx") =>
      staffApi.exportList(toQuery(filters, 0), format, i18n.language, t("staff.exportTitle")),
    onSuccess: (r) =>
      notifications.show({
        color: "green",
        message: t("staff.exported", { count: r.rows, path: r.path }),
        autoClose: 10000,
      }),
    onError: (e) => notifyError(e, t, "staff"),
  });
  return (
    <>
      {canWrite ? (
        <Button
          variant="default"
          leftSection={<IconFileImport size={16} />}
          onClick={onImport}
          data-testid="staff-import"
        >
          {t("staff.import")}
        </Button>
      ) : null}
      {canExport ? (
        <>
          <Button
            variant="default"
            leftSection={<IconFileTypeCsv size={16} />}
            loading={exportList.isPending && exportList.variables === "csv"}
            onClick={() => exportList.mutate("csv")}
            data-testid="staff-export-csv"
          >
            {t("staff.exportCsv")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={exportList.isPending && exportList.variables === "xlsx"}
            onClick={() => exportList.mutate("xlsx")}
            data-testid="staff-export-xlsx"
          >
            {t("staff.exportXlsx")}
          </Button>
        </>
      ) : null}
    </>
  );
}

export function StaffPage() {
  const { t, i18n } = useTranslation();
  const { go, memory } = useNav();
  const qc = useQueryClient();
  const canWrite = useCan("staff", "write");
  const [importing, setImporting] = useState(false);
  const [filters, setFilters] = useRemembered<StaffFilters>(STAFF_FILTERS, NO_FILTERS);
  const [debouncedSearch] = useDebouncedValue(filters.search, 300);
  const effective = useMemo(
    () => ({ ...filters, search: debouncedSearch }),
    [filters, debouncedSearch],
  );
  const keyOf = JSON.stringify(toQuery(effective, 0));
  const scrollRef = useRef<HTMLDivElement>(null);
  const contractNames = useNames(useContractTypes().data);

  // The first page gives the total (and keeps the previous rows on screen while a new filter
  // loads); the virtualiser then asks for the pages under the visible rows, and only those.
  const first = useQuery({
    queryKey: staffKeys.list(toQuery(effective, 0)),
    queryFn: () => staffApi.list(toQuery(effective, 0)),
    placeholderData: keepPreviousData,
  });
  const total = first.data?.total ?? 0;
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: () => (memory.get(`staff.scroll.${keyOf}`) as number | undefined) ?? 0,
  });
  const items = virtual.getVirtualItems();
  const wanted: number[] = [];
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  if (firstItem && lastItem) {
    const from = Math.floor(firstItem.index / STAFF_PAGE);
    const to = Math.floor(lastItem.index / STAFF_PAGE);
    for (let p = Math.max(1, from); p <= to; p++) wanted.push(p);
  }
  const more = useQueries({
    queries: wanted.map((p) => ({
      queryKey: staffKeys.list(toQuery(effective, p)),
      queryFn: () => staffApi.list(toQuery(effective, p)),
    })),
  });
  const rows = new Map<number, StaffRow[]>();
  if (first.data) rows.set(0, first.data.items);
  for (const [i, q] of more.entries()) {
    const p = wanted[i];
    if (q.data && p !== undefined) rows.set(p, q.data.items);
  }

  // The list fills the window below the filters; it scrolls on its own.
  const { height: viewport } = useViewportSize();
  const [top, setTop] = useState(300);
  const listHeight = Math.max(280, (viewport || window.innerHeight) - top - 88);
  const attach = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    if (el) setTop(el.getBoundingClientRect().top + window.scrollY);
  }, []);

  const change = (patch: Partial<StaffFilters>) => {
    setFilters({ ...filters, ...patch });
    scrollRef.current?.scrollTo({ top: 0 });
  };
  const onSort = (c: StaffSort) =>
    change({ sort: c, dir: filters.sort === c && filters.dir === "asc" ? "desc" : "asc" });
  const filtered =
    filters.search.trim() !== "" ||
    filters.department !== null ||
    filters.contract !== null ||
    filters.below !== null ||
    filters.within !== null ||
    filters.status !== "active";
  const open = (id: number) => go({ page: "employee", id, tab: "details" });

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number, id: number) => {
    const move = (to: number) => {
      e.preventDefault();
      const target = Math.max(0, Math.min(total - 1, to));
      virtual.scrollToIndex(target);
      requestAnimationFrame(() =>
        scrollRef.current
          ?.querySelector<HTMLElement>(`[data-index="${target}"]`)
          ?.focus({ preventScroll: true }),
      );
    };
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open(id);
    } else if (e.key === "ArrowDown") move(index + 1);
    else if (e.key === "ArrowUp") move(index - 1);
    else if (e.key === "PageDown") move(index + 10);
    else if (e.key === "PageUp") move(index - 10);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(total - 1);
  };

  const columns: { label: string; column?: StaffSort }[] = [
    { label: t("staff.columns.name"), column: "name" },
    { label: t("staff.columns.number"), column: "employee_number" },
    { label: t("staff.columns.department"), column: "department" },
    { label: t("staff.columns.hireDate"), column: "hire_date" },
    { label: t("staff.columns.completeness"), column: "completeness" },
    { label: t("staff.columns.nextExpiry"), column: "next_expiry" },
  ];

  return (
    <>
      <PageHeader
        title={t("staff.title")}
        subtitle={t("staff.subtitle")}
        actions={
          <Group gap="sm" wrap="nowrap">
            <ListActions filters={effective} onImport={() => setImporting(true)} />
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
        <Filters value={filters} filtered={filtered} onChange={change} />
        {first.isError ? (
          <Text c="red" data-testid="load-error">
            {errorMessage(first.error, t)}
          </Text>
        ) : !first.isPending && total === 0 ? (
          <Stack align="center" py={48} gap="xs" data-testid="staff-empty">
            <IconUsers size={40} stroke={1.2} color="var(--mantine-color-gray-5)" />
            <Text fw={600}>{filtered ? t("staff.noMatch") : t("staff.emptyTitle")}</Text>
            {filtered ? (
              <Button
                variant="light"
                leftSection={<IconFilterOff size={16} />}
                onClick={() => change(NO_FILTERS)}
              >
                {t("staff.resetFilters")}
              </Button>
            ) : (
              <Text c="dimmed" ta="center" maw={460}>
                {canWrite ? t("staff.emptyText") : t("staff.emptyTextReadOnly")}
              </Text>
            )}
          </Stack>
        ) : (
          // Rows are absolutely positioned for virtualisation, so the table is ARIA on boxes.
          <Box role="table" aria-rowcount={total} data-testid="staff-table">
            <Box
              role="row"
              px="sm"
              py={10}
              style={{
                display: "grid",
                gridTemplateColumns: GRID,
                gap: 10,
                borderBottom: "1px solid var(--mantine-color-gray-3)",
              }}
            >
              {columns.map((c) => (
                <HeaderCell
                  key={c.label}
                  label={c.label}
                  column={c.column}
                  filters={filters}
                  onSort={onSort}
                />
              ))}
            </Box>
            <div
              ref={attach}
              style={{ height: listHeight, overflowY: "auto", position: "relative" }}
              onScroll={(e) => memory.set(`staff.scroll.${keyOf}`, e.currentTarget.scrollTop)}
              data-testid="staff-scroll"
            >
              <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
                {items.map((v) => {
                  const page = rows.get(Math.floor(v.index / STAFF_PAGE));
                  const r = page?.[v.index % STAFF_PAGE];
                  const style = {
                    position: "absolute" as const,
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${v.start}px)`,
                    display: "grid",
                    gridTemplateColumns: GRID,
                    gap: 10,
                    alignItems: "center",
                  };
                  if (!r) {
                    return (
                      <Box key={v.key} style={style} px="sm" className="staff-row" aria-busy>
                        <Skeleton height={12} width="70%" />
                        <Skeleton height={12} width="60%" />
                        <Skeleton height={12} width="70%" />
                        <Skeleton height={12} width="60%" />
                        <Skeleton height={12} width="80%" />
                        <Skeleton height={12} width="60%" />
                      </Box>
                    );
                  }
                  return (
                    <Box
                      key={v.key}
                      role="row"
                      tabIndex={0}
                      aria-rowindex={v.index + 1}
                      data-index={v.index}
                      data-testid="staff-row"
                      data-id={r.id}
                      data-name={`${r.last_name} ${r.first_name}`}
                      className="staff-row"
                      style={style}
                      px="sm"
                      onClick={() => open(r.id)}
                      onKeyDown={(e) => onRowKey(e, v.index, r.id)}
                    >
                      <Box role="cell" miw={0}>
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
                      </Box>
                      <Text role="cell" size="sm" truncate>
                        {r.employee_number ?? t("common.none")}
                      </Text>
                      <Box role="cell" miw={0}>
                        <Text size="sm" truncate>
                          {r.department ?? t("common.none")}
                        </Text>
                        {r.job_title ? (
                          <Text size="xs" c="dimmed" truncate>
                            {r.job_title}
                          </Text>
                        ) : null}
                      </Box>
                      <Box role="cell" miw={0}>
                        <Text size="sm">{formatDate(r.hire_date, i18n.language)}</Text>
                        <Text size="xs" c="dimmed" truncate>
                          {contractNames(r.contract_type_id) ?? t("common.none")}
                        </Text>
                      </Box>
                      <Box role="cell">
                        <ScoreBar score={r.completeness} />
                      </Box>
                      <Box role="cell">
                        <ExpiryDate date={r.next_expiry} />
                      </Box>
                    </Box>
                  );
                })}
              </div>
            </div>
            <Group justify="space-between" mt="sm">
              <Text size="sm" c="dimmed" data-testid="list-total">
                {t("staff.total", { count: total, n: formatNumber(total, i18n.language) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t("staff.keyboardHint")}
              </Text>
            </Group>
          </Box>
        )}
      </Card>
    </>
  );
}
