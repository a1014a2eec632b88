import { MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Startup } from "../bindings/Startup";
import { Gate } from "./Gate";
import { lazyPage } from "./lazyPage";
import { theme } from "./theme";

/**
 * The notification stack (and its transitions) arrives just after the first screen; anything
 * shown before then is kept by the notifications store and appears once it is mounted.
 */
const Notifications = lazyPage(() => import("@mantine/notifications"), "Notifications");

/** Shown only when the database cannot be used: not worth a place in the first script. */
const StartupError = lazyPage(() => import("./StartupError"), "StartupError");
/** Shown only when the data is encrypted. */
const UnlockScreen = lazyPage(() => import("../features/security/UnlockScreen"), "UnlockScreen");

export function Root({ startup }: { startup: Startup }) {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
        {startup.error ? (
          <Suspense fallback={null}>
            <StartupError error={startup.error} dbPath={startup.db_path} />
          </Suspense>
        ) : startup.locked ? (
          <Suspense fallback={null}>
            <UnlockScreen />
          </Suspense>
        ) : (
          <Gate needsSetup={startup.needs_setup} />
        )}
      </DatesProvider>
    </MantineProvider>
  );
}
