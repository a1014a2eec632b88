import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import type { AttentionItem } from "../../bindings/AttentionItem";
import { formatDate } from "../../i18n/format";
import "./i18n-attention";

// How a purchasing item on Home's attention list is worded and opened: a supplier's expiring
// file opens the supplier's files with that file in view.

type Reason = { kind: string; attachment_id?: number };

export function usePurchasingReason(): (item: AttentionItem) => string {
  const { t, i18n } = useTranslation();
  return (item) => {
    const r = item.reason as unknown as Reason;
    const date = item.due ? formatDate(item.due, i18n.language) : "";
    return t(`purchasingAttention.${r.kind}`, { date });
  };
}

export function PurchasingAction({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const r = item.reason as unknown as Reason;
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() =>
        item.entity === "requisitions"
          ? go({ page: "requisition", id: item.record_id })
          : go({
              page: "supplier",
              id: item.record_id,
              tab: "files",
              focus: r.attachment_id ? `file:${r.attachment_id}` : null,
            })
      }
      data-testid={
        item.entity === "requisitions" ? "attention-open-requisition" : "attention-open-supplier"
      }
    >
      {t("purchasingAttention.open")}
    </Button>
  );
}
