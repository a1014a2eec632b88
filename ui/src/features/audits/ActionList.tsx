import { Checkbox, Group, Select, Text } from "@mantine/core";
import { IconListCheck } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import type { ActionQuery } from "../../bindings/ActionQuery";
import type { ActionRow } from "../../bindings/ActionRow";
import type { ActionSort } from "../../bindings/ActionSort";
import type { ActionStatus } from "../../bindings/ActionStatus";
import { formatDate } from "../../i18n/format";
import { ListSearch } from "../../kit/ListSearch";
import { useListSearch, useListSort } from "../../kit/listFilters";
import { ListEmpty } from "../../kit/listParts";
import { type ListColumn, ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { ActionStatusBadge } from "./parts";
import "./i18n";

function useColumns(): ListColumn<ActionRow, ActionSort>[] {
  const { t, i18n } = useTranslation();
  return [
    {
      key: "description",
      title: t("capa.fields.description"),
      width: "minmax(240px, 2fr)",
      cell: (x) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {x.description}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {t("findings.number", { n: x.finding_number })} · {x.finding_title}
          </Text>
        </div>
      ),
    },
    {
      key: "audit",
      title: t("capa.fields.audit"),
      width: "minmax(150px, 1fr)",
      sort: "audit",
      cell: (x) => (
        <Text size="sm" truncate>
          {x.audit_title}
        </Text>
      ),
    },
    {
      key: "owner",
      title: t("capa.fields.owner"),
      width: "minmax(140px, 1fr)",
      sort: "owner",
      cell: (x) => (
        <Text size="sm" truncate>
          {x.owner_name}
        </Text>
      ),
    },
    {
      key: "due",
      title: t("capa.fields.due_on"),
      width: "110px",
      sort: "due_on",
      cell: (x) => (
        <Text size="sm" c={x.overdue ? "red" : undefined} fw={x.overdue ? 600 : undefined}>
          {formatDate(x.due_on, i18n.language)}
        </Text>
      ),
    },
    {
      key: "status",
      title: t("capa.fields.status"),
      width: "110px",
      sort: "status",
      cell: (x) => <ActionStatusBadge status={x.status} />,
    },
  ];
}

export function ActionList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<ActionStatus | null>("open");
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(false);
  const sorting = useListSort<ActionSort>("due_on", "asc");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const source = useMemo<ListSource<ActionRow>>(() => {
    const query = (page: ActionQuery["page"]): ActionQuery => ({
      search: debounced || null,
      status,
      owner_employee_id: null,
      audit_id: null,
      department_id: null,
      overdue,
      mine,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => auditKeys.actions(query(page)),
      fetch: (page) => auditsApi.actions(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, overdue, mine, sort, dir]);
  return (
    <>
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("capa.searchPlaceholder")}
          testId="action-search"
        />
        <Select
          data={(["open", "done", "verified"] as const).map((s) => ({
            value: s,
            label: t(`capa.status.${s}`),
          }))}
          value={status}
          onChange={(v) => setStatus(v as ActionStatus | null)}
          placeholder={t("capa.anyStatus")}
          clearable
          w={160}
        />
        <Checkbox
          label={t("capa.overdue")}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("capa.mine")}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
        />
      </Group>
      <ServerList
        testId="actions"
        rowTestId="action-row"
        label={t("audits.views.actions")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={56}
        rowData={(x) => ({ "data-id": x.id })}
        onOpen={(x) =>
          go({ page: "audit", id: x.audit_id, tab: "findings", focus: `finding:${x.finding_id}` })
        }
        empty={<ListEmpty icon={IconListCheck} title={t("capa.noMatch")} text={null} />}
      />
    </>
  );
}
