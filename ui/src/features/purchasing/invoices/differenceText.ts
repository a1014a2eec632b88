import type { TFunction } from "i18next";
import type { Difference } from "../../../bindings/Difference";
import type { InvoiceKind } from "../../../bindings/InvoiceKind";
import { formatMoney } from "../../../i18n/format";
import { formatQuantity, formatUnitPrice, vatLabel } from "../orders/parts";
import "./i18n-match";

/** A signed amount: "+5,00 €", "−1,20 €". */
function signed(cents: number, currency: string, language: string): string {
  const abs = formatMoney(Math.abs(cents), currency, language);
  if (cents > 0) return `+${abs}`;
  if (cents < 0) return `−${abs}`;
  return abs;
}

/**
 * A difference in words: "Invoiced 12 pz, received and not yet invoiced 10 pz"; "Price 10,50 €
 * against 10,00 € on the order: +5,00 €"; "VAT 10 % against 22 % on the order". `unit`: the
 * order line's, after each quantity.
 */
export function differenceText(
  d: Difference,
  kind: InvoiceKind,
  currency: string,
  t: TFunction,
  language: string,
  unit?: string,
): string {
  const m = (k: string, o: Record<string, unknown>) => t(`invoiceMatch.${k}`, o);
  const amount = (q: number) => {
    const n = formatQuantity(q, language);
    return unit ? `${n} ${unit}` : n;
  };
  switch (d.kind) {
    case "quantity":
      return m(kind === "credit_note" ? "quantityCredit" : "quantity", {
        invoiced: amount(d.invoiced),
        available: amount(d.available),
      });
    case "price":
      return m("price", {
        invoice: formatUnitPrice(d.invoice_unit_price, currency, language),
        order: formatUnitPrice(d.order_unit_price, currency, language),
        delta: signed(d.invoiced_cents - d.expected_cents, currency, language),
      });
    case "vat_rate":
      return m("vat", {
        invoice: vatLabel(d.invoice_rate_bp, d.invoice_nature),
        order: vatLabel(d.order_rate_bp, d.order_nature),
      });
  }
}
