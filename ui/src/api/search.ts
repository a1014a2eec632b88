import type { GlobalSearchQuery } from "../bindings/GlobalSearchQuery";
import type { GlobalSearchResult } from "../bindings/GlobalSearchResult";
import { call } from "./invoke";

export const searchApi = {
  global: (query: GlobalSearchQuery) => call<GlobalSearchResult>("global_search", { query }),
};
