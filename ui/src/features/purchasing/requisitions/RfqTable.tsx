import { Button, Card, Group, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileTypePdf } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useCan } from "../../../app/session";
import type { RequisitionView } from "../../../bindings/RequisitionView";
import type { Rfq } from "../../../bindings/Rfq";
import { formatDate, formatMoney } from "../../../i18n/format";
import { notifyError } from "../../../lib/useServerForm";
import { OfferFormModal } from "./OfferForm";
import { RfqStatusBadge, WORDING } from "./parts";

/** Each supplier asked: the request's state, when it went and the reply date; print, record. */
export function RfqTable({ v }: { v: RequisitionView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const [offering, setOffering] = useState<Rfq | null>(null);
  const open = v.requisition.status === "approved";
  const day = (d: string | null) => (d ? formatDate(d, i18n.language) : "—");
  const q = (k: string) => t(`requisitionsUi.quotes.${k}`);
  const refresh = () => qc.invalidateQueries({ queryKey: requisitionKeys.all });
  const pdf = useMutation({
    mutationFn: (rfq: Rfq) =>
      requisitionsApi.pdf(
        rfq.id,
        i18n.language,
        q("pdfTitle"),
        `${v.requisition.number} ${rfq.supplier_name}.pdf`,
      ),
    onSuccess: (r) => {
      refresh();
      notifications.show({
        color: "green",
        message: t("requisitionsUi.quotes.pdfSaved", { pages: r.pages }),
      });
    },
    onError: (e) => notifyError(e, t, WORDING),
  });
  const decline = useMutation({
    mutationFn: (rfq: Rfq) => requisitionsApi.decline(rfq.id, rfq.version),
    onSuccess: () => {
      refresh();
      notifications.show({ color: "green", message: q("declined") });
    },
    onError: (e) => notifyError(e, t, WORDING),
  });
  return (
    <Card data-testid="rfq-section">
      <Text fw={600} mb="xs">
        {q("title")}
      </Text>
      {v.rfqs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {q("none")}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="rfq-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{q("supplier")}</Table.Th>
              <Table.Th>{q("status")}</Table.Th>
              <Table.Th>{q("sentOn")}</Table.Th>
              <Table.Th>{q("replyBy")}</Table.Th>
              <Table.Th ta="right">{q("offer")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.rfqs.map((rfq) => (
              <Table.Tr key={rfq.id} data-testid="rfq-row" data-supplier={rfq.supplier_name}>
                <Table.Td>{rfq.supplier_name}</Table.Td>
                <Table.Td>
                  <RfqStatusBadge status={rfq.status} />
                </Table.Td>
                <Table.Td>{day(rfq.sent_on)}</Table.Td>
                <Table.Td>{day(rfq.reply_by)}</Table.Td>
                <Table.Td ta="right">
                  {rfq.offer ? formatMoney(rfq.offer.total_cents, "EUR", i18n.language) : "—"}
                </Table.Td>
                <Table.Td>
                  {canWrite && open && (
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {(rfq.status === "draft" || rfq.status === "sent") && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconFileTypePdf size={14} />}
                          loading={pdf.isPending && pdf.variables?.id === rfq.id}
                          onClick={() => pdf.mutate(rfq)}
                          data-testid="rfq-print"
                        >
                          {q("print")}
                        </Button>
                      )}
                      {rfq.status === "sent" && (
                        <>
                          <Button
                            size="xs"
                            onClick={() => setOffering(rfq)}
                            data-testid="rfq-record-offer"
                          >
                            {q("recordOffer")}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="orange"
                            onClick={() => decline.mutate(rfq)}
                            data-testid="rfq-decline"
                          >
                            {q("decline")}
                          </Button>
                        </>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <OfferFormModal
        rfq={offering}
        requisition={v.requisition}
        onClose={() => setOffering(null)}
      />
    </Card>
  );
}
