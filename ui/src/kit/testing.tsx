import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import i18next from "i18next";
import { type ReactNode, useState } from "react";
import { initReactI18next } from "react-i18next";
import { NavProvider } from "../app/nav";
import { strings } from "./i18n";

// For the kit's component tests (jsdom): the providers the app wraps screens in, with English
// strings and a fresh query cache per render. Not imported by the app.

/** What jsdom lacks and Mantine or the virtualiser read: media queries and element heights. */
export function stubLayout(height = 560) {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  // The scroll box's height is what the virtualiser divides into rows.
  Object.defineProperty(HTMLElement.prototype, "clientHeight", {
    configurable: true,
    get: () => height,
  });
  window.HTMLElement.prototype.scrollTo = function scrollTo(opts?: ScrollToOptions | number) {
    const top = typeof opts === "number" ? opts : (opts?.top ?? 0);
    this.scrollTop = top;
    this.dispatchEvent(new Event("scroll"));
  };
}

export async function initTestI18n() {
  if (i18next.isInitialized) return;
  await i18next.use(initReactI18next).init({
    lng: "en",
    interpolation: { escapeValue: false },
    resources: {
      en: {
        translation: {
          ...strings.en,
          common: { loadFailed: "Could not load", total: "{{n}} in total" },
          app: { retry: "Retry" },
          errors: { code: { internal: "Something went wrong" } },
          nav: { leaveTitle: "Leave?", leaveText: "Unsaved", stay: "Stay", leave: "Leave" },
        },
      },
    },
  });
}

export function Providers({ children, nav = false }: { children: ReactNode; nav?: boolean }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
  );
  return (
    <MantineProvider>
      <QueryClientProvider client={client}>
        {nav ? <NavProvider>{children}</NavProvider> : children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
