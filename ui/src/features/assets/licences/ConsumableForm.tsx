import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { consumableKeys, consumablesApi } from "../../../api/licences";
import type { Consumable } from "../../../bindings/Consumable";
import { useAfterSave, useSaveForm } from "../../../kit/useSaveForm";
import { useLocations } from "../parts";
import { CONSUMABLE_CATEGORIES, consumableInput, consumableValues } from "./values";
import "./i18n";

function ConsumableForm({ item, onClose }: { item: Consumable | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const { form, submit, pending } = useSaveForm(
    consumableValues(item),
    {
      area: "consumables",
      // The form holds euros; Rust names the amount in cents.
      alias: { unit_cost_cents: "unit_cost" },
    },
    (v) =>
      consumablesApi.save(
        item?.id ?? null,
        item?.version ?? 0,
        consumableInput(v, item?.currency ?? null),
      ),
    useAfterSave(
      consumableKeys.all,
      t(item ? "consumables.saved" : "consumables.created"),
      onClose,
    ),
  );
  const label = (f: string) => t(`consumables.fields.${f}`);
  return (
    <form onSubmit={submit} noValidate data-testid="consumable-form">
      <Stack>
        <TextInput
          label={label("name")}
          withAsterisk
          {...form.getInputProps("name")}
          data-testid="consumable-name"
        />
        <Group grow align="flex-start">
          <Select
            label={label("category")}
            withAsterisk
            allowDeselect={false}
            data={CONSUMABLE_CATEGORIES.map((c) => ({
              value: c,
              label: t(`consumables.category.${c}`),
            }))}
            {...form.getInputProps("category")}
            data-testid="consumable-category"
          />
          <TextInput
            label={label("unit")}
            withAsterisk
            {...form.getInputProps("unit")}
            data-testid="consumable-unit"
          />
          <NumberInput
            label={label("min_level")}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("min_level")}
            data-testid="consumable-min-level"
          />
        </Group>
        <Select
          label={label("location")}
          searchable
          clearable
          data={(locations.data ?? []).map((l) => ({ value: String(l.id), label: l.path }))}
          {...form.getInputProps("location_id")}
          data-testid="consumable-location"
        />
        <Group grow align="flex-start">
          <TextInput
            label={label("supplier_name")}
            {...form.getInputProps("supplier_name")}
            data-testid="consumable-supplier"
          />
          <NumberInput
            label={label("unit_cost")}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            allowNegative={false}
            {...form.getInputProps("unit_cost")}
            data-testid="consumable-unit-cost"
          />
        </Group>
        <Textarea label={label("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} data-testid="consumable-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export type ConsumableFormModalProps = {
  opened: boolean;
  /** Null for a new item. */
  item: Consumable | null;
  onClose: () => void;
};

/** Adds or edits a consumable's description; its stock changes only through moves. */
export function ConsumableFormModal({ opened, item, onClose }: ConsumableFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(item ? "consumables.editTitle" : "consumables.newTitle")}
      size="lg"
    >
      {opened && <ConsumableForm item={item} onClose={onClose} />}
    </Modal>
  );
}
