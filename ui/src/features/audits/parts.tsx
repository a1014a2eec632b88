import { Badge, Group, Select, type SelectProps, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../../api/staff";
import type { ActionStatus } from "../../bindings/ActionStatus";
import type { AuditStatus } from "../../bindings/AuditStatus";
import type { FindingSeverity } from "../../bindings/FindingSeverity";
import type { FindingStatus } from "../../bindings/FindingStatus";
import type { AuditOutcome as Outcome } from "../../bindings/AuditOutcome";
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
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="audit-status" data-status={status}>
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
    <Badge color={status === "open" ? "orange" : "green"} variant="dot" data-finding-status={status}>
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

export function ScoreText({ score, size = "sm" }: { score: number | null; size?: string }) {
  const { t, i18n } = useTranslation();
  const text = formatScore(score, i18n.language);
  return (
    <Text size={size} fw={600} c={score === null ? "dimmed" : scoreColor(score)} data-testid="audit-score">
      {text ?? t("audits.noScore")}
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

type EmployeePickerProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen person's name, so the field shows it before any search. */
  currentLabel: string | null;
};

/** Picks a person among active staff, searching in SQL as the person types (20 at a time). */
export function EmployeePicker({ value, onChange, currentLabel, ...props }: EmployeePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  const [debounced] = useDebouncedValue(search === picked?.label ? "" : search, 250);
  const found = useQuery({
    queryKey: staffKeys.managers(debounced),
    queryFn: () =>
      staffApi.list({
        search: debounced.trim() || null,
        department_id: null,
        status: "active",
        contract_type_id: null,
        completeness_below: null,
        expiring_within_days: null,
        sort: "name",
        dir: "asc",
        page: { offset: 0, limit: 20 },
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((r) => ({
    value: String(r.id),
    label: `${r.last_name} ${r.first_name}`,
  }));
  if (picked && value === picked.value && !options.some((o) => o.value === picked.value)) {
    options.unshift(picked);
  }
  return (
    <Select
      {...props}
      data={options}
      value={value}
      onChange={(v, option) => {
        setPicked(v ? { value: v, label: option.label } : null);
        onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      placeholder={t("capa.ownerSearch")}
      nothingFoundMessage={t("audits.nothingFound")}
      clearable
    />
  );
}
