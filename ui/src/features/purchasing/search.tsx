import { IconBuildingStore, IconFileInvoice } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { registerSearch } from "../../app/searchRegistry";
import { formatDate } from "../../i18n/format";
import "./i18n-search";

// Purchasing's hits in the header's search; loads with the shell, so it stays small.

registerSearch({
  kind: "supplier",
  order: 50,
  icon: IconBuildingStore,
  label: "search.groups.supplier",
  inactiveLabel: "search.blockedSupplier",
  open: (hit, { go }) => go({ page: "supplier", id: hit.id, tab: "details" }),
  more: { label: "search.moreSuppliers" },
});

registerSearch({
  kind: "order",
  order: 51,
  icon: IconFileInvoice,
  label: "search.groups.order",
  inactiveLabel: "search.cancelledOrder",
  open: (hit, { go }) => go({ page: "order", id: hit.id, tab: "details" }),
  more: { label: "search.moreOrders" },
});

// Supplier invoices, by number or by what a line bills.
registerSearch({
  kind: "supplier_invoice",
  order: 55,
  icon: IconFileInvoice,
  label: "invoiceSearch.group",
  inactiveLabel: "invoiceSearch.group",
  // "supplier · 2026-03-15 · line": the date in the person's language.
  useSecondLine: () => {
    const { i18n } = useTranslation();
    return (hit) =>
      hit.detail
        ?.split(" · ")
        .map((part) => (/^\d{4}-\d{2}-\d{2}$/.test(part) ? formatDate(part, i18n.language) : part))
        .join(" · ") ?? null;
  },
  open: (hit, { go }) => go({ page: "invoice", id: hit.id, tab: "details" }),
  more: { label: "invoiceSearch.more" },
});
