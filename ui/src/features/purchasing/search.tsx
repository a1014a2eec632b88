import { IconBuildingStore, IconFileInvoice } from "@tabler/icons-react";
import { registerSearch } from "../../app/searchRegistry";
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

// Supplier invoices, by number.
registerSearch({
  kind: "supplier_invoice",
  order: 55,
  icon: IconFileInvoice,
  label: "invoiceSearch.group",
  inactiveLabel: "invoiceSearch.group",
  open: (hit, { go }) => go({ page: "invoice", id: hit.id, tab: "details" }),
  more: { label: "invoiceSearch.more" },
});
