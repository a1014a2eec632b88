import { Group, NumberInput, Select, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../../api/purchasing";
import { formatMoney } from "../../../i18n/format";
import { EditableRows, type RowColumn } from "../../../kit/EditableRows";
import { PricePicker } from "../orders/PricePicker";
import { NATURES, RATES } from "../orders/vat";
import { categoryLabel } from "../parts";
import { emptyLine, fromPrice, type LineValues, linesTotals, scaled } from "./values";
import "../i18n";

/** The fields a form's lines may show, in the order they stand. */
export type LineField =
  | "item_code"
  | "description"
  | "category_id"
  | "quantity"
  | "unit"
  | "unit_price"
  | "estimated_price"
  | "discount_bp"
  | "vat_rate_bp";

// A column's width and the word its header takes (the area's `word` turns it into text).
const COLUMNS: Record<LineField, { word: string; width?: number }> = {
  item_code: { word: "item_code", width: 120 },
  description: { word: "description" },
  category_id: { word: "category", width: 150 },
  quantity: { word: "quantity", width: 90 },
  unit: { word: "unit", width: 60 },
  unit_price: { word: "unit_price", width: 120 },
  estimated_price: { word: "estimated_price", width: 160 },
  discount_bp: { word: "discount", width: 80 },
  vat_rate_bp: { word: "vat", width: 150 },
};

// Decimals a number field takes: thousandths of a quantity, ten-thousandths of a price.
const DECIMALS: Partial<Record<LineField, number>> = {
  quantity: 3,
  unit_price: 4,
  estimated_price: 4,
  discount_bp: 2,
};

type LinesForm = UseFormReturnType<{ lines: Partial<LineValues>[] }>;

/**
 * A purchase document's lines (order, requisition, manual invoice): the fields it has, a price
 * from the supplier's list a click away where `prices` is given, VAT rate and nature pickers.
 * Inputs are named `lines.<i>.<field>`; test ids start with `testId` (`<testId>-lines`,
 * `<testId>-line`, `<testId>-line-vat`, `<testId>-add-line`).
 */
export function LineEditor<V extends { lines: Partial<LineValues>[] }>({
  form: typed,
  fields,
  prices,
  word,
  removeLabel,
  addLabel,
  testId,
  aside,
}: {
  form: UseFormReturnType<V>;
  fields: LineField[];
  /** The supplier and the document's date (ISO; today when new) the price list is read for. */
  prices?: { supplierId: number | null; day: string | null };
  /** A column's header and an input's label. */
  word: (key: string) => string;
  removeLabel: string;
  addLabel: string;
  testId: string;
  aside?: ReactNode;
}) {
  const { i18n } = useTranslation();
  // The editor reads and writes only the lines: the rest of the form's values is the form's.
  const form = typed as unknown as LinesForm;
  const lines = form.values.lines;
  const decimal = i18n.language === "it" ? "," : ".";
  const thousands = i18n.language === "it" ? "." : ",";
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
    enabled: fields.includes("category_id"),
  });
  const input = (i: number, f: string) => ({
    ...form.getInputProps(`lines.${i}.${f}`),
    name: `lines.${i}.${f}`,
  });
  const number = (i: number, f: LineField) => (
    <NumberInput
      aria-label={word(COLUMNS[f].word)}
      decimalScale={DECIMALS[f]}
      decimalSeparator={decimal}
      // A discount is a percentage: no thousands in it.
      thousandSeparator={f === "discount_bp" ? undefined : thousands}
      hideControls
      {...input(i, f)}
    />
  );
  const text = (i: number, f: LineField) => (
    <TextInput aria-label={word(COLUMNS[f].word)} {...input(i, f)} />
  );
  const cell = (f: LineField, i: number): ReactNode => {
    const line = lines[i] ?? {};
    switch (f) {
      case "item_code":
        if (!prices) return text(i, f);
        return (
          <Group gap={2} wrap="nowrap">
            <PricePicker
              supplierId={prices.supplierId}
              text={line.item_code || line.description || ""}
              quantity={scaled(line.quantity ?? "", 1000)}
              day={prices.day}
              onPick={(p, applies) =>
                form.setFieldValue(`lines.${i}`, fromPrice({ ...emptyLine(), ...line }, p, applies))
              }
            />
            {text(i, f)}
          </Group>
        );
      case "category_id":
        return (
          <Select
            aria-label={word("category")}
            data={(categories.data ?? []).map((c) => ({
              value: String(c.id),
              label: categoryLabel(c, i18n.language),
            }))}
            clearable
            searchable
            {...form.getInputProps(`lines.${i}.category_id`)}
            data-testid={`${testId}-line-category`}
          />
        );
      case "vat_rate_bp":
        return (
          <Group gap={4} wrap="nowrap">
            <Select
              aria-label={word("vat")}
              data={RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))}
              allowDeselect={false}
              w={84}
              {...form.getInputProps(`lines.${i}.vat_rate_bp`)}
              data-testid={`${testId}-line-vat`}
            />
            {line.vat_rate_bp === "0" && (
              <Select
                aria-label={word("nature")}
                placeholder={word("nature")}
                data={NATURES}
                w={76}
                {...form.getInputProps(`lines.${i}.nature`)}
                data-testid={`${testId}-line-nature`}
              />
            )}
          </Group>
        );
      case "description":
      case "unit":
        return text(i, f);
      default:
        return number(i, f);
    }
  };
  const columns: RowColumn[] = fields.map((f) => ({
    key: f,
    title: word(COLUMNS[f].word),
    width: COLUMNS[f].width,
    cell: (i) => cell(f, i),
  }));
  return (
    <EditableRows
      form={form}
      path="lines"
      count={lines.length}
      columns={columns}
      newRow={() => pick(emptyLine(), fields)}
      testId={{ table: `${testId}-lines`, row: `${testId}-line`, add: `${testId}-add-line` }}
      removeLabel={removeLabel}
      addLabel={addLabel}
      aside={aside}
    />
  );
}

/** A new line holds the fields the form has (the nature goes with the VAT rate). */
function pick(line: LineValues, fields: LineField[]): Partial<LineValues> {
  const out: Partial<LineValues> = {};
  for (const f of fields) Object.assign(out, { [f]: line[f] });
  if (fields.includes("vat_rate_bp")) out.nature = line.nature;
  return out;
}

/** The lines' totals as typed, in words the form chooses (net only, or taxable, VAT, total). */
export function LinesPreview({
  lines,
  currency,
  testId,
  words,
}: {
  lines: Partial<LineValues>[];
  currency: string;
  testId: string;
  words: (amounts: { taxable: string; tax: string; total: string }) => string;
}) {
  const { i18n } = useTranslation();
  const totals = linesTotals(lines);
  const money = (c: number) => formatMoney(c, currency, i18n.language);
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {words({
        taxable: money(totals.taxable),
        tax: money(totals.tax),
        total: money(totals.total),
      })}
    </Text>
  );
}
