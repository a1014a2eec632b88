import { Badge, Button, Group, NumberInput, Popover, Select, Stack } from "@mantine/core";
import { IconAdjustmentsHorizontal } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useAllDepartments } from "../../staff/catalog";
import { DateField } from "../../staff/parts";
import "../i18n";

/** The order list's less used filters: department, total between two amounts, dates. */
export type MoreFilters = {
  department: string | null;
  /** Euro as typed; the query sends cents. */
  minTotal: number | "";
  maxTotal: number | "";
  from: string | null;
  to: string | null;
};

export const noMoreFilters: MoreFilters = {
  department: null,
  minTotal: "",
  maxTotal: "",
  from: null,
  to: null,
};

/** How many of the filters are set (the button's badge). */
export function activeCount(f: MoreFilters): number {
  return [
    f.department,
    f.minTotal === "" ? null : 1,
    f.maxTotal === "" ? null : 1,
    f.from,
    f.to,
  ].filter((v) => v !== null).length;
}

/** Cents for the query, or none when the amount is empty. */
export const toCents = (v: number | "") => (v === "" ? null : Math.round(v * 100));

export function OrderMoreFilters({
  value,
  onChange,
}: {
  value: MoreFilters;
  onChange: (f: MoreFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const departments = useAllDepartments();
  const l = (k: string) => t(`purchasingUi.orders.filters.${k}`);
  const set = (patch: Partial<MoreFilters>) => onChange({ ...value, ...patch });
  const n = activeCount(value);
  const money = {
    decimalScale: 2,
    decimalSeparator: i18n.language === "it" ? "," : ".",
    thousandSeparator: i18n.language === "it" ? "." : ",",
    hideControls: true,
    min: 0,
    suffix: " €",
  };
  const amount = (v: string | number) => (v === "" ? "" : Number(v));
  return (
    <Popover width={380} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={
            n > 0 ? (
              <Badge size="sm" circle>
                {n}
              </Badge>
            ) : null
          }
          data-testid="order-more-filters"
        >
          {l("more")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="order-more-filters-panel">
        <Stack gap="sm">
          <Select
            label={l("department")}
            data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
            value={value.department}
            onChange={(v) => set({ department: v })}
            clearable
            searchable
            comboboxProps={{ withinPortal: false }}
          />
          <Group grow>
            <NumberInput
              label={l("minTotal")}
              {...money}
              value={value.minTotal}
              onChange={(v) => set({ minTotal: amount(v) })}
              data-testid="order-min-total"
            />
            <NumberInput
              label={l("maxTotal")}
              {...money}
              value={value.maxTotal}
              onChange={(v) => set({ maxTotal: amount(v) })}
              data-testid="order-max-total"
            />
          </Group>
          <Group grow>
            <DateField
              field="from"
              label={l("from")}
              value={value.from}
              onChange={(v) => set({ from: v })}
              popoverProps={{ withinPortal: false }}
            />
            <DateField
              field="to"
              label={l("to")}
              value={value.to}
              onChange={(v) => set({ to: v })}
              popoverProps={{ withinPortal: false }}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="subtle" disabled={n === 0} onClick={() => onChange(noMoreFilters)}>
              {l("clear")}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
