import type { GlobalSearchQuery } from "../bindings/GlobalSearchQuery";
import type { GlobalSearchResult } from "../bindings/GlobalSearchResult";
import { call } from "./invoke";

/** Query keys of the header's search; `all` refreshes every one of them. */
export const searchKeys = {
  all: ["global-search"] as const,
  global: (text: string) => [...searchKeys.all, text] as const,
};

export const searchApi = {
  global: (query: GlobalSearchQuery) => call<GlobalSearchResult>("global_search", { query }),
};
