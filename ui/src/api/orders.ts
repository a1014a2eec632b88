import type { ApprovalTier } from "../bindings/ApprovalTier";
import type { OrderInput } from "../bindings/OrderInput";
import type { OrderPdf } from "../bindings/OrderPdf";
import type { OrderQuery } from "../bindings/OrderQuery";
import type { OrderRow } from "../bindings/OrderRow";
import type { Page } from "../bindings/Page";
import type { PurchaseOrder } from "../bindings/PurchaseOrder";
import { call } from "./invoke";
import { purchasingKeys } from "./purchasing";

/** Query keys of purchase orders, under purchasing's: a supplier's change refreshes them. */
export const orderKeys = {
  all: [...purchasingKeys.all, "orders"] as const,
  list: (query: OrderQuery) => [...orderKeys.all, "list", query] as const,
  detail: (id: number) => [...orderKeys.all, "detail", id] as const,
  tiers: () => [...purchasingKeys.all, "tiers"] as const,
};

/** A step of an order's way; sending back and cancelling need a reason. */
export type OrderStep = "submit" | "approve" | "send_back" | "mark_sent" | "cancel";

export const ordersApi = {
  list: (query: OrderQuery) => call<Page<OrderRow>>("list_orders", { query }),
  get: (id: number) => call<PurchaseOrder>("get_order", { id }),
  save: (id: number | null, version: number, input: OrderInput) =>
    call<PurchaseOrder>("save_order", { id, version, input }),
  move: (id: number, version: number, step: OrderStep, reason: string | null = null) =>
    call<PurchaseOrder>("move_order", { id, version, step, reason }),
  /** The order as PDF through the save dialog: final once approved, else a DRAFT copy. */
  pdf: (id: number, language: string, title: string, name: string) =>
    call<OrderPdf>("save_order_pdf", { id, language, title, name }),
  tiers: () => call<ApprovalTier[]>("approval_tiers"),
  saveTiers: (tiers: ApprovalTier[]) => call<ApprovalTier[]>("save_approval_tiers", { tiers }),
};
