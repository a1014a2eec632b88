import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { auditKeys, auditsApi } from "../../api/audits";
import { useNav } from "../../app/nav";
import type { Policy } from "../../bindings/Policy";
import type { PolicyKind } from "../../bindings/PolicyKind";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { DateField } from "../staff/parts";
import { EmployeePicker } from "./parts";
import "./i18n";

export const POLICY_KINDS: PolicyKind[] = [
  "privacy",
  "it",
  "safety",
  "purchasing",
  "quality",
  "hr",
  "other",
];

function PolicyForm({ policy, onClose }: { policy: Policy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const { form, showError } = useServerForm(
    {
      title: policy?.title ?? "",
      kind: (policy?.kind ?? "privacy") as PolicyKind,
      owner_employee_id: policy?.owner_employee_id
        ? String(policy.owner_employee_id)
        : (null as string | null),
      version_label: policy?.version_label ?? "1.0",
      approved_by: policy?.approved_by ?? "",
      approved_on: (policy?.approved_on ?? null) as string | null,
      review_months: policy?.review_months ?? 12,
    },
    { area: "policies" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      const input = {
        title: v.title,
        kind: v.kind,
        owner_employee_id: v.owner_employee_id ? Number(v.owner_employee_id) : null,
        version_label: v.version_label,
        approved_by: orNull(v.approved_by),
        approved_on: v.approved_on,
        review_months: Number(v.review_months) || 0,
      };
      return policy
        ? auditsApi.updatePolicy(policy.id, policy.version, input)
        : auditsApi.createPolicy(input);
    },
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: auditKeys.all });
      notifications.show({
        color: "green",
        message: t(policy ? "policies.saved" : "policies.created"),
      });
      onClose();
      if (!policy) go({ page: "policy", id: p.id, tab: "files" });
    },
    onError: showError,
  });
  const label = (f: string) => t(`policies.fields.${f}`);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="policy-form">
      <Stack>
        <TextInput
          label={label("title")}
          withAsterisk
          data-autofocus
          {...form.getInputProps("title")}
          name="title"
        />
        <Group grow align="flex-start">
          <Select
            label={label("kind")}
            allowDeselect={false}
            data={POLICY_KINDS.map((k) => ({ value: k, label: t(`policies.kinds.${k}`) }))}
            {...form.getInputProps("kind")}
          />
          <TextInput
            label={label("version_label")}
            withAsterisk
            {...form.getInputProps("version_label")}
            name="version_label"
          />
        </Group>
        <EmployeePicker
          label={label("owner")}
          currentLabel={policy?.owner_name ?? null}
          {...form.getInputProps("owner_employee_id")}
          value={form.values.owner_employee_id}
          onChange={(v) => form.setFieldValue("owner_employee_id", v)}
        />
        <Group grow align="flex-start">
          <TextInput label={label("approved_by")} {...form.getInputProps("approved_by")} />
          <DateField
            field="approved_on"
            label={label("approved_on")}
            {...form.getInputProps("approved_on")}
          />
          <NumberInput
            label={label("review_months")}
            min={1}
            max={120}
            {...form.getInputProps("review_months")}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="policy-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PolicyFormModal({
  opened,
  policy,
  onClose,
}: {
  opened: boolean;
  policy: Policy | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(policy ? "policies.editTitle" : "policies.newTitle")}
      size="lg"
    >
      {opened && <PolicyForm policy={policy} onClose={onClose} />}
    </Modal>
  );
}
