import { Badge, Select, type SelectProps, Text, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../../api/assets";
import type { AssetQuery } from "../../../bindings/AssetQuery";
import type { MaintenanceOutcome } from "../../../bindings/MaintenanceOutcome";
import { formatDate } from "../../../i18n/format";
import { daysUntil } from "../../staff/format";
import "./i18n";

export type DueState = "overdue" | "soon" | "ok";

/** Red once past, orange within a week: what a planner acts on next. */
export function dueState(date: string, today?: string): DueState {
  const d = daysUntil(date, today);
  if (d < 0) return "overdue";
  if (d <= 7) return "soon";
  return "ok";
}

const DUE_COLOR: Record<Exclude<DueState, "ok">, string> = { overdue: "red", soon: "orange" };

/** A plan's next due date, marked when overdue or close, with "in N days" on hover. */
export function DueDate({ date, active = true }: { date: string; active?: boolean }) {
  const { t, i18n } = useTranslation();
  const state = active ? dueState(date) : "ok";
  const text = formatDate(date, i18n.language);
  const days = daysUntil(date);
  const when =
    days < 0
      ? t("maintenance.dueWhen.overdue", { count: -days })
      : days === 0
        ? t("maintenance.dueWhen.today")
        : t("maintenance.dueWhen.in", { count: days });
  const body =
    state === "ok" ? (
      <Text size="sm" span>
        {text}
      </Text>
    ) : (
      <Badge
        color={DUE_COLOR[state]}
        variant={state === "overdue" ? "filled" : "light"}
        radius="sm"
        style={{ textTransform: "none" }}
      >
        {text}
      </Badge>
    );
  return (
    <Tooltip label={when}>
      <span data-testid="plan-due" data-due={date} data-state={state}>
        {body}
      </span>
    </Tooltip>
  );
}

export const OUTCOME_COLOR: Record<MaintenanceOutcome, string> = {
  done: "green",
  partly: "yellow",
  failed: "red",
};

export function OutcomeBadge({ outcome }: { outcome: MaintenanceOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant="light" data-outcome={outcome}>
      {t(`maintenance.outcome.${outcome}`)}
    </Badge>
  );
}

type AssetPickerProps = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (v: string | null) => void;
  /** The chosen asset's label, so the field shows it before any search. */
  currentLabel: string | null;
};

const assetQuery = (search: string): AssetQuery => ({
  search: search || null,
  category_id: null,
  status: null,
  location_id: null,
  department_id: null,
  holder_employee_id: null,
  warranty_within_days: null,
  sort: "tag",
  dir: "asc",
  page: { offset: 0, limit: 20 },
});

/** Picks an asset by searching the inventory (tag, name, serial) as the person types. */
export function AssetPicker({ value, onChange, currentLabel, ...props }: AssetPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(
    value && currentLabel ? { value, label: currentLabel } : null,
  );
  const [debounced] = useDebouncedValue(search === picked?.label ? "" : search, 250);
  const query = assetQuery(debounced);
  const found = useQuery({
    queryKey: assetKeys.list(query),
    queryFn: () => assetsApi.list(query),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? []).map((a) => ({
    value: String(a.id),
    label: `${a.tag} · ${a.name}`,
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
      placeholder={t("maintenance.targetPick.asset")}
      clearable
    />
  );
}
