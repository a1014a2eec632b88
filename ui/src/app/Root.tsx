import { MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Startup } from "../bindings/Startup";
import { Gate } from "./Gate";
import { StartupError } from "./StartupError";
import { reportError } from "./sessionEvents";
import { theme } from "./theme";

/**
 * Queries that summarise everything, refreshed after every successful change. Home counts the
 * history's changes and the active departments and shows the organisation; the header's search
 * indexes names, documents and departments; every change appends to the history list (the History
 * screen and an employee file's tab), which otherwise showed its old page when opened again after
 * a change. Almost any change alters one of them, and a list of
 * "which mutation touches what" kept by hand at each call site is how home ended up showing
 * "0 active departments" after two were created. Re-reading both is about a millisecond on a
 * local database, and only queries on screen refetch at once; the others are marked stale and
 * re-read when next shown.
 */
const SUMMARIES = [["home"], ["global-search"], ["history"]] as const;

const queryClient: QueryClient = new QueryClient({
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

export function Root({ startup }: { startup: Startup }) {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          {startup.error ? (
            <StartupError error={startup.error} dbPath={startup.db_path} />
          ) : (
            <Gate needsSetup={startup.needs_setup} />
          )}
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
