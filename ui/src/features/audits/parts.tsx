import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../bindings/ActionStatus";
import type { AuditOutcome as Outcome } from "../../bindings/AuditOutcome";
import type { AuditStatus } from "../../bindings/AuditStatus";
import type { FindingSeverity } from "../../bindings/FindingSeverity";
import type { FindingStatus } from "../../bindings/FindingStatus";
import { localeTag } from "../../i18n/format";
import "./i18n";

export const STATUS_COLOR: Record<AuditStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  in_review: "violet",
  closed: "green",
};

export const OUTCOME_COLOR: Record<Outcome, string> = {
  compliant: "green",
  minor: "orange",
  major: "red",
  observation: "cyan",
  not_applicable: "gray",
};

/** The keys 1–5 set these outcomes, in this order. */
export const OUTCOME_KEYS: Outcome[] = [
  "compliant",
  "minor",
  "major",
  "observation",
  "not_applicable",
];

export const SEVERITY_COLOR: Record<FindingSeverity, string> = {
  major: "red",
  minor: "orange",
  observation: "cyan",
};

export const ACTION_COLOR: Record<ActionStatus, string> = {
  open: "orange",
  done: "blue",
  verified: "green",
};

export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      data-testid="audit-status"
      data-status={status}
    >
      {t(`audits.status.${status}`)}
    </Badge>
  );
}

export function OutcomeBadge({ outcome, short }: { outcome: Outcome | null; short?: boolean }) {
  const { t } = useTranslation();
  if (!outcome) {
    return (
      <Badge color="gray" variant="outline" data-outcome="none">
        {short ? "—" : t("audits.notAssessed")}
      </Badge>
    );
  }
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant="light" data-outcome={outcome}>
      {t(short ? `audits.outcomeShort.${outcome}` : `audits.outcome.${outcome}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant="light" data-severity={severity}>
      {t(`findings.severity.${severity}`)}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === "open" ? "orange" : "green"}
      variant="dot"
      data-finding-status={status}
    >
      {t(`findings.status.${status}`)}
    </Badge>
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_COLOR[status]} variant="light" data-action-status={status}>
      {t(`capa.status.${status}`)}
    </Badge>
  );
}

/** A score in basis points as a percentage with one decimal, in the person's language. */
export function formatScore(bp: number | null, language: string): string | null {
  if (bp === null) return null;
  return new Intl.NumberFormat(localeTag(language), {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bp / 10000);
}

export function scoreColor(bp: number): string {
  if (bp >= 9000) return "green";
  if (bp >= 7500) return "yellow";
  if (bp >= 5000) return "orange";
  return "red";
}

/** A score as coloured text; `compact` shows a dash for none (lists). */
export function ScoreText({
  score,
  size = "sm",
  compact,
}: {
  score: number | null;
  size?: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = formatScore(score, i18n.language);
  return (
    <Text
      size={size}
      fw={600}
      c={score === null ? "dimmed" : scoreColor(score)}
      data-testid="audit-score"
    >
      {text ?? (compact ? "—" : t("audits.noScore"))}
    </Text>
  );
}

/** One labelled value. */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={6}>{typeof children === "string" ? <Text>{children}</Text> : children}</Group>
    </div>
  );
}

export { EmployeePicker } from "../staff/EmployeePicker";

/** The audit's score as the record page's leading figure. */
export function ScoreFigure({ score }: { score: number | null }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ minWidth: 96, textAlign: "center" }} data-testid="audit-score-figure">
      <Text size="28px" fw={700} lh={1.1} c={score === null ? "dimmed" : scoreColor(score)}>
        {formatScore(score, i18n.language) ?? "—"}
      </Text>
      <Text size="xs" c="dimmed">
        {t("audits.fields.score")}
      </Text>
    </div>
  );
}
