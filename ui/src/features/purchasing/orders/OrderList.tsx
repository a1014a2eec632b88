import { Card, Group, Select, Switch, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
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
import type { SortDir } from "../../../bindings/SortDir";
import { formatDate, formatMoney, formatNumber } from "../../../i18n/format";
import { ListSearch } from "../../../kit/ListSearch";
import { ListEmpty } from "../../../kit/listParts";
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
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  return [
    {
      key: "number",
      title: l("number"),
      width: "120px",
      sort: "number",
      cell: (o) => (
        <Text size="sm" fw={600} ff="monospace" c={o.number ? undefined : "dimmed"}>
          {o.number ?? "—"}
        </Text>
      ),
    },
    {
      key: "date",
      title: l("date"),
      width: "100px",
      sort: "date",
      cell: (o) => <Text size="sm">{formatDate(o.order_date, i18n.language)}</Text>,
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (o) => (
        <Text size="sm" truncate>
          {o.supplier_name}
        </Text>
      ),
    },
    {
      key: "department",
      title: l("department"),
      width: "minmax(100px, 1fr)",
      cell: (o) => (
        <Text size="sm" truncate c={o.department_name ? undefined : "dimmed"}>
          {o.department_name ?? "—"}
        </Text>
      ),
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
      cell: (o) => (
        <Text size="sm" c={o.delivery_date ? undefined : "dimmed"}>
          {o.delivery_date ? formatDate(o.delivery_date, i18n.language) : "—"}
        </Text>
      ),
    },
    {
      key: "total",
      title: l("total"),
      width: "130px",
      sort: "total",
      cell: (o) => (
        <Text size="sm" ta="right" style={{ flex: 1 }} data-testid="order-row-total">
          {formatMoney(o.total_cents, o.currency, i18n.language)}
        </Text>
      ),
    },
  ];
}

/** The purchase orders: search, status, supplier, "waiting for my approval", sorts in SQL. */
export function OrderList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [status, setStatus] = useState<OrderState | null>(null);
  const [supplier, setSupplier] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [more, setMore] = useState<MoreFilters>(noMoreFilters);
  const [sort, setSort] = useState<OrderSort>("date");
  const [dir, setDir] = useState<SortDir>("desc");
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
      <Group mb="md" justify="space-between" wrap="wrap" gap="sm" data-testid="orders-filters">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("purchasingUi.orders.searchPlaceholder")}
          width={300}
          testId="order-search"
        />
        <Group gap="sm">
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
          <Select
            aria-label={t("purchasingUi.orders.status")}
            placeholder={t("purchasingUi.orders.anyStatus")}
            data={STATES.map((s) => ({ value: s, label: t(`purchasing.state.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as OrderState | null)}
            clearable
            w={190}
            data-testid="order-status-filter"
          />
          <OrderMoreFilters value={more} onChange={setMore} />
        </Group>
      </Group>
      <ServerList
        testId="orders"
        rowTestId="order-row"
        label={t("purchasingUi.views.orders")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={48}
        rowData={(o) => ({
          "data-id": o.id,
          "data-number": o.number ?? "",
          "data-status": o.status,
        })}
        onOpen={(o) => go({ page: "order", id: o.id, tab: "details" })}
        total={(n) => t("common.total", { n: formatNumber(n, i18n.language) })}
        empty={
          <ListEmpty
            icon={IconFileInvoice}
            title={
              filtered ? t("purchasingUi.orders.noMatch") : t("purchasingUi.orders.emptyTitle")
            }
            text={filtered || !canWrite ? null : t("purchasingUi.orders.emptyText")}
          />
        }
      />
    </Card>
  );
}
