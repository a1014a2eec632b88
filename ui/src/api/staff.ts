import type { CompanyCompleteness } from "../bindings/CompanyCompleteness";
import type { ContractType } from "../bindings/ContractType";
import type { ContractTypeInput } from "../bindings/ContractTypeInput";
import type { Course } from "../bindings/Course";
import type { CourseInput } from "../bindings/CourseInput";
import type { DocumentType } from "../bindings/DocumentType";
import type { DocumentTypeInput } from "../bindings/DocumentTypeInput";
import type { Employee } from "../bindings/Employee";
import type { EmployeeFile } from "../bindings/EmployeeFile";
import type { EmployeeInput } from "../bindings/EmployeeInput";
import type { EmployeeSaved } from "../bindings/EmployeeSaved";
import type { FixQuery } from "../bindings/FixQuery";
import type { FixRow } from "../bindings/FixRow";
import type { Page } from "../bindings/Page";
import type { Requirement } from "../bindings/Requirement";
import type { RequirementInput } from "../bindings/RequirementInput";
import type { StaffQuery } from "../bindings/StaffQuery";
import type { StaffRow } from "../bindings/StaffRow";
import type { TerminationInput } from "../bindings/TerminationInput";
import type { TrainingInput } from "../bindings/TrainingInput";
import type { TrainingRecord } from "../bindings/TrainingRecord";
import { call } from "./invoke";

/** Query keys of employees and their files; `all` refreshes every one of them. */
export const staffKeys = {
  all: ["staff"] as const,
  /** One page of the list, as asked for (the filters with the page's offset). */
  list: (query: StaffQuery) => [...staffKeys.all, "list", query] as const,
  detail: (id: number) => [...staffKeys.all, "employee", id] as const,
  managers: (text: string) => [...staffKeys.all, "managers", text] as const,
  companyCompleteness: () => [...staffKeys.all, "company-completeness"] as const,
  needsFixing: (query: FixQuery) => [...staffKeys.all, "needs-fixing", query] as const,
};

/** Query keys of the editable lists behind staff files; `all` refreshes every one of them. */
export const staffCatalogKeys = {
  all: ["staff-catalog"] as const,
  contractTypes: () => [...staffCatalogKeys.all, "contract-types"] as const,
  documentTypes: () => [...staffCatalogKeys.all, "document-types"] as const,
  courses: () => [...staffCatalogKeys.all, "courses"] as const,
  requirements: () => [...staffCatalogKeys.all, "requirements"] as const,
};

/** What an export wrote: the path chosen in the save dialog and how many rows. */
export type Saved = { path: string; rows: number };

/** Employees, their files and the completeness roll-ups. */
export const staffApi = {
  list: (query: StaffQuery) => call<Page<StaffRow>>("list_staff", { query }),
  /**
   * Opening a file is recorded in history as a read of personal data; `reread` brings a file
   * already open on screen up to date (Rust decides whether that needs recording).
   */
  get: (id: number, reread = false) => call<EmployeeFile>("get_employee", { id, reread }),
  create: (input: EmployeeInput) => call<EmployeeSaved>("create_employee", { input }),
  update: (id: number, version: number, input: EmployeeInput) =>
    call<EmployeeSaved>("update_employee", { id, version, input }),
  terminate: (id: number, version: number, input: TerminationInput) =>
    call<Employee>("terminate_employee", { id, version, input }),
  reactivate: (id: number, version: number) =>
    call<Employee>("reactivate_employee", { id, version }),
  companyCompleteness: () => call<CompanyCompleteness>("company_completeness"),
  whatNeedsFixing: (query: FixQuery) => call<Page<FixRow>>("what_needs_fixing", { query }),
  /** The list as filtered (every page), to CSV or XLSX through the save dialog titled `title`. */
  exportList: (query: StaffQuery, format: "csv" | "xlsx", language: string, title: string) =>
    call<Saved>("export_staff", { query, format, language, title }),
  /** One employee's complete file (data, documents, training, history) as a ZIP. */
  exportFile: (id: number, fileName: string, language: string, title: string) =>
    call<Saved>("export_employee_file", { id, fileName, language, title }),
};

/** The editable lists behind staff files. `id` null creates; `version` is ignored then. */
export const staffCatalogApi = {
  contractTypes: (includeInactive: boolean) =>
    call<ContractType[]>("list_contract_types", { includeInactive }),
  saveContractType: (id: number | null, version: number, input: ContractTypeInput) =>
    call<ContractType>("save_contract_type", { id, version, input }),
  documentTypes: (includeInactive: boolean) =>
    call<DocumentType[]>("list_document_types", { includeInactive }),
  saveDocumentType: (id: number | null, version: number, input: DocumentTypeInput) =>
    call<DocumentType>("save_document_type", { id, version, input }),
  courses: (includeInactive: boolean) => call<Course[]>("list_courses", { includeInactive }),
  saveCourse: (id: number | null, version: number, input: CourseInput) =>
    call<Course>("save_course", { id, version, input }),
  /** Retires an entry (kept on the records that have it, offered for nothing new) or brings it back. */
  setContractTypeActive: (id: number, version: number, active: boolean) =>
    call<ContractType>("set_contract_type_active", { id, version, active }),
  setDocumentTypeActive: (id: number, version: number, active: boolean) =>
    call<DocumentType>("set_document_type_active", { id, version, active }),
  setCourseActive: (id: number, version: number, active: boolean) =>
    call<Course>("set_course_active", { id, version, active }),
  requirements: () => call<Requirement[]>("list_requirements"),
  createRequirement: (input: RequirementInput) =>
    call<Requirement>("create_requirement", { input }),
  deleteRequirement: (id: number, version: number) =>
    call<void>("delete_requirement", { id, version }),
};

/** Training records of one employee (their certificates are the employee's attachments). */
export const staffTrainingApi = {
  add: (employeeId: number, input: TrainingInput) =>
    call<TrainingRecord>("add_training", { employeeId, input }),
  update: (id: number, version: number, input: TrainingInput) =>
    call<TrainingRecord>("update_training", { id, version, input }),
  remove: (id: number, version: number) => call<void>("delete_training", { id, version }),
};
