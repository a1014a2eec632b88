import { ActionIcon, Badge, Button, Group, Modal, Stack, Switch, Table, Text } from "@mantine/core";
import { IconArchive, IconPencil, IconPlus, IconRestore } from "@tabler/icons-react";
import { type UseQueryResult, useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../lib/useServerForm";

// An editable list whose entries are retired, never deleted (asset categories, purchase
// categories…): the table, "show retired", retire/restore, and the dialog with the area's form.
// The area gives its entries, its own columns, its form and its words.

type Entry = { id: number; active: boolean };

export type RetiredListWords = {
  name: string;
  showRetired: string;
  add: string;
  newTitle: string;
  editTitle: string;
  retire: string;
  restore: string;
  retired: string;
  empty: string;
};

export function RetiredListPanel<T extends Entry>({
  testId,
  useEntries,
  nameOf,
  columns,
  toggle,
  onToggled,
  form,
  canWrite,
  words,
  area,
}: {
  testId: string;
  useEntries: (withRetired: boolean) => UseQueryResult<T[]>;
  nameOf: (e: T) => string;
  /** The area's own columns after the name. */
  columns: { title: string; cell: (e: T) => ReactNode }[];
  /** Retires an active entry or restores a retired one. */
  toggle: (e: T) => Promise<unknown>;
  onToggled: () => void;
  /** The area's form for a new entry (`null`) or an existing one. */
  form: (entry: T | null, onClose: () => void) => ReactNode;
  canWrite: boolean;
  words: RetiredListWords;
  /** Whose translations word the errors. */
  area: string;
}) {
  const { t } = useTranslation();
  const [withRetired, setWithRetired] = useState(false);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const list = useEntries(withRetired);
  const flip = useMutation({
    mutationFn: toggle,
    onSuccess: onToggled,
    onError: (e) => notifyError(e, t, area),
  });
  const entries = list.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Switch
          label={words.showRetired}
          checked={withRetired}
          onChange={(e) => setWithRetired(e.currentTarget.checked)}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
            {words.add}
          </Button>
        )}
      </Group>
      <Table verticalSpacing={8} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{words.name}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.title}>{c.title}</Table.Th>
            ))}
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.length === 0 && list.isSuccess && (
            <Table.Tr>
              <Table.Td colSpan={columns.length + 2}>
                <Text c="dimmed">{words.empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {entries.map((e) => (
            <Table.Tr key={e.id} style={{ opacity: e.active ? 1 : 0.55 }}>
              <Table.Td fw={500}>
                {nameOf(e)}{" "}
                {!e.active && (
                  <Badge size="xs" color="gray">
                    {words.retired}
                  </Badge>
                )}
              </Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.title}>{c.cell(e)}</Table.Td>
              ))}
              <Table.Td>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      onClick={() => setEditing(e)}
                      aria-label={t("common.edit")}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color={e.active ? "gray" : "teal"}
                      onClick={() => flip.mutate(e)}
                      aria-label={e.active ? words.retire : words.restore}
                    >
                      {e.active ? <IconArchive size={16} /> : <IconRestore size={16} />}
                    </ActionIcon>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? words.newTitle : words.editTitle}
      >
        {editing !== null && form(editing === "new" ? null : editing, () => setEditing(null))}
      </Modal>
    </Stack>
  );
}

/**
 * The panel's words from the area's translations under one prefix (`showRetired`, `new`,
 * `newTitle`, `editTitle`, `retire`, `restore`, `retired`, `empty`); `name` and any word the
 * area says otherwise are given.
 */
export function retiredListWords(
  w: (key: string) => string,
  given: Pick<RetiredListWords, "name"> & Partial<RetiredListWords>,
): RetiredListWords {
  return {
    showRetired: w("showRetired"),
    add: w("new"),
    newTitle: w("newTitle"),
    editTitle: w("editTitle"),
    retire: w("retire"),
    restore: w("restore"),
    retired: w("retired"),
    empty: w("empty"),
    ...given,
  };
}
