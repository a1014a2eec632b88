import { Group, Select, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import "../../lib/dayjsLocales";
import { useTranslation } from "react-i18next";
import "./i18n";

export type Filters = {
  entity: string | null;
  actor: string;
  rowId: string;
  from: Date | null;
  to: Date | null;
};

export const NO_FILTERS: Filters = { entity: null, actor: "", rowId: "", from: null, to: null };

const ENTITIES = [
  "departments",
  "organisation",
  "preferences",
  "users",
  "security",
  "exports",
  "backups",
];

/** Calendar days are picked in local time; history is kept in UTC instants. */
export function dayStart(d: Date | null): string | null {
  return d ? new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString() : null;
}

export function dayAfter(d: Date | null): string | null {
  return d ? new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).toISOString() : null;
}

/** Mantine's date inputs give "YYYY-MM-DD" strings; the filter keeps local dates. */
function parseDay(v: string | null): Date | null {
  if (!v) return null;
  const [y, m, d] = v.split("-").map(Number);
  return y && m && d ? new Date(y, m - 1, d) : null;
}

function toDay(d: Date | null): string | null {
  if (!d) return null;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function HistoryFilters({
  value,
  onChange,
}: {
  value: Filters;
  onChange: (f: Filters) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <Group mb="md" align="flex-end">
      <Select
        label={t("history.area")}
        placeholder={t("history.allAreas")}
        clearable
        value={value.entity}
        onChange={(v) => set({ entity: v })}
        data={ENTITIES.map((e) => ({ value: e, label: t(`history.entity.${e}`) }))}
        data-testid="history-entity"
        w={180}
      />
      <TextInput
        label={t("history.person")}
        value={value.actor}
        onChange={(e) => set({ actor: e.currentTarget.value })}
        data-testid="history-actor-filter"
        w={160}
      />
      <TextInput
        label={t("history.record")}
        value={value.rowId}
        inputMode="numeric"
        onChange={(e) => set({ rowId: e.currentTarget.value.replace(/\D/g, "") })}
        w={110}
      />
      <DateInput
        label={t("history.from")}
        valueFormat="DD/MM/YYYY"
        clearable
        value={toDay(value.from)}
        onChange={(v) => set({ from: parseDay(v) })}
        w={150}
      />
      <DateInput
        label={t("history.to")}
        valueFormat="DD/MM/YYYY"
        clearable
        value={toDay(value.to)}
        onChange={(v) => set({ to: parseDay(v) })}
        w={150}
      />
    </Group>
  );
}
