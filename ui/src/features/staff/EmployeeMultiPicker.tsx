import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStaffSearch } from "./staffSearch";
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
  const found = useStaffSearch(search);
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
