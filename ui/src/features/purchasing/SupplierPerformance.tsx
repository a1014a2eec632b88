import { Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { formatNumber } from "../../i18n/format";
import "./i18n";

/** Green from 95 % on time, orange from 80 %, red below. */
function colour(bp: number): string {
  if (bp >= 9_500) return "green";
  if (bp >= 8_000) return "orange";
  return "red";
}

/** How the supplier delivers, per year, computed from the receipts (never typed). */
export function SupplierPerformance({ supplierId }: { supplierId: number }) {
  const { t, i18n } = useTranslation();
  const years = useQuery({
    queryKey: purchasingKeys.performance(supplierId),
    queryFn: () => purchasingApi.performance(supplierId),
  });
  const l = (k: string) => t(`purchasingUi.performance.${k}`);
  const rows = years.data ?? [];
  return (
    <Card data-testid="supplier-performance">
      <Stack gap="xs">
        <Title order={4}>{l("title")}</Title>
        <Text size="sm" c="dimmed">
          {l("note")}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {l("empty")}
          </Text>
        ) : (
          <Table verticalSpacing={6} maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{l("year")}</Table.Th>
                <Table.Th ta="right">{l("deliveries")}</Table.Th>
                <Table.Th ta="right">{l("onTime")}</Table.Th>
                <Table.Th ta="right">{l("share")}</Table.Th>
                <Table.Th ta="right">{l("lateDays")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((y) => (
                <Table.Tr key={y.year} data-testid="performance-year">
                  <Table.Td fw={500}>{y.year}</Table.Td>
                  <Table.Td ta="right">{formatNumber(y.deliveries, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(y.on_time, i18n.language)}</Table.Td>
                  <Table.Td ta="right">
                    {y.on_time_bp === null ? (
                      "—"
                    ) : (
                      <Badge color={colour(y.on_time_bp)} variant="light">
                        {formatNumber(Math.floor(y.on_time_bp / 100), i18n.language)} %
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {y.late_days_avg === null
                      ? "—"
                      : t("purchasingUi.performance.days", { count: y.late_days_avg })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
