import { Badge, Card, Group, Text } from "@mantine/core";
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
import { DateCell, MoneyCell, TextCell } from "../../../kit/listCells";
import {
  AmountFilter,
  amountCents,
  FilterBar,
  StatusFilter,
  useListSearch,
  useListSort,
} from "../../../kit/listFilters";
import { FilteredEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { SupplierPicker } from "../SupplierPickers";
import { documentTypeLabel, InvoiceStatusBadge } from "./parts";
import "./i18n";
import "./i18n-match";
import { DateRangeFilter } from "./DateRangeFilter";

const STATES: InvoiceStatus[] = ["to_match", "matched", "approved_for_payment"];
const WAITING_AND_STATES: (InvoiceStatus | "waiting")[] = ["waiting", ...STATES];

function useColumns(): ListColumn<InvoiceRow, InvoiceSort>[] {
  const { t } = useTranslation();
  const l = (k: string) => t(`invoicesUi.list.${k}`);
  return [
    {
      key: "date",
      title: l("date"),
      width: "100px",
      sort: "date",
      cell: (r) => <DateCell value={r.invoice_date} />,
    },
    {
      key: "number",
      title: l("number"),
      width: "minmax(110px, 1fr)",
      cell: (r) => <TextCell value={r.number} code />,
    },
    {
      key: "supplier",
      title: l("supplier"),
      width: "minmax(160px, 2fr)",
      cell: (r) => <TextCell value={r.supplier_name} />,
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
      cell: (r) => <DateCell value={r.first_due_date} />,
    },
    {
      key: "total",
      title: l("total"),
      width: "120px",
      sort: "total",
      cell: (r) => <MoneyCell cents={r.total_cents} currency={r.currency} />,
    },
  ];
}

/** Supplier invoices: search, status, supplier, dates and amount range; sorts in SQL. */
export function InvoiceList() {
  const { t } = useTranslation();
  const { go } = useNav();
  const canWrite = useCan("purchasing", "write");
  const { search, setSearch, debounced } = useListSearch();
  // A status, or "waiting": to match, or matched and not yet approved for payment.
  const [status, setStatus] = useState<InvoiceStatus | "waiting" | null>(null);
  const [supplier, setSupplier] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [min, setMin] = useState<number | string>("");
  const [max, setMax] = useState<number | string>("");
  const [minD] = useDebouncedValue(min, 300);
  const [maxD] = useDebouncedValue(max, 300);
  const sorting = useListSort<InvoiceSort>("date");
  const { sort, dir } = sorting;
  const columns = useColumns();
  const source = useMemo<ListSource<InvoiceRow>>(() => {
    const query = (page: InvoiceQuery["page"]): InvoiceQuery => ({
      search: debounced || null,
      status: status === "waiting" ? null : status,
      waiting: status === "waiting",
      supplier_id: supplier ? Number(supplier) : null,
      from: from || null,
      to: to || null,
      min_total: amountCents(minD),
      max_total: amountCents(maxD),
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
      <FilterBar
        testId="invoices-filters"
        search={{
          value: search,
          onChange: setSearch,
          placeholder: t("invoicesUi.list.searchPlaceholder"),
          testId: "invoice-search",
          width: 300,
        }}
        align="flex-end"
      >
        <SupplierPicker
          aria-label={t("invoicesUi.list.supplier")}
          value={supplier}
          onChange={setSupplier}
          currentLabel={null}
          w={210}
          data-testid="invoice-supplier-filter"
        />
        <StatusFilter
          label={t("invoicesUi.list.status")}
          placeholder={t("invoicesUi.list.anyStatus")}
          states={WAITING_AND_STATES}
          stateLabel={(s) =>
            s === "waiting" ? t("invoiceMatch.waiting") : t(`invoicesUi.status.${s}`)
          }
          value={status}
          onChange={setStatus}
          w={190}
          testId="invoice-status-filter"
        />
        <DateRangeFilter from={from} to={to} onFrom={setFrom} onTo={setTo} w={130} />
        <AmountFilter
          label={t("invoicesUi.list.minTotal")}
          value={min}
          onChange={setMin}
          w={120}
          testId="invoice-min-total"
        />
        <AmountFilter
          label={t("invoicesUi.list.maxTotal")}
          value={max}
          onChange={setMax}
          w={110}
          testId="invoice-max-total"
        />
      </FilterBar>
      <ServerList
        testId="invoices"
        rowTestId="invoice-row"
        label={t("invoicesUi.views.invoices")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.id, "data-number": r.number, "data-status": r.status })}
        onOpen={(r) => go({ page: "invoice", id: r.id, tab: "details" })}
        empty={
          <FilteredEmpty
            icon={IconFileInvoice}
            filtered={filtered}
            canWrite={canWrite}
            noMatch={t("invoicesUi.list.noMatch")}
            emptyTitle={t("invoicesUi.list.emptyTitle")}
            emptyText={t("invoicesUi.list.emptyText")}
          />
        }
      />
    </Card>
  );
}
