import type { DueQuery } from "../bindings/DueQuery";
import type { DueRow } from "../bindings/DueRow";
import type { InvoiceImportChoices } from "../bindings/InvoiceImportChoices";
import type { InvoiceImportOutcome } from "../bindings/InvoiceImportOutcome";
import type { InvoiceImportPreview } from "../bindings/InvoiceImportPreview";
import type { InvoiceQuery } from "../bindings/InvoiceQuery";
import type { InvoiceRow } from "../bindings/InvoiceRow";
import type { ManualInvoiceInput } from "../bindings/ManualInvoiceInput";
import type { Page } from "../bindings/Page";
import type { SupplierInvoice } from "../bindings/SupplierInvoice";
import { call } from "./invoke";
import { purchasingKeys } from "./purchasing";

/** Query keys of supplier invoices, under purchasing's: a supplier's change refreshes them. */
export const invoiceKeys = {
  all: [...purchasingKeys.all, "invoices"] as const,
  list: (query: InvoiceQuery) => [...invoiceKeys.all, "list", query] as const,
  dues: (query: DueQuery) => [...invoiceKeys.all, "dues", query] as const,
  detail: (id: number) => [...invoiceKeys.all, "detail", id] as const,
};

/** The files chosen in the open dialog (kept in Rust behind `token`) and the report on them. */
export type ChosenInvoices = { token: number; preview: InvoiceImportPreview };

export const invoicesApi = {
  list: (query: InvoiceQuery) => call<Page<InvoiceRow>>("list_invoices", { query }),
  dues: (query: DueQuery) => call<Page<DueRow>>("list_due_payments", { query }),
  get: (id: number) => call<SupplierInvoice>("get_invoice", { id }),
  saveManual: (input: ManualInvoiceInput) =>
    call<SupplierInvoice>("save_manual_invoice", { input }),
  /** Opens the open dialog (one or many files) and reports on each; nothing is written. */
  choose: (title: string) => call<ChosenInvoices>("choose_invoice_files", { title }),
  /** Imports the good invoices of the chosen files, all in one transaction. */
  import: (token: number, choices: InvoiceImportChoices) =>
    call<InvoiceImportOutcome>("import_invoice_files", { token, choices }),
};
