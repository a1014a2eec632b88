import { Group, NumberInput, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SortDir } from "../bindings/SortDir";
import { ListSearch } from "./ListSearch";

// The pieces above a list that every area's list repeats: the search (typed now, asked for once
// typing pauses), the sort state `ServerList` takes, the bar itself and its status and amount
// filters. The area's own filters go inside the bar as children.

/** The search box's text and the debounced text the query uses. */
export function useListSearch(delay = 250) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, delay);
  return { search, setSearch, debounced };
}

/** The column and direction a list sorts by, in the shape `ServerList` takes. */
export function useListSort<S extends string>(initial: S, initialDir: SortDir = "desc") {
  const [sort, setSort] = useState<S>(initial);
  const [dir, setDir] = useState<SortDir>(initialDir);
  const onSort = (column: S, d: SortDir) => {
    setSort(column);
    setDir(d);
  };
  return { sort, dir, onSort };
}

/** The bar above a list: the search on the left, the area's filters on the right. */
export function FilterBar({
  testId,
  search,
  align,
  children,
}: {
  testId?: string;
  search: {
    value: string;
    onChange: (v: string) => void;
    placeholder: string;
    testId: string;
    width?: number;
  };
  align?: "flex-end";
  children: ReactNode;
}) {
  return (
    <Group mb="md" justify="space-between" wrap="wrap" gap="sm" data-testid={testId}>
      <ListSearch {...search} />
      <Group gap="sm" align={align}>
        {children}
      </Group>
    </Group>
  );
}

/** The status filter: any status until one is picked. */
export function StatusFilter<S extends string>({
  label,
  placeholder,
  states,
  stateLabel,
  value,
  onChange,
  w,
  testId,
}: {
  label: string;
  placeholder: string;
  states: readonly S[];
  stateLabel: (s: S) => string;
  value: S | null;
  onChange: (s: S | null) => void;
  w: number;
  testId: string;
}) {
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      data={states.map((s) => ({ value: s, label: stateLabel(s) }))}
      value={value}
      onChange={(v) => onChange(v as S | null)}
      clearable
      w={w}
      data-testid={testId}
    />
  );
}

/** An amount bound (euros typed, with the language's decimal comma or point). */
export function AmountFilter({
  label,
  value,
  onChange,
  w,
  testId,
}: {
  label: string;
  value: number | string;
  onChange: (v: number | string) => void;
  w: number;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <NumberInput
      aria-label={label}
      placeholder={label}
      decimalSeparator={i18n.language === "it" ? "," : "."}
      decimalScale={2}
      hideControls
      value={value}
      onChange={onChange}
      w={w}
      data-testid={testId}
    />
  );
}

/** An amount typed in euros as cents for the query; nothing when empty. */
export const amountCents = (v: number | string) => (v === "" ? null : Math.round(Number(v) * 100));
