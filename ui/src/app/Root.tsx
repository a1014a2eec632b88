import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Startup } from "../bindings/Startup";
import { NavProvider } from "./nav";
import { Shell } from "./Shell";
import { StartupError } from "./StartupError";
import { theme } from "./theme";

const queryClient = new QueryClient({
  defaultOptions: {
    // Data lives on this machine: no window-focus refetch storms, no retries hiding errors.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

export function Root({ startup }: { startup: Startup }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        {startup.error ? (
          <StartupError error={startup.error} dbPath={startup.db_path} />
        ) : (
          <NavProvider>
            <Shell actor={startup.actor} />
          </NavProvider>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
