import { Button, Group, SegmentedControl, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { licenceKeys, licencesApi } from "../../../api/licences";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { EmployeePicker } from "../../staff/EmployeePicker";
import { DateField } from "../../staff/parts";
import { AssetPicker } from "../maintenance/parts";
import "./i18n";

type HolderKind = "person" | "device";

/**
 * Gives a seat of the licence to a person or a device. Refusals (no free seat, already held,
 * expired licence) come back from Rust and are worded by the shared `errors.reason` strings.
 */
export function SeatAssignForm({ licenceId }: { licenceId: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<HolderKind>("person");
  const { form, showError } = useServerForm(
    { holder: null as string | null, assigned_on: null as string | null, note: "" },
    // One picker is shown at a time: whichever holder Rust names, its problem goes there.
    { area: "licences", alias: { employee_id: "holder", asset_id: "holder" } },
  );
  const assign = useMutation({
    mutationFn: (v: typeof form.values) =>
      licencesApi.assignSeat(licenceId, {
        employee_id: kind === "person" && v.holder ? Number(v.holder) : null,
        asset_id: kind === "device" && v.holder ? Number(v.holder) : null,
        assigned_on: v.assigned_on,
        note: orNull(v.note),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: licenceKeys.all });
      notifications.show({ color: "green", message: t("licences.seats.assigned") });
      form.reset();
    },
    onError: showError,
  });
  const holderProps = {
    ...form.getInputProps("holder"),
    value: form.values.holder,
    onChange: (v: string | null) => form.setFieldValue("holder", v),
    withAsterisk: true,
    currentLabel: null,
    "data-testid": "seat-holder",
  };
  return (
    <form
      onSubmit={form.onSubmit((v) => assign.mutate(v))}
      noValidate
      data-testid="seat-assign-form"
    >
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(k) => {
            setKind(k as HolderKind);
            form.setFieldValue("holder", null);
            form.clearFieldError("holder");
          }}
          data={[
            { value: "person", label: t("licences.seats.toPerson") },
            { value: "device", label: t("licences.seats.toDevice") },
          ]}
          data-testid="seat-holder-kind"
        />
        {kind === "person" ? (
          <EmployeePicker key="person" label={t("licences.seats.person")} {...holderProps} />
        ) : (
          <AssetPicker key="device" label={t("licences.seats.device")} {...holderProps} />
        )}
        <Group grow align="flex-start">
          <DateField
            field="assigned_on"
            label={t("licences.seats.assignedOn")}
            {...form.getInputProps("assigned_on")}
            data-testid="seat-assigned-on"
          />
          <TextInput
            label={t("licences.seats.note")}
            {...form.getInputProps("note")}
            data-testid="seat-note"
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={assign.isPending} data-testid="seat-assign">
            {t("licences.seats.assign")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
