import { Suspense, startTransition, useCallback, useEffect, useState } from "react";
import { accountsApi } from "../api/accounts";
import { toApiError } from "../api/invoke";
import { settingsApi, settingsKeys } from "../api/settings";
import type { SessionInfo } from "../bindings/SessionInfo";
import { SignInScreen } from "../features/auth/SignInScreen";
import { changeLanguage, i18next, isLanguage } from "../i18n";
import { mark } from "../lib/marks";
import { HomePage } from "./homePage";
import { lazyPage, PageLoading } from "./lazyPage";
import { onSessionEvent } from "./sessionEvents";

// Only the sign-in screen is in the first script. The first run's setup is needed once, and the
// signed-in app (shell, lock screen, every area) is fetched while the sign-in form waits for the
// person to type, so neither delays the first screen.
const SetupScreen = lazyPage(() => import("../features/auth/SetupScreen"), "SetupScreen");
const SignedIn = lazyPage(() => import("./SignedIn"), "SignedIn");
const WithQueries = lazyPage(() => import("./queryClient"), "WithQueries");
/** Long enough for the first screen's paint to come first. */
const PRELOAD_AFTER_MS = 100;

type Phase = { kind: "setup" } | { kind: "sign_in" } | { kind: "app"; session: SessionInfo };

/** The person's saved language wins; without one, the language they are using is saved. */
async function applyLanguage() {
  const prefs = await settingsApi.preferences();
  if (isLanguage(prefs.language)) {
    if (prefs.language !== i18next.language) await changeLanguage(prefs.language);
  } else {
    await settingsApi.setLanguage(i18next.language);
  }
}

/** Decides what the window shows: first-run setup, sign-in, or the app (with its idle lock). */
export function Gate({ needsSetup }: { needsSetup: boolean }) {
  const [phase, setPhase] = useState<Phase>(needsSetup ? { kind: "setup" } : { kind: "sign_in" });
  const [locked, setLocked] = useState(false);

  const enter = useCallback(async (session: SessionInfo) => {
    // The home screen's code and data are read while the language is settled, not after.
    SignedIn.preload();
    HomePage.preload();
    import("./queryClient").then(({ queryClient }) => {
      queryClient.prefetchQuery({ queryKey: settingsKeys.home, queryFn: settingsApi.home });
      queryClient.prefetchQuery({
        queryKey: settingsKeys.organisation,
        queryFn: settingsApi.organisation,
      });
    });
    await applyLanguage().catch(() => {});
    mark("sign-in:language");
    setLocked(false);
    // Should the shell's code still be loading, the sign-in screen stays until it is here
    // rather than a loading line that React then holds back (see `lazyPage`).
    startTransition(() => setPhase({ kind: "app", session }));
  }, []);

  const leave = useCallback(() => {
    // Nothing read while signed in stays in memory after sign-out: `SignedIn` clears the query
    // cache and its notifications as it goes.
    setLocked(false);
    setPhase({ kind: "sign_in" });
  }, []);

  const signOut = useCallback(() => {
    accountsApi.signOut().finally(leave);
  }, [leave]);

  const lock = useCallback(() => {
    accountsApi.lock().finally(() => setLocked(true));
  }, []);

  // The signed-in app's code is fetched once the first screen is painted, while the person types.
  useEffect(() => {
    const id = window.setTimeout(() => {
      SignedIn.preload();
      HomePage.preload();
    }, PRELOAD_AFTER_MS);
    return () => window.clearTimeout(id);
  }, []);

  // A window reload keeps the Rust session: pick it up instead of asking again.
  useEffect(() => {
    if (needsSetup) return;
    accountsApi
      .session()
      .then((s) => (s ? enter(s) : undefined))
      .catch((e) => {
        if (toApiError(e).code === "session_locked") setLocked(true);
      });
  }, [needsSetup, enter]);

  useEffect(
    () =>
      onSessionEvent((kind) => {
        if (kind === "locked") setLocked(true);
        else leave();
      }),
    [leave],
  );

  if (phase.kind === "setup")
    return (
      <Suspense fallback={<PageLoading />}>
        <WithQueries>
          <SetupScreen onDone={enter} />
        </WithQueries>
      </Suspense>
    );
  if (phase.kind === "sign_in") return <SignInScreen onSignedIn={enter} />;
  return (
    <Suspense fallback={<PageLoading />}>
      <SignedIn
        session={phase.session}
        locked={locked}
        setSession={(s) => setPhase({ kind: "app", session: s })}
        setLocked={setLocked}
        signOut={signOut}
        lock={lock}
      />
    </Suspense>
  );
}
