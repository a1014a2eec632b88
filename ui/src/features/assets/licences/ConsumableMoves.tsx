import { Badge, Drawer, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { consumableKeys, consumablesApi } from "../../../api/licences";
import { Pager } from "../../../app/Pager";
import type { Consumable } from "../../../bindings/Consumable";
import type { ConsumableMove } from "../../../bindings/ConsumableMove";
import { formatDate } from "../../../i18n/format";
import { ListError } from "../../../kit/listParts";
import "./i18n";

const PAGE = 20;

function MoveRow({ m }: { m: ConsumableMove }) {
  const { t, i18n } = useTranslation();
  const received = m.quantity > 0;
  return (
    <Table.Tr data-testid="move-row" data-id={m.id} data-quantity={m.quantity}>
      <Table.Td w={110}>
        <Text size="sm">{formatDate(m.moved_on, i18n.language)}</Text>
      </Table.Td>
      <Table.Td w={110}>
        <Badge color={received ? "teal" : "orange"} variant="light">
          {t(received ? "consumables.moves.received" : "consumables.moves.issued")}
        </Badge>
      </Table.Td>
      <Table.Td w={110}>
        <Text size="sm" fw={500} c={received ? "teal.8" : "orange.8"}>
          {`${received ? "+" : "−"}${Math.abs(m.quantity)} ${m.unit}`}
        </Text>
      </Table.Td>
      <Table.Td>
        {m.employee_name && (
          <Text size="sm">{t("consumables.moves.to", { name: m.employee_name })}</Text>
        )}
        {m.note && (
          <Text size="xs" c="dimmed">
            {m.note}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Moves({ item }: { item: Consumable }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const moves = useQuery({
    queryKey: consumableKeys.moves(item.id, offset, PAGE),
    queryFn: () => consumablesApi.moves(item.id, offset, PAGE),
    placeholderData: keepPreviousData,
  });
  if (moves.isError) return <ListError error={moves.error} retry={() => moves.refetch()} />;
  const rows = moves.data?.items ?? [];
  return (
    <Stack gap={0}>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="moves-empty">
          {moves.isPending ? "" : t("consumables.moves.empty")}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="moves-table">
          <Table.Tbody>
            {rows.map((m) => (
              <MoveRow key={m.id} m={m} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager page={page} pageSize={PAGE} total={moves.data?.total ?? 0} onPage={setPage} />
    </Stack>
  );
}

export type ConsumableMovesProps = {
  /** The item whose moves are shown; null closes the drawer. */
  item: Consumable | null;
  onClose: () => void;
};

/** An item's stock moves, latest first, a page at a time. */
export function ConsumableMoves({ item, onClose }: ConsumableMovesProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={item && <Title order={4}>{t("consumables.moves.title", { name: item.name })}</Title>}
      data-testid="consumable-moves-drawer"
    >
      {item && <Moves key={item.id} item={item} />}
    </Drawer>
  );
}
