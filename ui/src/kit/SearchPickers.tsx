import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from "@mantine/core";
import { useState } from "react";

// Pickers that search in SQL as the person types (a few rows at a time), shared by every area:
// an area gives the hook that turns the typed text into options, and its own words.

export type PickOption = { value: string; label: string };

/** The options matching `search`, read by the area (its list command, 20 rows or so). */
export type UseOptions = (search: string) => PickOption[];

type Words = { placeholder: string; nothingFound: string };

export type SearchSelectProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen record's name, so the field shows it before any search. */
  currentLabel: string | null;
};

/** Picks one record. */
export function SearchSelect({
  useOptions,
  words,
  value,
  onChange,
  currentLabel,
  ...props
}: SearchSelectProps & { useOptions: UseOptions; words: Words }) {
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<PickOption | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  // Once a record is chosen the field shows its name: that is not a search.
  const options = useOptions(search === picked?.label ? "" : search);
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
      placeholder={words.placeholder}
      nothingFoundMessage={words.nothingFound}
      clearable
    />
  );
}

export type SearchMultiSelectProps = Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  /** The chosen records with their names, so chips show names before any search. */
  value: PickOption[];
  onChange: (v: PickOption[]) => void;
};

/** Picks several records. */
export function SearchMultiSelect({
  useOptions,
  words,
  value,
  onChange,
  ...props
}: SearchMultiSelectProps & { useOptions: UseOptions; words: Words }) {
  const [search, setSearch] = useState("");
  const found = useOptions(search);
  const options = [...value];
  for (const o of found) {
    if (!options.some((x) => x.value === o.value)) options.push(o);
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
      placeholder={words.placeholder}
      nothingFoundMessage={words.nothingFound}
    />
  );
}
