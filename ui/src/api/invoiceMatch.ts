import type { InvoiceMatch } from "../bindings/InvoiceMatch";
import type { MatchProposal } from "../bindings/MatchProposal";
import type { MatchTolerances } from "../bindings/MatchTolerances";
import type { MatchYear } from "../bindings/MatchYear";
import type { Page } from "../bindings/Page";
import type { Pairing } from "../bindings/Pairing";
import type { SupplierTolerances } from "../bindings/SupplierTolerances";
import type { ToInvoiceQuery } from "../bindings/ToInvoiceQuery";
import type { ToInvoiceRow } from "../bindings/ToInvoiceRow";
import { invoiceKeys } from "./invoices";
import { call } from "./invoke";
import { purchasingKeys } from "./purchasing";

/** Query keys of the three-way match, under the invoices': a match refreshes the lists. */
export const matchKeys = {
  all: [...invoiceKeys.all, "match"] as const,
  proposal: (id: number) => [...matchKeys.all, "proposal", id] as const,
  state: (id: number) => [...matchKeys.all, "state", id] as const,
  toInvoice: (query: ToInvoiceQuery) => [...matchKeys.all, "toInvoice", query] as const,
  tolerances: () => [...purchasingKeys.all, "matchTolerances"] as const,
  supplierTolerances: (id: number) => [...purchasingKeys.all, "matchTolerances", id] as const,
  years: (id: number) => [...purchasingKeys.all, "matchYears", id] as const,
};

export const matchApi = {
  proposal: (invoiceId: number) => call<MatchProposal>("match_proposal", { invoiceId }),
  state: (invoiceId: number) => call<InvoiceMatch>("get_invoice_match", { invoiceId }),
  confirm: (invoiceId: number, version: number, pairings: Pairing[]) =>
    call<InvoiceMatch>("confirm_match", { invoiceId, version, pairings }),
  unmatch: (invoiceId: number, version: number) =>
    call<InvoiceMatch>("unmatch_invoice", { invoiceId, version }),
  accept: (invoiceId: number, differenceId: number, reason: string) =>
    call<InvoiceMatch>("accept_difference", { invoiceId, differenceId, reason }),
  approve: (invoiceId: number, version: number) =>
    call<InvoiceMatch>("approve_for_payment", { invoiceId, version }),
  tolerances: () => call<MatchTolerances>("match_tolerances"),
  saveTolerances: (tolerances: MatchTolerances) =>
    call<MatchTolerances>("save_match_tolerances", { tolerances }),
  supplierTolerances: (supplierId: number) =>
    call<SupplierTolerances>("supplier_tolerances", { supplierId }),
  saveSupplierTolerances: (supplierId: number, tolerances: MatchTolerances | null) =>
    call<SupplierTolerances>("save_supplier_tolerances", { supplierId, tolerances }),
  toInvoice: (query: ToInvoiceQuery) => call<Page<ToInvoiceRow>>("list_to_invoice", { query }),
  years: (supplierId: number) => call<MatchYear[]>("supplier_match_years", { supplierId }),
};
