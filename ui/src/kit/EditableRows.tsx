import { ActionIcon, Button, Group, Table } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";

// The rows of a form's list (an order's lines, a requisition's, an invoice's): one table row per
// entry, a remove button on each (never the last one), and the add button under the table with
// whatever the form shows beside it (a totals preview, its own buttons). The area declares the
// columns; the form keeps the values, so its validation errors land on the right inputs.

/** What the rows need of a Mantine form holding a list at `path`. */
export type RowsForm = {
  key: (path: string) => string;
  insertListItem: (path: string, item: unknown) => void;
  removeListItem: (path: string, index: number) => void;
};

export type RowColumn = {
  key: string;
  title: string;
  /** Pixels; none for the column that takes the rest. */
  width?: number;
  /** The cell of row `i`. */
  cell: (i: number) => ReactNode;
};

export function EditableRows({
  form,
  path,
  count,
  columns,
  newRow,
  testId,
  removeLabel,
  addLabel,
  aside,
}: {
  form: RowsForm;
  path: string;
  /** How many rows the form holds now (read from its values, so a change re-renders). */
  count: number;
  columns: RowColumn[];
  newRow: () => unknown;
  testId: { table: string; row: string; add: string };
  removeLabel: string;
  addLabel: string;
  /** What stands right of the add button. */
  aside?: ReactNode;
}) {
  return (
    <>
      <Table verticalSpacing={4} horizontalSpacing={4} data-testid={testId.table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} w={c.width}>
                {c.title}
              </Table.Th>
            ))}
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Array.from({ length: count }, (_, i) => (
            <Table.Tr key={form.key(`${path}.${i}`)} data-testid={testId.row}>
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.cell(i)}</Table.Td>
              ))}
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={removeLabel}
                  disabled={count === 1}
                  onClick={() => form.removeListItem(path, i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() => form.insertListItem(path, newRow())}
          data-testid={testId.add}
        >
          {addLabel}
        </Button>
        {aside}
      </Group>
    </>
  );
}
