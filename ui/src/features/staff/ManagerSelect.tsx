import { Select, type SelectProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStaffSearch } from "./staffSearch";
import "./i18n";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** "Last First" of the current manager, so the field shows a name before any search. */
  currentLabel: string | null;
  /** The employee being edited: not offered as their own manager. */
  selfId: number | null;
};

/** Picks a manager among active staff, searching in SQL as the person types (20 at a time). */
export function ManagerSelect({ value, onChange, currentLabel, selfId, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  // Once a manager is chosen the box shows their name: that is not a search.
  const found = useStaffSearch(search === picked?.label ? "" : search);
  const options = (found.data?.items ?? [])
    .filter((r) => r.id !== selfId)
    .map((r) => ({
      value: String(r.id),
      label: `${r.last_name} ${r.first_name}${r.job_title ? ` · ${r.job_title}` : ""}`,
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
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by what was typed.
      filter={({ options: o }) => o}
      nothingFoundMessage={found.isFetching ? t("app.loading") : t("staff.nothingFound")}
      placeholder={t("staff.managerPlaceholder")}
    />
  );
}
