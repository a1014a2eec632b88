import type { AckInput } from "../bindings/AckInput";
import type { AckQuery } from "../bindings/AckQuery";
import type { AckRow } from "../bindings/AckRow";
import type { ActionDoneInput } from "../bindings/ActionDoneInput";
import type { ActionInput } from "../bindings/ActionInput";
import type { ActionQuery } from "../bindings/ActionQuery";
import type { ActionRow } from "../bindings/ActionRow";
import type { ActionVerifyInput } from "../bindings/ActionVerifyInput";
import type { Audit } from "../bindings/Audit";
import type { AuditDetail } from "../bindings/AuditDetail";
import type { AuditInput } from "../bindings/AuditInput";
import type { AuditPackCheck } from "../bindings/AuditPackCheck";
import type { AuditPackSummary } from "../bindings/AuditPackSummary";
import type { AuditQuery } from "../bindings/AuditQuery";
import type { AuditRow } from "../bindings/AuditRow";
import type { ChecklistItemInput } from "../bindings/ChecklistItemInput";
import type { Evidence } from "../bindings/Evidence";
import type { EvidenceInput } from "../bindings/EvidenceInput";
import type { EvidenceQuery } from "../bindings/EvidenceQuery";
import type { Finding } from "../bindings/Finding";
import type { FindingInput } from "../bindings/FindingInput";
import type { FindingQuery } from "../bindings/FindingQuery";
import type { FindingRow } from "../bindings/FindingRow";
import type { ItemResult } from "../bindings/ItemResult";
import type { Page } from "../bindings/Page";
import type { PageRequest } from "../bindings/PageRequest";
import type { Policy } from "../bindings/Policy";
import type { PolicyInput } from "../bindings/PolicyInput";
import type { PolicyQuery } from "../bindings/PolicyQuery";
import type { RecordAudit } from "../bindings/RecordAudit";
import type { ResultInput } from "../bindings/ResultInput";
import type { ScopeRecord } from "../bindings/ScopeRecord";
import type { StarterInfo } from "../bindings/StarterInfo";
import type { Template } from "../bindings/Template";
import type { TemplateDetail } from "../bindings/TemplateDetail";
import type { TemplateInput } from "../bindings/TemplateInput";
import type { Transition } from "../bindings/Transition";
import { call } from "./invoke";

/** Query keys of the audits area; `all` refreshes every one of them. */
export const auditKeys = {
  all: ["audits"] as const,
  list: (query: AuditQuery) => [...auditKeys.all, "list", query] as const,
  detail: (id: number) => [...auditKeys.all, "detail", id] as const,
  findingsOf: (auditId: number) => [...auditKeys.all, "findingsOf", auditId] as const,
  findings: (query: FindingQuery) => [...auditKeys.all, "findings", query] as const,
  actions: (query: ActionQuery) => [...auditKeys.all, "actions", query] as const,
  templates: (search: string | null, withRetired: boolean) =>
    [...auditKeys.all, "templates", search, withRetired] as const,
  template: (id: number, versionId: number | null) =>
    [...auditKeys.all, "template", id, versionId] as const,
  starters: (language: string) => [...auditKeys.all, "starters", language] as const,
  leads: () => [...auditKeys.all, "leads"] as const,
  ofRecord: (entity: string, id: number) => [...auditKeys.all, "of", entity, id] as const,
  policies: (query: PolicyQuery) => [...auditKeys.all, "policies", query] as const,
  policy: (id: number) => [...auditKeys.all, "policy", id] as const,
  acks: (id: number, query: AckQuery) => [...auditKeys.all, "acks", id, query] as const,
  evidence: (query: EvidenceQuery) => [...auditKeys.all, "evidence", query] as const,
};

export const auditsApi = {
  list: (query: AuditQuery) => call<Page<AuditRow>>("list_audits", { query }),
  /** People who may lead an audit. */
  leads: () => call<ScopeRecord[]>("list_audit_leads"),
  /** Audits whose scope lists the record, or with a finding about it. */
  ofRecord: (entity: "assets" | "employees" | "suppliers", recordId: number) =>
    call<RecordAudit[]>("list_record_audits", { entity, recordId }),
  get: (id: number) => call<AuditDetail>("get_audit", { id }),
  create: (input: AuditInput) => call<Audit>("create_audit", { input }),
  update: (id: number, version: number, input: AuditInput) =>
    call<Audit>("update_audit", { id, version, input }),
  move: (id: number, version: number, transition: Transition, reason: string | null) =>
    call<Audit>("move_audit", { id, version, transition, reason }),
  /** The report (PDF) through the save dialog; `title` is the dialog's. */
  exportReport: (id: number, language: string, title: string) =>
    call<{ path: string; pages: number }>("export_audit_report", { id, language, title }),
  /** The pack (ZIP with SHA256SUMS) through the save dialog. */
  exportPack: (id: number, language: string, title: string) =>
    call<{ path: string; summary: AuditPackSummary }>("export_audit_pack", { id, language, title }),
  /** A pack chosen in the open dialog, checked file by file and against this database. */
  verifyPack: (title: string) => call<AuditPackCheck>("verify_audit_pack", { title }),
  assess: (auditId: number, itemId: number, version: number, input: ResultInput) =>
    call<ItemResult>("assess_audit_item", { auditId, itemId, version, input }),

  templates: (search: string | null, withRetired: boolean, page: PageRequest) =>
    call<Page<Template>>("list_audit_templates", { search, withRetired, page }),
  template: (id: number, versionId: number | null) =>
    call<TemplateDetail>("get_audit_template", { id, versionId }),
  starters: (language: string) => call<StarterInfo[]>("list_audit_starters", { language }),
  /** A new template: empty, from a starter (`starter`), or a copy of another (`copyOf`). */
  createTemplate: (input: TemplateInput, starter: string | null, copyOf: number | null) =>
    call<Template>("create_audit_template", { input, starter, copyOf }),
  updateTemplate: (id: number, version: number, input: TemplateInput) =>
    call<Template>("update_audit_template", { id, version, input }),
  saveChecklist: (id: number, version: number, items: ChecklistItemInput[]) =>
    call<TemplateDetail>("save_audit_checklist", { id, version, items }),
  /** The checklist through the save dialog; `title` is the dialog's. */
  exportChecklist: (
    id: number,
    versionId: number | null,
    format: "csv" | "xlsx",
    language: string,
    title: string,
  ) =>
    call<{ path: string; rows: number }>("export_audit_checklist", {
      id,
      versionId,
      format,
      language,
      title,
    }),
  setTemplateRetired: (id: number, version: number, retired: boolean) =>
    call<Template>("set_audit_template_retired", { id, version, retired }),

  evidence: (query: EvidenceQuery) => call<Page<Evidence>>("list_evidence", { query }),
  createEvidence: (input: EvidenceInput) => call<Evidence>("create_evidence", { input }),
  linkEvidence: (auditId: number, itemId: number, evidenceId: number) =>
    call<ItemResult>("link_evidence", { auditId, itemId, evidenceId }),
  unlinkEvidence: (linkId: number) => call<ItemResult>("unlink_evidence", { linkId }),

  findings: (query: FindingQuery) => call<Page<FindingRow>>("list_findings", { query }),
  findingsOf: (auditId: number) => call<Finding[]>("list_audit_findings", { auditId }),
  raiseFinding: (auditId: number, itemId: number | null, input: FindingInput) =>
    call<Finding>("raise_finding", { auditId, itemId, input }),
  updateFinding: (id: number, version: number, input: FindingInput) =>
    call<Finding>("update_finding", { id, version, input }),
  actions: (query: ActionQuery) => call<Page<ActionRow>>("list_audit_actions", { query }),
  addAction: (findingId: number, input: ActionInput) =>
    call<Finding>("add_audit_action", { findingId, input }),
  updateAction: (id: number, version: number, input: ActionInput) =>
    call<Finding>("update_audit_action", { id, version, input }),
  completeAction: (id: number, version: number, input: ActionDoneInput) =>
    call<Finding>("complete_audit_action", { id, version, input }),
  verifyAction: (id: number, version: number, input: ActionVerifyInput) =>
    call<Finding>("verify_audit_action", { id, version, input }),
  reopenAction: (id: number, version: number) =>
    call<Finding>("reopen_audit_action", { id, version }),

  policies: (query: PolicyQuery) => call<Page<Policy>>("list_policies", { query }),
  policy: (id: number) => call<Policy>("get_policy", { id }),
  createPolicy: (input: PolicyInput) => call<Policy>("create_policy", { input }),
  updatePolicy: (id: number, version: number, input: PolicyInput) =>
    call<Policy>("update_policy", { id, version, input }),
  reviewPolicy: (id: number, version: number, on: string | null) =>
    call<Policy>("review_policy", { id, version, on }),
  setPolicyRetired: (id: number, version: number, retired: boolean) =>
    call<Policy>("set_policy_retired", { id, version, retired }),
  acknowledgePolicy: (id: number, input: AckInput) =>
    call<number>("acknowledge_policy", { id, input }),
  policyAcks: (id: number, query: AckQuery) =>
    call<Page<AckRow>>("list_policy_acknowledgements", { id, query }),
};
