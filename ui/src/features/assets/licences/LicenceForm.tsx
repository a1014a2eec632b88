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
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { licenceKeys, licencesApi } from "../../../api/licences";
import type { Licence } from "../../../bindings/Licence";
import { useAfterSave, useSaveForm } from "../../../kit/useSaveForm";
import { DateField } from "../../staff/parts";
import { LicenceKeyField } from "./LicenceKeyField";
import { ProductFormModal } from "./ProductForm";
import { ProductSelect, useProducts } from "./parts";
import { LICENCE_KINDS, licenceInput, licenceValues } from "./values";
import "./i18n";

function LicenceForm({ licence, onClose }: { licence: Licence | null; onClose: () => void }) {
  const { t } = useTranslation();
  const products = useProducts();
  const [addingProduct, setAddingProduct] = useState(false);
  const { form, submit, pending } = useSaveForm(
    licenceValues(licence),
    {
      area: "licences",
      // The form holds euros; Rust names the amount in cents.
      alias: { cost_cents: "cost" },
    },
    (v) =>
      licencesApi.save(
        licence?.id ?? null,
        licence?.version ?? 0,
        licenceInput(v, licence?.currency ?? null),
      ),
    useAfterSave(licenceKeys.all, t(licence ? "licences.saved" : "licences.created"), onClose),
  );
  const label = (f: string) => t(`licences.fields.${f}`);
  return (
    <form onSubmit={submit} noValidate data-testid="licence-form">
      <Stack>
        <Group align="flex-end" wrap="nowrap">
          <ProductSelect
            products={products.data ?? []}
            label={label("product")}
            withAsterisk
            style={{ flex: 1 }}
            {...form.getInputProps("product_id")}
            data-testid="licence-product"
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAddingProduct(true)}
            data-testid="licence-product-new"
          >
            {t("licences.product.add")}
          </Button>
        </Group>
        <Group grow align="flex-start">
          <Select
            label={label("kind")}
            withAsterisk
            allowDeselect={false}
            data={LICENCE_KINDS.map((k) => ({ value: k, label: t(`licences.kind.${k}`) }))}
            {...form.getInputProps("kind")}
            data-testid="licence-kind"
          />
          <NumberInput
            label={label("seats")}
            withAsterisk
            min={1}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("seats")}
            data-testid="licence-seats-input"
          />
        </Group>
        <Group grow align="flex-start">
          <DateField
            field="purchase_date"
            label={label("purchase_date")}
            {...form.getInputProps("purchase_date")}
            data-testid="licence-purchase-date"
          />
          <DateField
            field="expiry_date"
            label={label("expiry_date")}
            {...form.getInputProps("expiry_date")}
            data-testid="licence-expiry-date"
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={label("cost")}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            allowNegative={false}
            {...form.getInputProps("cost")}
            data-testid="licence-cost"
          />
          <TextInput
            label={label("supplier_name")}
            {...form.getInputProps("supplier_name")}
            data-testid="licence-supplier"
          />
          <TextInput
            label={label("order_number")}
            {...form.getInputProps("order_number")}
            data-testid="licence-order"
          />
        </Group>
        <LicenceKeyField licence={licence} form={form} />
        <Textarea
          label={label("notes")}
          autosize
          minRows={2}
          {...form.getInputProps("notes")}
          data-testid="licence-notes"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} data-testid="licence-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
      <ProductFormModal
        opened={addingProduct}
        onClose={() => setAddingProduct(false)}
        onSaved={(p) => form.setFieldValue("product_id", String(p.id))}
      />
    </form>
  );
}

export type LicenceFormModalProps = {
  opened: boolean;
  /** Null for a new licence. */
  licence: Licence | null;
  onClose: () => void;
};

/** Records or edits a licence; its rules (and their messages) come from Rust. */
export function LicenceFormModal({ opened, licence, onClose }: LicenceFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(licence ? "licences.editTitle" : "licences.newTitle")}
      size="lg"
    >
      {opened && <LicenceForm licence={licence} onClose={onClose} />}
    </Modal>
  );
}
