import type { HistoryHead } from "../bindings/HistoryHead";
import type { HistoryPage } from "../bindings/HistoryPage";
import type { HistoryQuery } from "../bindings/HistoryQuery";
import type { HistoryStatus } from "../bindings/HistoryStatus";
import type { VerifyReport } from "../bindings/VerifyReport";
import { call } from "./invoke";

/** Query keys of this area's reads; `all` refreshes every one of them. */
export const historyKeys = {
  all: ["history"] as const,
  list: (query: HistoryQuery) => [...historyKeys.all, "list", query] as const,
};

export type Exported = { path: string; rows: number };

export const historyApi = {
  list: (query: HistoryQuery) => call<HistoryPage>("list_history", { query }),
  status: () => call<HistoryStatus>("history_status"),
  verify: () => call<VerifyReport>("verify_history"),
  /** Opens a save dialog titled `title`, then writes the filtered history as CSV. */
  exportCsv: (query: HistoryQuery, language: string, title: string) =>
    call<Exported>("export_history_csv", { query, language, title }),
  exportHead: (title: string) => call<HistoryHead>("export_history_head", { title }),
  verifyAgainstHead: (title: string) =>
    call<VerifyReport>("verify_history_against_head", { title }),
};
