import "@mantine/charts/styles.layer.css";
import { BarChart } from "@mantine/charts";
import { Card, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import { formatDate, localeTag } from "../../../i18n/format";
import { ListError } from "../../../kit/listParts";
import { monthlyFigures } from "./complianceMonths";
import "./i18n";

/** "2026-03" as "mar 26" / "Mar 26". */
function monthLabel(month: string, language: string): string {
  const [y = 2000, m = 1] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(localeTag(language), {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const percentColor = (p: number) => (p >= 90 ? "green" : p >= 70 ? "orange" : "red");

export type ComplianceProps = {
  /** Opens a plan (a row of the table clicked). */
  onOpen?: (planId: number) => void;
};

/** How many tasks were done on time in the last twelve months: per month, and per plan. */
export function Compliance({ onOpen }: ComplianceProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = useQuery({
    queryKey: maintenanceKeys.compliance(),
    queryFn: () => maintenanceApi.compliance(),
  });
  if (data.isError) return <ListError error={data.error} retry={() => data.refetch()} />;
  const c = data.data;
  if (!c) return null;
  const points = monthlyFigures(c.months, c.from, c.to).map((f) => ({
    ...f,
    label: monthLabel(f.month, lang),
  }));
  const plans = [...c.plans].sort((a, b) => a.percent - b.percent);
  return (
    <Stack data-testid="compliance">
      <Card>
        <Title order={5}>{t("maintenance.compliance.title")}</Title>
        <Text size="sm" c="dimmed" mb="md">
          {t("maintenance.compliance.period", {
            from: formatDate(c.from, lang),
            to: formatDate(c.to, lang),
          })}
        </Text>
        {c.plans.length === 0 ? (
          <Text c="dimmed" data-testid="compliance-empty">
            {t("maintenance.compliance.empty")}
          </Text>
        ) : (
          <BarChart
            h={240}
            data={points}
            dataKey="label"
            series={[
              { name: "percent", label: t("maintenance.compliance.percent"), color: "teal.6" },
            ]}
            yAxisProps={{ domain: [0, 100] }}
            unit=" %"
            data-testid="compliance-chart"
          />
        )}
      </Card>
      {plans.length > 0 && (
        <Card p={0}>
          <Title order={5} p="md" pb={0}>
            {t("maintenance.compliance.perPlan")}
          </Title>
          <Table verticalSpacing={8} highlightOnHover={!!onOpen} data-testid="compliance-plans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("maintenance.compliance.plan")}</Table.Th>
                <Table.Th ta="right">{t("maintenance.compliance.completions")}</Table.Th>
                <Table.Th ta="right">{t("maintenance.compliance.onTime")}</Table.Th>
                <Table.Th ta="right">{t("maintenance.compliance.percent")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plans.map((p) => (
                <Table.Tr
                  key={p.plan_id}
                  onClick={onOpen ? () => onOpen(p.plan_id) : undefined}
                  style={onOpen ? { cursor: "pointer" } : undefined}
                  data-testid="compliance-row"
                  data-id={p.plan_id}
                  data-percent={p.percent}
                >
                  <Table.Td>{p.plan_title}</Table.Td>
                  <Table.Td ta="right">{p.completions}</Table.Td>
                  <Table.Td ta="right">{p.on_time}</Table.Td>
                  <Table.Td ta="right" c={percentColor(p.percent)} fw={600}>
                    {`${p.percent} %`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
