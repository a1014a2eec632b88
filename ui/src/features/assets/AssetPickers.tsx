import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetQuery } from "../../bindings/AssetQuery";
import "./i18n";

type Option = { value: string; label: string };

/** Assets whose tag, name, serial or model match what is typed, 20 at a time, read in SQL. */
function useAssetSearch(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query: AssetQuery = {
    search: debounced || null,
    category_id: null,
    status: null,
    location_id: null,
    department_id: null,
    holder_employee_id: null,
    warranty_within_days: null,
    sort: "tag",
    dir: "asc",
    page: { offset: 0, limit: 20 },
  };
  return useQuery({ queryKey: assetKeys.list(query), queryFn: () => assetsApi.list(query) });
}

const label = (a: { tag: string; name: string }) => `${a.tag} · ${a.name}`;

type MultiProps = Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  /** The chosen assets: ids (as text) with their names, so chips show names before any search. */
  value: Option[];
  onChange: (v: Option[]) => void;
};

/** Picks several assets by tag or name. */
export function AssetMultiPicker({ value, onChange, ...props }: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const found = useAssetSearch(search);
  const options = [...value];
  for (const a of found.data?.items ?? []) {
    const id = String(a.id);
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: label(a) });
  }
  return (
    <MultiSelect
      {...props}
      data={options}
      value={value.map((v) => v.value)}
      onChange={(ids) =>
        onChange(ids.map((id) => options.find((o) => o.value === id) ?? { value: id, label: id }))
      }
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={t("assets.picker.placeholder")}
      nothingFoundMessage={t("assets.picker.nothingFound")}
    />
  );
}

type OneProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen asset's name, so the field shows it before any search. */
  currentLabel: string | null;
};

/** Picks one asset by tag or name. */
export function AssetPicker({ value, onChange, currentLabel, ...props }: OneProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Option | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  const found = useAssetSearch(search === picked?.label ? "" : search);
  const options = (found.data?.items ?? []).map((a) => ({ value: String(a.id), label: label(a) }));
  if (picked && value === picked.value && !options.some((o) => o.value === picked.value)) {
    options.unshift(picked);
  }
  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={(v, option) => {
        setPicked(v ? { value: v, label: option.label } : null);
        onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={t("assets.picker.placeholder")}
      nothingFoundMessage={t("assets.picker.nothingFound")}
      clearable
    />
  );
}
