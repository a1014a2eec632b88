import { Checkbox, Group, Select, Stack, Text } from "@mantine/core";
import { IconDevicesPc } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { useNav } from "../../app/nav";
import type { AssetQuery } from "../../bindings/AssetQuery";
import type { AssetRow } from "../../bindings/AssetRow";
import type { AssetSort } from "../../bindings/AssetSort";
import type { AssetStatus } from "../../bindings/AssetStatus";
import type { SortDir } from "../../bindings/SortDir";
import { ExportButtons } from "../../kit/ExportButtons";
import { ListSearch } from "../../kit/ListSearch";
import { useListSearch } from "../../kit/listFilters";
import { FilteredEmpty } from "../../kit/listParts";
import { type ListColumn, ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { ExpiryDate } from "../staff/parts";
import { LabelsButton } from "./LabelsModal";
import {
  ASSET_STATUSES,
  AssetStatusBadge,
  categoryName,
  useAssetCategories,
  useLocations,
} from "./parts";
import "./i18n";

function useColumns(): ListColumn<AssetRow, AssetSort>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return [
    {
      key: "tag",
      title: t("assets.fields.tag"),
      width: "118px",
      sort: "tag",
      cell: (a) => (
        <Text size="sm" fw={600} ff="monospace">
          {a.tag}
        </Text>
      ),
    },
    {
      key: "name",
      title: t("assets.fields.name"),
      width: "minmax(170px, 2fr)",
      sort: "name",
      cell: (a) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {a.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {[a.model, a.serial].filter(Boolean).join(" · ")}
          </Text>
        </div>
      ),
    },
    {
      key: "category",
      title: t("assets.fields.category"),
      width: "minmax(100px, 1fr)",
      sort: "category",
      cell: (a) => (
        <Text size="sm" truncate>
          {categoryName(a, lang)}
        </Text>
      ),
    },
    {
      key: "status",
      title: t("assets.fields.status"),
      width: "140px",
      sort: "status",
      cell: (a) => <AssetStatusBadge status={a.status} />,
    },
    {
      key: "holder",
      title: t("assets.fields.holder"),
      width: "minmax(120px, 1fr)",
      sort: "holder",
      cell: (a) => (
        <Text size="sm" truncate>
          {a.holder_name ?? ""}
        </Text>
      ),
    },
    {
      key: "location",
      title: t("assets.fields.location"),
      width: "minmax(130px, 1.2fr)",
      sort: "location",
      cell: (a) => (
        <Text size="sm" c="dimmed" truncate>
          {a.location_path ?? ""}
        </Text>
      ),
    },
    {
      key: "warranty",
      title: t("assets.fields.warranty_end"),
      width: "118px",
      sort: "warranty_end",
      cell: (a) => (a.warranty_end ? <ExpiryDate date={a.warranty_end} compact /> : null),
    },
  ];
}

export function AssetList({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<AssetStatus | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const [warranty, setWarranty] = useState(false);
  const [sort, setSort] = useState<AssetSort>("tag");
  const [dir, setDir] = useState<SortDir>("asc");
  const categories = useAssetCategories(true);
  const locations = useLocations();
  const columns = useColumns();
  const pageQuery = useMemo(
    () =>
      (page: AssetQuery["page"]): AssetQuery => ({
        search: debounced || null,
        category_id: category ? Number(category) : null,
        status,
        location_id: location ? Number(location) : null,
        department_id: null,
        holder_employee_id: null,
        warranty_within_days: warranty ? 90 : null,
        sort,
        dir,
        page,
      }),
    [debounced, status, category, location, warranty, sort, dir],
  );
  const source = useMemo<ListSource<AssetRow>>(() => {
    const query = pageQuery;
    return {
      key: (page) => assetKeys.list(query(page)),
      fetch: (page) => assetsApi.list(query(page)),
      pageSize: 50,
    };
  }, [pageQuery]);
  const filtered =
    debounced !== "" || status !== null || category !== null || location !== null || warranty;
  return (
    <Stack gap={0}>
      <Group mb="md" gap="md">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("assets.searchPlaceholder")}
          width={330}
          testId="asset-search"
        />
        <Select
          data={(categories.data ?? []).map((c) => ({
            value: String(c.id),
            label: categoryName(c, i18n.language),
          }))}
          value={category}
          onChange={setCategory}
          placeholder={t("assets.anyCategory")}
          clearable
          w={210}
          data-testid="asset-category-filter"
        />
        <Select
          data={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as AssetStatus | null)}
          placeholder={t("assets.anyStatus")}
          clearable
          w={170}
          data-testid="asset-status-filter"
        />
        <Select
          data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.path }))}
          value={location}
          onChange={setLocation}
          placeholder={t("assets.anyLocation")}
          searchable
          clearable
          w={220}
          data-testid="asset-location-filter"
        />
        <ExportButtons
          area="assets"
          testId="asset-export"
          run={(format, language) =>
            assetsApi.export(
              pageQuery({ offset: 0, limit: 50 }),
              format,
              language,
              t("assets.exportTitle"),
            )
          }
        />
        {canWrite && (
          <LabelsButton
            label={t("assets.labels.button")}
            ids={async () =>
              (await assetsApi.list(pageQuery({ offset: 0, limit: 500 }))).items.map((a) => a.id)
            }
          />
        )}
        <Checkbox
          label={t("assets.warrantySoon")}
          checked={warranty}
          onChange={(e) => setWarranty(e.currentTarget.checked)}
          data-testid="asset-warranty-filter"
        />
      </Group>
      <ServerList
        testId="assets"
        rowTestId="asset-row"
        label={t("assets.title")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={52}
        rowData={(a) => ({ "data-id": a.id, "data-tag": a.tag, "data-status": a.status })}
        onOpen={(a) => go({ page: "asset", id: a.id })}
        empty={
          <FilteredEmpty
            icon={IconDevicesPc}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("assets.noMatch")}
            emptyTitle={t("assets.emptyTitle")}
            emptyText={t("assets.emptyText")}
          />
        }
      />
    </Stack>
  );
}
