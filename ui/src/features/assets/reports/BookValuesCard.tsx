import { Card, Group, Table, Text } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetsApi } from "../../../api/assets";
import { itReportKeys, itReportsApi } from "../../../api/itReports";
import { formatMoney, formatNumber } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListError } from "../../../kit/listParts";
import "../../../lib/dayjsLocales";
import "./i18n";

/** Cost and book value per category at a chosen date (today by default), in euros. */
export function BookValuesCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [at, setAt] = useState<string | null>(null);
  const values = useQuery({
    queryKey: itReportKeys.bookValues(at),
    queryFn: () => assetsApi.bookValues(at),
  });
  const rows = values.data ?? [];
  const other = rows.reduce((n, v) => n + v.other_currency, 0);
  return (
    <Card data-testid="report-book-values">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Text fw={600}>{t("reports.book.title")}</Text>
        <Group gap="xs" align="flex-end">
          <DateInput
            label={t("reports.book.at")}
            valueFormat="DD/MM/YYYY"
            clearable
            placeholder={t("reports.book.today")}
            value={at}
            onChange={(v) => setAt(v ? String(v).slice(0, 10) : null)}
            w={150}
            data-testid="report-book-at"
          />
          <ExportButtons
            area="assets"
            testId="report-book-export"
            run={(format, language) =>
              itReportsApi.exportBookValues(at, format, language, t("reports.exportTitle"))
            }
          />
        </Group>
      </Group>
      {values.isError ? (
        <ListError error={values.error} retry={() => values.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("reports.book.empty")}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reports.book.category")}</Table.Th>
              <Table.Th ta="right">{t("reports.book.assets")}</Table.Th>
              <Table.Th ta="right">{t("reports.book.cost")}</Table.Th>
              <Table.Th ta="right">{t("reports.book.book")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.category_id}>
                <Table.Td>
                  {lang === "en" && v.category_en ? v.category_en : v.category_it}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(v.assets, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(v.cost_cents, "EUR", lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(v.book_cents, "EUR", lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {other > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("reports.book.otherCurrency", { count: other })}
        </Text>
      )}
    </Card>
  );
}
