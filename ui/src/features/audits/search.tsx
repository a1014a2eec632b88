import { IconAlertTriangle, IconPaperclip, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { registerSearch } from "../../app/searchRegistry";
import { formatDate } from "../../i18n/format";

// The audits area's hits in the header's search; loads with the shell, so it stays small.

const more = { label: "search.moreAudits" };

registerSearch({
  kind: "audit",
  order: 40,
  icon: IconShieldCheck,
  label: "search.groups.audit",
  inactiveLabel: "search.inactiveDepartment",
  // The planned start, in the person's language.
  useSecondLine: () => {
    const { i18n } = useTranslation();
    return (hit) => (hit.detail ? formatDate(hit.detail, i18n.language) : null);
  },
  open: (hit, { go }) => go({ page: "audit", id: hit.id, tab: "details" }),
  more,
});

registerSearch({
  kind: "finding",
  order: 41,
  icon: IconAlertTriangle,
  label: "search.groups.finding",
  inactiveLabel: "search.inactiveDepartment",
  open: (hit, { go }) =>
    hit.audit_id !== null &&
    go({ page: "audit", id: hit.audit_id, tab: "findings", focus: `finding:${hit.id}` }),
  more,
});

registerSearch({
  kind: "evidence",
  order: 42,
  icon: IconPaperclip,
  label: "search.groups.evidence",
  inactiveLabel: "search.inactiveDepartment",
  // Evidence opens the latest audit it supports; evidence not linked yet opens the audits area.
  open: (hit, { go }) =>
    hit.audit_id !== null
      ? go({ page: "audit", id: hit.audit_id, tab: "checklist" })
      : go("audits"),
  more,
});
