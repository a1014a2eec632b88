import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { orderKeys } from "../../../api/orders";
import { receiptKeys, receiptsApi } from "../../../api/receipts";
import { useCan } from "../../../app/session";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import type { PurchaseReceipt } from "../../../bindings/PurchaseReceipt";
import { formatDate } from "../../../i18n/format";
import { ReasonModal } from "../../../kit/ReasonModal";
import { formatQuantity } from "../orders/parts";
import "../i18n-receiving";

function Receipt({
  r,
  mayReverse,
  onReverse,
}: {
  r: PurchaseReceipt;
  mayReverse: boolean;
  onReverse: () => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  const reversed = r.reversed_at !== null;
  const note = r.delivery_note
    ? r.delivery_note_date
      ? t("receiving.noteDated", { note: r.delivery_note, date: date(r.delivery_note_date) })
      : t("receiving.note", { note: r.delivery_note })
    : null;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="receipt"
      data-reversed={reversed}
      style={reversed ? { opacity: 0.75 } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="sm" td={reversed ? "line-through" : undefined}>
              {t("receiving.receiptBy", { date: date(r.received_on), name: r.received_by_name })}
            </Text>
            {note && (
              <Text size="sm" c="dimmed">
                {note}
              </Text>
            )}
            {reversed && (
              <Badge color="red" variant="light" data-testid="receipt-reversed">
                {t("receiving.reversed")}
              </Badge>
            )}
          </Group>
          {r.lines.map((l) => (
            <Text size="sm" key={l.id} data-testid="receipt-line">
              {l.position}. {l.description} — {formatQuantity(l.quantity, i18n.language)} {l.unit}
              {l.assets.length > 0 &&
                ` · ${t("receiving.assets", { tags: l.assets.map((a) => a.tag).join(", ") })}`}
            </Text>
          ))}
          {r.notes && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {r.notes}
            </Text>
          )}
          {reversed && r.reversed_at && (
            <Text size="sm" c="red" data-testid="receipt-reversal">
              {t("receiving.reversedBecause", {
                date: formatDate(r.reversed_at, i18n.language),
                name: r.reversed_by_name ?? "",
                reason: r.reversal_reason ?? "",
              })}
            </Text>
          )}
        </Stack>
        {mayReverse && !reversed && (
          <Button
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconArrowBackUp size={14} />}
            onClick={onReverse}
            data-testid="receipt-reverse"
          >
            {t("receiving.reverse")}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The order's receipts, newest first, each reversible (with a reason) while the order is open. */
export function OrderReceipts({ o }: { o: PurchaseOrder }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("purchasing", "write");
  const [reversing, setReversing] = useState<PurchaseReceipt | null>(null);
  const receipts = useQuery({
    queryKey: receiptKeys.ofOrder(o.id),
    queryFn: () => receiptsApi.ofOrder(o.id),
  });
  const open = !["closed", "cancelled"].includes(o.status);
  const list = receipts.data ?? [];
  return (
    <Card data-testid="order-receipts">
      <Text fw={600} mb="xs">
        {t("receiving.receipts")}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("receiving.noReceipts")}
        </Text>
      ) : (
        <Stack gap="xs">
          {list.map((r) => (
            <Receipt
              key={r.id}
              r={r}
              mayReverse={canWrite && open}
              onReverse={() => setReversing(r)}
            />
          ))}
        </Stack>
      )}
      <ReasonModal
        opened={reversing !== null}
        onClose={() => setReversing(null)}
        words={{
          title: t("receiving.reverseTitle"),
          text: t("receiving.reverseText"),
          label: t("receiving.reasonLabel"),
          confirm: t("receiving.reverseConfirm"),
        }}
        run={(reason) =>
          reversing
            ? receiptsApi.reverse(reversing.id, reversing.version, reason)
            : Promise.resolve()
        }
        onDone={() => {
          qc.invalidateQueries({ queryKey: orderKeys.all });
          notifications.show({ color: "green", message: t("receiving.reversedDone") });
        }}
        area="receiving"
        testId={{ reason: "receipt-reason", confirm: "receipt-reverse-confirm" }}
      />
    </Card>
  );
}
