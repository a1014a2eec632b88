import { Card, Group, Text } from "@mantine/core";
import { IconCalendarDue } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { invoiceKeys, invoicesApi } from "../../../api/invoices";
import { useNav } from "../../../app/nav";
import type { DueQuery } from "../../../bindings/DueQuery";
import type { DueRow } from "../../../bindings/DueRow";
import type { SortDir } from "../../../bindings/SortDir";
import { formatDate } from "../../../i18n/format";
import { MoneyCell, TextCell } from "../../../kit/listCells";
import { ListEmpty } from "../../../kit/listParts";
import { type ListColumn, ServerList } from "../../../kit/ServerList";
import type { ListSource } from "../../../kit/serverPages";
import { SupplierPicker } from "../SupplierPickers";
import { documentTypeLabel, InvoiceStatusBadge, methodLabel } from "./parts";
import "./i18n";
import { DateRangeFilter } from "./DateRangeFilter";

type DueSort = "due";

function useColumns(): ListColumn<DueRow, DueSort>[] {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`invoicesUi.dues.${k}`);
  const today = new Date().toISOString().slice(0, 10);
  return [
    {
      key: "due",
      title: l("dueDate"),
      width: "110px",
      sort: "due",
      cell: (r) => (
        <Text
          size="sm"
          fw={600}
          c={r.due_date && r.due_date < today ? "red.8" : r.due_date ? undefined : "dimmed"}
        >
          {r.due_date ? formatDate(r.due_date, i18n.language) : l("noDate")}
        </Text>
      ),
    },
    {
      key: "supplier",
      title: t("invoicesUi.list.supplier"),
      width: "minmax(140px, 1.5fr)",
      cell: (r) => <TextCell value={r.supplier_name} />,
    },
    {
      key: "invoice",
      title: t("invoicesUi.list.number"),
      width: "minmax(210px, 1.5fr)",
      cell: (r) => (
        <Text size="sm" truncate title={documentTypeLabel(r.document_type, t)}>
          {r.document_type === "TD01" ? "" : `${documentTypeLabel(r.document_type, t)} `}
          {r.number} · {formatDate(r.invoice_date, i18n.language)}
        </Text>
      ),
    },
    {
      key: "method",
      title: l("method"),
      width: "minmax(120px, 1fr)",
      cell: (r) => (
        <Text size="sm" truncate title={r.iban ?? undefined}>
          {methodLabel(r.method, t)}
        </Text>
      ),
    },
    {
      key: "status",
      title: t("invoicesUi.list.status"),
      width: "150px",
      cell: (r) => <InvoiceStatusBadge status={r.status} />,
    },
    {
      key: "amount",
      title: l("amount"),
      width: "130px",
      cell: (r) => <MoneyCell cents={r.amount_cents} currency={r.currency} />,
    },
  ];
}

/** What is owed when: every due date of every invoice, earliest first, from an index. */
export function DuePayments() {
  const { t } = useTranslation();
  const { go } = useNav();
  const [supplier, setSupplier] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [dir, setDir] = useState<SortDir>("asc");
  const columns = useColumns();
  const source = useMemo<ListSource<DueRow>>(() => {
    const query = (page: DueQuery["page"]): DueQuery => ({
      supplier_id: supplier ? Number(supplier) : null,
      from: from || null,
      to: to || null,
      dir,
      page,
    });
    return {
      key: (page) => invoiceKeys.dues(query(page)),
      fetch: (page) => invoicesApi.dues(query(page)),
      pageSize: 50,
    };
  }, [supplier, from, to, dir]);
  const filtered = supplier !== null || !!from || !!to;
  return (
    <Card>
      <Group mb="md" gap="sm" justify="flex-end" data-testid="dues-filters">
        <SupplierPicker
          aria-label={t("invoicesUi.list.supplier")}
          value={supplier}
          onChange={setSupplier}
          currentLabel={null}
          w={260}
          data-testid="due-supplier-filter"
        />
        <DateRangeFilter from={from} to={to} onFrom={setFrom} onTo={setTo} w={140} />
      </Group>
      <ServerList
        testId="dues"
        rowTestId="due-row"
        label={t("invoicesUi.views.dues")}
        columns={columns}
        source={source}
        sort="due"
        dir={dir}
        onSort={(_, d) => setDir(d)}
        rowHeight={48}
        rowData={(r) => ({ "data-id": r.invoice_id, "data-number": r.number })}
        onOpen={(r) => go({ page: "invoice", id: r.invoice_id, tab: "details" })}
        empty={
          <ListEmpty
            icon={IconCalendarDue}
            title={filtered ? t("invoicesUi.dues.noMatch") : t("invoicesUi.dues.emptyTitle")}
            text={null}
          />
        }
      />
    </Card>
  );
}
