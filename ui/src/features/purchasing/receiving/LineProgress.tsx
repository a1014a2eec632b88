import { Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrderLine } from "../../../bindings/OrderLine";
import { formatQuantity } from "../orders/parts";
import { backOrder } from "./receiveForm";
import "../i18n-receiving";

/** A line's receiving: received / ordered, a bar, and the back order still to come. */
export function LineProgress({ l }: { l: OrderLine }) {
  const { t, i18n } = useTranslation();
  const q = (milli: number) => formatQuantity(milli, i18n.language);
  const left = backOrder(l);
  const share = l.quantity > 0 ? Math.min(100, (l.received / l.quantity) * 100) : 0;
  return (
    <Stack gap={2} align="flex-end" data-testid="order-line-progress" data-received={l.received}>
      <Text size="sm">
        {q(l.received)} / {q(l.quantity)} {l.unit}
      </Text>
      <Progress value={share} color={left === 0 ? "green" : "indigo"} size="xs" w={90} />
      <Group gap={4}>
        <Text size="xs" c={left === 0 ? "green" : "dimmed"} data-testid="order-line-back-order">
          {left === 0 ? t("receiving.complete") : t("receiving.backOrder", { qty: q(left) })}
        </Text>
      </Group>
    </Stack>
  );
}
