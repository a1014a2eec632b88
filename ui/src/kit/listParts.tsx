import { Alert, Box, Button, Group, Skeleton, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector, type IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SortDir } from "../bindings/SortDir";
import { errorMessage } from "../lib/errors";

/** A column header; with `column`, a button that sorts the list (in SQL) by it. */
export function HeaderCell<S extends string>({
  label,
  column,
  sort,
  dir,
  onSort,
}: {
  label: string;
  column?: S;
  sort: S;
  dir: SortDir;
  onSort: (column: S, dir: SortDir) => void;
}) {
  if (!column) {
    return (
      <Text fw={600} size="sm" role="columnheader" truncate>
        {label}
      </Text>
    );
  }
  const active = sort === column;
  const Icon = active ? (dir === "asc" ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Box
      role="columnheader"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <UnstyledButton
        onClick={() => onSort(column, active && dir === "asc" ? "desc" : "asc")}
        data-testid={`sort-${column}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text
            fw={600}
            size="sm"
            c={active ? "indigo.8" : undefined}
            style={{ whiteSpace: "nowrap" }}
          >
            {label}
          </Text>
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Box>
  );
}

/** What an empty list says: why it is empty, and what to do about it. */
export function ListEmpty({
  icon: Icon,
  title,
  text,
  action,
}: {
  icon?: typeof IconUsers;
  title: string;
  text?: string | null;
  action?: ReactNode;
}) {
  return (
    <Stack align="center" py={48} gap="xs">
      {Icon ? <Icon size={40} stroke={1.2} color="var(--mantine-color-gray-5)" /> : null}
      <Text fw={600}>{title}</Text>
      {text ? (
        <Text c="dimmed" ta="center" maw={460}>
          {text}
        </Text>
      ) : null}
      {action}
    </Stack>
  );
}

/** A list that could not be read: the reason in words, and a retry. */
export function ListError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("common.loadFailed")} data-testid="load-error">
      {errorMessage(error, t)}
      <Button variant="light" size="xs" ml="md" onClick={retry}>
        {t("app.retry")}
      </Button>
    </Alert>
  );
}

/** A row whose page is still being read: grey bars where its cells will be. */
export function PlaceholderCells({ count }: { count: number }) {
  const widths = ["70%", "60%", "70%", "60%", "80%", "60%"];
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are identical and never move
        <Skeleton key={i} height={12} width={widths[i % widths.length]} />
      ))}
    </>
  );
}

/**
 * The empty list's words: "nothing matches" while filters are on, otherwise what the list
 * holds and, for those who may add, how to start.
 */
export function FilteredEmpty({
  icon,
  filtered,
  canWrite,
  noMatch,
  emptyTitle,
  emptyText,
}: {
  icon?: typeof IconUsers;
  filtered: boolean;
  canWrite: boolean;
  noMatch: string;
  emptyTitle: string;
  emptyText: string;
}) {
  return (
    <ListEmpty
      icon={icon}
      title={filtered ? noMatch : emptyTitle}
      text={filtered || !canWrite ? null : emptyText}
    />
  );
}
