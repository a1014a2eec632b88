import { ActionIcon, Badge, Button, Group, Text, Tooltip } from "@mantine/core";
import { IconEdit, IconHistory, IconMinus, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Consumable } from "../../../bindings/Consumable";
import { formatMoney, formatNumber } from "../../../i18n/format";
import type { ListColumn } from "../../../kit/ServerList";
import type { MoveDirection } from "./values";
import "./i18n";

/** The server lists consumables by name only: the list has no sortable column. */
export type NoSort = "name";

export type RowActions = {
  onMoves: (item: Consumable) => void;
  /** Null for a reader. */
  write: {
    onMove: (item: Consumable, direction: MoveDirection) => void;
    onEdit: (item: Consumable) => void;
  } | null;
};

/** The stock table's columns; the last holds the row's buttons (moves for all, stock and edit for writers). */
export function useConsumableColumns(actions: RowActions): ListColumn<Consumable, NoSort>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: ListColumn<Consumable, NoSort>[] = [
    {
      key: "name",
      title: t("consumables.fields.name"),
      width: "minmax(150px, 2fr)",
      cell: (c) => (
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {c.supplier_name ?? ""}
          </Text>
        </div>
      ),
    },
    {
      key: "category",
      title: t("consumables.fields.category"),
      width: "minmax(100px, 1fr)",
      cell: (c) => (
        <Text size="sm" truncate>
          {t(`consumables.category.${c.category}`)}
        </Text>
      ),
    },
    {
      key: "stock",
      title: t("consumables.fields.stock"),
      width: "100px",
      cell: (c) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={c.low ? 600 : undefined} c={c.low ? "red.8" : undefined}>
            {`${formatNumber(c.stock, lang)} ${c.unit}`}
          </Text>
          {c.low && (
            <Badge color="red" variant="light" size="sm" data-testid="consumable-low">
              {t("consumables.low")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "min",
      title: t("consumables.fields.min_level"),
      width: "90px",
      cell: (c) => <Text size="sm">{formatNumber(c.min_level, lang)}</Text>,
    },
    {
      key: "location",
      title: t("consumables.fields.location"),
      width: "minmax(100px, 1fr)",
      cell: (c) => (
        <Text size="sm" c="dimmed" truncate>
          {c.location_path ?? ""}
        </Text>
      ),
    },
    {
      key: "cost",
      title: t("consumables.fields.unit_cost"),
      width: "96px",
      cell: (c) => (
        <Text size="sm" ta="right">
          {c.unit_cost_cents === null ? "" : formatMoney(c.unit_cost_cents, c.currency, lang)}
        </Text>
      ),
    },
  ];
  const write = actions.write;
  return [
    ...columns,
    {
      key: "actions",
      title: "",
      width: write ? "268px" : "40px",
      interactive: true,
      cell: (c) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {write && (
            <>
              <Button
                variant="light"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => write.onMove(c, "receive")}
                data-testid="consumable-receive"
              >
                {t("consumables.receive")}
              </Button>
              <Button
                variant="light"
                color="orange"
                size="compact-sm"
                leftSection={<IconMinus size={14} />}
                onClick={() => write.onMove(c, "issue")}
                data-testid="consumable-issue"
              >
                {t("consumables.issue")}
              </Button>
              <Tooltip label={t("consumables.edit")}>
                <ActionIcon
                  variant="subtle"
                  onClick={() => write.onEdit(c)}
                  aria-label={t("consumables.edit")}
                  data-testid="consumable-edit"
                >
                  <IconEdit size={16} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
          <Tooltip label={t("consumables.movesButton")}>
            <ActionIcon
              variant="subtle"
              onClick={() => actions.onMoves(c)}
              aria-label={t("consumables.movesButton")}
              data-testid="consumable-moves"
            >
              <IconHistory size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];
}
