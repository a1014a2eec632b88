import { Anchor, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetsApi } from "../../../api/assets";
import { itReportKeys, itReportsApi } from "../../../api/itReports";
import { useNav } from "../../../app/nav";
import { formatDate } from "../../../i18n/format";
import { ExportButtons } from "../../../kit/ExportButtons";
import { ListError } from "../../../kit/listParts";
import "./i18n";

/** Warranties of the person's assets and licences in use ending within a number of days. */
export function ExpiringCard({ onSoftware }: { onSoftware: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { go } = useNav();
  const [days, setDays] = useState(60);
  const [debounced] = useDebouncedValue(days, 300);
  const data = useQuery({
    queryKey: itReportKeys.expiring(debounced),
    queryFn: () => itReportsApi.expiring(debounced),
  });
  const r = data.data;
  return (
    <Card data-testid="report-expiring">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Text fw={600}>{t("reports.expiring.title")}</Text>
        <NumberInput
          label={t("reports.expiring.days")}
          value={days}
          onChange={(v) => setDays(typeof v === "number" ? v : 0)}
          min={0}
          max={3650}
          w={140}
          data-testid="report-expiring-days"
        />
      </Group>
      {data.isError && <ListError error={data.error} retry={() => data.refetch()} />}
      {r && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t("reports.expiring.warranties")}
              </Text>
              <Group gap="xs">
                <ExportButtons
                  area="assets"
                  testId="report-warranties-export"
                  run={(format, language) =>
                    assetsApi.export(
                      {
                        search: null,
                        category_id: null,
                        status: null,
                        location_id: null,
                        department_id: null,
                        holder_employee_id: null,
                        warranty_within_days: debounced,
                        sort: "warranty_end",
                        dir: "asc",
                        page: { offset: 0, limit: 50 },
                      },
                      format,
                      language,
                      t("reports.exportTitle"),
                    )
                  }
                />
              </Group>
            </Group>
            {r.warranties.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("reports.expiring.noWarranty")}
              </Text>
            ) : (
              <Table data-testid="report-warranties">
                <Table.Tbody>
                  {r.warranties.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor size="sm" onClick={() => go({ page: "asset", id: a.id })}>
                          {a.tag} · {a.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">
                        {a.warranty_end ? formatDate(a.warranty_end, lang) : ""}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {r.warranties_total > r.warranties.length && (
              <Text size="xs" c="dimmed">
                {t("reports.expiring.more", { count: r.warranties_total })}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t("reports.expiring.licences")}
              </Text>
              <Group gap="xs">
                <ExportButtons
                  area="assets"
                  testId="report-licences-export"
                  run={(format, language) =>
                    itReportsApi.exportLicences(
                      {
                        search: null,
                        product_id: null,
                        kind: null,
                        expiring_within_days: debounced,
                        seat_use: null,
                        include_retired: false,
                        sort: "expiry",
                        dir: "asc",
                        page: { offset: 0, limit: 50 },
                      },
                      format,
                      language,
                      t("reports.exportTitle"),
                    )
                  }
                />
              </Group>
            </Group>
            {r.licences.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("reports.expiring.noLicence")}
              </Text>
            ) : (
              <Table data-testid="report-licences">
                <Table.Tbody>
                  {r.licences.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Anchor size="sm" onClick={onSoftware}>
                          {l.product_version
                            ? `${l.product_name} ${l.product_version}`
                            : l.product_name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">
                        {l.expiry_date ? formatDate(l.expiry_date, lang) : ""}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Card>
  );
}
