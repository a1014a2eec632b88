import { addTranslations, type Shape } from "../../i18n/strings";

// The few words Home needs for audits' items, apart from the audits screens' strings so Home
// does not load them.

const en = {
  auditAttention: {
    action_overdue: "Corrective action overdue since {{date}}",
    action_due: "Corrective action due by {{date}}",
    evidence_expires: "Evidence expires on {{date}}, before the next audit ({{next}})",
    audit_overdue: "Audit past its planned end ({{date}})",
    policy_review_due: "Policy review due on {{date}}",
    policy_review_overdue: "Policy review overdue since {{date}}",
    open: "Open",
  },
};

const it: Shape<typeof en> = {
  auditAttention: {
    action_overdue: "Azione correttiva scaduta dal {{date}}",
    action_due: "Azione correttiva da completare entro il {{date}}",
    evidence_expires: "L'evidenza scade il {{date}}, prima del prossimo audit ({{next}})",
    audit_overdue: "Audit oltre la fine prevista ({{date}})",
    policy_review_due: "Revisione della policy entro il {{date}}",
    policy_review_overdue: "Revisione della policy scaduta dal {{date}}",
    open: "Apri",
  },
};

export const strings = { en, it };
addTranslations(strings);
