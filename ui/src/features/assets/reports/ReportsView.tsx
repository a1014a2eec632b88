import { Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { itReportsApi } from "../../../api/itReports";
import { ExportButtons } from "../../../kit/ExportButtons";
import { Compliance } from "../maintenance/Compliance";
import { BookValuesCard } from "./BookValuesCard";
import { ExpiringCard } from "./ExpiringCard";
import { GroupsCard } from "./GroupsCard";
import { TcoCard } from "./TcoCard";
import "./i18n";

/** The first day of the month eleven months ago and today, as the compliance chart spans. */
function lastTwelveMonths(): { from: string; to: string } {
  const now = new Date();
  const day = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return { from: day(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: day(now) };
}

/**
 * The IT reports: the inventory by group, book values, what ends soon, the cost of ownership and
 * maintenance compliance, each with its CSV and Excel export. Book values are shown only to
 * those who see the whole inventory (the card's read is refused to the others).
 */
export default function ReportsView({
  wholeInventory,
  onSoftware,
}: {
  wholeInventory: boolean;
  onSoftware: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="reports-view">
      <GroupsCard />
      {wholeInventory && <BookValuesCard />}
      <ExpiringCard onSoftware={onSoftware} />
      <TcoCard />
      <Card>
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t("reports.compliance.title")}</Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("reports.compliance.workLog")}
            </Text>
            <ExportButtons
              area="assets"
              testId="report-worklog-export"
              run={(format, language) => {
                const { from, to } = lastTwelveMonths();
                return itReportsApi.exportWorkLog(
                  from,
                  to,
                  format,
                  language,
                  t("reports.exportTitle"),
                );
              }}
            />
          </Group>
        </Group>
        <Compliance />
      </Card>
    </Stack>
  );
}
