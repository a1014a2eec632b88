import { Badge, Card, Group, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPackageImport } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { receiptKeys, receiptsApi } from "../../../api/receipts";
import { useNav } from "../../../app/nav";
import type { ReceiptQuery } from "../../../bindings/ReceiptQuery";
import type { ReceiptRow } from "../../../bindings/ReceiptRow";
import type { ReceiptSort } from "../../../bindings/ReceiptSort";
import type { SortDir } from "../../../bindings/SortDir";
import { formatDate, formatNumber } from "../../../i18n/format";
import { ListSearch } from "../../../kit/ListSearch";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { DateField } from "../../staff/parts";
import { SupplierPicker } from "../SupplierPickers";
import "../i18n-receiving";

function useColumns(): ListColumn<ReceiptRow, ReceiptSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`receiving.list.${k}`);
  return [
    {
      key: "date",
      title: l("date"),
      width: "110px",
      sort: "received_on",
      cell: (r) => <Text size="sm">{formatDate(r.received_on, i18n.language)}</Text>,
    },
    {
      key: "order",
      title: l("order"),
      width: "130px",
      sort: "order",
      cell: (r) => (
        <Text size="sm" fw={600} ff="monospace">
          {r.order_number ?? "—"}
        </Text>
      ),
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.supplier_name}
        </Text>
      ),
    },
    {
      key: "note",
      title: l("note"),
      width: "minmax(120px, 1fr)",
      cell: (r) => (
        <Text size="sm" truncate c={r.delivery_note ? undefined : "dimmed"}>
          {r.delivery_note ?? "—"}
          {r.delivery_note_date ? ` · ${formatDate(r.delivery_note_date, i18n.language)}` : ""}
        </Text>
      ),
    },
    {
      key: "by",
      title: l("by"),
      width: "minmax(120px, 1fr)",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.received_by_name}
        </Text>
      ),
    },
    {
      key: "lines",
      title: l("lines"),
      width: "70px",
      cell: (r) => (
        <Text size="sm" ta="right" style={{ flex: 1 }}>
          {r.lines}
        </Text>
      ),
    },
    {
      key: "status",
      title: l("status"),
      width: "110px",
      cell: (r) => (
        <Badge color={r.reversed ? "red" : "green"} variant="light" data-testid="receipt-status">
          {l(r.reversed ? "reversed" : "active")}
        </Badge>
      ),
    },
  ];
}

/** Every receipt: by supplier, order, received dates and delivery note; sorted in SQL. */
export function ReceiptList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [supplier, setSupplier] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [sort, setSort] = useState<ReceiptSort>("received_on");
  const [dir, setDir] = useState<SortDir>("desc");
  const columns = useColumns();
  const source = useMemo<ListSource<ReceiptRow>>(() => {
    const query = (page: ReceiptQuery["page"]): ReceiptQuery => ({
      search: debounced || null,
      supplier_id: supplier ? Number(supplier) : null,
      order_id: null,
      from: from || null,
      to: to || null,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => receiptKeys.list(query(page)),
      fetch: (page) => receiptsApi.list(query(page)),
      pageSize: 50,
    };
  }, [debounced, supplier, from, to, sort, dir]);
  const filtered = debounced !== "" || supplier !== null || from !== null || to !== null;
  return (
    <Card>
      <Group mb="md" justify="space-between" wrap="wrap" gap="sm">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("receiving.list.search")}
          width={260}
          testId="receipt-search"
        />
        <Group gap="sm">
          <SupplierPicker
            aria-label={t("receiving.list.supplier")}
            value={supplier}
            onChange={setSupplier}
            currentLabel={null}
            w={220}
            data-testid="receipt-supplier-filter"
          />
          <DateField
            field="from"
            aria-label={t("receiving.list.from")}
            placeholder={t("receiving.list.from")}
            value={from}
            onChange={(v) => setFrom(v)}
            w={140}
          />
          <DateField
            field="to"
            aria-label={t("receiving.list.to")}
            placeholder={t("receiving.list.to")}
            value={to}
            onChange={(v) => setTo(v)}
            w={140}
          />
        </Group>
      </Group>
      <ServerList
        testId="receipts"
        rowTestId="receipt-row"
        label={t("receiving.views.receipts")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-order": r.order_number ?? "" })}
        onOpen={(r) => go({ page: "order", id: r.order_id, tab: "details" })}
        total={(n) => t("common.total", { n: formatNumber(n, i18n.language) })}
        empty={
          <ListEmpty
            icon={IconPackageImport}
            title={filtered ? t("receiving.list.noMatch") : t("receiving.list.empty")}
            text={null}
          />
        }
      />
    </Card>
  );
}
