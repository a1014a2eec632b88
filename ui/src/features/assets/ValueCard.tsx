import { Card, SimpleGrid, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import { formatDate, formatMoney } from "../../i18n/format";
import { Fact } from "../audits/parts";
import "./i18n";

/** What the asset is worth today and what it has cost: purchase, book value, maintenance. */
export function ValueCard({ assetId }: { assetId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const value = useQuery({
    queryKey: assetKeys.value(assetId),
    queryFn: () => assetsApi.value(assetId, null),
  });
  const v = value.data;
  if (!v) return null;
  const money = (c: number | null | undefined) =>
    c === null || c === undefined ? t("common.none") : formatMoney(c, v.currency, lang);
  return (
    <Card data-testid="asset-value">
      <Text fw={600} mb="sm">
        {t("assets.value.title", { date: formatDate(v.at, lang) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
        <Fact label={t("assets.value.cost")}>{money(v.cost_cents)}</Fact>
        <Fact label={t("assets.value.book")}>
          <span data-testid="asset-book-value">{money(v.book?.book_cents)}</span>
        </Fact>
        <Fact label={t("assets.value.maintenance")}>{money(v.maintenance_cents)}</Fact>
        <Fact label={t("assets.value.total")}>{money(v.total_cost_cents)}</Fact>
      </SimpleGrid>
      {v.plan.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mt="md">
            {t("assets.value.plan", { rate: (v.rate_bp / 100).toLocaleString(lang) })}
          </Text>
          <Table verticalSpacing={2} mt={4} maw={560}>
            <Table.Tbody>
              {v.plan.map((r) => (
                <Table.Tr key={r.year}>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td ta="right">{money(r.charge_cents)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {money(r.book_cents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
