import { Card, Group, Text } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { matchApi, matchKeys } from "../../../api/invoiceMatch";
import { useNav } from "../../../app/nav";
import type { SortDir } from "../../../bindings/SortDir";
import type { ToInvoiceQuery } from "../../../bindings/ToInvoiceQuery";
import type { ToInvoiceRow } from "../../../bindings/ToInvoiceRow";
import type { ToInvoiceSort } from "../../../bindings/ToInvoiceSort";
import { formatDate, formatMoney, formatNumber } from "../../../i18n/format";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { formatQuantity } from "../orders/parts";
import { SupplierPicker } from "../SupplierPickers";
import "../invoices/i18n-match";

function useColumns(): ListColumn<ToInvoiceRow, ToInvoiceSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`invoiceMatch.toInvoice.${k}`);
  const right = (s: string, testId?: string) => (
    <Text size="sm" ta="right" style={{ flex: 1 }} data-testid={testId}>
      {s}
    </Text>
  );
  return [
    {
      key: "order",
      title: l("order"),
      width: "200px",
      sort: "order_date",
      cell: (r) => (
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={600} ff="monospace">
            {r.order_number ?? "—"}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(r.order_date, i18n.language)}
          </Text>
        </Group>
      ),
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(150px, 1.5fr)",
      sort: "supplier",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.supplier_name}
        </Text>
      ),
    },
    {
      key: "line",
      title: l("line"),
      width: "minmax(180px, 2fr)",
      cell: (r) => (
        <Text size="sm" truncate>
          {r.line_no}. {r.description}
        </Text>
      ),
    },
    {
      key: "received",
      title: l("received"),
      width: "110px",
      cell: (r) => right(`${formatQuantity(r.received, i18n.language)} ${r.unit}`),
    },
    {
      key: "invoiced",
      title: l("invoiced"),
      width: "110px",
      cell: (r) => right(`${formatQuantity(r.invoiced, i18n.language)} ${r.unit}`),
    },
    {
      key: "amount",
      title: l("amount"),
      width: "130px",
      cell: (r) =>
        right(formatMoney(r.to_invoice_cents, r.currency, i18n.language), "to-invoice-amount"),
    },
  ];
}

/** "Received, not invoiced": order lines whose goods arrived beyond what was invoiced. */
export function ToInvoiceList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const [supplier, setSupplier] = useState<string | null>(null);
  const [sort, setSort] = useState<ToInvoiceSort>("order_date");
  const [dir, setDir] = useState<SortDir>("desc");
  const columns = useColumns();
  const source = useMemo<ListSource<ToInvoiceRow>>(() => {
    const query = (page: ToInvoiceQuery["page"]): ToInvoiceQuery => ({
      supplier_id: supplier ? Number(supplier) : null,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => matchKeys.toInvoice(query(page)),
      fetch: (page) => matchApi.toInvoice(query(page)),
      pageSize: 50,
    };
  }, [supplier, sort, dir]);
  return (
    <Card>
      <Group mb="md" justify="space-between" gap="sm">
        <Text fw={600}>{t("invoiceMatch.toInvoice.title")}</Text>
        <SupplierPicker
          aria-label={t("invoiceMatch.toInvoice.supplier")}
          value={supplier}
          onChange={setSupplier}
          currentLabel={null}
          w={220}
          data-testid="to-invoice-supplier-filter"
        />
      </Group>
      <ServerList
        testId="to-invoice"
        rowTestId="to-invoice-row"
        label={t("invoiceMatch.toInvoice.title")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={48}
        rowData={(r) => ({ "data-order": r.order_number ?? "", "data-line": r.line_no })}
        onOpen={(r) => go({ page: "order", id: r.order_id, tab: "details" })}
        total={(n) => t("common.total", { n: formatNumber(n, i18n.language) })}
        empty={
          <ListEmpty icon={IconReceipt} title={t("invoiceMatch.toInvoice.empty")} text={null} />
        }
      />
    </Card>
  );
}
