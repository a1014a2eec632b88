import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import type { SortDir } from "../bindings/SortDir";

/** A column header that sorts the list (in SQL) when clicked. */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  dir,
  onSort,
}: {
  label: string;
  column: K;
  sort: K;
  dir: SortDir;
  onSort: (column: K, dir: SortDir) => void;
}) {
  const active = sort === column;
  const Icon = active ? (dir === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton
        onClick={() => onSort(column, active && dir === "asc" ? "desc" : "asc")}
        data-testid={`sort-${column}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
