import { Badge, Card, Text } from "@mantine/core";
import { IconPackageImport } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { receiptKeys, receiptsApi } from "../../../api/receipts";
import { useNav } from "../../../app/nav";
import type { ReceiptQuery } from "../../../bindings/ReceiptQuery";
import type { ReceiptRow } from "../../../bindings/ReceiptRow";
import type { ReceiptSort } from "../../../bindings/ReceiptSort";
import { formatDate } from "../../../i18n/format";
import { DateCell, NumberCell, TextCell } from "../../../kit/listCells";
import { FilterBar, useListSearch, useListSort } from "../../../kit/listFilters";
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
      cell: (r) => <DateCell value={r.received_on} />,
    },
    {
      key: "order",
      title: l("order"),
      width: "130px",
      sort: "order",
      cell: (r) => <TextCell value={r.order_number} code />,
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (r) => <TextCell value={r.supplier_name} />,
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
      cell: (r) => <TextCell value={r.received_by_name} />,
    },
    {
      key: "lines",
      title: l("lines"),
      width: "70px",
      cell: (r) => <NumberCell value={r.lines} />,
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
  const { t } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [supplier, setSupplier] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const sorting = useListSort<ReceiptSort>("received_on");
  const { sort, dir } = sorting;
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
      <FilterBar
        search={{
          value: search,
          onChange: setSearch,
          placeholder: t("receiving.list.search"),
          testId: "receipt-search",
          width: 260,
        }}
      >
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
      </FilterBar>
      <ServerList
        testId="receipts"
        rowTestId="receipt-row"
        label={t("receiving.views.receipts")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-order": r.order_number ?? "" })}
        onOpen={(r) => go({ page: "order", id: r.order_id, tab: "details" })}
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
