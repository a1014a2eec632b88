import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { orderKeys, ordersApi } from "../../../api/orders";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import { useNav } from "../../../app/nav";
import type { Nature } from "../../../bindings/Nature";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { formatMoney } from "../../../i18n/format";
import { orNull, useServerForm } from "../../../lib/useServerForm";
import { useAllDepartments } from "../../staff/catalog";
import { DateField } from "../../staff/parts";
import { categoryLabel } from "../parts";
import { SupplierPicker } from "../SupplierPickers";
import "../i18n";
import "../i18n-receiving";

const RATES = ["2200", "1000", "500", "400", "0"];
const NATURES: Nature[] = [
  "N1",
  "N2.1",
  "N2.2",
  "N3.1",
  "N3.2",
  "N3.3",
  "N3.4",
  "N3.5",
  "N3.6",
  "N4",
  "N5",
  "N6.1",
  "N6.2",
  "N6.3",
  "N6.4",
  "N6.5",
  "N6.6",
  "N6.7",
  "N6.8",
  "N6.9",
  "N7",
];

type LineValues = {
  item_code: string;
  description: string;
  /** The purchase category: its over-receipt tolerance applies when goods arrive. */
  category_id: string | null;
  unit: string;
  quantity: number | string;
  unit_price: number | string;
  /** Percent in the form; basis points over the wire. The name matches Rust's field. */
  discount_bp: number | string;
  vat_rate_bp: string;
  nature: string | null;
};

const emptyLine = (): LineValues => ({
  item_code: "",
  description: "",
  category_id: null,
  unit: "pz",
  quantity: 1,
  unit_price: "",
  discount_bp: 0,
  vat_rate_bp: "2200",
  nature: null,
});

/** A typed decimal scaled to an integer (12,3456 € → 123456 ten-thousandths). */
const scaled = (v: number | string, scale: number) =>
  v === "" || v === null ? 0 : Math.round(Number(v) * scale);

type Props = { order: PurchaseOrder | null; onClose: () => void };

function OrderForm({ order: o, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const departments = useAllDepartments();
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
  });
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const { form, showError } = useServerForm(
    {
      supplier_id: o ? String(o.supplier_id) : (null as string | null),
      department_id: o?.department_id ? String(o.department_id) : (null as string | null),
      delivery_date: (o?.delivery_date ?? null) as string | null,
      delivery_address: o?.delivery_address ?? "",
      payment_terms: o?.payment_terms ?? "",
      currency: o?.currency ?? "EUR",
      notes: o?.notes ?? "",
      lines: o
        ? o.lines.map((l) => ({
            item_code: l.item_code ?? "",
            description: l.description,
            category_id: l.category_id === null ? null : String(l.category_id),
            unit: l.unit,
            quantity: l.quantity / 1000,
            unit_price: l.unit_price / 10_000,
            discount_bp: l.discount_bp / 100,
            vat_rate_bp: String(l.vat_rate_bp),
            nature: l.nature,
          }))
        : [emptyLine()],
    },
    { area: "purchasing" },
  );
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
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
          nature: l.vat_rate_bp === "0" ? ((l.nature as Nature | null) ?? null) : null,
        })),
      }),
    onSuccess: (saved) => {
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({ color: "green", message: t("purchasingUi.orders.saved") });
      onClose();
      if (!o) go({ page: "order", id: saved.id, tab: "details" });
    },
    onError: showError,
  });
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  const ll = (k: string) => t(`purchasingUi.orders.line.${k}`);
  // What the lines come to before VAT, as typed: the order's page shows the stored totals.
  const preview = form.values.lines.reduce((sum, x) => {
    const net =
      Number(x.quantity || 0) * Number(x.unit_price || 0) * (1 - Number(x.discount_bp || 0) / 100);
    return sum + Math.round(net * 100);
  }, 0);
  const supplierChosen = async (id: string | null) => {
    form.setFieldValue("supplier_id", id);
    if (id && !form.values.payment_terms) {
      const s = await purchasingApi.supplier(Number(id)).catch(() => null);
      if (s?.payment_terms) form.setFieldValue("payment_terms", s.payment_terms);
    }
  };
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} data-testid="order-form" noValidate>
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
        <Table verticalSpacing={4} horizontalSpacing={4} data-testid="order-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{ll("item_code")}</Table.Th>
              <Table.Th>{ll("description")}</Table.Th>
              <Table.Th w={90}>{ll("quantity")}</Table.Th>
              <Table.Th w={60}>{ll("unit")}</Table.Th>
              <Table.Th w={120}>{ll("unit_price")}</Table.Th>
              <Table.Th w={80}>{ll("discount")}</Table.Th>
              <Table.Th w={150}>{ll("vat")}</Table.Th>
              <Table.Th w={36} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.lines.map((line, i) => (
              <Table.Tr key={form.key(`lines.${i}`)} data-testid="order-line">
                <Table.Td>
                  <TextInput
                    aria-label={ll("item_code")}
                    {...form.getInputProps(`lines.${i}.item_code`)}
                    name={`lines.${i}.item_code`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={ll("description")}
                    {...form.getInputProps(`lines.${i}.description`)}
                    name={`lines.${i}.description`}
                  />
                  <Select
                    aria-label={t("receiving.lineCategory")}
                    placeholder={t("receiving.lineCategory")}
                    data={(categories.data ?? []).map((c) => ({
                      value: String(c.id),
                      label: categoryLabel(c, i18n.language),
                    }))}
                    clearable
                    size="xs"
                    mt={4}
                    {...form.getInputProps(`lines.${i}.category_id`)}
                    data-testid="order-line-category"
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={ll("quantity")}
                    decimalScale={3}
                    decimalSeparator={decimal}
                    thousandSeparator={thousands}
                    hideControls
                    {...form.getInputProps(`lines.${i}.quantity`)}
                    name={`lines.${i}.quantity`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={ll("unit")}
                    {...form.getInputProps(`lines.${i}.unit`)}
                    name={`lines.${i}.unit`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={ll("unit_price")}
                    decimalScale={4}
                    decimalSeparator={decimal}
                    thousandSeparator={thousands}
                    hideControls
                    {...form.getInputProps(`lines.${i}.unit_price`)}
                    name={`lines.${i}.unit_price`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={ll("discount")}
                    decimalScale={2}
                    decimalSeparator={decimal}
                    hideControls
                    {...form.getInputProps(`lines.${i}.discount_bp`)}
                    name={`lines.${i}.discount_bp`}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      aria-label={ll("vat")}
                      data={RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))}
                      allowDeselect={false}
                      w={84}
                      {...form.getInputProps(`lines.${i}.vat_rate_bp`)}
                      data-testid="order-line-vat"
                    />
                    {line.vat_rate_bp === "0" && (
                      <Select
                        aria-label={ll("nature")}
                        placeholder={ll("nature")}
                        data={NATURES}
                        w={76}
                        {...form.getInputProps(`lines.${i}.nature`)}
                        data-testid="order-line-nature"
                      />
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={l("removeLine")}
                    disabled={form.values.lines.length === 1}
                    onClick={() => form.removeListItem("lines", i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem("lines", emptyLine())}
            data-testid="order-add-line"
          >
            {l("addLine")}
          </Button>
          <Text size="sm" c="dimmed" data-testid="order-net-preview">
            {t("purchasingUi.orders.netPreview", {
              amount: formatMoney(preview, form.values.currency || "EUR", i18n.language),
            })}
          </Text>
        </Group>
        <Textarea label={l("notes")} autosize minRows={2} {...form.getInputProps("notes")} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="order-save">
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
