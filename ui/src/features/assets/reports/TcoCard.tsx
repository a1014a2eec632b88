import { Anchor, Card, Group, Pagination, Select, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { itReportKeys, itReportsApi } from "../../../api/itReports";
import { useNav } from "../../../app/nav";
import type { TcoQuery } from "../../../bindings/TcoQuery";
import type { TcoSort } from "../../../bindings/TcoSort";
import { formatMoney, formatNumber } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListError } from "../../../kit/listParts";
import { useAssetCategories } from "../parts";
import "./i18n";

const PAGE = 20;

/** The assets the person sees by what they cost to buy and to keep, highest first, paged. */
export function TcoCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { go } = useNav();
  const categories = useAssetCategories(true);
  const [category, setCategory] = useState<string | null>(null);
  const [sort, setSort] = useState<TcoSort>("total");
  const [page, setPage] = useState(1);
  const query: TcoQuery = {
    category_id: category ? Number(category) : null,
    sort,
    dir: sort === "tag" ? "asc" : "desc",
    page: { offset: (page - 1) * PAGE, limit: PAGE },
  };
  const data = useQuery({
    queryKey: itReportKeys.tco(query),
    queryFn: () => itReportsApi.tco(query),
    placeholderData: keepPreviousData,
  });
  const money = (c: number | null, currency: string) =>
    c === null ? "" : formatMoney(c, currency, lang);
  const header = (key: TcoSort, label: string) => (
    <Table.Th ta={key === "tag" ? undefined : "right"}>
      <Anchor
        size="sm"
        fw={sort === key ? 700 : 500}
        onClick={() => {
          setSort(key);
          setPage(1);
        }}
      >
        {label}
      </Anchor>
    </Table.Th>
  );
  const total = data.data?.total ?? 0;
  return (
    <Card data-testid="report-tco">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t("reports.tco.title")}</Text>
        <Group gap="xs">
          <Select
            data={(categories.data ?? []).map((c) => ({
              value: String(c.id),
              label: lang === "en" && c.name_en ? c.name_en : c.name_it,
            }))}
            value={category}
            onChange={(v) => {
              setCategory(v);
              setPage(1);
            }}
            placeholder={t("reports.tco.anyCategory")}
            clearable
            w={200}
            data-testid="report-tco-category"
          />
          <ExportButtons
            area="assets"
            testId="report-tco-export"
            run={(format, language) =>
              itReportsApi.exportTco(query, format, language, t("reports.exportTitle"))
            }
          />
        </Group>
      </Group>
      {data.isError ? (
        <ListError error={data.error} retry={() => data.refetch()} />
      ) : total === 0 ? (
        <Text c="dimmed" size="sm">
          {t("reports.tco.empty")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="report-tco-table">
              <Table.Thead>
                <Table.Tr>
                  {header("tag", t("reports.tco.tag"))}
                  <Table.Th>{t("reports.tco.name")}</Table.Th>
                  {header("purchase", t("reports.tco.purchase"))}
                  {header("maintenance", t("reports.tco.maintenance"))}
                  {header("total", t("reports.tco.total"))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data.data?.items ?? []).map((r) => (
                  <Table.Tr key={r.id} data-testid="report-tco-row">
                    <Table.Td>
                      <Anchor size="sm" onClick={() => go({ page: "asset", id: r.id })}>
                        {r.tag}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td ta="right">{money(r.cost_cents, r.currency)}</Table.Td>
                    <Table.Td ta="right">{money(r.maintenance_cents, r.currency)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {money(r.total_cents, r.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed">
              {t("common.total", { n: formatNumber(total, lang) })}
            </Text>
            <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />
          </Group>
        </>
      )}
    </Card>
  );
}
