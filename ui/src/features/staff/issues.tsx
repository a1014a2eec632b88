import { Badge, Button } from "@mantine/core";
import {
  IconArrowRight,
  IconCertificate,
  IconFileDescription,
  IconPaperclip,
  IconPencil,
  IconRefresh,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type Route, useNav } from "../../app/nav";
import { useCan } from "../../app/session";
import type { Issue } from "../../bindings/Issue";
import type { IssueKind } from "../../bindings/IssueKind";
import type { Severity } from "../../bindings/Severity";
import { formatDate } from "../../i18n/format";
import { useCourses, useDocumentTypes, useNames } from "./catalog";
import { daysUntil } from "./format";
import "./i18n";

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: "red",
  high: "orange",
  medium: "yellow",
  low: "gray",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      variant={severity === "critical" ? "filled" : "light"}
      w={86}
      data-severity={severity}
    >
      {t(`staff.severity.${severity}`)}
    </Badge>
  );
}

/** The sentence for one completeness issue, in the interface language. */
export function useIssueText(): (issue: IssueKind) => string {
  const { t, i18n } = useTranslation();
  const docType = useNames(useDocumentTypes().data);
  const course = useNames(useCourses().data);
  const date = (d: string) => formatDate(d, i18n.language);
  return (i) => {
    switch (i.type) {
      case "missing_field":
        return t("staff.issue.missing_field", {
          field: t(`fields.employees.${i.field}`, { defaultValue: i.field }),
        });
      case "tax_code_mismatch":
        return t(`staff.issue.${i.code}`, { defaultValue: t("staff.issue.invalid_tax_code") });
      case "contract_past_end":
        return t("staff.issue.contract_past_end", { date: date(i.ended_on) });
      case "contract_ending":
        return t("staff.issue.contract_ending", {
          date: date(i.ends_on),
          count: daysUntil(i.ends_on),
        });
      case "missing_document":
        return t("staff.issue.missing_document", { type: docType(i.document_type_id) ?? "?" });
      case "expired_document":
        return t(
          i.required ? "staff.issue.expired_required_document" : "staff.issue.expired_document",
          { type: docType(i.document_type_id) ?? "?", date: date(i.expired_on) },
        );
      case "expiring_document":
        return t("staff.issue.expiring_document", {
          type: docType(i.document_type_id) ?? "?",
          date: date(i.expires_on),
          count: daysUntil(i.expires_on),
        });
      case "missing_course":
        return t("staff.issue.missing_course", { course: course(i.course_id) ?? "?" });
      case "expired_course":
        return t(
          i.required ? "staff.issue.expired_required_course" : "staff.issue.expired_course",
          {
            course: course(i.course_id) ?? "?",
            date: date(i.expired_on),
          },
        );
      case "expiring_course":
        return t("staff.issue.expiring_course", {
          course: course(i.course_id) ?? "?",
          date: date(i.expires_on),
          count: daysUntil(i.expires_on),
        });
      default:
        return t(`staff.issue.${i.type}`);
    }
  };
}

/** Where in the file an issue is fixed: the tab, and the input, document or dialog to open. */
export function fixRoute(employeeId: number, issue: Issue): Route {
  const i = issue.issue;
  const go = (tab: "details" | "documents" | "training", focus: string | null): Route => ({
    page: "employee",
    id: employeeId,
    tab,
    focus,
  });
  switch (i.type) {
    case "missing_document":
      return go("documents", `attach:${i.document_type_id}`);
    case "expired_document":
    case "expiring_document":
      return go("documents", `renew:${i.document_id}`);
    case "missing_course":
      return go("training", `course:${i.course_id}`);
    case "expired_course":
    case "expiring_course":
      return go("training", `course:${i.course_id}`);
    default:
      switch (issue.fix.tab) {
        case "documents":
          return go("documents", null);
        case "training":
          return go("training", null);
        default:
          return go("details", issue.fix.field);
      }
  }
}

/** The verb on the fix button: attach, renew, record a course, fill in, correct, review. */
function fixAction(kind: IssueKind["type"], tab: Issue["fix"]["tab"]): [string, typeof IconPencil] {
  switch (kind) {
    case "missing_document":
      return ["staff.fix.attach", IconPaperclip];
    case "expired_document":
    case "expiring_document":
      return ["staff.fix.renew", IconRefresh];
    case "missing_course":
    case "expired_course":
    case "expiring_course":
      return ["staff.fix.recordCourse", IconCertificate];
    case "missing_field":
      return ["staff.fix.edit", IconPencil];
    case "invalid_tax_code":
    case "invalid_iban":
    case "tax_code_mismatch":
      return ["staff.fix.correct", IconPencil];
    case "fixed_term_without_end":
    case "contract_past_end":
    case "contract_ending":
      return ["staff.fix.contract", IconFileDescription];
    default:
      return tab === "details" || tab === "contract"
        ? ["staff.fix.edit", IconPencil]
        : ["staff.fix.open", IconArrowRight];
  }
}

/** The button that takes the person to where an issue is fixed. */
export function FixButton({ employeeId, issue }: { employeeId: number; issue: Issue }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const kind = issue.issue.type;
  const canWrite = useCan("staff", "write");
  // Those who may only read are taken to the place, not promised a fix.
  const [label, Icon] = canWrite
    ? fixAction(kind, issue.fix.tab)
    : (["staff.fix.open", IconArrowRight] as const);
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<Icon size={14} />}
      style={{ flexShrink: 0 }}
      onClick={() => go(fixRoute(employeeId, issue))}
      data-testid="issue-fix"
      data-kind={kind}
    >
      {t(label)}
    </Button>
  );
}
