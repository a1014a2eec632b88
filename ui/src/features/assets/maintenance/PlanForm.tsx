import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { maintenanceApi, maintenanceKeys } from "../../../api/maintenance";
import type { MaintenancePlan } from "../../../bindings/MaintenancePlan";
import type { MaintenanceTarget } from "../../../bindings/MaintenanceTarget";
import { useServerForm } from "../../../lib/useServerForm";
import { EmployeePicker } from "../../staff/EmployeePicker";
import { todayIso } from "../../staff/format";
import { DateField } from "../../staff/parts";
import { categoryName, useAssetCategories, useLocations } from "../parts";
import { ChecklistEditor } from "./ChecklistEditor";
import { AssetPicker } from "./parts";
import { planInput, planValues } from "./planValues";
import { ScheduleEditor } from "./ScheduleEditor";
import "./i18n";

const KINDS: MaintenanceTarget["kind"][] = ["asset", "category", "location"];

function PlanForm({
  plan,
  onClose,
  onSaved,
}: {
  plan: MaintenancePlan | null;
  onClose: () => void;
  onSaved?: (p: MaintenancePlan) => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const today = todayIso();
  const categories = useAssetCategories(true);
  const locations = useLocations();
  const { form, showError } = useServerForm(planValues(plan, today), {
    area: "maintenance",
    // Rust names the schedule as a whole and the assignee by its column.
    alias: { schedule: "every", assignee_employee_id: "assignee" },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      maintenanceApi.save(plan?.id ?? null, plan?.version ?? 0, planInput(v, today)),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: maintenanceKeys.all });
      notifications.show({
        color: "green",
        message: t(plan ? "maintenance.saved" : "maintenance.created"),
      });
      onClose();
      onSaved?.(p);
    },
    onError: showError,
  });
  const label = (f: string) => t(`maintenance.fields.${f}`);
  const kind = form.values.target_kind;
  // The target's current name, so a picker shows it before any search.
  const currentTarget = plan && plan.target.kind === kind ? plan.target_name : null;
  const targetProps = {
    ...form.getInputProps("target"),
    label: label("target"),
    withAsterisk: true,
    "data-testid": "plan-target",
  };
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="plan-form">
      <Stack>
        <TextInput
          label={label("title")}
          withAsterisk
          {...form.getInputProps("title")}
          name="title"
          data-testid="plan-title"
        />
        <Textarea
          label={label("description")}
          autosize
          minRows={2}
          {...form.getInputProps("description")}
          data-testid="plan-description"
        />
        <SegmentedControl
          value={kind}
          onChange={(k) => {
            form.setFieldValue("target_kind", k as MaintenanceTarget["kind"]);
            form.setFieldValue("target", null);
          }}
          data={KINDS.map((k) => ({ value: k, label: t(`maintenance.targetKind.${k}`) }))}
          data-testid="plan-target-kind"
        />
        {kind === "asset" && (
          <AssetPicker
            key="asset"
            {...targetProps}
            value={form.values.target}
            onChange={(v) => form.setFieldValue("target", v)}
            currentLabel={currentTarget}
          />
        )}
        {kind === "category" && (
          <Select
            key="category"
            {...targetProps}
            searchable
            placeholder={t("maintenance.targetPick.category")}
            data={(categories.data ?? [])
              .filter((c) => c.active || String(c.id) === form.values.target)
              .map((c) => ({ value: String(c.id), label: categoryName(c, i18n.language) }))}
          />
        )}
        {kind === "location" && (
          <Select
            key="location"
            {...targetProps}
            searchable
            placeholder={t("maintenance.targetPick.location")}
            data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.path }))}
          />
        )}
        <ScheduleEditor form={form} today={today} />
        <Group grow align="flex-start">
          <DateField
            field="start_on"
            label={label("start_on")}
            {...form.getInputProps("start_on")}
            data-testid="plan-start-on"
          />
          <EmployeePicker
            label={label("assignee")}
            currentLabel={plan?.assignee_name ?? null}
            {...form.getInputProps("assignee")}
            value={form.values.assignee}
            onChange={(v) => form.setFieldValue("assignee", v)}
            data-testid="plan-assignee"
          />
        </Group>
        <ChecklistEditor form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="plan-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export type PlanFormModalProps = {
  opened: boolean;
  /** Null for a new plan. */
  plan: MaintenancePlan | null;
  onClose: () => void;
  /** After a save, with the plan as Rust returned it (e.g. to open a new plan). */
  onSaved?: (plan: MaintenancePlan) => void;
};

/** Creates or edits a maintenance plan; its rules (and their messages) come from Rust. */
export function PlanFormModal({ opened, plan, onClose, onSaved }: PlanFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(plan ? "maintenance.editTitle" : "maintenance.newTitle")}
      size="lg"
    >
      {opened && <PlanForm plan={plan} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
