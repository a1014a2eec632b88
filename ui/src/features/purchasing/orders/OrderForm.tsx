import {
  Button,
  Divider,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { orderKeys, ordersApi } from "../../../api/orders";
import { purchasingApi } from "../../../api/purchasing";
import { useNav } from "../../../app/nav";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { useSaveForm } from "../../../kit/useSaveForm";
import { orNull } from "../../../lib/useServerForm";
import { useAllDepartments } from "../../staff/catalog";
import { DateField } from "../../staff/parts";
import { LineEditor, LinesPreview } from "../lines/LineEditor";
import { emptyLine, type LineValues, natureOf, scaled } from "../lines/values";
import { SupplierPicker } from "../SupplierPickers";
import "../i18n";

/** The order form's values: ids as the selects hold them, numbers as typed. */
type OrderFormValues = {
  supplier_id: string | null;
  department_id: string | null;
  delivery_date: string | null;
  delivery_address: string;
  payment_terms: string;
  currency: string;
  notes: string;
  lines: LineValues[];
};

type Props = { order: PurchaseOrder | null; onClose: () => void };

function OrderForm({ order: o, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const departments = useAllDepartments();
  const { form, submit, pending } = useSaveForm<OrderFormValues, PurchaseOrder>(
    {
      supplier_id: o ? String(o.supplier_id) : null,
      department_id: o?.department_id ? String(o.department_id) : null,
      delivery_date: o?.delivery_date ?? null,
      delivery_address: o?.delivery_address ?? "",
      payment_terms: o?.payment_terms ?? "",
      currency: o?.currency ?? "EUR",
      notes: o?.notes ?? "",
      lines: o
        ? o.lines.map(
            (l): LineValues => ({
              ...emptyLine(),
              item_code: l.item_code ?? "",
              description: l.description,
              category_id: l.category_id === null ? null : String(l.category_id),
              unit: l.unit,
              quantity: l.quantity / 1000,
              unit_price: l.unit_price / 10_000,
              discount_bp: l.discount_bp / 100,
              vat_rate_bp: String(l.vat_rate_bp),
              nature: l.nature,
            }),
          )
        : [emptyLine()],
    },
    { area: "purchasing" },
    (v) =>
      ordersApi.save(o?.id ?? null, o?.version ?? 0, {
        supplier_id: Number(v.supplier_id) || 0,
        department_id: v.department_id ? Number(v.department_id) : null,
        currency: orNull(v.currency),
        exchange_rate: null,
        delivery_address: orNull(v.delivery_address),
        delivery_date: v.delivery_date || null,
        payment_terms: orNull(v.payment_terms),
        notes: orNull(v.notes),
        lines: v.lines.map((l) => ({
          item_code: orNull(l.item_code),
          description: l.description,
          category_id: l.category_id ? Number(l.category_id) : null,
          unit: orNull(l.unit),
          quantity: scaled(l.quantity, 1000),
          unit_price: scaled(l.unit_price, 10_000),
          discount_bp: scaled(l.discount_bp, 100),
          vat_rate_bp: Number(l.vat_rate_bp),
          nature: natureOf(l),
        })),
      }),
    (saved) => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.orders.saved") });
      onClose();
      if (!o) go({ page: "order", id: saved.id, tab: "details" });
    },
  );
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  const supplierId = form.values.supplier_id ? Number(form.values.supplier_id) : null;
  const supplierChosen = async (id: string | null) => {
    form.setFieldValue("supplier_id", id);
    if (id && !form.values.payment_terms) {
      const s = await purchasingApi.supplier(Number(id)).catch(() => null);
      if (s?.payment_terms) form.setFieldValue("payment_terms", s.payment_terms);
    }
  };
  return (
    <form onSubmit={submit} data-testid="order-form" noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <SupplierPicker
            label={l("supplier")}
            withAsterisk
            value={form.values.supplier_id}
            onChange={supplierChosen}
            currentLabel={o?.supplier_name ?? null}
            error={form.errors.supplier_id}
            data-testid="order-supplier"
          />
          <Select
            label={l("department")}
            data={(departments.data ?? []).map((d) => ({
              value: String(d.id),
              label: d.name,
            }))}
            clearable
            searchable
            {...form.getInputProps("department_id")}
            data-testid="order-department"
          />
        </Group>
        <Group grow align="flex-start">
          <DateField
            field="delivery_date"
            label={l("delivery_date")}
            {...form.getInputProps("delivery_date")}
          />
          <TextInput
            label={l("payment_terms")}
            {...form.getInputProps("payment_terms")}
            name="payment_terms"
          />
          <TextInput
            label={l("currency")}
            maw={110}
            {...form.getInputProps("currency")}
            name="currency"
          />
        </Group>
        <Textarea
          label={l("delivery_address")}
          autosize
          minRows={1}
          {...form.getInputProps("delivery_address")}
        />
        <Divider label={<Text fw={600}>{l("lines")}</Text>} labelPosition="left" />
        <LineEditor
          form={form}
          fields={[
            "item_code",
            "description",
            "category_id",
            "quantity",
            "unit",
            "unit_price",
            "discount_bp",
            "vat_rate_bp",
          ]}
          prices={{ supplierId, day: o?.order_date ?? null }}
          word={(k) => t(`purchasingUi.orders.line.${k}`)}
          removeLabel={l("removeLine")}
          addLabel={l("addLine")}
          testId="order"
          aside={
            // What the lines come to before VAT, as typed: the order's page shows the stored totals.
            <LinesPreview
              lines={form.values.lines}
              currency={form.values.currency || "EUR"}
              testId="order-net-preview"
              words={(m) => t("purchasingUi.orders.netPreview", { amount: m.taxable })}
            />
          }
        />
        <Textarea label={l("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending} data-testid="order-save">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OrderFormModal({ opened, ...props }: Props & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={t(props.order ? "purchasingUi.orders.editTitle" : "purchasingUi.orders.newTitle")}
      size="90%"
    >
      {opened ? <OrderForm key={props.order?.id ?? "new"} {...props} /> : null}
    </Modal>
  );
}
