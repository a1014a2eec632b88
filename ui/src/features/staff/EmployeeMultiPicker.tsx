import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import "./i18n";

type Props = Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  /** The chosen people: ids (as text) with their names, so chips show names before any search. */
  value: { value: string; label: string }[];
  onChange: (v: { value: string; label: string }[]) => void;
};

/** Picks several people among active staff, searching in SQL as the person types. */
export function EmployeeMultiPicker({ value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: staffKeys.managers(debounced),
    queryFn: () =>
      staffApi.list({
        search: debounced.trim() || null,
        department_id: null,
        status: "active",
        contract_type_id: null,
        completeness_below: null,
        expiring_within_days: null,
        sort: "name",
        dir: "asc",
        page: { offset: 0, limit: 20 },
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = [...value];
  for (const r of found.data?.items ?? []) {
    const id = String(r.id);
    if (!options.some((o) => o.value === id))
      options.push({ value: id, label: `${r.last_name} ${r.first_name}` });
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
      placeholder={t("staff.managerPlaceholder")}
      nothingFoundMessage={t("staff.nothingFound")}
    />
  );
}
