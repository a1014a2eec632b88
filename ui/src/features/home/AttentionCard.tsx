import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { settingsApi, settingsKeys } from "../../api/settings";
import { QueryState } from "../../app/QueryState";
import type { Area } from "../../bindings/Area";
import type { Attention } from "../../bindings/Attention";
import type { AttentionItem } from "../../bindings/AttentionItem";
import type { Severity } from "../../bindings/Severity";
import { formatDate, formatNumber } from "../../i18n/format";
import { SeverityBadge } from "../staff/issues";
import { ATTENTION_VIEWS } from "./attentionAreas";

const ORDER: Severity[] = ["critical", "high", "medium", "low"];
const COLOR: Record<Severity, string> = {
  critical: "red",
  high: "orange",
  medium: "yellow",
  low: "gray",
};
/** Items fetched for Home: the most urgent ones; the areas' own pages list the rest. */
const LIMIT = 30;

/** Each registered area's sentence function, from its hook (the same hooks in the same order). */
function useReasons(): Map<Area, (item: AttentionItem) => string> {
  const out = new Map<Area, (item: AttentionItem) => string>();
  for (const [area, view] of Object.entries(ATTENTION_VIEWS)) {
    // biome-ignore lint/correctness/useHookAtTopLevel: the set of areas is fixed at build time
    if (view) out.set(area as Area, view.useReason());
  }
  return out;
}

function Counts({ a }: { a: Attention }) {
  const { t, i18n } = useTranslation();
  const by = (s: Severity) =>
    a.counts.filter((c) => c.severity === s).reduce((n, c) => n + c.count, 0);
  return (
    <Group gap="xs" data-testid="attention-counts">
      {ORDER.filter((s) => by(s) > 0).map((s) => (
        <Badge key={s} color={COLOR[s]} variant={s === "critical" ? "filled" : "light"} size="lg">
          {t(`home.attention.count.${s}`, { count: by(s), n: formatNumber(by(s), i18n.language) })}
        </Badge>
      ))}
    </Group>
  );
}

function Items({ a }: { a: Attention }) {
  const { t, i18n } = useTranslation();
  const reasons = useReasons();
  return (
    <Table verticalSpacing="xs" data-testid="attention-items">
      <Table.Tbody>
        {a.items.map((item) => {
          const view = ATTENTION_VIEWS[item.area];
          const reason = reasons.get(item.area);
          return (
            <Table.Tr
              key={`${item.entity}:${item.record_id}`}
              data-testid="attention-item"
              data-area={item.area}
            >
              <Table.Td w={100}>
                <SeverityBadge severity={item.severity} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {item.record_name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[t(`nav.${item.area}`, { defaultValue: item.area }), item.context]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="attention-reason">
                  {reason ? reason(item) : ""}
                </Text>
                {item.more > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("home.attention.more", { count: item.more })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td w={120}>
                {item.due && (
                  <Text size="sm" c={item.due < new Date().toISOString() ? "red" : undefined}>
                    {formatDate(item.due, i18n.language)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td w={150} ta="right">
                {view && <view.Action item={item} />}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Home's first card: what needs someone, most urgent first, each row opening where to act. */
export function AttentionCard() {
  const { t } = useTranslation();
  const attention = useQuery({
    queryKey: settingsKeys.attention,
    queryFn: () => settingsApi.attention("low", LIMIT),
  });
  return (
    <Card data-testid="home-attention" mb="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("home.attention.title")}</Title>
      </Group>
      <QueryState query={attention}>
        {(a) =>
          a.total === 0 ? (
            <Group gap="xs" data-testid="attention-empty">
              <IconCircleCheck size={20} color="var(--mantine-color-green-6)" />
              <Text c="dimmed">{t("home.attention.nothing")}</Text>
            </Group>
          ) : (
            <Stack gap="sm">
              <Counts a={a} />
              <Items a={a} />
              {a.total > a.items.length && (
                <Text size="xs" c="dimmed">
                  {t("home.attention.shown", { shown: a.items.length, total: a.total })}
                </Text>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
