import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { accountsApi } from "../api/accounts";
import { toApiError } from "../api/invoke";
import { settingsApi } from "../api/settings";
import type { SessionInfo } from "../bindings/SessionInfo";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { LockScreen } from "../features/auth/LockScreen";
import { SetupScreen } from "../features/auth/SetupScreen";
import { SignInScreen } from "../features/auth/SignInScreen";
import { changeLanguage, i18next, isLanguage } from "../i18n";
import { mark } from "../lib/marks";
import { useIdleLock } from "./idle";
import { NavProvider } from "./nav";
import { Shell } from "./Shell";
import { SessionProvider } from "./session";
import { onSessionEvent } from "./sessionEvents";

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
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>(needsSetup ? { kind: "setup" } : { kind: "sign_in" });
  const [locked, setLocked] = useState(false);

  const enter = useCallback(
    async (session: SessionInfo) => {
      // The home screen's data is read while the language is settled, not after.
      qc.prefetchQuery({ queryKey: ["home"], queryFn: settingsApi.home });
      qc.prefetchQuery({ queryKey: ["organisation"], queryFn: settingsApi.organisation });
      await applyLanguage().catch(() => {});
      mark("sign-in:language");
      setLocked(false);
      setPhase({ kind: "app", session });
    },
    [qc],
  );

  const leave = useCallback(() => {
    // Nothing read while signed in stays in memory after sign-out, not even a notification.
    qc.clear();
    notifications.clean();
    setLocked(false);
    setPhase({ kind: "sign_in" });
  }, [qc]);

  const signOut = useCallback(() => {
    accountsApi.signOut().finally(leave);
  }, [leave]);

  const lock = useCallback(() => {
    accountsApi.lock().finally(() => setLocked(true));
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

  const session = phase.kind === "app" ? phase.session : null;
  useIdleLock(session && !locked ? session.auto_lock_seconds : null, lock);

  if (phase.kind === "setup") return <SetupScreen onDone={enter} />;
  if (phase.kind === "sign_in") return <SignInScreen onSignedIn={enter} />;
  return (
    <SessionProvider
      value={{
        session: phase.session,
        refresh: (s) => setPhase({ kind: "app", session: s }),
        signOut,
        lock,
      }}
    >
      {/* Until a temporary password is replaced, Rust refuses everything else: show nothing else. */}
      {phase.session.user.must_change_password ? null : (
        <NavProvider>
          <Shell />
        </NavProvider>
      )}
      <ChangePasswordModal
        forced
        opened={phase.session.user.must_change_password && !locked}
        onClose={() =>
          accountsApi.session().then((s) => s && setPhase({ kind: "app", session: s }))
        }
      />
      <LockScreen
        opened={locked}
        user={phase.session.user}
        onUnlocked={(s) => {
          setLocked(false);
          setPhase({ kind: "app", session: s });
        }}
        onSignOut={signOut}
      />
    </SessionProvider>
  );
}
