import type { Page } from "../bindings/Page";
import type { PurchaseOrder } from "../bindings/PurchaseOrder";
import type { PurchaseReceipt } from "../bindings/PurchaseReceipt";
import type { ReceiptInput } from "../bindings/ReceiptInput";
import type { ReceiptQuery } from "../bindings/ReceiptQuery";
import type { ReceiptRow } from "../bindings/ReceiptRow";
import type { ToReceiveQuery } from "../bindings/ToReceiveQuery";
import type { ToReceiveRow } from "../bindings/ToReceiveRow";
import { call } from "./invoke";
import { orderKeys } from "./orders";

/**
 * Query keys of receipts, under the orders': a receipt moves its order's lines and status, so
 * refreshing `orderKeys.all` refreshes these too.
 */
export const receiptKeys = {
  all: [...orderKeys.all, "receipts"] as const,
  ofOrder: (orderId: number) => [...receiptKeys.all, "order", orderId] as const,
  list: (query: ReceiptQuery) => [...receiptKeys.all, "list", query] as const,
  toReceive: (query: ToReceiveQuery) => [...receiptKeys.all, "to-receive", query] as const,
};

export const receiptsApi = {
  receive: (input: ReceiptInput) => call<PurchaseReceipt>("receive_order", { input }),
  reverse: (id: number, version: number, reason: string) =>
    call<PurchaseReceipt>("reverse_receipt", { id, version, reason }),
  ofOrder: (orderId: number) => call<PurchaseReceipt[]>("order_receipts", { orderId }),
  list: (query: ReceiptQuery) => call<Page<ReceiptRow>>("list_receipts", { query }),
  toReceive: (query: ToReceiveQuery) => call<Page<ToReceiveRow>>("orders_to_receive", { query }),
  close: (id: number, version: number, reason: string | null) =>
    call<PurchaseOrder>("close_order", { id, version, reason }),
};
