import "@mantine/charts/styles.layer.css";
import { LineChart } from "@mantine/charts";
import {
  Anchor,
  Card,
  Group,
  HoverCard,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import type { AuditDetail } from "../../bindings/AuditDetail";
import { formatDate } from "../../i18n/format";
import { Fact, formatScore, ScoreText, scoreColor } from "./parts";
import "./i18n";

/** The plan's facts, the score per section with the formula, and the trend of a series. */
export function AuditOverview({ d }: { d: AuditDetail }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const a = d.audit;
  const lang = i18n.language;
  const none = t("common.none");
  const date = (v: string | null) => (v ? formatDate(v, lang) : none);
  return (
    <Stack>
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Fact label={t("audits.fields.template")}>
            {t("audits.templateVersion", { name: a.template_name, n: a.template_number })}
          </Fact>
          <Fact label={t("audits.fields.lead")}>{a.lead_name}</Fact>
          <Fact label={t("audits.fields.recurrence")}>
            {t(`audits.recurrence.${a.recurrence}`)}
          </Fact>
          <Fact
            label={t("audits.fields.planned")}
          >{`${date(a.planned_start)} – ${date(a.planned_end)}`}</Fact>
          <Fact label={t("audits.fields.started_on")}>{date(a.started_on)}</Fact>
          <Fact label={t("audits.fields.ended_on")}>{date(a.ended_on)}</Fact>
          <Fact label={t("audits.fields.departments")}>
            {a.departments.map((x) => x.name).join(", ") || none}
          </Fact>
          <Fact label={t("audits.fields.auditees")}>
            {a.auditees.map((x) => x.name).join(", ") || none}
          </Fact>
          <Fact label={t("audits.fields.assets")}>
            {a.assets.length === 0
              ? none
              : a.assets.map((x, i) => (
                  <span key={x.id}>
                    {i > 0 && ", "}
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => go({ page: "asset", id: x.id, tab: "details" })}
                      data-testid="audit-scope-asset"
                    >
                      {x.name}
                    </Anchor>
                  </span>
                ))}
          </Fact>
          <Fact label={t("audits.fields.suppliers")}>
            {a.suppliers.length === 0
              ? none
              : a.suppliers.map((x, i) => (
                  <span key={x.id}>
                    {i > 0 && ", "}
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => go({ page: "supplier", id: x.id, tab: "details" })}
                      data-testid="audit-scope-supplier"
                    >
                      {x.name}
                    </Anchor>
                  </span>
                ))}
          </Fact>
          <Fact label={t("audits.fields.scope_note")}>{a.scope_note ?? none}</Fact>
        </SimpleGrid>
      </Card>
      <Card>
        <Group justify="space-between" mb="sm">
          <Group gap="xs">
            <Title order={5}>{t("audits.sections")}</Title>
            <HoverCard width={380} shadow="md" withinPortal>
              <HoverCard.Target>
                <IconInfoCircle
                  size={18}
                  style={{ cursor: "help" }}
                  aria-label={t("audits.scoreHelpTitle")}
                  data-testid="score-help"
                />
              </HoverCard.Target>
              <HoverCard.Dropdown>
                <Text fw={600} size="sm" mb={4}>
                  {t("audits.scoreHelpTitle")}
                </Text>
                <Text size="sm">{t("audits.scoreHelp")}</Text>
              </HoverCard.Dropdown>
            </HoverCard>
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("audits.assessedOf", { done: d.total.assessed, all: d.total.items })}
            </Text>
            <ScoreText score={d.total.score} size="lg" />
          </Group>
        </Group>
        <Table verticalSpacing={6} data-testid="section-scores">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audits.section")}</Table.Th>
              <Table.Th w={90}>{t("audits.items")}</Table.Th>
              <Table.Th w={70}>{t("audits.outcomeShort.minor")}</Table.Th>
              <Table.Th w={80}>{t("audits.outcomeShort.major")}</Table.Th>
              <Table.Th w={60}>{t("audits.outcomeShort.not_applicable")}</Table.Th>
              <Table.Th w={220}>{t("audits.fields.score")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.sections.map((s) => (
              <Table.Tr key={s.section}>
                <Table.Td>{s.section}</Table.Td>
                <Table.Td>
                  {s.assessed}/{s.items}
                </Table.Td>
                <Table.Td c={s.minor ? "orange" : "dimmed"}>{s.minor}</Table.Td>
                <Table.Td c={s.major ? "red" : "dimmed"}>{s.major}</Table.Td>
                <Table.Td c="dimmed">{s.not_applicable}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress
                      value={(s.score ?? 0) / 100}
                      color={s.score === null ? "gray" : scoreColor(s.score)}
                      w={110}
                    />
                    <Text size="sm">{formatScore(s.score, lang) ?? none}</Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {a.recurrence !== "none" && <Trend d={d} />}
    </Stack>
  );
}

function Trend({ d }: { d: AuditDetail }) {
  const { t, i18n } = useTranslation();
  const points = d.trend
    .filter((p) => p.score !== null)
    .map((p) => ({
      date: formatDate(p.planned_start, i18n.language),
      score: (p.score ?? 0) / 100,
    }));
  return (
    <Card data-testid="audit-trend">
      <Title order={5} mb="sm">
        {t("audits.trend")}
      </Title>
      {points.length < 2 ? (
        <Text c="dimmed" size="sm">
          {t("audits.trendEmpty")}
        </Text>
      ) : (
        <LineChart
          h={220}
          data={points}
          dataKey="date"
          series={[{ name: "score", label: t("audits.fields.score"), color: "blue.6" }]}
          yAxisProps={{ domain: [0, 100] }}
          unit=" %"
          curveType="linear"
          withDots
        />
      )}
    </Card>
  );
}
