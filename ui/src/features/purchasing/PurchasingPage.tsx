import { Button, Card, Group, SegmentedControl, Select } from "@mantine/core";
import { IconBuildingStore, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChosenInvoices, invoicesApi } from "../../api/invoices";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { useCan } from "../../app/session";
import type { SupplierQuery } from "../../bindings/SupplierQuery";
import type { SupplierRow } from "../../bindings/SupplierRow";
import type { SupplierSort } from "../../bindings/SupplierSort";
import type { SupplierStatus } from "../../bindings/SupplierStatus";
import { ListSearch } from "../../kit/ListSearch";
import { useListSearch, useListSort } from "../../kit/listFilters";
import { ListEmpty } from "../../kit/listParts";
import { ServerList } from "../../kit/ServerList";
import type { ListSource } from "../../kit/serverPages";
import { notifyError } from "../../lib/useServerForm";
import { CategoriesPanel } from "./CategoriesPanel";
import { DuePayments } from "./invoices/DuePayments";
import { InvoiceImportModal } from "./invoices/InvoiceImport";
import { InvoiceList } from "./invoices/InvoiceList";
import { ManualInvoiceModal } from "./invoices/ManualInvoiceForm";
import { ToInvoiceList } from "./match/ToInvoiceList";
import { TolerancesPanel } from "./match/TolerancesPanel";
import { OrderFormModal } from "./orders/OrderForm";
import { OrderList } from "./orders/OrderList";
import { categoryLabel } from "./parts";
import { ReceiptList } from "./receiving/ReceiptList";
import { ToReceiveList } from "./receiving/ToReceiveList";
import { QuotesRulePanel } from "./requisitions/QuotesRulePanel";
import { RequisitionFormModal } from "./requisitions/RequisitionForm";
import { RequisitionList } from "./requisitions/RequisitionList";
import { SupplierFormModal } from "./SupplierForm";
import { useSupplierColumns } from "./supplierColumns";
import { TiersPanel } from "./TiersPanel";
import "./i18n";
import "./i18n-receiving";
import "./i18n-requisitions";
import "./invoices/i18n";
import "./invoices/i18n-match";

const PAGE_SIZE = 50;
const ROW_HEIGHT = 48;
type View =
  | "requisitions"
  | "orders"
  | "to_receive"
  | "receipts"
  | "invoices"
  | "dues"
  | "to_invoice"
  | "suppliers"
  | "tiers";
const VIEWS: View[] = [
  "requisitions",
  "orders",
  "to_receive",
  "receipts",
  "invoices",
  "dues",
  "to_invoice",
  "suppliers",
  "tiers",
];
/** Receiving's and the invoices' views are worded in their own strings. */
const RECEIVING_VIEWS: View[] = ["receipts", "to_receive"];
const INVOICE_VIEWS: View[] = ["invoices", "dues"];

function viewLabel(v: View, t: TFunction): string {
  if (v === "requisitions") return t("requisitionsUi.view");
  if (RECEIVING_VIEWS.includes(v)) return t(`receiving.views.${v}`);
  if (INVOICE_VIEWS.includes(v)) return t(`invoicesUi.views.${v}`);
  if (v === "to_invoice") return t("invoiceMatch.toInvoice.view");
  return t(`purchasingUi.views.${v}`);
}
const VIEW_KEY = "purchasingUi.view";

function SupplierList() {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const { search, setSearch, debounced } = useListSearch();
  const [status, setStatus] = useState<SupplierStatus | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const sorting = useListSort<SupplierSort>("name", "asc");
  const { sort, dir } = sorting;
  const columns = useSupplierColumns();
  const categories = useQuery({
    queryKey: purchasingKeys.categories(false),
    queryFn: () => purchasingApi.categories(false),
  });
  const source = useMemo<ListSource<SupplierRow>>(() => {
    const query = (page: SupplierQuery["page"]): SupplierQuery => ({
      search: debounced || null,
      status,
      category_id: category ? Number(category) : null,
      sort,
      dir,
      page,
    });
    return {
      key: (page) => purchasingKeys.suppliers(query(page)),
      fetch: (page) => purchasingApi.suppliers(query(page)),
      pageSize: PAGE_SIZE,
    };
  }, [debounced, status, category, sort, dir]);
  const filtered = debounced !== "" || status !== null || category !== null;
  const canWrite = useCan("purchasing", "write");
  return (
    <Card>
      <Group mb="md" justify="space-between">
        <ListSearch
          value={search}
          onChange={setSearch}
          placeholder={t("purchasingUi.suppliers.searchPlaceholder")}
          width={380}
          testId="supplier-search"
        />
        <Group gap="sm">
          <Select
            aria-label={t("purchasingUi.fields.category_ids")}
            placeholder={t("purchasingUi.suppliers.anyCategory")}
            data={(categories.data ?? []).map((c) => ({
              value: String(c.id),
              label: categoryLabel(c, i18n.language),
            }))}
            value={category}
            onChange={setCategory}
            clearable
            w={220}
            data-testid="supplier-category-filter"
          />
          <Select
            aria-label={t("purchasingUi.fields.status")}
            placeholder={t("purchasingUi.suppliers.anyStatus")}
            data={(["active", "blocked"] as const).map((s) => ({
              value: s,
              label: t(`purchasingUi.suppliers.status.${s}`),
            }))}
            value={status}
            onChange={(v) => setStatus(v as SupplierStatus | null)}
            clearable
            w={170}
            data-testid="supplier-status-filter"
          />
        </Group>
      </Group>
      <ServerList
        testId="suppliers"
        rowTestId="supplier-row"
        label={t("purchasingUi.views.suppliers")}
        columns={columns}
        source={source}
        {...sorting}
        rowHeight={ROW_HEIGHT}
        rowData={(s) => ({ "data-id": s.id, "data-name": s.name })}
        onOpen={(s) => go({ page: "supplier", id: s.id, tab: "details" })}
        empty={
          <ListEmpty
            icon={IconBuildingStore}
            title={
              filtered
                ? t("purchasingUi.suppliers.noMatch")
                : t("purchasingUi.suppliers.emptyTitle")
            }
            text={filtered || !canWrite ? null : t("purchasingUi.suppliers.emptyText")}
          />
        }
      />
    </Card>
  );
}

/** Purchasing: orders, suppliers, the categories of what is bought and who approves. */
export function PurchasingPage() {
  const { t } = useTranslation();
  const { memory, go } = useNav();
  const [view, setViewState] = useState<View>(
    // A view remembered from an earlier version may be gone: the orders then.
    VIEWS.find((v) => v === memory.get(VIEW_KEY)) ?? "orders",
  );
  const setView = (v: View) => {
    memory.set(VIEW_KEY, v);
    setViewState(v);
  };
  const canWrite = useCan("purchasing", "write");
  type Adding = "order" | "supplier" | "requisition" | "invoice";
  const [adding, setAdding] = useState<Adding | null>(null);
  const adds: Partial<Record<View, { what: Adding; label: string }>> = {
    requisitions: { what: "requisition", label: t("requisitionsUi.new") },
    orders: { what: "order", label: t("purchasingUi.orders.new") },
    suppliers: { what: "supplier", label: t("purchasingUi.suppliers.new") },
  };
  const add = canWrite ? adds[view] : undefined;
  const [chosen, setChosen] = useState<ChosenInvoices | null>(null);
  const choose = useMutation({
    mutationFn: () => invoicesApi.choose(t("invoicesUi.dialogTitle")),
    onSuccess: setChosen,
    onError: (e) => notifyError(e, t, "fatturapa"),
  });
  return (
    <>
      <PageHeader
        title={t("purchasingUi.title")}
        subtitle={t("purchasingUi.subtitle")}
        actions={
          canWrite && (view === "invoices" || view === "dues") ? (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() => setAdding("invoice")}
                data-testid="invoice-new"
              >
                {t("invoicesUi.new")}
              </Button>
              <Button
                leftSection={<IconFileImport size={16} />}
                onClick={() => choose.mutate()}
                loading={choose.isPending}
                data-testid="invoice-import"
              >
                {t("invoicesUi.import")}
              </Button>
            </Group>
          ) : add ? (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(add.what)}
              data-testid={`${add.what}-new`}
            >
              {add.label}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as View)}
        data={VIEWS.map((v) => ({
          value: v,
          label: viewLabel(v, t),
        }))}
        data-testid="purchasing-view"
      />
      {view === "requisitions" && <RequisitionList />}
      {view === "orders" && <OrderList />}
      {view === "invoices" && <InvoiceList />}
      {view === "dues" && <DuePayments />}
      {view === "suppliers" && <SupplierList />}
      {view === "tiers" && (
        <>
          <TiersPanel />
          <QuotesRulePanel />
          <TolerancesPanel />
          <CategoriesPanel />
        </>
      )}
      {view === "receipts" && <ReceiptList />}
      {view === "to_receive" && <ToReceiveList />}
      {view === "to_invoice" && <ToInvoiceList />}
      <SupplierFormModal
        opened={adding === "supplier"}
        supplier={null}
        onClose={() => setAdding(null)}
        onSaved={(s) => go({ page: "supplier", id: s.id, tab: "details" })}
      />
      <OrderFormModal opened={adding === "order"} order={null} onClose={() => setAdding(null)} />
      <RequisitionFormModal
        opened={adding === "requisition"}
        requisition={null}
        onClose={() => setAdding(null)}
      />
      <ManualInvoiceModal opened={adding === "invoice"} onClose={() => setAdding(null)} />
      <InvoiceImportModal chosen={chosen} onClose={() => setChosen(null)} />
    </>
  );
}
