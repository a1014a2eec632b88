import { Card, Switch } from "@mantine/core";
import { IconFileInvoice } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys, ordersApi } from "../../../api/orders";
import { useNav } from "../../../app/nav";
import { useCan } from "../../../app/session";
import type { OrderQuery } from "../../../bindings/OrderQuery";
import type { OrderRow } from "../../../bindings/OrderRow";
import type { OrderSort } from "../../../bindings/OrderSort";
import type { OrderState } from "../../../bindings/OrderState";
import { DateCell, MoneyCell, TextCell } from "../../../kit/listCells";
import { FilterBar, StatusFilter, useListSearch, useListSort } from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { SupplierPicker } from "../SupplierPickers";
import {
  activeCount,
  type MoreFilters,
  noMoreFilters,
  OrderMoreFilters,
  toCents,
} from "./OrderMoreFilters";
import { OrderStatusBadge } from "./parts";
import "../i18n";

const STATES: OrderState[] = [
  "draft",
  "pending_approval",
  "approved",
  "sent",
  "partly_received",
  "received",
  "closed",
  "cancelled",
];

function useColumns(): ListColumn<OrderRow, OrderSort>[] {
  const { t } = useTranslation();
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  return [
    {
      key: "number",
      title: l("number"),
      width: "120px",
      sort: "number",
      cell: (o) => <TextCell value={o.number} code />,
    },
    {
      key: "date",
      title: l("date"),
      width: "100px",
      sort: "date",
      cell: (o) => <DateCell value={o.order_date} />,
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (o) => <TextCell value={o.supplier_name} />,
    },
    {
      key: "department",
      title: l("department"),
      width: "minmax(100px, 1fr)",
      cell: (o) => <TextCell value={o.department_name} />,
    },
    {
      key: "status",
      title: l("status"),
      width: "160px",
      sort: "status",
      cell: (o) => <OrderStatusBadge status={o.status} />,
    },
    {
      key: "delivery",
      title: l("delivery_date"),
      width: "110px",
      sort: "delivery",
      cell: (o) => <DateCell value={o.delivery_date} />,
    },
    {
      key: "total",
      title: l("total"),
      width: "130px",
      sort: "total",
      cell: (o) => (
        <MoneyCell cents={o.total_cents} currency={o.currency} testId="order-row-total" />
      ),
    },
  ];
}

/** The purchase orders: search, status, supplier, "waiting for my approval", sorts in SQL. */
export function OrderList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<OrderState | null>(null);
  const [supplier, setSupplier] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [more, setMore] = useState<MoreFilters>(noMoreFilters);
  const sorting = useListSort<OrderSort>("date");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const source = useMemo<ListSource<OrderRow>>(() => {
    const query = (page: OrderQuery["page"]): OrderQuery => ({
      search: debounced || null,
      status,
      supplier_id: supplier ? Number(supplier) : null,
      department_id: more.department ? Number(more.department) : null,
      min_total: toCents(more.minTotal),
      max_total: toCents(more.maxTotal),
      from: more.from,
      to: more.to,
      waiting_for_me: waiting,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => orderKeys.list(query(page)),
      fetch: (page) => ordersApi.list(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, supplier, waiting, more, sort, dir]);
  const filtered =
    debounced !== "" || status !== null || supplier !== null || waiting || activeCount(more) > 0;
  return (
    <Card>
      <FilterBar
        testId="orders-filters"
        search={{
          value: search,
          onChange: setSearch,
          placeholder: t("purchasingUi.orders.searchPlaceholder"),
          testId: "order-search",
        }}
      >
        <Switch
          label={t("purchasingUi.orders.waitingForMe")}
          checked={waiting}
          onChange={(e) => setWaiting(e.currentTarget.checked)}
          data-testid="order-waiting"
        />
        <SupplierPicker
          aria-label={t("purchasingUi.orders.supplier")}
          value={supplier}
          onChange={setSupplier}
          currentLabel={null}
          w={220}
          data-testid="order-supplier-filter"
        />
        <StatusFilter
          label={t("purchasingUi.orders.status")}
          placeholder={t("purchasingUi.orders.anyStatus")}
          states={STATES}
          stateLabel={(s) => t(`purchasing.state.${s}`)}
          value={status}
          onChange={setStatus}
          w={190}
          testId="order-status-filter"
        />
        <OrderMoreFilters value={more} onChange={setMore} />
      </FilterBar>
      <ServerList
        testId="orders"
        rowTestId="order-row"
        label={t("purchasingUi.views.orders")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={48}
        rowData={(o) => ({
          "data-id": o.id,
          "data-number": o.number ?? "",
          "data-status": o.status,
        })}
        onOpen={(o) => go({ page: "order", id: o.id, tab: "details" })}
        empty={
          <FilteredEmpty
            icon={IconFileInvoice}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("purchasingUi.orders.noMatch")}
            emptyTitle={t("purchasingUi.orders.emptyTitle")}
            emptyText={t("purchasingUi.orders.emptyText")}
          />
        }
      />
    </Card>
  );
}
