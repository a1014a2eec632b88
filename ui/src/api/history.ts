import type { Change } from "../bindings/Change";
import type { HistoryQuery } from "../bindings/HistoryQuery";
import type { HistoryStatus } from "../bindings/HistoryStatus";
import type { Page } from "../bindings/Page";
import type { VerifyReport } from "../bindings/VerifyReport";
import { call } from "./invoke";

export const historyApi = {
  list: (query: HistoryQuery) => call<Page<Change>>("list_history", { query }),
  status: () => call<HistoryStatus>("history_status"),
  verify: () => call<VerifyReport>("verify_history"),
};
