import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { Asset } from "../../bindings/Asset";
import { orNull, useServerForm } from "../../lib/useServerForm";
import { EmployeePicker } from "../staff/EmployeePicker";
import { DateField } from "../staff/parts";
import { useLocations } from "./parts";
import "./i18n";

function CheckoutForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const locations = useLocations();
  const [to, setTo] = useState<"person" | "place">("person");
  const { form, showError } = useServerForm(
    {
      employee_id: null as string | null,
      location_id: null as string | null,
      out_on: null as string | null,
      expected_return: null as string | null,
      condition: "",
      note: "",
    },
    { area: "assets" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.checkout(asset.id, asset.version, {
        employee_id: to === "person" && v.employee_id ? Number(v.employee_id) : null,
        location_id: to === "place" && v.location_id ? Number(v.location_id) : null,
        out_on: v.out_on,
        expected_return: v.expected_return,
        condition: orNull(v.condition),
        note: orNull(v.note),
      }),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("assets.checkout.done", { tag: a.tag }) });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="checkout-form">
      <Stack>
        <SegmentedControl
          value={to}
          onChange={(v) => setTo(v as "person" | "place")}
          data={[
            { value: "person", label: t("assets.checkout.toPerson") },
            { value: "place", label: t("assets.checkout.toPlace") },
          ]}
          data-testid="checkout-to"
        />
        {to === "person" ? (
          <EmployeePicker
            label={t("assets.checkout.person")}
            withAsterisk
            currentLabel={null}
            {...form.getInputProps("employee_id")}
            value={form.values.employee_id}
            onChange={(v) => form.setFieldValue("employee_id", v)}
            data-testid="checkout-person"
          />
        ) : (
          <Select
            label={t("assets.checkout.place")}
            withAsterisk
            searchable
            data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.path }))}
            {...form.getInputProps("location_id")}
            data-testid="checkout-place"
          />
        )}
        <Group grow align="flex-start">
          <DateField
            field="out_on"
            label={t("assets.checkout.outOn")}
            {...form.getInputProps("out_on")}
          />
          <DateField
            field="expected_return"
            label={t("assets.checkout.expectedReturn")}
            {...form.getInputProps("expected_return")}
          />
        </Group>
        <TextInput
          label={t("assets.checkout.condition")}
          {...form.getInputProps("condition")}
          data-testid="checkout-condition"
        />
        <TextInput label={t("assets.checkout.note")} {...form.getInputProps("note")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="checkout-save">
            {t("assets.checkout.action")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CheckinForm({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { form, showError } = useServerForm(
    { in_on: null as string | null, condition: "", note: "" },
    { area: "assets" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      assetsApi.checkin(asset.id, asset.version, {
        in_on: v.in_on,
        condition: orNull(v.condition),
        note: orNull(v.note),
      }),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: assetKeys.all });
      notifications.show({ color: "green", message: t("assets.checkin.done", { tag: a.tag }) });
      onClose();
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="checkin-form">
      <Stack>
        <DateField
          field="in_on"
          label={t("assets.checkin.inOn")}
          {...form.getInputProps("in_on")}
        />
        <TextInput
          label={t("assets.checkin.condition")}
          {...form.getInputProps("condition")}
          data-testid="checkin-condition"
        />
        <TextInput label={t("assets.checkout.note")} {...form.getInputProps("note")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="checkin-save">
            {t("assets.checkin.action")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Hands the asset over (when it is in) or takes it back (when it is out). */
export function HandOverModal({
  asset,
  opened,
  onClose,
}: {
  asset: Asset;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const out = asset.holder_employee_id !== null || asset.holder_location_id !== null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(out ? "assets.checkin.title" : "assets.checkout.title", { tag: asset.tag })}
    >
      {opened &&
        (out ? (
          <CheckinForm asset={asset} onClose={onClose} />
        ) : (
          <CheckoutForm asset={asset} onClose={onClose} />
        ))}
    </Modal>
  );
}
