import { ActionIcon, Badge, Box, Button, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import type { MaintenanceCalendarEntry } from "../../../bindings/MaintenanceCalendarEntry";
import { localeTag } from "../../../i18n/format";
import { ListError } from "../../../kit/listParts";
import { todayIso } from "../../staff/format";
import { monthGrid, shiftMonth, weekdayHeaders } from "./monthGrid";
import { OUTCOME_COLOR } from "./parts";
import "./i18n";

/** Entries a day shows before "+N more"; the rest are in the day's tooltip. */
const PER_DAY = 4;

type EntryState = "due" | "overdue" | "done";

const stateOf = (e: MaintenanceCalendarEntry): EntryState =>
  e.kind.kind === "done" ? "done" : e.kind.overdue ? "overdue" : "due";

function colorOf(e: MaintenanceCalendarEntry): string {
  if (e.kind.kind === "done") return OUTCOME_COLOR[e.kind.outcome];
  return e.kind.overdue ? "red" : "blue";
}

function Entry({ e, onOpen }: { e: MaintenanceCalendarEntry; onOpen: (planId: number) => void }) {
  const { t } = useTranslation();
  const planId = e.plan_id;
  const state = stateOf(e);
  const tip = [t(`maintenance.calendar.${state}`), e.title, e.target_name]
    .filter(Boolean)
    .join(" · ");
  return (
    <Tooltip label={tip} openDelay={300}>
      <Badge
        component={planId === null ? "span" : "button"}
        type={planId === null ? undefined : "button"}
        onClick={planId === null ? undefined : () => onOpen(planId)}
        color={colorOf(e)}
        variant={state === "due" ? "light" : "filled"}
        radius="sm"
        fullWidth
        style={{
          textTransform: "none",
          justifyContent: "flex-start",
          cursor: planId === null ? "default" : "pointer",
        }}
        data-testid="calendar-entry"
        data-kind={state}
        data-plan-id={planId ?? undefined}
        data-date={e.date}
      >
        {e.title}
      </Badge>
    </Tooltip>
  );
}

export type CalendarProps = {
  /** Opens a plan (an entry clicked). */
  onOpen: (planId: number) => void;
};

/** A month of maintenance, Monday first: what falls due, what is overdue, what was done. */
export function Calendar({ onOpen }: CalendarProps) {
  const { t, i18n } = useTranslation();
  const locale = localeTag(i18n.language);
  const today = todayIso();
  const [[year, month], setMonth] = useState<[number, number]>(() => [
    Number(today.slice(0, 4)),
    Number(today.slice(5, 7)),
  ]);
  const entries = useQuery({
    queryKey: maintenanceKeys.calendar(year, month),
    queryFn: () => maintenanceApi.calendar(year, month),
    placeholderData: keepPreviousData,
  });
  const byDate = useMemo(() => {
    const m = new Map<string, MaintenanceCalendarEntry[]>();
    for (const e of entries.data ?? []) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return m;
  }, [entries.data]);
  const title = new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  const step = (n: number) => setMonth(shiftMonth(year, month, n));
  const thisMonth = year === Number(today.slice(0, 4)) && month === Number(today.slice(5, 7));
  return (
    <Stack gap="sm" data-testid="calendar" data-month={`${year}-${String(month).padStart(2, "0")}`}>
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            onClick={() => step(-1)}
            aria-label={t("maintenance.calendar.prev")}
            data-testid="calendar-prev"
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            onClick={() => step(1)}
            aria-label={t("maintenance.calendar.next")}
            data-testid="calendar-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
          <Title order={4} tt="capitalize" data-testid="calendar-title">
            {title}
          </Title>
        </Group>
        <Button
          variant="subtle"
          size="xs"
          disabled={thisMonth}
          onClick={() => setMonth([Number(today.slice(0, 4)), Number(today.slice(5, 7))])}
          data-testid="calendar-today"
        >
          {t("maintenance.calendar.today")}
        </Button>
      </Group>
      {entries.isError && <ListError error={entries.error} retry={() => entries.refetch()} />}
      <Box
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(7, minmax(0, 1fr))",
          gap: 1,
          background: "var(--mantine-color-gray-3)",
          border: "1px solid var(--mantine-color-gray-3)",
        }}
        aria-busy={entries.isFetching}
      >
        {weekdayHeaders(locale).map((d) => (
          <Text
            key={d}
            size="xs"
            fw={600}
            c="dimmed"
            ta="center"
            py={4}
            bg="var(--mantine-color-body)"
            tt="capitalize"
          >
            {d}
          </Text>
        ))}
        {monthGrid(year, month).map((d) => {
          const list = byDate.get(d.date) ?? [];
          const rest = list.slice(PER_DAY);
          const isToday = d.date === today;
          return (
            <Stack
              key={d.date}
              gap={3}
              p={4}
              mih={96}
              bg={d.inMonth ? "var(--mantine-color-body)" : "gray.0"}
              data-testid="calendar-day"
              data-date={d.date}
              data-today={isToday || undefined}
              data-outside={!d.inMonth || undefined}
              style={{ minWidth: 0 }}
            >
              <Text
                size="xs"
                fw={isToday ? 700 : 400}
                c={isToday ? "white" : d.inMonth ? undefined : "dimmed"}
                bg={isToday ? "blue.6" : undefined}
                ta="center"
                w={22}
                style={{ borderRadius: 11, lineHeight: "22px" }}
              >
                {d.day}
              </Text>
              {list.slice(0, PER_DAY).map((e) => (
                <Entry
                  key={`${e.kind.kind}-${e.kind.kind === "done" ? e.kind.log_id : e.plan_id}`}
                  e={e}
                  onOpen={onOpen}
                />
              ))}
              {rest.length > 0 && (
                <Tooltip label={rest.map((e) => e.title).join(" · ")} multiline maw={320}>
                  <Text size="xs" c="dimmed" data-testid="calendar-more">
                    {t("maintenance.calendar.more", { count: rest.length })}
                  </Text>
                </Tooltip>
              )}
            </Stack>
          );
        })}
      </Box>
    </Stack>
  );
}
