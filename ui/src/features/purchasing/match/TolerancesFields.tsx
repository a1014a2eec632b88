import { Group, NumberInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MatchTolerances } from "../../../bindings/MatchTolerances";
import "../invoices/i18n-match";

/** The tolerances as typed: percentages and euro, converted to basis points and cents. */
export type TolerancesForm = {
  qty: number | string;
  price: number | string;
  cents: number | string;
};

export const toForm = (t: MatchTolerances): TolerancesForm => ({
  qty: t.qty_bp / 100,
  price: t.price_bp / 100,
  cents: t.price_cents / 100,
});

export const fromForm = (f: TolerancesForm): MatchTolerances => ({
  qty_bp: Math.round(Number(f.qty || 0) * 100),
  price_bp: Math.round(Number(f.price || 0) * 100),
  price_cents: Math.round(Number(f.cents || 0) * 100),
});

/** The three inputs, with the core's field errors beside them. */
export function TolerancesFields({
  value,
  onChange,
  errors,
  disabled,
  testId,
}: {
  value: TolerancesForm;
  onChange: (v: TolerancesForm) => void;
  errors: Record<string, string>;
  disabled: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`invoiceMatch.tolerances.${k}`);
  const sep = {
    decimalSeparator: i18n.language === "it" ? "," : ".",
    thousandSeparator: i18n.language === "it" ? "." : ",",
  };
  return (
    <Group grow align="flex-start" data-testid={testId}>
      <NumberInput
        label={l("qty")}
        value={value.qty}
        onChange={(v) => onChange({ ...value, qty: v })}
        min={0}
        max={50}
        decimalScale={2}
        error={errors.qty_bp}
        disabled={disabled}
        data-testid={`${testId}-qty`}
        {...sep}
      />
      <NumberInput
        label={l("priceBp")}
        value={value.price}
        onChange={(v) => onChange({ ...value, price: v })}
        min={0}
        max={50}
        decimalScale={2}
        error={errors.price_bp}
        disabled={disabled}
        data-testid={`${testId}-price`}
        {...sep}
      />
      <NumberInput
        label={l("priceCents")}
        value={value.cents}
        onChange={(v) => onChange({ ...value, cents: v })}
        min={0}
        decimalScale={2}
        error={errors.price_cents}
        disabled={disabled}
        data-testid={`${testId}-cents`}
        {...sep}
      />
    </Group>
  );
}
