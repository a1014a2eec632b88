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

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: reportError }),
  mutationCache: new MutationCache({ onError: reportError }),
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
