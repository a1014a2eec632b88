import type { OfferInput } from "../bindings/OfferInput";
import type { Page } from "../bindings/Page";
import type { PurchaseOrder } from "../bindings/PurchaseOrder";
import type { QuoteRequestInput } from "../bindings/QuoteRequestInput";
import type { QuotesRuleSetting } from "../bindings/QuotesRuleSetting";
import type { RequisitionInput } from "../bindings/RequisitionInput";
import type { RequisitionQuery } from "../bindings/RequisitionQuery";
import type { RequisitionRow } from "../bindings/RequisitionRow";
import type { RequisitionView } from "../bindings/RequisitionView";
import type { RfqPdf } from "../bindings/RfqPdf";
import { call } from "./invoke";
import { purchasingKeys } from "./purchasing";

/** Query keys of requisitions, under purchasing's: a supplier's change refreshes them. */
export const requisitionKeys = {
  all: [...purchasingKeys.all, "requisitions"] as const,
  list: (query: RequisitionQuery) => [...requisitionKeys.all, "list", query] as const,
  detail: (id: number) => [...requisitionKeys.all, "detail", id] as const,
  quotesRule: () => [...purchasingKeys.all, "quotesRule"] as const,
};

/** A step of a requisition's way; rejecting needs a reason. */
export type RequisitionStep = "submit" | "withdraw" | "approve" | "reject" | "rework";

export const requisitionsApi = {
  list: (query: RequisitionQuery) => call<Page<RequisitionRow>>("list_requisitions", { query }),
  get: (id: number) => call<RequisitionView>("get_requisition", { id }),
  save: (id: number | null, version: number, input: RequisitionInput) =>
    call<RequisitionView>("save_requisition", { id, version, input }),
  move: (id: number, version: number, step: RequisitionStep, reason: string | null = null) =>
    call<RequisitionView>("move_requisition", { id, version, step, reason }),
  makeOrder: (id: number, version: number, supplierId: number) =>
    call<PurchaseOrder>("order_from_requisition", { id, version, supplierId }),
  requestQuotes: (id: number, version: number, input: QuoteRequestInput) =>
    call<RequisitionView>("request_quotes", { id, version, input }),
  recordOffer: (rfqId: number, version: number, input: OfferInput) =>
    call<RequisitionView>("record_offer", { rfqId, version, input }),
  decline: (rfqId: number, version: number) =>
    call<RequisitionView>("decline_rfq", { rfqId, version }),
  choose: (rfqId: number, version: number, reason: string | null) =>
    call<PurchaseOrder>("choose_offer", { rfqId, version, reason }),
  /** The request as PDF through the save dialog; a draft request becomes sent. */
  pdf: (rfqId: number, language: string, title: string, name: string) =>
    call<RfqPdf>("save_rfq_pdf", { rfqId, language, title, name }),
  quotesRule: () => call<QuotesRuleSetting>("quotes_rule"),
  saveQuotesRule: (rule: QuotesRuleSetting) =>
    call<QuotesRuleSetting>("save_quotes_rule", { rule }),
};
