import {
  Button,
  Checkbox,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MaintenanceLogEntry } from "../../../bindings/MaintenanceLogEntry";
import type { MaintenanceLogInput } from "../../../bindings/MaintenanceLogInput";
import type { MaintenanceOutcome } from "../../../bindings/MaintenanceOutcome";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { todayIso } from "../../staff/format";
import { DateField } from "../../staff/parts";
import { toCents } from "./money";
import { AssetPicker } from "./parts";
import "./i18n";

const OUTCOMES: MaintenanceOutcome[] = ["done", "partly", "failed"];

export type WorkFormProps = {
  /** The plan's checklist, ticked one by one; empty for unplanned work. */
  checklist: string[];
  /** Asks which asset the work was on (a plan for a category or a place). */
  askAsset: boolean;
  submit: (input: MaintenanceLogInput) => Promise<MaintenanceLogEntry>;
  onDone: (entry: MaintenanceLogEntry) => void;
  onCancel: () => void;
  submitLabel: string;
};

/** What was done, when, how it went, how long it took and what it cost. */
export function WorkForm({
  checklist,
  askAsset,
  submit,
  onDone,
  onCancel,
  submitLabel,
}: WorkFormProps) {
  const { t, i18n } = useTranslation();
  const italian = i18n.language.startsWith("it");
  const { form, showError } = useServerForm(
    {
      done_on: todayIso() as string | null,
      work: "",
      ticks: checklist.map(() => false),
      outcome: "done" as MaintenanceOutcome,
      reason: "",
      minutes: "" as number | string,
      cost: "" as number | string,
      asset: null as string | null,
    },
    { area: "maintenance", alias: { cost_cents: "cost", asset_id: "asset" } },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      submit({
        done_on: v.done_on,
        work: v.work,
        ticks: v.ticks,
        outcome: v.outcome,
        reason: orNull(v.reason),
        minutes: v.minutes === "" ? null : Math.round(Number(v.minutes)),
        cost_cents: toCents(v.cost),
        currency: null,
        asset_id: v.asset ? Number(v.asset) : null,
      }),
    onSuccess: onDone,
    onError: showError,
  });
  const label = (f: string) => t(`maintenance.complete.${f}`);
  const v = form.values;
  return (
    <form onSubmit={form.onSubmit((x) => save.mutate(x))} noValidate data-testid="work-form">
      <Stack>
        <Group grow align="flex-start">
          <DateField
            field="done_on"
            label={label("done_on")}
            withAsterisk
            clearable={false}
            maxDate={new Date()}
            {...form.getInputProps("done_on")}
            data-testid="work-done-on"
          />
          {askAsset && (
            <AssetPicker
              label={label("asset")}
              currentLabel={null}
              {...form.getInputProps("asset")}
              value={v.asset}
              onChange={(a) => form.setFieldValue("asset", a)}
              data-testid="work-asset"
            />
          )}
        </Group>
        <Textarea
          label={label("work")}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps("work")}
          data-testid="work-text"
        />
        {checklist.length > 0 && (
          <Input.Wrapper label={label("checklist")} error={form.errors.ticks}>
            <Stack gap={6} mt={4} data-testid="work-checklist">
              {checklist.map((item, i) => (
                <Checkbox
                  // Ticks follow the checklist by position, as Rust stores them.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  key={i}
                  label={item}
                  {...form.getInputProps(`ticks.${i}`, { type: "checkbox" })}
                  data-testid="work-tick"
                  data-index={i}
                />
              ))}
            </Stack>
          </Input.Wrapper>
        )}
        <Input.Wrapper label={label("outcome")}>
          <div>
            <SegmentedControl
              mt={4}
              value={v.outcome}
              onChange={(o) => form.setFieldValue("outcome", o as MaintenanceOutcome)}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`maintenance.outcome.${o}`) }))}
              data-testid="work-outcome"
            />
          </div>
        </Input.Wrapper>
        {v.outcome !== "done" && (
          <TextInput
            label={label("reason")}
            withAsterisk={v.outcome === "failed"}
            {...form.getInputProps("reason")}
            data-testid="work-reason"
          />
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={label("minutes")}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("minutes")}
            data-testid="work-minutes"
          />
          <NumberInput
            label={label("cost")}
            min={0}
            decimalScale={2}
            allowNegative={false}
            thousandSeparator={italian ? "." : ","}
            decimalSeparator={italian ? "," : "."}
            {...form.getInputProps("cost")}
            data-testid="work-cost"
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="work-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
