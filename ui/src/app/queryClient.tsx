import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { historyKeys } from "../api/history";
import { searchKeys } from "../api/search";
import { settingsKeys } from "../api/settings";
import { reportError } from "./sessionEvents";

// Server state is read only once signed in (or while setting up), so the query library and its
// cache load with those screens, not with the sign-in form.

/**
 * Queries that summarise everything, refreshed after every successful change. Home lists what
 * needs attention, counts the
 * history's changes and the active departments and shows the organisation; the header's search
 * indexes names, documents and departments; every change appends to the history list (the History
 * screen and an employee file's tab), which otherwise showed its old page when opened again after
 * a change. Almost any change alters one of them, and a list of
 * "which mutation touches what" kept by hand at each call site is how home ended up showing
 * "0 active departments" after two were created. Re-reading both is about a millisecond on a
 * local database, and only queries on screen refetch at once; the others are marked stale and
 * re-read when next shown.
 */
const SUMMARIES = [
  settingsKeys.home,
  settingsKeys.attention,
  searchKeys.all,
  historyKeys.all,
] as const;

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: reportError }),
  mutationCache: new MutationCache({
    onError: reportError,
    onSuccess: () => {
      for (const queryKey of SUMMARIES) queryClient.invalidateQueries({ queryKey });
    },
  }),
  defaultOptions: {
    // Data lives on this machine: no window-focus refetch storms, no retries hiding errors.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

/** The cache above, for the screens inside. */
export function WithQueries({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
