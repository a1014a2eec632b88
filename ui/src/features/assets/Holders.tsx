import { Badge, Card, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { Pager } from "../../app/Pager";
import type { Checkout } from "../../bindings/Checkout";
import { formatDate } from "../../i18n/format";
import "./i18n";

const PAGE = 25;

/** When a hand-over ran: "out since", "from – to", and a red mark when it is late back. */
export function Period({ k }: { k: Checkout }) {
  const { t, i18n } = useTranslation();
  const d = (v: string) => formatDate(v, i18n.language);
  if (k.in_on) {
    return (
      <Text size="sm">{t("assets.holders.returned", { from: d(k.out_on), to: d(k.in_on) })}</Text>
    );
  }
  return (
    <Text size="sm">
      {t("assets.holders.out", { date: d(k.out_on) })}{" "}
      {k.expected_return && (
        <Badge color={k.overdue ? "red" : "gray"} variant="light" style={{ textTransform: "none" }}>
          {t("assets.holders.overdue", { date: d(k.expected_return) })}
        </Badge>
      )}
    </Text>
  );
}

/** Everyone and everywhere that held the asset, latest first, with the condition each time. */
export function Holders({ assetId }: { assetId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const offset = (page - 1) * PAGE;
  const rows = useQuery({
    queryKey: assetKeys.holders(assetId, offset),
    queryFn: () => assetsApi.holders(assetId, offset, PAGE),
    placeholderData: keepPreviousData,
  });
  const items = rows.data?.items ?? [];
  return (
    <Card p={0}>
      {items.length === 0 ? (
        <Text c="dimmed" p="md">
          {t("assets.holders.empty")}
        </Text>
      ) : (
        <Table verticalSpacing={8} data-testid="asset-holders">
          <Table.Tbody>
            {items.map((k) => (
              <Table.Tr key={k.id} data-testid="holder-row" data-open={k.in_on === null}>
                <Table.Td fw={500}>{k.employee_name ?? k.location_path}</Table.Td>
                <Table.Td>
                  <Period k={k} />
                </Table.Td>
                <Table.Td c="dimmed">
                  {[k.out_condition, k.in_condition].filter(Boolean).join(" → ")}
                </Table.Td>
                <Table.Td c="dimmed">{k.note ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager page={page} pageSize={PAGE} total={rows.data?.total ?? 0} onPage={setPage} />
    </Card>
  );
}
