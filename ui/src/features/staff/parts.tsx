import { Badge, Group, Progress, RingProgress, Text, Tooltip } from "@mantine/core";
import { DateInput, type DateInputProps } from "@mantine/dates";
import "../../lib/dayjsLocales";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { EmployeeStatus } from "../../bindings/EmployeeStatus";
import { formatDate } from "../../i18n/format";
import { daysUntil, EXPIRY_COLOR, expiryState, parseTypedDate, scoreColor } from "./format";
import "./i18n";

/**
 * A calendar date typed as dd/mm/yyyy (or picked), kept as "YYYY-MM-DD". `field` names the input
 * for focusing and tests (Mantine gives `name` to a hidden input).
 */
export function DateField({ field, ...props }: DateInputProps & { field: string }) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseTypedDate}
      placeholder={t("staff.datePlaceholder")}
      clearable
      data-field={field}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** The completeness score as a coloured bar with its number (lists). */
export function ScoreBar({ score }: { score: number }) {
  return (
    <Group gap={8} wrap="nowrap" data-testid="score" data-score={score}>
      <Progress
        value={Math.max(score, 3)}
        color={scoreColor(score)}
        size="md"
        radius="xl"
        w={72}
        aria-hidden
      />
      <Text size="sm" fw={600} w={34} ta="right" c={score < 50 ? "red.8" : undefined}>
        {score}%
      </Text>
    </Group>
  );
}

/** The score as a ring (file header, completeness page). */
export function ScoreRing({ score, size = 84 }: { score: number; size?: number }) {
  return (
    <RingProgress
      size={size}
      thickness={size / 9}
      roundCaps
      sections={[{ value: score, color: scoreColor(score) }]}
      label={
        <Text ta="center" fw={700} size={size > 90 ? "xl" : "md"} data-testid="score-ring">
          {score}%
        </Text>
      }
    />
  );
}

/** A date that may expire, coloured by how close it is, with "in N days" / "N days ago". */
export function ExpiryDate({ date, compact }: { date: string | null; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!date) {
    return (
      <Text size="sm" c="dimmed">
        {t("staff.noExpiry")}
      </Text>
    );
  }
  const state = expiryState(date);
  const days = daysUntil(date);
  const when =
    days < 0
      ? t("staff.daysAgo", { count: -days })
      : days === 0
        ? t("staff.today")
        : t("staff.inDays", { count: days });
  const text = formatDate(date, i18n.language);
  if (state === "ok") {
    return (
      <Text size="sm" data-expiry={state}>
        {text}
      </Text>
    );
  }
  const badge = (
    <Badge
      color={EXPIRY_COLOR[state]}
      variant={state === "expired" ? "filled" : "light"}
      radius="sm"
      data-expiry={state}
      leftSection={state === "expired" ? <IconAlertTriangle size={12} /> : undefined}
      style={{ textTransform: "none" }}
    >
      {text}
    </Badge>
  );
  if (compact) return <Tooltip label={when}>{badge}</Tooltip>;
  return (
    <Group gap={6} wrap="nowrap">
      {badge}
      <Text size="xs" c={state === "expired" ? "red.8" : "dimmed"}>
        {when}
      </Text>
    </Group>
  );
}

export function StatusBadge({ status }: { status: EmployeeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "active" ? "green" : "gray"} variant="light" data-testid="status">
      {t(`staff.status.${status}`)}
    </Badge>
  );
}

/**
 * Beside the name of a contract type, document type or course that was retired: the record keeps
 * it, and the mark says why it is no longer offered for new ones.
 */
export function InactiveMark({ active }: { active: boolean | undefined }) {
  const { t } = useTranslation();
  if (active !== false) return null;
  return (
    <Badge size="xs" color="gray" variant="light" ml={6} data-testid="inactive-mark">
      {t("staff.inactive")}
    </Badge>
  );
}
