import { IconBuildingStore, IconFileInvoice } from "@tabler/icons-react";
import { registerSearch } from "../../app/searchRegistry";

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
