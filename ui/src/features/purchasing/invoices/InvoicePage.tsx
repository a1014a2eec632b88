import { Alert, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowsJoin, IconFileInvoice, IconFiles } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { invoiceKeys, invoicesApi } from "../../../api/invoices";
import { type Route, useNav } from "../../../app/nav";
import { QueryState } from "../../../app/QueryState";
import type { SupplierInvoice } from "../../../bindings/SupplierInvoice";
import { formatDate, formatMoney } from "../../../i18n/format";
import { BackLink, RecordPage } from "../../../kit/RecordPage";
import { AttachmentsTab } from "../../attachments/AttachmentsTab";
import { Fact } from "../../audits/parts";
import { fatturapaProblem } from "../fatturapaProblem";
import { DuesAndOrders, Lines, Parties } from "./InvoiceBlocks";
import { MatchPanel } from "./MatchPanel";
import { documentTypeLabel, InvoiceStatusBadge } from "./parts";
import { SignatureLine } from "./SignatureLine";
import "./i18n";
import "./i18n-match";

const ENTITY = "supplier_invoices";

function Document({ inv }: { inv: SupplierInvoice }) {
  const { t, i18n } = useTranslation();
  const p = (k: string, o?: Record<string, unknown>) => t(`invoicesUi.page.${k}`, o);
  return (
    <Card>
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
        <Fact
          label={p("type")}
        >{`${documentTypeLabel(inv.document_type, t)} (${inv.document_type})`}</Fact>
        <Fact label={p("number")}>{inv.number}</Fact>
        <Fact label={p("date")}>{formatDate(inv.invoice_date, i18n.language)}</Fact>
        <Fact label={p("currency")}>{inv.currency}</Fact>
        <Fact label={p("source")}>
          {`${t(`invoicesUi.source.${inv.source}`)}${inv.format ? ` · ${inv.format}` : ""}`}
        </Fact>
        {inv.file_name && (
          <Fact label={p("file")}>
            {`${inv.file_name}${inv.body_index && inv.body_index > 1 ? ` · ${p("body", { n: inv.body_index })}` : ""}`}
          </Fact>
        )}
        {inv.file_sha256 && (
          <Fact label={p("sha256")}>
            <Text
              size="xs"
              ff="monospace"
              style={{ wordBreak: "break-all" }}
              data-testid="invoice-sha256"
            >
              {inv.file_sha256}
            </Text>
          </Fact>
        )}
      </SimpleGrid>
      {inv.reason && (
        <Text size="sm" mt="md">
          {p("reason")}: {inv.reason}
        </Text>
      )}
      {inv.source === "fatturapa" && (
        <Stack mt="md" gap={4}>
          <Text size="xs" c="dimmed">
            {p("signature")}
          </Text>
          <SignatureLine state={inv.signature} signer={inv.signer} />
        </Stack>
      )}
      {inv.notes && (
        <Text mt="md" style={{ whiteSpace: "pre-wrap" }}>
          {inv.notes}
        </Text>
      )}
    </Card>
  );
}

function Details({ inv }: { inv: SupplierInvoice }) {
  return (
    <Stack>
      <Parties inv={inv} />
      <Document inv={inv} />
      <Lines inv={inv} />
      <DuesAndOrders inv={inv} />
    </Stack>
  );
}

function InvoiceView({ inv, focus }: { inv: SupplierInvoice; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const title = `${documentTypeLabel(inv.document_type, t)} ${inv.number}`;
  const facts = [
    inv.supplier_name,
    formatDate(inv.invoice_date, i18n.language),
    formatMoney(inv.total_cents, inv.currency, i18n.language),
  ];
  const notice =
    inv.warnings.length > 0 ? (
      <Alert
        color="orange"
        icon={<IconAlertTriangle size={18} />}
        title={t("invoicesUi.page.warnings")}
        data-testid="invoice-warnings"
      >
        <Text size="sm" mb={4}>
          {t("invoicesUi.page.warningsText")}
        </Text>
        {inv.warnings.map((w) => (
          <Text size="sm" key={`${w.code}-${w.path}`}>
            • {fatturapaProblem(w, t, i18n.language, inv.currency)}
          </Text>
        ))}
      </Alert>
    ) : null;
  return (
    <RecordPage
      title={title}
      status={<InvoiceStatusBadge status={inv.status} />}
      facts={facts}
      notice={notice}
      details={{
        key: "details",
        // The document's own kind: a credit note's data are not an invoice's.
        label: documentTypeLabel(inv.document_type, t),
        icon: IconFileInvoice,
        render: () => <Details inv={inv} />,
      }}
      tabs={[
        {
          key: "match",
          label: t("invoiceMatch.tab"),
          icon: IconArrowsJoin,
          render: () => <MatchPanel inv={inv} />,
        },
      ]}
      attachments={{
        key: "files",
        label: t("invoicesUi.page.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab entity={ENTITY} recordId={inv.id} options={{ name: title, focus }} />
        ),
      }}
    />
  );
}

/** One supplier invoice in a readable layout, with its original file among its files. */
export function InvoicePage({ route }: { route: Extract<Route, { page: "invoice" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const invoice = useQuery({
    queryKey: invoiceKeys.detail(route.id),
    queryFn: () => invoicesApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("invoicesUi.views.invoices")}
        onClick={() => go("purchasing")}
        testId="back-to-invoices"
      />
      <QueryState query={invoice}>
        {(inv) => <InvoiceView inv={inv} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
