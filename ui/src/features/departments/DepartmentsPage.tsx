import { Button, Card, Group, SegmentedControl } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBuildingCommunity, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import type { ActiveFilter } from "../../bindings/ActiveFilter";
import type { Department } from "../../bindings/Department";
import type { DepartmentQuery } from "../../bindings/DepartmentQuery";
import type { DepartmentSort } from "../../bindings/DepartmentSort";
import { ExportButtons } from "../../kit/ExportButtons";
import { ListSearch } from "../../kit/ListSearch";
import { useListSort } from "../../kit/listFilters";
import { FilteredEmpty } from "../../kit/listParts";
import { ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { ImportDialog } from "../import/ImportDialog";
import { useDepartmentColumns } from "./columns";
import { DepartmentFormModal } from "./DepartmentFormModal";
import "./i18n";

/** Rows per request. */
const PAGE_SIZE = 50;
const ROW_HEIGHT = 48;

export function DepartmentsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<ActiveFilter>("active");
  const [debounced] = useDebouncedValue(search, 250);
  const sorting = useListSort<DepartmentSort>("name", "asc");
  const { sort, dir } = sorting;
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const qc = useQueryClient();
  const { go } = useNav();
  const canWrite = useCan("departments", "write");
  const columns = useDepartmentColumns(canWrite ? setEditing : null);
  const source = useMemo<ListSource<Department>>(() => {
    const query = (page: DepartmentQuery["page"]): DepartmentQuery => ({
      search: debounced || null,
      status,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => departmentKeys.list(query(page)),
      fetch: (page) => departmentsApi.list(query(page)),
      pageSize: PAGE_SIZE,
    };
  }, [debounced, status, sort, dir]);
  // "Active" is where the page starts: only a search or another status is a filter.
  const filtered = debounced !== "" || status !== "active";

  return (
    <>
      <PageHeader
        title={t("departments.title")}
        subtitle={t("departments.subtitle")}
        actions={
          <Group gap="sm" wrap="nowrap">
            <ExportButtons
              area="departments"
              testId="department-export"
              run={(format, language) =>
                departmentsApi.export(
                  {
                    search: debounced || null,
                    status,
                    sort,
                    dir,
                    page: { offset: 0, limit: PAGE_SIZE },
                  },
                  format,
                  language,
                  t("departments.exportTitle"),
                )
              }
            />
            {canWrite && (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="department-import"
              >
                {t("departments.import")}
              </Button>
            )}
            {canWrite && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditing(null)}
                data-testid="department-new"
              >
                {t("departments.new")}
              </Button>
            )}
          </Group>
        }
      />
      <Card>
        <Group mb="md" justify="space-between">
          <ListSearch
            value={search}
            onChange={setSearch}
            placeholder={t("departments.searchPlaceholder")}
            width={380}
            testId="department-search"
          />
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as ActiveFilter)}
            data={(["active", "inactive", "all"] as const).map((s) => ({
              value: s,
              label: t(`departments.status.${s}`),
            }))}
            data-testid="department-status"
          />
        </Group>
        <ServerList
          testId="departments"
          rowTestId="department-row"
          label={t("departments.title")}
          columns={columns}
          source={source}
          {...sorting}
          rowHeight={ROW_HEIGHT}
          rowData={(d) => ({ "data-id": d.id, "data-name": d.name })}
          onOpen={(d) => go({ page: "department", id: d.id, tab: "details" })}
          empty={
            <FilteredEmpty
              icon={IconBuildingCommunity}
              filtered={filtered}
              canWrite={canWrite}
              noMatch={t("departments.noMatch")}
              emptyTitle={t("departments.emptyTitle")}
              emptyText={t("departments.emptyText")}
            />
          }
        />
      </Card>
      <ImportDialog
        area="departments"
        opened={importing}
        onClose={() => {
          setImporting(false);
          qc.invalidateQueries({ queryKey: departmentKeys.all });
        }}
      />
      <DepartmentFormModal
        opened={editing !== undefined}
        department={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}
