import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys } from "../../../api/orders";
import { requisitionKeys, requisitionsApi } from "../../../api/requisitions";
import { useNav } from "../../../app/nav";
import { useCan } from "../../../app/session";
import type { OfferColumn } from "../../../bindings/OfferColumn";
import type { RequisitionView } from "../../../bindings/RequisitionView";
import { formatDate, formatMoney } from "../../../i18n/format";
import { useServerForm } from "../../../lib/useServerForm";
import { formatQuantity, formatUnitPrice } from "../orders/parts";
import { WORDING } from "./parts";

const CHEAP = { background: "var(--mantine-color-teal-0)", fontWeight: 600 };

function ChooseForm({
  v,
  col,
  onClose,
}: {
  v: RequisitionView;
  col: OfferColumn;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { go } = useNav();
  const rfq = v.rfqs.find((q) => q.id === col.rfq_id);
  const { form, showError } = useServerForm({ reason: "" }, { area: WORDING });
  const run = useMutation({
    mutationFn: (x: typeof form.values) =>
      requisitionsApi.choose(col.rfq_id, rfq?.version ?? 0, x.reason.trim() || null),
    onSuccess: (o) => {
      qc.invalidateQueries({ queryKey: requisitionKeys.all });
      qc.invalidateQueries({ queryKey: orderKeys.all });
      notifications.show({ color: "green", message: t("requisitionsUi.orderMade") });
      onClose();
      go({ page: "order", id: o.id, tab: "details" });
    },
    onError: showError,
  });
  return (
    <form onSubmit={form.onSubmit((x) => run.mutate(x))} noValidate data-testid="choose-form">
      <Stack>
        <Text size="sm">
          {t(
            col.cheapest
              ? "requisitionsUi.compare.chooseCheapest"
              : "requisitionsUi.compare.chooseDearer",
          )}
        </Text>
        <Textarea
          label={t("requisitionsUi.compare.chosenReason")}
          withAsterisk={!col.cheapest}
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps("reason")}
          data-testid="choose-reason"
        />
        <Button type="submit" loading={run.isPending} data-testid="choose-confirm">
          {t("requisitionsUi.compare.choose")}
        </Button>
      </Stack>
    </form>
  );
}

/** The offers side by side: suppliers as columns, the cheapest per line and in total marked. */
export function Comparison({ v }: { v: RequisitionView }) {
  const { t, i18n } = useTranslation();
  const canWrite = useCan("purchasing", "write");
  const [choosing, setChoosing] = useState<OfferColumn | null>(null);
  const c = v.comparison;
  const k = (x: string) => t(`requisitionsUi.compare.${x}`);
  const money = (cents: number) => formatMoney(cents, "EUR", i18n.language);
  const may = canWrite && v.requisition.status === "approved";
  return (
    <Card data-testid="comparison">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{k("title")}</Text>
        <Text size="sm" c="dimmed" data-testid="comparison-valid">
          {t("requisitionsUi.compare.validOffers", { count: c.valid_offers })}
        </Text>
      </Group>
      {c.columns.length === 0 ? (
        <Text size="sm" c="dimmed">
          {k("none")}
        </Text>
      ) : (
        <Table withColumnBorders verticalSpacing={6} data-testid="comparison-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{k("line")}</Table.Th>
              <Table.Th ta="right">{k("quantity")}</Table.Th>
              {c.columns.map((col) => (
                <Table.Th key={col.rfq_id} ta="right" data-testid="comparison-supplier">
                  {col.supplier_name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.lines.map((l) => (
              <Table.Tr key={l.requisition_line_id} data-testid="comparison-line">
                <Table.Td>{l.description}</Table.Td>
                <Table.Td ta="right">
                  {formatQuantity(l.quantity, i18n.language)} {l.unit}
                </Table.Td>
                {l.cells.map((cell, i) => (
                  <Table.Td
                    key={c.columns[i]?.rfq_id ?? i}
                    ta="right"
                    style={cell?.cheapest ? CHEAP : undefined}
                    data-cheapest={cell?.cheapest ? "true" : "false"}
                  >
                    {cell ? (
                      <Stack gap={0} align="flex-end">
                        <span>{money(cell.net_cents)}</span>
                        <Text size="xs" c="dimmed">
                          {formatUnitPrice(cell.unit_price, "EUR", i18n.language)}
                          {cell.discount_bp ? ` −${cell.discount_bp / 100} %` : ""}
                        </Text>
                      </Stack>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700} colSpan={2}>
                {k("total")}
              </Table.Td>
              {c.columns.map((col) => (
                <Table.Td
                  key={col.rfq_id}
                  ta="right"
                  style={col.cheapest ? CHEAP : { fontWeight: 600 }}
                  data-testid="comparison-total"
                  data-cheapest={col.cheapest ? "true" : "false"}
                >
                  {money(col.total_cents)}
                  {col.cheapest && (
                    <Badge ml={6} size="xs" color="teal">
                      {k("cheapest")}
                    </Badge>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td colSpan={2}>{k("delivery")}</Table.Td>
              {c.columns.map((col) => (
                <Table.Td key={col.rfq_id} ta="right">
                  {t("requisitionsUi.compare.days", { count: Number(col.delivery_days) })}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td colSpan={2}>{k("validity")}</Table.Td>
              {c.columns.map((col) => (
                <Table.Td key={col.rfq_id} ta="right">
                  {formatDate(col.valid_until, i18n.language)}
                  {col.expired && (
                    <Badge ml={6} size="xs" color="red">
                      {k("expired")}
                    </Badge>
                  )}
                  {col.supplier_blocked && (
                    <Badge ml={6} size="xs" color="red">
                      {k("blocked")}
                    </Badge>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            {may && (
              <Table.Tr>
                <Table.Td colSpan={2} />
                {c.columns.map((col) => (
                  <Table.Td key={col.rfq_id} ta="right">
                    {col.valid && col.status === "answered" && (
                      <Button
                        size="xs"
                        variant={col.cheapest ? "filled" : "default"}
                        onClick={() => setChoosing(col)}
                        data-testid="comparison-choose"
                        data-supplier={col.supplier_name}
                      >
                        {k("choose")}
                      </Button>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={choosing !== null}
        onClose={() => setChoosing(null)}
        title={
          choosing
            ? t("requisitionsUi.compare.chooseTitle", { supplier: choosing.supplier_name })
            : ""
        }
      >
        {choosing && <ChooseForm v={v} col={choosing} onClose={() => setChoosing(null)} />}
      </Modal>
    </Card>
  );
}
