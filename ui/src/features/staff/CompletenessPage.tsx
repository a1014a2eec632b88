import {
  Anchor,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import { useNav, useRemembered } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { Pager } from "../../app/Pager";
import { QueryState } from "../../app/QueryState";
import type { CompletenessRollup } from "../../bindings/CompletenessRollup";
import type { Severity } from "../../bindings/Severity";
import { formatNumber } from "../../i18n/format";
import { ScoreExplanation } from "./CompletenessTab";
import { useAllDepartments } from "./catalog";
import { FixButton, SeverityBadge, useIssueText } from "./issues";
import { ScoreBar, ScoreRing } from "./parts";
import "./i18n";
import "./i18n-lists";

const PAGE_SIZE = 20;
/** Issues shown per employee before "and N more". */
const SHOWN = 3;

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Card
      padding="md"
      style={{ display: "flex", flexDirection: "column", justifyContent: "center" }}
    >
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

function Overall({ o }: { o: CompletenessRollup }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Group align="stretch" gap="md" wrap="nowrap" data-testid="company-score">
      <Card padding="md" style={{ flexShrink: 0 }}>
        <Group gap="md" wrap="nowrap">
          <ScoreRing score={o.average} size={104} />
          <Stack gap={2}>
            <Text fw={600}>{t("completeness.companyScore")}</Text>
            <Text size="sm" c="dimmed" maw={220}>
              {t("completeness.companyScoreHelp", { count: o.employees })}
            </Text>
          </Stack>
        </Group>
      </Card>
      <SimpleGrid cols={4} style={{ flex: 1 }}>
        <Stat label={t("completeness.employees")} value={n(o.employees)} />
        <Stat
          label={t("completeness.complete")}
          value={n(o.complete)}
          color={o.complete > 0 ? "green.8" : undefined}
        />
        <Stat
          label={t("completeness.withIssues")}
          value={n(o.with_issues)}
          color={o.with_issues > 0 ? "orange.8" : undefined}
        />
        <Stat
          label={t("completeness.critical")}
          value={n(o.critical)}
          color={o.critical > 0 ? "red.8" : undefined}
        />
      </SimpleGrid>
    </Group>
  );
}

/** Company score, per-department roll-up, and the employees with something to fix. */
export function CompletenessPage() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const text = useIssueText();
  const [department, setDepartment] = useRemembered<string | null>("completeness.dept", null);
  const [severity, setSeverity] = useRemembered<string | null>("completeness.severity", null);
  const [page, setPage] = useState(1);
  const departments = useAllDepartments();
  const company = useQuery({
    queryKey: staffKeys.companyCompleteness(),
    queryFn: staffApi.companyCompleteness,
  });
  const query = {
    department_id: department === "none" ? null : department ? Number(department) : null,
    min_severity: (severity as Severity | null) ?? null,
    page: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  };
  const fixes = useQuery({
    queryKey: staffKeys.needsFixing(query),
    queryFn: () => staffApi.whatNeedsFixing(query),
    placeholderData: keepPreviousData,
  });
  const n = (v: number) => formatNumber(v, i18n.language);
  const pickDepartment = (v: string | null) => {
    setDepartment(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t("completeness.title")} subtitle={t("completeness.subtitle")} />
      <Stack>
        <QueryState query={company}>
          {(c) =>
            c.overall.employees === 0 ? (
              <Card>
                <Text c="dimmed" ta="center" py="lg" data-testid="completeness-empty">
                  {t("completeness.noStaff")}
                </Text>
              </Card>
            ) : (
              <>
                <Overall o={c.overall} />
                <Card>
                  <Title order={4} mb="sm">
                    {t("completeness.byDepartment")}
                  </Title>
                  <Table highlightOnHover verticalSpacing="xs" data-testid="department-rollup">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("fields.employees.department_id")}</Table.Th>
                        <Table.Th ta="right">{t("completeness.employees")}</Table.Th>
                        <Table.Th>{t("completeness.average")}</Table.Th>
                        <Table.Th ta="right">{t("completeness.lowest")}</Table.Th>
                        <Table.Th ta="right">{t("completeness.complete")}</Table.Th>
                        <Table.Th ta="right">{t("completeness.withIssues")}</Table.Th>
                        <Table.Th ta="right">{t("completeness.critical")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.departments.map((d) => (
                        <Table.Tr
                          key={d.department_id ?? "none"}
                          data-testid="rollup-row"
                          style={{ cursor: d.department_id ? "pointer" : undefined }}
                          onClick={() =>
                            d.department_id ? pickDepartment(String(d.department_id)) : undefined
                          }
                        >
                          <Table.Td fw={600}>
                            {d.department ?? (
                              <Text span c="dimmed" size="sm">
                                {t("completeness.noDepartment")}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{n(d.employees)}</Table.Td>
                          <Table.Td>
                            <ScoreBar score={d.average} />
                          </Table.Td>
                          <Table.Td ta="right">{d.lowest}%</Table.Td>
                          <Table.Td ta="right">{n(d.complete)}</Table.Td>
                          <Table.Td ta="right">{n(d.with_issues)}</Table.Td>
                          <Table.Td ta="right">
                            {d.critical > 0 ? (
                              <Badge color="red" variant="light">
                                {n(d.critical)}
                              </Badge>
                            ) : (
                              "0"
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <ScoreExplanation />
                </Card>
              </>
            )
          }
        </QueryState>

        <Card>
          <Group justify="space-between" align="flex-end" mb="md">
            <Stack gap={2}>
              <Title order={4}>{t("completeness.toFix")}</Title>
              <Text size="sm" c="dimmed">
                {t("completeness.toFixHelp")}
              </Text>
            </Stack>
            <Group gap="sm">
              <Select
                label={t("fields.employees.department_id")}
                placeholder={t("staff.allDepartments")}
                data={(departments.data ?? []).map((d) => ({
                  value: String(d.id),
                  label: d.name,
                }))}
                value={department}
                onChange={pickDepartment}
                searchable
                clearable
                w={200}
                data-testid="fix-filter-department"
              />
              <Select
                label={t("completeness.minSeverity")}
                placeholder={t("completeness.anySeverity")}
                data={(["critical", "high", "medium"] as const).map((s) => ({
                  value: s,
                  label: t(`completeness.atLeast.${s}`),
                }))}
                value={severity}
                onChange={(v) => {
                  setSeverity(v);
                  setPage(1);
                }}
                clearable
                w={200}
                data-testid="fix-filter-severity"
              />
            </Group>
          </Group>
          <QueryState query={fixes}>
            {(p) =>
              p.total === 0 ? (
                <Stack align="center" py="xl" gap="xs" data-testid="fix-empty">
                  <IconCircleCheck size={40} stroke={1.2} color="var(--mantine-color-green-6)" />
                  <Text fw={600}>{t("completeness.nothingToFix")}</Text>
                </Stack>
              ) : (
                <>
                  <Table verticalSpacing="sm" data-testid="fix-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={230}>{t("staff.columns.name")}</Table.Th>
                        <Table.Th w={140}>{t("staff.columns.completeness")}</Table.Th>
                        <Table.Th>{t("completeness.whatToFix")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.items.map((r) => (
                        <Table.Tr key={r.employee_id} data-testid="fix-row" data-id={r.employee_id}>
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <Anchor
                              component="button"
                              fw={600}
                              size="sm"
                              onClick={() =>
                                go({ page: "employee", id: r.employee_id, tab: "completeness" })
                              }
                              data-testid="fix-open"
                            >
                              {r.last_name} {r.first_name}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {r.department ?? t("completeness.noDepartment")}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ verticalAlign: "top" }}>
                            <ScoreBar score={r.completeness} />
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={6}>
                              {r.issues.slice(0, SHOWN).map((i, n) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id
                                <Group key={n} justify="space-between" wrap="nowrap" gap="sm">
                                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                                    <SeverityBadge severity={i.severity} />
                                    <Text size="sm">{text(i.issue)}</Text>
                                  </Group>
                                  <FixButton employeeId={r.employee_id} issue={i} />
                                </Group>
                              ))}
                              {r.issues.length > SHOWN ? (
                                <Anchor
                                  component="button"
                                  size="xs"
                                  ta="left"
                                  onClick={() =>
                                    go({ page: "employee", id: r.employee_id, tab: "completeness" })
                                  }
                                >
                                  {t("completeness.more", { count: r.issues.length - SHOWN })}
                                </Anchor>
                              ) : null}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Pager total={p.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
                </>
              )
            }
          </QueryState>
        </Card>
      </Stack>
    </>
  );
}
