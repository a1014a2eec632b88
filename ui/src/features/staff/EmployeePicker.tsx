import { Select, type SelectProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStaffSearch } from "./staffSearch";
import "./i18n";

type EmployeePickerProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen person's name, so the field shows it before any search. */
  currentLabel: string | null;
};

/** Picks a person among active staff, searching in SQL as the person types (20 at a time). */
export function EmployeePicker({ value, onChange, currentLabel, ...props }: EmployeePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  const found = useStaffSearch(search === picked?.label ? "" : search);
  const options = (found.data?.items ?? []).map((r) => ({
    value: String(r.id),
    label: `${r.last_name} ${r.first_name}`,
  }));
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
      filter={({ options }) => options}
      placeholder={t("staff.managerPlaceholder")}
      nothingFoundMessage={t("staff.nothingFound")}
      clearable
    />
  );
}
