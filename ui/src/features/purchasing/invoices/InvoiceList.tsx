import { Badge, Card, Group, NumberInput, Select, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFileInvoice } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invoiceKeys, invoicesApi } from "../../../api/invoices";
import { useNav } from "../../../app/nav";
import { useCan } from "../../../app/session";
import type { InvoiceQuery } from "../../../bindings/InvoiceQuery";
import type { InvoiceRow } from "../../../bindings/InvoiceRow";
import type { InvoiceSort } from "../../../bindings/InvoiceSort";
import type { InvoiceStatus } from "../../../bindings/InvoiceStatus";
import type { SortDir } from "../../../bindings/SortDir";
import { formatDate, formatMoney, formatNumber } from "../../../i18n/format";
import { ListSearch } from "../../../kit/ListSearch";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { DateField } from "../../staff/parts";
import { SupplierPicker } from "../SupplierPickers";
import { documentTypeLabel, InvoiceStatusBadge } from "./parts";
import "./i18n";
import "./i18n-match";

const STATES: InvoiceStatus[] = ["to_match", "matched", "approved_for_payment"];

function useColumns(): ListColumn<InvoiceRow, InvoiceSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`invoicesUi.list.${k}`);
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return [
    {
      key: "date",
      title: l("date"),
      width: "100px",
      sort: "date",
      cell: (r) => <Text size="sm">{date(r.invoice_date)}</Text>,
    },
    {
      key: "number",
      title: l("number"),
      width: "minmax(110px, 1fr)",
      cell: (r) => (
        <Text size="sm" fw={600} ff="monospace" truncate>
          {r.number}
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
      key: "type",
      title: l("type"),
      width: "110px",
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" truncate>
            {documentTypeLabel(r.document_type, t)}
          </Text>
          {r.warning_count > 0 && (
            <Badge color="orange" variant="light" size="xs" data-testid="invoice-row-warnings">
              {t("invoicesUi.list.warnings", { count: r.warning_count })}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "status",
      title: l("status"),
      width: "150px",
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <InvoiceStatusBadge status={r.status} />
          {r.open_differences > 0 && (
            <Badge color="orange" variant="outline" data-testid="invoice-open-differences">
              {r.open_differences}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "due",
      title: l("due"),
      width: "140px",
      sort: "due",
      cell: (r) => (
        <Text size="sm" c={r.first_due_date ? undefined : "dimmed"}>
          {date(r.first_due_date)}
        </Text>
      ),
    },
    {
      key: "total",
      title: l("total"),
      width: "120px",
      sort: "total",
      cell: (r) => (
        <Text size="sm" ta="right" style={{ flex: 1 }}>
          {formatMoney(r.total_cents, r.currency, i18n.language)}
        </Text>
      ),
    },
  ];
}

const cents = (v: number | string) => (v === "" ? null : Math.round(Number(v) * 100));

/** Supplier invoices: search, status, supplier, dates and amount range; sorts in SQL. */
export function InvoiceList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  // A status, or "waiting": to match, or matched and not yet approved for payment.
  const [status, setStatus] = useState<InvoiceStatus | "waiting" | null>(null);
  const [supplier, setSupplier] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [min, setMin] = useState<number | string>("");
  const [max, setMax] = useState<number | string>("");
  const [minD] = useDebouncedValue(min, 300);
  const [maxD] = useDebouncedValue(max, 300);
  const [sort, setSort] = useState<InvoiceSort>("date");
  const [dir, setDir] = useState<SortDir>("desc");
  const columns = useColumns();
  const decimal = i18n.language === "it" ? "," : ".";
  const source = useMemo<ListSource<InvoiceRow>>(() => {
    const query = (page: InvoiceQuery["page"]): InvoiceQuery => ({
      search: debounced || null,
      status: status === "waiting" ? null : status,
      waiting: status === "waiting",
      supplier_id: supplier ? Number(supplier) : null,
      from: from || null,
      to: to || null,
      min_total: cents(minD),
      max_total: cents(maxD),
      sort,
      dir,
      page,
    });
    return {
      key: (page) => invoiceKeys.list(query(page)),
      fetch: (page) => invoicesApi.list(query(page)),
      pageSize: 50,
    };
  }, [debounced, status, supplier, from, to, minD, maxD, sort, dir]);
  const filtered =
    debounced !== "" ||
    status !== null ||
    supplier !== null ||
    !!from ||
    !!to ||
    minD !== "" ||
    maxD !== "";
  return (
    <Card>
      <Group mb="md" justify="space-between" wrap="wrap" gap="sm" data-testid="invoices-filters">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("invoicesUi.list.searchPlaceholder")}
          width={260}
          testId="invoice-search"
        />
        <Group gap="sm" align="flex-end">
          <SupplierPicker
            aria-label={t("invoicesUi.list.supplier")}
            value={supplier}
            onChange={setSupplier}
            currentLabel={null}
            w={200}
            data-testid="invoice-supplier-filter"
          />
          <Select
            aria-label={t("invoicesUi.list.status")}
            placeholder={t("invoicesUi.list.anyStatus")}
            data={[
              { value: "waiting", label: t("invoiceMatch.waiting") },
              ...STATES.map((s) => ({ value: s, label: t(`invoicesUi.status.${s}`) })),
            ]}
            value={status}
            onChange={(v) => setStatus(v as InvoiceStatus | "waiting" | null)}
            clearable
            w={190}
            data-testid="invoice-status-filter"
          />
          <DateField
            field="from"
            aria-label={t("invoicesUi.list.from")}
            placeholder={t("invoicesUi.list.from")}
            value={from}
            onChange={setFrom}
            w={130}
          />
          <DateField
            field="to"
            aria-label={t("invoicesUi.list.to")}
            placeholder={t("invoicesUi.list.to")}
            value={to}
            onChange={setTo}
            w={130}
          />
          <NumberInput
            aria-label={t("invoicesUi.list.minTotal")}
            placeholder={t("invoicesUi.list.minTotal")}
            decimalSeparator={decimal}
            decimalScale={2}
            hideControls
            value={min}
            onChange={setMin}
            w={120}
            data-testid="invoice-min-total"
          />
          <NumberInput
            aria-label={t("invoicesUi.list.maxTotal")}
            placeholder={t("invoicesUi.list.maxTotal")}
            decimalSeparator={decimal}
            decimalScale={2}
            hideControls
            value={max}
            onChange={setMax}
            w={110}
            data-testid="invoice-max-total"
          />
        </Group>
      </Group>
      <ServerList
        testId="invoices"
        rowTestId="invoice-row"
        label={t("invoicesUi.views.invoices")}
        columns={columns}
        source={source}
        sort={sort}
        dir={dir}
        onSort={(c, d) => {
          setSort(c);
          setDir(d);
        }}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-number": r.number, "data-status": r.status })}
        onOpen={(r) => go({ page: "invoice", id: r.id, tab: "details" })}
        total={(n) => t("common.total", { n: formatNumber(n, i18n.language) })}
        empty={
          <ListEmpty
            icon={IconFileInvoice}
            title={filtered ? t("invoicesUi.list.noMatch") : t("invoicesUi.list.emptyTitle")}
            text={filtered || !canWrite ? null : t("invoicesUi.list.emptyText")}
          />
        }
      />
    </Card>
  );
}
