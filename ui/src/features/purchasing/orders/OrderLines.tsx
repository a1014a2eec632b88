import { ActionIcon, Group, NumberInput, Select, Table, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import type { SupplierPrice } from "../../../bindings/SupplierPrice";
import { categoryLabel } from "../parts";
import { PricePicker } from "./PricePicker";
import { NATURES, RATES } from "./vat";
import "../i18n";

export type LineValues = {
  item_code: string;
  description: string;
  /** The purchase category (its over-receipt tolerance; IT goods become assets). */
  category_id: string | null;
  unit: string;
  quantity: number | string;
  unit_price: number | string;
  /** Percent in the form; basis points over the wire. The name matches Rust's field. */
  discount_bp: number | string;
  vat_rate_bp: string;
  nature: string | null;
};

export const emptyLine = (): LineValues => ({
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
export const scaled = (v: number | string, scale: number) =>
  v === "" || v === null ? 0 : Math.round(Number(v) * scale);

/** What a price from the supplier's list puts on a line; the quantity rises to its minimum. */
function fromPrice(line: LineValues, p: SupplierPrice, applies: boolean): LineValues {
  const quantity = applies
    ? line.quantity
    : Math.max(scaled(line.quantity, 1000), p.min_quantity) / 1000;
  return {
    ...line,
    item_code: p.item_code ?? "",
    description: p.description,
    category_id: p.category_id === null ? line.category_id : String(p.category_id),
    unit: p.unit,
    quantity,
    unit_price: p.unit_price / 10_000,
    discount_bp: p.discount_bp / 100,
    vat_rate_bp: p.vat_rate_bp === null ? line.vat_rate_bp : String(p.vat_rate_bp),
    nature: p.vat_rate_bp === null ? line.nature : p.nature,
  };
}

/** The order form's values: ids as the selects hold them, numbers as typed. */
export type OrderFormValues = {
  supplier_id: string | null;
  department_id: string | null;
  delivery_date: string | null;
  delivery_address: string;
  payment_terms: string;
  currency: string;
  notes: string;
  lines: LineValues[];
};

type Props = {
  form: UseFormReturnType<OrderFormValues>;
  supplierId: number | null;
  /** The order's date (ISO): the price list's validity is read on it; today when new. */
  day: string | null;
};

/** The order form's lines: one row per line, a price from the supplier's list a click away. */
export function OrderLines({ form, supplierId, day }: Props) {
  const { t, i18n } = useTranslation();
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
  });
  const categoryOptions = (categories.data ?? []).map((c) => ({
    value: String(c.id),
    label: categoryLabel(c, i18n.language),
  }));
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  const ll = (k: string) => t(`purchasingUi.orders.line.${k}`);
  const number = { decimalSeparator: decimal, thousandSeparator: thousands, hideControls: true };
  return (
    <Table verticalSpacing={4} horizontalSpacing={4} data-testid="order-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{ll("item_code")}</Table.Th>
          <Table.Th>{ll("description")}</Table.Th>
          <Table.Th w={150}>{ll("category")}</Table.Th>
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
              <Group gap={2} wrap="nowrap">
                <PricePicker
                  supplierId={supplierId}
                  text={line.item_code || line.description}
                  quantity={scaled(line.quantity, 1000)}
                  day={day}
                  onPick={(p, applies) =>
                    form.setFieldValue(`lines.${i}`, fromPrice(line, p, applies))
                  }
                />
                <TextInput
                  aria-label={ll("item_code")}
                  {...form.getInputProps(`lines.${i}.item_code`)}
                  name={`lines.${i}.item_code`}
                />
              </Group>
            </Table.Td>
            <Table.Td>
              <TextInput
                aria-label={ll("description")}
                {...form.getInputProps(`lines.${i}.description`)}
                name={`lines.${i}.description`}
              />
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={ll("category")}
                data={categoryOptions}
                clearable
                searchable
                {...form.getInputProps(`lines.${i}.category_id`)}
                data-testid="order-line-category"
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={ll("quantity")}
                decimalScale={3}
                {...number}
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
                {...number}
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
  );
}
