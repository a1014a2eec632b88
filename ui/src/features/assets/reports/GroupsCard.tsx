import { Card, Group, SegmentedControl, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { itReportKeys, itReportsApi } from "../../../api/itReports";
import type { AssetReportGroup } from "../../../bindings/AssetReportGroup";
import type { AssetReportGrouping } from "../../../bindings/AssetReportGrouping";
import type { AssetStatus } from "../../../bindings/AssetStatus";
import { formatMoney, formatNumber } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListError } from "../../../kit/listParts";
import "./i18n";

const GROUPINGS: AssetReportGrouping[] = ["status", "category", "site", "room", "department"];
const STATUSES: AssetStatus[] = ["in_use", "in_stock", "in_repair", "retired", "lost"];

/** The inventory the person sees, counted by status, category, site, place or department. */
export function GroupsCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [by, setBy] = useState<AssetReportGrouping>("status");
  const groups = useQuery({
    queryKey: itReportKeys.groups(by),
    queryFn: () => itReportsApi.groups(by),
  });
  const name = (g: AssetReportGroup) => {
    if (g.status) return t(`assets.status.${g.status}`);
    if (g.id === null)
      return by === "department"
        ? t("reports.groups.noDepartment")
        : t("reports.groups.noLocation");
    return lang === "en" && g.name_en ? g.name_en : g.name;
  };
  const count = (g: AssetReportGroup, s: AssetStatus) =>
    g.by_status.find((c) => c.status === s)?.count ?? 0;
  return (
    <Card data-testid="report-groups">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t("reports.groups.title")}</Text>
        <Group gap="xs">
          <ExportButtons
            area="assets"
            testId="report-groups-export"
            run={(format, language) =>
              itReportsApi.exportGroups(by, format, language, t("reports.exportTitle"))
            }
          />
        </Group>
      </Group>
      <SegmentedControl
        mb="sm"
        value={by}
        onChange={(v) => setBy(v as AssetReportGrouping)}
        data={GROUPINGS.map((g) => ({ value: g, label: t(`reports.groups.by.${g}`) }))}
        data-testid="report-grouping"
      />
      {groups.isError ? (
        <ListError error={groups.error} retry={() => groups.refetch()} />
      ) : (groups.data ?? []).length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("reports.groups.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="report-groups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reports.groups.group")}</Table.Th>
                {by !== "status" &&
                  STATUSES.map((s) => (
                    <Table.Th key={s} ta="right">
                      {t(`assets.status.${s}`)}
                    </Table.Th>
                  ))}
                <Table.Th ta="right">{t("reports.groups.count")}</Table.Th>
                <Table.Th ta="right">{t("reports.groups.cost")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(groups.data ?? []).map((g) => (
                <Table.Tr key={`${g.status ?? ""}${g.id ?? "none"}`} data-testid="report-group">
                  <Table.Td>{name(g)}</Table.Td>
                  {by !== "status" &&
                    STATUSES.map((s) => (
                      <Table.Td key={s} ta="right">
                        {formatNumber(count(g, s), lang)}
                      </Table.Td>
                    ))}
                  <Table.Td ta="right" fw={600}>
                    {formatNumber(g.count, lang)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {g.costs.map((c) => formatMoney(c.cost_cents, c.currency, lang)).join(" · ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
