import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../../../bindings/Schedule";
import type { ScheduleNth } from "../../../bindings/ScheduleNth";
import type { Weekday } from "../../../bindings/Weekday";
import { DateField } from "../../staff/parts";
import { type PlanValues, planInput, takesWeekdayRule } from "./planValues";
import { scheduleText, weekdayName } from "./scheduleText";
import "./i18n";

const UNITS = ["days", "weeks", "months", "years"] as const;
const NTHS: ScheduleNth[] = ["first", "second", "third", "fourth", "last"];
const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * "Every [N] [unit]", counted from the last completion or on fixed dates from a start, and for
 * months and years the same day of the month or "the [first] [Monday]"; the schedule in words
 * below, as the list will show it.
 */
export function ScheduleEditor({
  form,
  today,
}: {
  form: UseFormReturnType<PlanValues>;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const v = form.values;
  const weekdayRule = takesWeekdayRule(v.unit);
  const every = Number(v.every);
  const preview: Schedule | null =
    Number.isInteger(every) && every > 0 ? planInput(v, today).schedule : null;
  return (
    <Stack gap="xs" data-testid="plan-schedule">
      <Group grow align="flex-start">
        <NumberInput
          label={t("maintenance.fields.every")}
          withAsterisk
          min={1}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps("every")}
          data-testid="plan-every"
        />
        <Select
          label={t("maintenance.fields.unit")}
          allowDeselect={false}
          data={UNITS.map((u) => ({ value: u, label: t(`maintenance.units.${u}`) }))}
          {...form.getInputProps("unit")}
          data-testid="plan-unit"
        />
      </Group>
      <SegmentedControl
        data={(["from_completion", "fixed"] as const).map((a) => ({
          value: a,
          label: t(`maintenance.anchor.${a}`),
        }))}
        value={v.anchor}
        onChange={(a) => form.setFieldValue("anchor", a as PlanValues["anchor"])}
        data-testid="plan-anchor"
      />
      {v.anchor === "fixed" && (
        <Group grow align="flex-start">
          <DateField
            field="fixed_start"
            label={t("maintenance.fields.fixed_start")}
            withAsterisk
            clearable={false}
            {...form.getInputProps("fixed_start")}
            data-testid="plan-fixed-start"
          />
          {weekdayRule && (
            <Select
              label={t("maintenance.fields.rule")}
              allowDeselect={false}
              data={(["same_day", "nth_weekday"] as const).map((r) => ({
                value: r,
                label: t(`maintenance.rule.${r}`),
              }))}
              {...form.getInputProps("rule")}
              data-testid="plan-rule"
            />
          )}
        </Group>
      )}
      {v.anchor === "fixed" && weekdayRule && v.rule === "nth_weekday" && (
        <Group grow align="flex-start">
          <Select
            label={t("maintenance.fields.nth")}
            allowDeselect={false}
            data={NTHS.map((n) => ({ value: n, label: t(`maintenance.nthLabel.${n}`) }))}
            {...form.getInputProps("nth")}
            data-testid="plan-nth"
          />
          <Select
            label={t("maintenance.fields.weekday")}
            allowDeselect={false}
            data={WEEKDAYS.map((d) => ({
              value: d,
              label: capitalise(weekdayName(d, i18n.language)),
            }))}
            {...form.getInputProps("weekday")}
            data-testid="plan-weekday"
          />
        </Group>
      )}
      {preview && (
        <Text size="sm" c="dimmed" data-testid="plan-schedule-text">
          {scheduleText(preview, t, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}
