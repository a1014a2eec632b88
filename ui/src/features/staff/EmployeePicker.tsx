import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
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
  const [debounced] = useDebouncedValue(search === picked?.label ? "" : search, 250);
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
