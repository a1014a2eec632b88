import { ApiError, toApiError } from "../../../api/invoke";
import type { OrderLine } from "../../../bindings/OrderLine";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import type { ReceiptInput } from "../../../bindings/ReceiptInput";

/** Today's local date as "YYYY-MM-DD", the receipt date the form starts with. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What is still to come on a line, in thousandths (never below zero). */
export function backOrder(l: Pick<OrderLine, "quantity" | "received">): number {
  return Math.max(0, l.quantity - l.received);
}

export type ReceiveLineValues = {
  order_line_id: number;
  quantity: number | string;
  assets: boolean;
  asset_category_id: string | null;
};

export type ReceiveValues = {
  received_on: string | null;
  delivery_note: string;
  delivery_note_date: string | null;
  notes: string;
  lines: ReceiveLineValues[];
};

/** The form for an order: each line with a back order, prefilled with what is still to come. */
export function initialValues(o: PurchaseOrder, itLines: Set<number>): ReceiveValues {
  return {
    received_on: localToday(),
    delivery_note: "",
    delivery_note_date: null,
    notes: "",
    lines: o.lines
      .filter((l) => backOrder(l) > 0)
      .map((l) => ({
        order_line_id: l.id,
        quantity: backOrder(l) / 1000,
        assets: itLines.has(l.id),
        asset_category_id: null,
      })),
  };
}

const blank = (s: string) => (s.trim() === "" ? null : s.trim());

/**
 * The input Rust checks, and for each line sent the form's row it came from: a line left empty
 * (or at zero) is not part of this delivery and is not sent.
 */
export function toInput(
  orderId: number,
  v: ReceiveValues,
): { input: ReceiptInput; rows: number[] } {
  const rows: number[] = [];
  const lines = v.lines.flatMap((l, i) => {
    if (l.quantity === "" || Number(l.quantity) === 0) return [];
    rows.push(i);
    return [
      {
        order_line_id: l.order_line_id,
        quantity: String(l.quantity),
        // A switched-on line without a category is sent as 0 so Rust names the missing choice.
        asset_category_id: l.assets ? Number(l.asset_category_id) || 0 : null,
      },
    ];
  });
  return {
    input: {
      order_id: orderId,
      received_on: v.received_on ?? "",
      delivery_note: blank(v.delivery_note),
      delivery_note_date: v.delivery_note_date || null,
      notes: blank(v.notes),
      lines,
    },
    rows,
  };
}

/** Rust names the lines it was sent (`lines.2.quantity`); the form shows them on its own rows. */
export function onFormRows(e: unknown, rows: number[]): ApiError {
  const err = toApiError(e);
  const fields = err.fields.map((f) => {
    const m = /^lines\.(\d+)\.(.+)$/.exec(f.field);
    if (!m) return f;
    const row = rows[Number(m[1])];
    return row === undefined ? f : { ...f, field: `lines.${row}.${m[2]}` };
  });
  return new ApiError({ code: err.code, message: err.message, fields, params: err.params });
}
