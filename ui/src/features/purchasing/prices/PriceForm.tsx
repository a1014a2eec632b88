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
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import type { Nature } from "../../../bindings/Nature";
import type { SupplierPrice } from "../../../bindings/SupplierPrice";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { DateField } from "../../staff/parts";
import { scaled } from "../lines/values";
import { NATURES, RATES } from "../orders/vat";
import { categoryLabel } from "../parts";
import "./i18n";

type Props = { supplierId: number; price: SupplierPrice | null; onClose: () => void };

function PriceForm({ supplierId, price: p, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
  });
  const { form, showError } = useServerForm(
    {
      item_code: p?.item_code ?? "",
      description: p?.description ?? "",
      unit: p?.unit ?? "pz",
      category_id: p?.category_id ? String(p.category_id) : (null as string | null),
      unit_price: (p ? p.unit_price / 10_000 : "") as number | string,
      currency: p?.currency ?? "EUR",
      discount_bp: (p ? p.discount_bp / 100 : 0) as number | string,
      vat_rate_bp: p?.vat_rate_bp === null || !p ? null : String(p.vat_rate_bp),
      nature: (p?.nature ?? null) as string | null,
      min_quantity: (p ? p.min_quantity / 1000 : 0) as number | string,
      valid_from: (p?.valid_from ?? null) as string | null,
      valid_to: (p?.valid_to ?? null) as string | null,
      notes: p?.notes ?? "",
    },
    { area: "purchasing" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      purchasingApi.savePrice(supplierId, p?.id ?? null, p?.version ?? 0, {
        item_code: orNull(v.item_code),
        description: v.description,
        unit: orNull(v.unit),
        category_id: v.category_id ? Number(v.category_id) : null,
        unit_price: scaled(v.unit_price, 10_000),
        currency: orNull(v.currency),
        discount_bp: scaled(v.discount_bp, 100),
        vat_rate_bp: v.vat_rate_bp === null ? null : Number(v.vat_rate_bp),
        nature: v.vat_rate_bp === "0" ? ((v.nature as Nature | null) ?? null) : null,
        min_quantity: scaled(v.min_quantity, 1000),
        valid_from: v.valid_from || null,
        valid_to: v.valid_to || null,
        notes: orNull(v.notes),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: purchasingKeys.prices(supplierId) });
      notifications.show({ color: "green", message: t("purchasingPrices.saved") });
      onClose();
    },
    onError: showError,
  });
  const l = (k: string) => t(`purchasingPrices.${k}`);
  const number = { decimalSeparator: decimal, thousandSeparator: thousands, hideControls: true };
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="price-form">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={l("item_code")}
            maw={160}
            data-autofocus
            {...form.getInputProps("item_code")}
            name="item_code"
          />
          <TextInput
            label={l("description")}
            withAsterisk
            {...form.getInputProps("description")}
            name="description"
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={l("unit_price")}
            withAsterisk
            decimalScale={4}
            {...number}
            {...form.getInputProps("unit_price")}
            name="unit_price"
          />
          <TextInput label={l("currency")} {...form.getInputProps("currency")} name="currency" />
          <NumberInput
            label={l("min_quantity")}
            decimalScale={3}
            {...number}
            {...form.getInputProps("min_quantity")}
            name="min_quantity"
          />
          <TextInput label={l("unit")} {...form.getInputProps("unit")} name="unit" />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={l("discount_bp")}
            decimalScale={2}
            {...number}
            {...form.getInputProps("discount_bp")}
            name="discount_bp"
          />
          <Select
            label={l("vat_rate_bp")}
            placeholder={l("vatFromOrder")}
            data={RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))}
            clearable
            {...form.getInputProps("vat_rate_bp")}
            data-testid="price-vat"
          />
          {form.values.vat_rate_bp === "0" && (
            <Select
              label={l("nature")}
              data={NATURES}
              {...form.getInputProps("nature")}
              data-testid="price-nature"
            />
          )}
          <Select
            label={l("category_id")}
            data={(categories.data ?? []).map((c) => ({
              value: String(c.id),
              label: categoryLabel(c, i18n.language),
            }))}
            clearable
            searchable
            {...form.getInputProps("category_id")}
            data-testid="price-category"
          />
        </Group>
        <Group grow align="flex-start">
          <DateField
            field="valid_from"
            label={l("valid_from")}
            {...form.getInputProps("valid_from")}
          />
          <DateField field="valid_to" label={l("valid_to")} {...form.getInputProps("valid_to")} />
        </Group>
        <Textarea label={l("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="price-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PriceFormModal({ opened, ...props }: Props & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(props.price ? "purchasingPrices.editTitle" : "purchasingPrices.newTitle")}
      size="xl"
    >
      {opened ? <PriceForm key={props.price?.id ?? "new"} {...props} /> : null}
    </Modal>
  );
}
