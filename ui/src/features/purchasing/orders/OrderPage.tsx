import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconFileInvoice, IconFiles, IconPencil } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys, ordersApi } from "../../../api/orders";
import { type Route, useNav } from "../../../app/nav";
import { QueryState } from "../../../app/QueryState";
import { useCan } from "../../../app/session";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { formatDate, formatDateTime, formatMoney } from "../../../i18n/format";
import { BackLink, RecordPage } from "../../../kit/RecordPage";
import { AttachmentsTab } from "../../attachments/AttachmentsTab";
import { Fact } from "../../audits/parts";
import { LineProgress } from "../receiving/LineProgress";
import { OrderReceipts } from "../receiving/OrderReceipts";
import { ReceivingActions } from "../receiving/ReceivingActions";
import { OrderFormModal } from "./OrderForm";
import { OrderSource } from "./OrderSource";
import { OrderSteps } from "./OrderSteps";
import { formatQuantity, formatUnitPrice, OrderStatusBadge, vatLabel } from "./parts";
import "../i18n";

const ENTITY = "purchase_orders";
const EDITABLE = ["draft", "pending_approval", "approved", "sent"];
/** Goods may have arrived: the lines show what has and what is still to come. */
const RECEIVING = ["approved", "sent", "partly_received", "received", "closed"];

function Lines({ o }: { o: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const ll = (k: string) => t(`purchasingUi.orders.line.${k}`);
  const money = (c: number) => formatMoney(c, o.currency, i18n.language);
  const receiving = RECEIVING.includes(o.status);
  return (
    <Card>
      <Table verticalSpacing={6} data-testid="order-line-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th w={100}>{ll("item_code")}</Table.Th>
            <Table.Th>{ll("description")}</Table.Th>
            <Table.Th ta="right">{ll("quantity")}</Table.Th>
            <Table.Th ta="right">{ll("unit_price")}</Table.Th>
            <Table.Th ta="right">{ll("discount")}</Table.Th>
            <Table.Th ta="right">{ll("vat")}</Table.Th>
            <Table.Th ta="right">{ll("net")}</Table.Th>
            {receiving && <Table.Th ta="right">{t("receiving.progress")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.lines.map((l) => (
            <Table.Tr key={l.id} data-testid="order-line-row">
              <Table.Td>{l.position}</Table.Td>
              <Table.Td ff="monospace">{l.item_code ?? ""}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td ta="right">
                {formatQuantity(l.quantity, i18n.language)} {l.unit}
              </Table.Td>
              <Table.Td ta="right">
                {formatUnitPrice(l.unit_price, o.currency, i18n.language)}
              </Table.Td>
              <Table.Td ta="right">{l.discount_bp ? `${l.discount_bp / 100} %` : ""}</Table.Td>
              <Table.Td ta="right">{vatLabel(l.vat_rate_bp, l.nature)}</Table.Td>
              <Table.Td ta="right">{money(l.net_cents)}</Table.Td>
              {receiving && (
                <Table.Td>
                  <LineProgress l={l} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={2} mt="md" spacing="xl">
        <Table verticalSpacing={4} data-testid="order-vat-summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("purchasingUi.orders.rate")}</Table.Th>
              <Table.Th ta="right">{t("purchasingUi.orders.taxable")}</Table.Th>
              <Table.Th ta="right">{t("purchasingUi.orders.tax")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.summary.map((r) => (
              <Table.Tr key={`${r.rate_bp}-${r.nature ?? ""}`}>
                <Table.Td>{vatLabel(r.rate_bp, r.nature)}</Table.Td>
                <Table.Td ta="right">{money(r.taxable)}</Table.Td>
                <Table.Td ta="right">{money(r.tax)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={4} align="flex-end" data-testid="order-totals">
          <Text size="sm">
            {t("purchasingUi.orders.totals.taxable")}: {money(o.taxable_cents)}
          </Text>
          <Text size="sm">
            {t("purchasingUi.orders.totals.tax")}: {money(o.tax_cents)}
          </Text>
          <Title order={4} data-testid="order-total">
            {t("purchasingUi.orders.totals.total")}: {money(o.total_cents)}
          </Title>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

function Approvals({ o }: { o: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const need = o.approval;
  return (
    <Card data-testid="order-approvals">
      <Text fw={600} mb="xs">
        {t("purchasingUi.orders.approvals")}
      </Text>
      {need && (
        <Text size="sm" mb="xs" data-testid="order-approval-need">
          {t("purchasingUi.orders.needs", {
            count: need.needed,
            role: t(`purchasing.approver.${need.required_role}`),
          })}{" "}
          · {t("purchasingUi.orders.have", { have: need.have, needed: need.needed })}
        </Text>
      )}
      {o.approvals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("purchasingUi.orders.noApprovals")}
        </Text>
      ) : (
        o.approvals.map((a) => (
          <Text size="sm" key={a.user_id}>
            {t("purchasingUi.orders.approvedBy", {
              name: a.user_name,
              role: t(`purchasing.approver.${a.role}`),
              date: formatDateTime(a.approved_at, i18n.language),
            })}
          </Text>
        ))
      )}
    </Card>
  );
}

function Details({ o }: { o: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const l = (k: string) => t(`purchasingUi.orders.${k}`);
  const none = t("common.none");
  return (
    <Stack>
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Fact label={l("supplier")}>
            <Anchor
              component="button"
              type="button"
              onClick={() => go({ page: "supplier", id: o.supplier_id, tab: "details" })}
            >
              {o.supplier_name}
            </Anchor>
          </Fact>
          <Fact label={l("department")}>{o.department_name ?? none}</Fact>
          <Fact label={l("date")}>{formatDate(o.order_date, i18n.language)}</Fact>
          <Fact label={l("delivery_date")}>
            {o.delivery_date ? formatDate(o.delivery_date, i18n.language) : none}
          </Fact>
          <Fact label={l("delivery_address")}>{o.delivery_address ?? none}</Fact>
          <Fact label={l("payment_terms")}>{o.payment_terms ?? none}</Fact>
        </SimpleGrid>
        {o.notes && (
          <Text mt="md" style={{ whiteSpace: "pre-wrap" }}>
            {o.notes}
          </Text>
        )}
      </Card>
      <Lines o={o} />
      {RECEIVING.includes(o.status) && <OrderReceipts o={o} />}
      <OrderSource o={o} />
      <Approvals o={o} />
    </Stack>
  );
}

function OrderView({ o, focus }: { o: PurchaseOrder; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("purchasing", "write");
  const [editing, setEditing] = useState(false);
  const title = o.number ?? t("purchasingUi.orders.draftTitle");
  const facts = [
    o.supplier_name,
    formatMoney(o.total_cents, o.currency, i18n.language),
    t("purchasingUi.orders.requestedBy", { name: o.requested_by_name }),
    o.approved_on
      ? t("purchasingUi.orders.approvedOn", { date: formatDate(o.approved_on, i18n.language) })
      : null,
    o.sent_on
      ? t("purchasingUi.orders.sentOn", { date: formatDate(o.sent_on, i18n.language) })
      : null,
  ];
  const notice =
    o.supplier_blocked && EDITABLE.includes(o.status) ? (
      <Alert color="red" icon={<IconAlertTriangle size={18} />}>
        {t("purchasingUi.orders.supplierBlocked")}
      </Alert>
    ) : o.status_reason && o.status === "closed" ? (
      <Alert color="gray" data-testid="order-status-reason">
        {t("receiving.closedBecause", { reason: o.status_reason })}
      </Alert>
    ) : o.status_reason && (o.status === "draft" || o.status === "cancelled") ? (
      <Alert color={o.status === "cancelled" ? "red" : "yellow"} data-testid="order-status-reason">
        {t(
          o.status === "cancelled"
            ? "purchasingUi.orders.cancelledBecause"
            : "purchasingUi.orders.sentBackBecause",
          {
            reason: o.status_reason,
          },
        )}
      </Alert>
    ) : null;
  return (
    <RecordPage
      title={title}
      status={<OrderStatusBadge status={o.status} />}
      facts={facts}
      notice={notice}
      actions={
        <Group gap="xs">
          <ReceivingActions o={o} />
          <OrderSteps o={o} />
          {canWrite && EDITABLE.includes(o.status) && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setEditing(true)}
              data-testid="order-edit"
            >
              {t("common.edit")}
            </Button>
          )}
        </Group>
      }
      details={{
        key: "details",
        label: t("purchasingUi.orders.tabs.details"),
        icon: IconFileInvoice,
        render: () => <Details o={o} />,
      }}
      attachments={{
        key: "files",
        label: t("purchasingUi.orders.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab entity={ENTITY} recordId={o.id} options={{ name: title, focus }} />
        ),
      }}
    >
      <OrderFormModal opened={editing} order={o} onClose={() => setEditing(false)} />
    </RecordPage>
  );
}

/** One purchase order's page. */
export function OrderPage({ route }: { route: Extract<Route, { page: "order" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const order = useQuery({
    queryKey: orderKeys.detail(route.id),
    queryFn: () => ordersApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("purchasingUi.orders.backToList")}
        onClick={() => go("purchasing")}
        testId="back-to-orders"
      />
      <QueryState query={order}>
        {(o) => <OrderView o={o} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
