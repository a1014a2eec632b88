import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNav } from "../../../app/nav";
import type { FatturaPaParty } from "../../../bindings/FatturaPaParty";
import type { SupplierInvoice } from "../../../bindings/SupplierInvoice";
import { formatDate, formatMoney } from "../../../i18n/format";
import { formatUnitPrice, vatLabel } from "../orders/parts";
import { methodLabel } from "./parts";
import "./i18n";

/** A party as FatturaPA writes it: name, VAT number, tax code, address, e-mail. */
function PartyBlock({
  title,
  p,
  testId,
  footer,
}: {
  title: string;
  p: FatturaPaParty;
  testId: string;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const a = p.address;
  return (
    <Card withBorder data-testid={testId}>
      <Text size="xs" c="dimmed" mb={4}>
        {title}
      </Text>
      <Text fw={600}>{p.name}</Text>
      {p.vat_code && (
        <Text size="sm">
          {t("invoicesUi.page.vat")}: {p.vat_country ?? ""}
          {p.vat_code}
        </Text>
      )}
      {p.codice_fiscale && (
        <Text size="sm">
          {t("invoicesUi.page.fiscalCode")}: {p.codice_fiscale}
        </Text>
      )}
      {a && (
        <Text size="sm">
          {a.street}, {a.postcode} {a.city}
          {a.province ? ` (${a.province})` : ""} {a.country}
        </Text>
      )}
      {p.email && <Text size="sm">{p.email}</Text>}
      {footer}
    </Card>
  );
}

/** The supplier and customer blocks: as the file wrote them, or our supplier's card. */
export function Parties({ inv }: { inv: SupplierInvoice }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const open = (
    <Group mt={6}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => go({ page: "supplier", id: inv.supplier_id, tab: "details" })}
      >
        {t("invoicesUi.page.openSupplier")}
      </Anchor>
    </Group>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {inv.parties ? (
        <PartyBlock
          title={t("invoicesUi.page.supplierBlock")}
          p={inv.parties.supplier}
          testId="invoice-supplier-block"
          footer={open}
        />
      ) : (
        <Card withBorder data-testid="invoice-supplier-block">
          <Text size="xs" c="dimmed" mb={4}>
            {t("invoicesUi.page.supplierBlock")}
          </Text>
          <Text fw={600}>{inv.supplier_name}</Text>
          {inv.supplier_vat && (
            <Text size="sm">
              {t("invoicesUi.page.vat")}: {inv.supplier_vat}
            </Text>
          )}
          {open}
        </Card>
      )}
      {inv.parties && (
        <PartyBlock
          title={t("invoicesUi.page.buyerBlock")}
          p={inv.parties.buyer}
          testId="invoice-buyer-block"
        />
      )}
    </SimpleGrid>
  );
}

/** The lines as written, the VAT summary and the totals. */
export function Lines({ inv }: { inv: SupplierInvoice }) {
  const { t, i18n } = useTranslation();
  const l = (k: string) => t(`invoicesUi.page.line.${k}`);
  const money = (c: number) => formatMoney(c, inv.currency, i18n.language);
  // As written in the file (up to eight decimals), with the language's decimal comma.
  const qty = (q: string | null, milli: number | null) =>
    q !== null
      ? i18n.language === "it"
        ? q.replace(".", ",")
        : q
      : milli === null
        ? ""
        : (milli / 1000).toLocaleString(i18n.language);
  return (
    <Card>
      <Text fw={600} mb="xs">
        {t("invoicesUi.page.lines")}
      </Text>
      <Table verticalSpacing={6} data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{l("number")}</Table.Th>
            <Table.Th w={140}>{l("code")}</Table.Th>
            <Table.Th>{l("description")}</Table.Th>
            <Table.Th ta="right">{l("quantity")}</Table.Th>
            <Table.Th ta="right">{l("unit_price")}</Table.Th>
            <Table.Th ta="right">{l("vat")}</Table.Th>
            <Table.Th ta="right">{l("total")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inv.lines.map((x) => (
            <Table.Tr key={x.position} data-testid="invoice-line">
              <Table.Td>{x.line_number}</Table.Td>
              <Table.Td ff="monospace">{x.item_code ?? ""}</Table.Td>
              <Table.Td>{x.description}</Table.Td>
              <Table.Td ta="right">
                {qty(x.quantity_text, x.quantity)} {x.unit ?? ""}
              </Table.Td>
              <Table.Td ta="right">
                {formatUnitPrice(x.unit_price, inv.currency, i18n.language)}
              </Table.Td>
              <Table.Td ta="right">{vatLabel(x.vat_rate_bp, x.nature)}</Table.Td>
              <Table.Td ta="right">{money(x.total_cents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={2} mt="md" spacing="xl">
        <Table verticalSpacing={4} data-testid="invoice-vat-summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("invoicesUi.page.rate")}</Table.Th>
              <Table.Th ta="right">{t("invoicesUi.page.taxable")}</Table.Th>
              <Table.Th ta="right">{t("invoicesUi.page.tax")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {inv.vat.map((r) => (
              <Table.Tr key={`${r.vat_rate_bp}-${r.nature ?? ""}`}>
                <Table.Td>{vatLabel(r.vat_rate_bp, r.nature)}</Table.Td>
                <Table.Td ta="right">{money(r.taxable_cents)}</Table.Td>
                <Table.Td ta="right">{money(r.tax_cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={4} align="flex-end" data-testid="invoice-totals">
          <Text size="sm">
            {t("invoicesUi.page.totals.taxable")}: {money(inv.taxable_cents)}
          </Text>
          <Text size="sm">
            {t("invoicesUi.page.totals.tax")}: {money(inv.tax_cents)}
          </Text>
          {inv.stamp_duty_cents !== null && (
            <Text size="sm">
              {t("invoicesUi.page.totals.stamp")}: {money(inv.stamp_duty_cents)}
            </Text>
          )}
          <Title order={4} data-testid="invoice-total">
            {t("invoicesUi.page.totals.total")}: {money(inv.total_cents)}
          </Title>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

/** Due dates and the order references, linked to our orders. */
export function DuesAndOrders({ inv }: { inv: SupplierInvoice }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card data-testid="invoice-dues">
        <Text fw={600} mb="xs">
          {t("invoicesUi.page.dues")}
        </Text>
        {inv.dues.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("invoicesUi.page.noDues")}
          </Text>
        ) : (
          inv.dues.map((d) => (
            <Text size="sm" key={`${d.due_date}-${d.amount_cents}-${d.method}-${d.iban}`}>
              <b>{d.due_date ? formatDate(d.due_date, i18n.language) : "—"}</b> ·{" "}
              {formatMoney(d.amount_cents, inv.currency, i18n.language)} ·{" "}
              {methodLabel(d.method, t)}
              {d.iban ? ` · ${d.iban}` : ""}
            </Text>
          ))
        )}
      </Card>
      {inv.order_refs.length > 0 && (
        <Card data-testid="invoice-order-refs">
          <Text fw={600} mb="xs">
            {t("invoicesUi.page.orderRefs")}
          </Text>
          {inv.order_refs.map((r) => (
            <Text size="sm" key={`${r.document_id}-${r.date}-${r.line_numbers.join()}`}>
              {r.order_id ? (
                <Anchor
                  component="button"
                  type="button"
                  onClick={() =>
                    r.order_id && go({ page: "order", id: r.order_id, tab: "details" })
                  }
                  data-testid="invoice-order-link"
                >
                  {t("invoicesUi.page.ourOrder", { number: r.order_number })}
                </Anchor>
              ) : (
                <>
                  {r.document_id}{" "}
                  <Text span c="dimmed" size="sm">
                    ({t("invoicesUi.page.notOurs")})
                  </Text>
                </>
              )}
              {r.date ? ` · ${formatDate(r.date, i18n.language)}` : ""}
              {r.line_numbers.length > 0
                ? ` · ${t("invoicesUi.page.refLines", { lines: r.line_numbers.join(", ") })}`
                : ""}
            </Text>
          ))}
        </Card>
      )}
    </SimpleGrid>
  );
}
