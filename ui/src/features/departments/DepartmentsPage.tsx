import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import {
  IconDots,
  IconFileImport,
  IconPencil,
  IconPlus,
  IconPower,
  IconSearch,
} from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { settingsKeys } from "../../api/settings";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import { SortHeader } from "../../app/SortHeader";
import { useCan } from "../../app/session";
import type { ActiveFilter } from "../../bindings/ActiveFilter";
import type { Department } from "../../bindings/Department";
import type { DepartmentSort } from "../../bindings/DepartmentSort";
import type { SortDir } from "../../bindings/SortDir";
import { formatDateTime } from "../../i18n/format";
import { errorMessage } from "../../lib/errors";
import { ImportDialog } from "../import/ImportDialog";
import { DepartmentFormModal } from "./DepartmentFormModal";
import { FIND_DEPARTMENT } from "./find";
import "./i18n";

const PAGE_SIZE = 25;

function useToggleActive() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Department) => departmentsApi.setActive(d.id, d.version, !d.active),
    onSuccess: (d) => {
      qc.invalidateQueries({ queryKey: departmentKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      notifications.show({
        color: "green",
        message: t(d.active ? "departments.reactivated" : "departments.deactivated"),
      });
    },
    onError: (e) => notifications.show({ color: "red", message: errorMessage(e, t) }),
  });
}

export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const { memory, route } = useNav();
  const [find] = useState(() => memory.get(FIND_DEPARTMENT) as string | undefined);
  const [search, setSearch] = useState(find ?? "");
  const [debounced] = useDebouncedValue(search, 250);
  // A department found by name is shown even when deactivated.
  const [status, setStatus] = useState<ActiveFilter>(find ? "all" : "active");
  const [sort, setSort] = useState<DepartmentSort>("name");
  const [dir, setDir] = useState<SortDir>("asc");
  const [page, setPage] = useState(1);
  // Read once per navigation (a later visit starts unfiltered), and again at each navigation
  // while the page is shown: choosing another department in the header's search while already
  // here is a new route object, and must filter on it just the same.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs at each navigation
  useEffect(() => {
    const next = memory.get(FIND_DEPARTMENT) as string | undefined;
    memory.delete(FIND_DEPARTMENT);
    if (next === undefined) return;
    setSearch(next);
    setStatus("all");
    setPage(1);
  }, [route, memory]);
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const toggle = useToggleActive();
  const qc = useQueryClient();
  const canWrite = useCan("departments", "write");

  const query = {
    search: debounced || null,
    status,
    sort,
    dir,
    page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
  const list = useQuery({
    queryKey: departmentKeys.list(query),
    queryFn: () => departmentsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const onSort = (c: DepartmentSort, d: SortDir) => {
    setSort(c);
    setDir(d);
    setPage(1);
  };
  const label = (f: string) => t(`fields.departments.${f}`);
  const filtered = debounced !== "" || status !== "all";

  return (
    <>
      <PageHeader
        title={t("departments.title")}
        subtitle={t("departments.subtitle")}
        actions={
          canWrite && (
            <Group gap="sm" wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => setImporting(true)}
                data-testid="department-import"
              >
                {t("departments.import")}
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setEditing(null)}
                data-testid="department-new"
              >
                {t("departments.new")}
              </Button>
            </Group>
          )
        }
      />
      <Card>
        <Group mb="md" justify="space-between">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t("departments.searchPlaceholder")}
            aria-label={t("common.search")}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={380}
            data-testid="department-search"
          />
          <SegmentedControl
            value={status}
            onChange={(v) => {
              setStatus(v as ActiveFilter);
              setPage(1);
            }}
            data={(["active", "inactive", "all"] as const).map((s) => ({
              value: s,
              label: t(`departments.status.${s}`),
            }))}
            data-testid="department-status"
          />
        </Group>
        <QueryState query={list}>
          {(p) =>
            p.total === 0 ? (
              <Stack align="center" py="xl" gap="xs" data-testid="departments-empty">
                <Text fw={600}>
                  {filtered ? t("departments.noMatch") : t("departments.emptyTitle")}
                </Text>
                {filtered || !canWrite ? null : (
                  <Text c="dimmed">{t("departments.emptyText")}</Text>
                )}
              </Stack>
            ) : (
              <>
                <Table highlightOnHover verticalSpacing="sm" data-testid="departments-table">
                  <Table.Thead>
                    <Table.Tr>
                      {(["name", "code", "head", "cost_centre"] as const).map((c) => (
                        <SortHeader
                          key={c}
                          label={label(c)}
                          column={c}
                          sort={sort}
                          dir={dir}
                          onSort={onSort}
                        />
                      ))}
                      <Table.Th>{t("fields.departments.active")}</Table.Th>
                      <SortHeader
                        label={t("common.updatedAt")}
                        column="updated_at"
                        sort={sort}
                        dir={dir}
                        onSort={onSort}
                      />
                      <Table.Th w={60} aria-label={t("common.actions")} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.items.map((d) => (
                      <Table.Tr key={d.id} data-testid="department-row" data-name={d.name}>
                        <Table.Td fw={600}>{d.name}</Table.Td>
                        <Table.Td>{d.code ?? t("common.none")}</Table.Td>
                        <Table.Td>{d.head ?? t("common.none")}</Table.Td>
                        <Table.Td>{d.cost_centre ?? t("common.none")}</Table.Td>
                        <Table.Td>
                          <Badge color={d.active ? "green" : "gray"} variant="light">
                            {t(
                              d.active
                                ? "departments.status.active"
                                : "departments.status.inactive",
                            )}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{formatDateTime(d.updated_at, i18n.language)}</Table.Td>
                        <Table.Td>
                          {canWrite ? (
                            <Group gap={4} wrap="nowrap">
                              <ActionIcon
                                variant="subtle"
                                aria-label={t("common.edit")}
                                onClick={() => setEditing(d)}
                                data-testid="department-edit"
                              >
                                <IconPencil size={16} />
                              </ActionIcon>
                              <Menu position="bottom-end" withinPortal>
                                <Menu.Target>
                                  <ActionIcon variant="subtle" aria-label={t("common.actions")}>
                                    <IconDots size={16} />
                                  </ActionIcon>
                                </Menu.Target>
                                <Menu.Dropdown>
                                  <Menu.Item
                                    leftSection={<IconPower size={14} />}
                                    color={d.active ? "red" : undefined}
                                    onClick={() => toggle.mutate(d)}
                                    data-testid="department-toggle"
                                  >
                                    {t(
                                      d.active
                                        ? "departments.deactivate"
                                        : "departments.reactivate",
                                    )}
                                  </Menu.Item>
                                </Menu.Dropdown>
                              </Menu>
                            </Group>
                          ) : null}
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
