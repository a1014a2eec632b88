import { Button, Checkbox, Group, Select, Stack } from "@mantine/core";
import { IconPackages, IconPlus } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { itReportsApi } from "../../../api/itReports";
import { consumableKeys, consumablesApi } from "../../../api/licences";
import { useCan } from "../../../app/session";
import type { Consumable } from "../../../bindings/Consumable";
import type { ConsumableCategory } from "../../../bindings/ConsumableCategory";
import type { ConsumableQuery } from "../../../bindings/ConsumableQuery";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListSearch } from "../../../kit/ListSearch";
import { useListSearch } from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { ConsumableFormModal } from "./ConsumableForm";
import { ConsumableMoves } from "./ConsumableMoves";
import { useConsumableColumns } from "./consumableColumns";
import { MoveModal } from "./MoveModal";
import { CONSUMABLE_CATEGORIES, type MoveDirection } from "./values";
import "./i18n";
import "../reports/i18n";

export type ConsumablesViewProps = {
  /** Whether the person may add items and move stock; by default `useCan("assets", "write")`. */
  canWrite?: boolean;
};

/** Consumables in stock: how many are left, which are below their minimum, what came and went. */
export function ConsumablesView(props: ConsumablesViewProps) {
  const { t } = useTranslation();
  const mayWrite = useCan("assets", "write");
  const canWrite = props.canWrite ?? mayWrite;
  const { search, setSearch, debounced } = useListSearch();
  const [category, setCategory] = useState<ConsumableCategory | null>(null);
  const [lowOnly, setLowOnly] = useState(false);
  const [editing, setEditing] = useState<Consumable | null | "new">(null);
  const [move, setMove] = useState<{ item: Consumable; direction: MoveDirection } | null>(null);
  const [movesOf, setMovesOf] = useState<Consumable | null>(null);
  const columns = useConsumableColumns({
    onMoves: setMovesOf,
    write: canWrite
      ? { onMove: (item, direction) => setMove({ item, direction }), onEdit: setEditing }
      : null,
  });
  const query = useCallback(
    (page: ConsumableQuery["page"]): ConsumableQuery => ({
      search: debounced || null,
      category,
      low_only: lowOnly,
      include_inactive: false,
      page,
    }),
    [debounced, category, lowOnly],
  );
  const source = useMemo<ListSource<Consumable>>(() => {
    return {
      key: (page) => consumableKeys.list(query(page)),
      fetch: (page) => consumablesApi.list(query(page)),
      pageSize: 50,
    };
  }, [query]);
  const filtered = debounced !== "" || category !== null || lowOnly;
  return (
    <Stack gap={0} data-testid="consumables-view">
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("consumables.searchPlaceholder")}
          width={280}
          testId="consumable-search"
        />
        <Select
          data={CONSUMABLE_CATEGORIES.map((c) => ({
            value: c,
            label: t(`consumables.category.${c}`),
          }))}
          value={category}
          onChange={(v) => setCategory(v as ConsumableCategory | null)}
          placeholder={t("consumables.anyCategory")}
          clearable
          w={200}
          data-testid="consumable-category-filter"
        />
        <Checkbox
          label={t("consumables.lowOnly")}
          checked={lowOnly}
          onChange={(e) => setLowOnly(e.currentTarget.checked)}
          data-testid="consumable-low-filter"
        />
        <ExportButtons
          area="assets"
          testId="consumable-export"
          run={(format, language) =>
            itReportsApi.exportConsumables(
              query({ offset: 0, limit: 50 }),
              format,
              language,
              t("reports.exportTitle"),
            )
          }
        />
        {canWrite && (
          <Button
            ml="auto"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing("new")}
            data-testid="consumable-new"
          >
            {t("consumables.new")}
          </Button>
        )}
      </Group>
      <ServerList
        testId="consumables"
        rowTestId="consumable-row"
        label={t("consumables.title")}
        columns={columns}
        source={source}
        sort="name"
        dir="asc"
        onSort={() => {}}
        rowHeight={52}
        rowData={(c) => ({ "data-id": c.id, "data-stock": c.stock, "data-low": String(c.low) })}
        onOpen={setMovesOf}
        empty={
          <FilteredEmpty
            icon={IconPackages}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("consumables.noMatch")}
            emptyTitle={t("consumables.emptyTitle")}
            emptyText={t("consumables.emptyText")}
          />
        }
      />
      <ConsumableFormModal
        opened={editing !== null}
        item={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
      />
      <MoveModal move={move} onClose={() => setMove(null)} />
      <ConsumableMoves item={movesOf} onClose={() => setMovesOf(null)} />
    </Stack>
  );
}
