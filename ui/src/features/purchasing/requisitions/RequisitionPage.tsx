import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconClipboardList, IconFiles, IconScale } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { type Route, useNav } from "../../../app/nav";
import { QueryState } from "../../../app/QueryState";
import type { RequisitionView } from "../../../bindings/RequisitionView";
import { formatDate, formatMoney } from "../../../i18n/format";
import { BackLink, RecordPage } from "../../../kit/RecordPage";
import { AttachmentsTab } from "../../attachments/AttachmentsTab";
import { Fact } from "../../audits/parts";
import { formatQuantity, formatUnitPrice } from "../orders/parts";
import { Comparison } from "./Comparison";
import { RequisitionStatusBadge } from "./parts";
import { RequisitionFormModal } from "./RequisitionForm";
import { RequisitionSteps } from "./RequisitionSteps";
import { RfqTable } from "./RfqTable";
import "../i18n";

function Details({ v }: { v: RequisitionView }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const r = v.requisition;
  const l = (k: string) => t(`requisitionsUi.${k}`);
  const ll = (k: string) => t(`requisitionsUi.line.${k}`);
  const none = t("common.none");
  return (
    <Stack>
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Fact label={l("requester")}>{r.requested_by_name}</Fact>
          <Fact label={l("department")}>{r.department_name ?? none}</Fact>
          <Fact label={l("neededBy")}>
            {r.needed_by ? formatDate(r.needed_by, i18n.language) : none}
          </Fact>
          <Fact label={l("estimate")}>{formatMoney(r.estimate_cents, "EUR", i18n.language)}</Fact>
          {r.order_id !== null && (
            <Fact label={l("orderLink")}>
              <Anchor
                component="button"
                type="button"
                onClick={() => go({ page: "order", id: r.order_id ?? 0, tab: "details" })}
                data-testid="requisition-order-link"
              >
                {r.order_number ?? l("draftOrder")}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
        <Text mt="md" style={{ whiteSpace: "pre-wrap" }} data-testid="requisition-reason-text">
          {r.reason}
        </Text>
      </Card>
      <Card>
        <Table verticalSpacing={6} data-testid="requisition-line-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th w={110}>{ll("item_code")}</Table.Th>
              <Table.Th>{ll("description")}</Table.Th>
              <Table.Th ta="right">{ll("quantity")}</Table.Th>
              <Table.Th ta="right">{ll("estimated_price")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.lines.map((x) => (
              <Table.Tr key={x.id} data-testid="requisition-line-row">
                <Table.Td>{x.position}</Table.Td>
                <Table.Td ff="monospace">{x.item_code ?? ""}</Table.Td>
                <Table.Td>{x.description}</Table.Td>
                <Table.Td ta="right">
                  {formatQuantity(x.quantity, i18n.language)} {x.unit}
                </Table.Td>
                <Table.Td ta="right">
                  {x.estimated_price === null
                    ? "—"
                    : formatUnitPrice(x.estimated_price, "EUR", i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function Quotes({ v }: { v: RequisitionView }) {
  return (
    <Stack>
      <RfqTable v={v} />
      <Comparison v={v} />
    </Stack>
  );
}

function RequisitionBody({ v, focus }: { v: RequisitionView; focus: string | null }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const r = v.requisition;
  const facts = [
    `${t("requisitionsUi.requester")}: ${r.requested_by_name}`,
    formatDate(r.created_at.slice(0, 10), i18n.language),
    r.approved_by_name && r.approved_on
      ? t("requisitionsUi.approvedBy", {
          name: r.approved_by_name,
          date: formatDate(r.approved_on, i18n.language),
        })
      : null,
  ];
  const notice =
    r.status === "rejected" && r.status_reason ? (
      <Alert color="red" mb="sm" data-testid="requisition-rejected">
        {t("requisitionsUi.rejectedBecause", { reason: r.status_reason })}
      </Alert>
    ) : null;
  return (
    <RecordPage
      title={r.number}
      status={<RequisitionStatusBadge status={r.status} />}
      facts={facts}
      notice={notice}
      actions={
        <Group gap="xs">
          <RequisitionSteps v={v} onEdit={() => setEditing(true)} />
        </Group>
      }
      details={{
        key: "details",
        label: t("requisitionsUi.lines"),
        icon: IconClipboardList,
        render: () => <Details v={v} />,
      }}
      attachments={{
        key: "files",
        label: t("purchasingUi.orders.tabs.files"),
        icon: IconFiles,
        render: () => (
          <AttachmentsTab
            entity="requisitions"
            recordId={r.id}
            options={{ name: r.number, focus }}
          />
        ),
      }}
      tabs={[
        {
          key: "quotes",
          label: t("requisitionsUi.quotes.title"),
          icon: IconScale,
          badge: v.rfqs.length > 0 ? <Text size="xs">{v.rfqs.length}</Text> : undefined,
          render: () => <Quotes v={v} />,
        },
      ]}
    >
      <RequisitionFormModal opened={editing} requisition={r} onClose={() => setEditing(false)} />
    </RecordPage>
  );
}

/** One requisition's page: its lines, its way to approval, its quotes and their comparison. */
export function RequisitionPage({ route }: { route: Extract<Route, { page: "requisition" }> }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const view = useQuery({
    queryKey: requisitionKeys.detail(route.id),
    queryFn: () => requisitionsApi.get(route.id),
  });
  return (
    <>
      <BackLink
        label={t("requisitionsUi.backToList")}
        onClick={() => go("purchasing")}
        testId="back-to-requisitions"
      />
      <QueryState query={view}>
        {(v) => <RequisitionBody v={v} focus={route.focus ?? null} />}
      </QueryState>
    </>
  );
}
