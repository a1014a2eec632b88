import { Alert, Anchor, Card, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNav } from "../../../app/nav";
import type { PurchaseOrder } from "../../../bindings/PurchaseOrder";
import { formatMoney } from "../../../i18n/format";
import { Fact } from "../../audits/parts";
import "../i18n-requisitions";

/** The purchasing rule on quotes as it applies to the order, in one sentence. */
export function QuotesRuleLine({ o }: { o: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const rule = o.quotes_rule;
  if (!rule) return null;
  const amount = formatMoney(rule.above_cents, "EUR", i18n.language);
  if (!rule.applies) {
    return (
      <Text size="sm" c="dimmed" data-testid="order-quotes-rule" data-met="true">
        {t("requisitionsUi.rule.notApplies", { amount })}
      </Text>
    );
  }
  return (
    <Alert
      color={rule.met ? "teal" : "orange"}
      title={t("requisitionsUi.rule.title")}
      data-testid="order-quotes-rule"
      data-met={rule.met ? "true" : "false"}
    >
      {t("requisitionsUi.rule.line", {
        required: rule.required,
        amount,
        received: rule.received,
        result: t(rule.met ? "requisitionsUi.rule.met" : "requisitionsUi.rule.notMet"),
      })}
    </Alert>
  );
}

/** Where the order came from: the requisition, the chosen offer's reason, the offers compared. */
export function OrderSource({ o }: { o: PurchaseOrder }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const l = (k: string) => t(`requisitionsUi.order.${k}`);
  return (
    <Card data-testid="order-source">
      {o.requisition_id !== null && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="sm">
          <Fact label={l("fromRequisition")}>
            <Anchor
              component="button"
              type="button"
              onClick={() => go({ page: "requisition", id: o.requisition_id ?? 0, tab: "quotes" })}
              data-testid="order-requisition-link"
            >
              {o.requisition_number}
            </Anchor>
          </Fact>
          {o.quotes_compared !== null && (
            <Fact label={l("quotesCompared")}>{String(o.quotes_compared)}</Fact>
          )}
          {o.choice_reason && <Fact label={l("choiceReason")}>{o.choice_reason}</Fact>}
        </SimpleGrid>
      )}
      <QuotesRuleLine o={o} />
    </Card>
  );
}
