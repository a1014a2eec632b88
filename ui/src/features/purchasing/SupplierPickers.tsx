import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import type { SupplierQuery } from "../../bindings/SupplierQuery";
import "./i18n";

type Option = { value: string; label: string };

/** Suppliers whose name, VAT number or city match what is typed, 20 at a time, read in SQL. */
function useSupplierSearch(search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query: SupplierQuery = {
    search: debounced || null,
    status: null,
    category_id: null,
    sort: "name",
    dir: "asc",
    page: { offset: 0, limit: 20 },
  };
  return useQuery({
    queryKey: purchasingKeys.suppliers(query),
    queryFn: () => purchasingApi.suppliers(query),
  });
}

type MultiProps = Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  /** The chosen suppliers with their names, so chips show names before any search. */
  value: Option[];
  onChange: (v: Option[]) => void;
};

/** Picks several suppliers by name or VAT number. */
export function SupplierMultiPicker({ value, onChange, ...props }: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const found = useSupplierSearch(search);
  const options = [...value];
  for (const s of found.data?.items ?? []) {
    const id = String(s.id);
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: s.name });
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
      placeholder={t("purchasingUi.picker.placeholder")}
      nothingFoundMessage={t("purchasingUi.picker.nothingFound")}
    />
  );
}

type OneProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen supplier's name, so the field shows it before any search. */
  currentLabel: string | null;
};

/** Picks one supplier by name or VAT number. */
export function SupplierPicker({ value, onChange, currentLabel, ...props }: OneProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Option | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  const found = useSupplierSearch(search === picked?.label ? "" : search);
  const options = (found.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }));
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
      placeholder={t("purchasingUi.picker.placeholder")}
      nothingFoundMessage={t("purchasingUi.picker.nothingFound")}
      clearable
    />
  );
}
