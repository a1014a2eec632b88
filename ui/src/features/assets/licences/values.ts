// What the licence and consumable forms hold, and the inputs Rust receives from them.

import type { Consumable } from "../../../bindings/Consumable";
import type { ConsumableCategory } from "../../../bindings/ConsumableCategory";
import type { ConsumableInput } from "../../../bindings/ConsumableInput";
import type { Licence } from "../../../bindings/Licence";
import type { LicenceInput } from "../../../bindings/LicenceInput";
import type { LicenceKind } from "../../../bindings/LicenceKind";
import type { MoveInput } from "../../../bindings/MoveInput";
import type { SeatUse } from "../../../bindings/SeatUse";
import { orNull } from "../../../lib/useServerForm";
import { fromCents, toCents } from "../maintenance/money";

export const LICENCE_KINDS: LicenceKind[] = ["per_seat", "per_device", "site", "subscription"];
export const SEAT_USES: SeatUse[] = ["over", "full", "under"];
export const CONSUMABLE_CATEGORIES: ConsumableCategory[] = [
  "toner",
  "cable",
  "peripheral",
  "other",
];

/** How a licence's seats are used, as the list filter names it. */
export function seatUse(used: number, total: number): SeatUse {
  if (used > total) return "over";
  return used === total ? "full" : "under";
}

/** "3 / 5", or "7 / 5 (+2)" when more seats are held than bought. */
export function seatsText(used: number, total: number): string {
  const over = used - total;
  return over > 0 ? `${used} / ${total} (+${over})` : `${used} / ${total}`;
}

/**
 * What happens to the stored key on save: kept (the form never holds it), replaced by the typed
 * one, or removed.
 */
export type KeyChange = "keep" | "set" | "remove";

export type LicenceValues = {
  product_id: string | null;
  kind: LicenceKind;
  seats: number | string;
  purchase_date: string | null;
  expiry_date: string | null;
  /** Euros as typed. */
  cost: number | string;
  supplier_name: string;
  order_number: string;
  notes: string;
  licence_key: string;
  key_change: KeyChange;
};

export function licenceValues(l: Licence | null, productId: number | null = null): LicenceValues {
  return {
    product_id: l ? String(l.product_id) : productId === null ? null : String(productId),
    kind: l?.kind ?? "per_seat",
    seats: l?.seats ?? 1,
    purchase_date: l?.purchase_date ?? null,
    expiry_date: l?.expiry_date ?? null,
    cost: l ? fromCents(l.cost_cents) : "",
    supplier_name: l?.supplier_name ?? "",
    order_number: l?.order_number ?? "",
    notes: l?.notes ?? "",
    licence_key: "",
    // A new licence takes whatever key is typed; an edit keeps the stored one unless asked.
    key_change: l ? "keep" : "set",
  };
}

/** The key as Rust reads it: null keeps the stored one, "" removes it. */
export function keyInput(v: Pick<LicenceValues, "licence_key" | "key_change">): string | null {
  if (v.key_change === "remove") return "";
  if (v.key_change === "keep") return null;
  const key = v.licence_key.trim();
  return key === "" ? null : key;
}

/** Whole numbers as typed; anything else is sent as is for Rust to refuse. */
function whole(n: number | string): number {
  return typeof n === "number" ? n : Number(n.trim() === "" ? Number.NaN : n);
}

export function licenceInput(v: LicenceValues, currency: string | null): LicenceInput {
  return {
    product_id: v.product_id ? Number(v.product_id) : 0,
    licence_key: keyInput(v),
    kind: v.kind,
    seats: Number.isFinite(whole(v.seats)) ? whole(v.seats) : 0,
    purchase_date: v.purchase_date,
    expiry_date: v.expiry_date,
    cost_cents: toCents(v.cost),
    currency,
    supplier_name: orNull(v.supplier_name),
    order_number: orNull(v.order_number),
    notes: orNull(v.notes),
  };
}

export type ConsumableValues = {
  name: string;
  category: ConsumableCategory;
  unit: string;
  min_level: number | string;
  location_id: string | null;
  supplier_name: string;
  /** Euros as typed. */
  unit_cost: number | string;
  notes: string;
};

export function consumableValues(c: Consumable | null): ConsumableValues {
  return {
    name: c?.name ?? "",
    category: c?.category ?? "toner",
    unit: c?.unit ?? "pz",
    min_level: c?.min_level ?? 0,
    location_id: c?.location_id === null || c === null ? null : String(c.location_id),
    supplier_name: c?.supplier_name ?? "",
    unit_cost: c ? fromCents(c.unit_cost_cents) : "",
    notes: c?.notes ?? "",
  };
}

export function consumableInput(v: ConsumableValues, currency: string | null): ConsumableInput {
  const min = whole(v.min_level);
  return {
    name: v.name,
    category: v.category,
    unit: v.unit,
    min_level: Number.isFinite(min) ? min : -1,
    location_id: v.location_id ? Number(v.location_id) : null,
    supplier_name: orNull(v.supplier_name),
    unit_cost_cents: toCents(v.unit_cost),
    currency,
    notes: orNull(v.notes),
  };
}

export type MoveDirection = "receive" | "issue";

export type MoveValues = {
  quantity: number | string;
  employee_id: string | null;
  moved_on: string | null;
  note: string;
};

/**
 * A receipt adds to the stock, an issue takes from it (to a person, if named): the sign carries
 * the direction, so the person typing always enters a positive quantity.
 */
export function moveInput(direction: MoveDirection, v: MoveValues): MoveInput {
  const n = whole(v.quantity);
  const quantity = Number.isFinite(n) ? Math.abs(n) : 0;
  return {
    quantity: direction === "issue" && quantity !== 0 ? -quantity : quantity,
    employee_id: direction === "issue" && v.employee_id ? Number(v.employee_id) : null,
    moved_on: v.moved_on,
    note: orNull(v.note),
  };
}
