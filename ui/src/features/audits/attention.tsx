import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNav } from "../../app/nav";
import type { AttentionItem } from "../../bindings/AttentionItem";
import { formatDate } from "../../i18n/format";
import "./i18n-attention";

// How an audits item on Home's attention list is worded and opened: an action opens its
// finding, evidence the next audit's checklist, an audit its page.

type Reason = {
  kind: string;
  audit_id?: number;
  finding_id?: number;
  policy_id?: number;
  next_start?: string;
};

export function useAuditReason(): (item: AttentionItem) => string {
  const { t, i18n } = useTranslation();
  return (item) => {
    const r = item.reason as unknown as Reason;
    const date = item.due ? formatDate(item.due, i18n.language) : "";
    const next = r.next_start ? formatDate(r.next_start, i18n.language) : "";
    return t(`auditAttention.${r.kind}`, { date, next });
  };
}

export function AuditAction({ item }: { item: AttentionItem }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const r = item.reason as unknown as Reason;
  const open = () => {
    if (r.policy_id !== undefined) go({ page: "policy", id: r.policy_id, tab: "details" });
    else if (r.audit_id === undefined) go("audits");
    else if (r.finding_id !== undefined)
      go({ page: "audit", id: r.audit_id, tab: "findings", focus: `finding:${r.finding_id}` });
    else
      go({
        page: "audit",
        id: r.audit_id,
        tab: r.kind === "audit_overdue" ? "details" : "checklist",
      });
  };
  return (
    <Button size="xs" variant="light" onClick={open} data-testid="attention-open-audit">
      {t("auditAttention.open")}
    </Button>
  );
}
