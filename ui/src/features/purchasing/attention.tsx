import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Route, useNav } from "../../app/nav";
import type { AttentionItem } from "../../bindings/AttentionItem";
import { formatDate, formatMoney } from "../../i18n/format";
import "./i18n-attention";

// How a purchasing item on Home's attention list is worded and opened: a supplier's expiring
// file opens the supplier's files with that file in view.

type Reason = {
  kind: string;
  attachment_id?: number;
  /** An order waiting for approval: its total. */
  total_cents?: number;
  currency?: string;
};

export function usePurchasingReason(): (item: AttentionItem) => string {
  const { t, i18n } = useTranslation();
  return (item) => {
    const r = item.reason as unknown as Reason;
    const date = item.due ? formatDate(item.due, i18n.language) : "";
    const total =
      r.total_cents === undefined
        ? ""
        : formatMoney(r.total_cents, r.currency ?? "EUR", i18n.language);
    return t(`purchasingAttention.${r.kind}`, { date, total });
  };
}

/** Where an item opens: the order or requisition waiting, or the supplier's file. */
function target(item: AttentionItem, r: Reason): Route {
  if (item.entity === "purchase_orders")
    return { page: "order", id: item.record_id, tab: "details" };
  if (item.entity === "requisitions") return { page: "requisition", id: item.record_id };
  if (item.entity === "supplier_invoices")
    return { page: "invoice", id: item.record_id, tab: "match" };
  return {
    page: "supplier",
    id: item.record_id,
    tab: "files",
    focus: r.attachment_id ? `file:${r.attachment_id}` : null,
  };
}

export function PurchasingAction({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const r = item.reason as unknown as Reason;
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => go(target(item, r))}
      data-testid={
        {
          purchase_orders: "attention-open-order",
          requisitions: "attention-open-requisition",
          supplier_invoices: "attention-open-invoice",
        }[item.entity] ?? "attention-open-supplier"
      }
    >
      {t("purchasingAttention.open")}
    </Button>
  );
}
