import type { Nature } from "../../../bindings/Nature";
import type { SupplierPrice } from "../../../bindings/SupplierPrice";

// A purchase line as the forms hold it (orders, requisitions, manual invoices): ids as the
// selects hold them, numbers as typed. Each form uses the fields it has.

export type LineValues = {
  item_code: string;
  description: string;
  /** The purchase category (its over-receipt tolerance; IT goods become assets). */
  category_id: string | null;
  unit: string;
  quantity: number | string;
  unit_price: number | string;
  /** A requisition's guess at the unit price; empty when nobody knows. */
  estimated_price: number | string;
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
  estimated_price: "",
  discount_bp: 0,
  vat_rate_bp: "2200",
  nature: null,
});

/** A typed decimal scaled to an integer (12,3456 € → 123456 ten-thousandths). */
export const scaled = (v: number | string, scale: number) =>
  v === "" || v === null ? 0 : Math.round(Number(v) * scale);

/** The nature goes over the wire only with a zero rate, as Rust wants it. */
export const natureOf = (l: Pick<LineValues, "vat_rate_bp" | "nature">) =>
  l.vat_rate_bp === "0" ? ((l.nature as Nature | null) ?? null) : null;

/** What a price from the supplier's list puts on a line; the quantity rises to its minimum. */
export function fromPrice(line: LineValues, p: SupplierPrice, applies: boolean): LineValues {
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

type Priced = Partial<Pick<LineValues, "quantity" | "unit_price" | "discount_bp" | "vat_rate_bp">>;

/**
 * The totals as typed, in cents: each line's net rounded, the tax per rate like the stored
 * totals. A preview only: the record's page shows what Rust computed.
 */
export function linesTotals(lines: Priced[]) {
  const byRate = new Map<string, number>();
  for (const x of lines) {
    const net =
      Number(x.quantity || 0) * Number(x.unit_price || 0) * (1 - Number(x.discount_bp || 0) / 100);
    const rate = x.vat_rate_bp ?? "0";
    byRate.set(rate, (byRate.get(rate) ?? 0) + Math.round(net * 100));
  }
  const taxable = [...byRate.values()].reduce((a, b) => a + b, 0);
  const tax = [...byRate.entries()].reduce(
    (a, [r, n]) => a + Math.round((n * Number(r)) / 10_000),
    0,
  );
  return { taxable, tax, total: taxable + tax };
}
