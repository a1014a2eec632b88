import { notifications } from "@mantine/notifications";
import { useEffect } from "react";
import { accountsApi } from "../api/accounts";
import type { SessionInfo } from "../bindings/SessionInfo";
import { ChangePasswordModal } from "../features/auth/ChangePasswordModal";
import { LockScreen } from "../features/auth/LockScreen";
import { useIdleLock } from "./idle";
import { NavProvider } from "./nav";
import { queryClient, WithQueries } from "./queryClient";
import { Shell } from "./Shell";
import { SessionProvider } from "./session";

/**
 * Everything shown once signed in: the shell, the forced password change and the lock screen.
 * Loaded in its own chunk after the sign-in screen is up (see `Gate`), so the first screen does
 * not wait for the shell's code.
 */
export function SignedIn({
  session,
  locked,
  setSession,
  setLocked,
  signOut,
  lock,
}: {
  session: SessionInfo;
  locked: boolean;
  setSession: (s: SessionInfo) => void;
  setLocked: (locked: boolean) => void;
  signOut: () => void;
  lock: () => void;
}) {
  useIdleLock(locked ? null : session.auto_lock_seconds, lock);
  // Signing out unmounts this: nothing read while signed in stays in memory, not even a
  // notification.
  useEffect(
    () => () => {
      queryClient.clear();
      notifications.clean();
    },
    [],
  );
  return (
    <WithQueries>
      <SessionProvider value={{ session, refresh: setSession, signOut, lock }}>
        {/* Until a temporary password is replaced, Rust refuses everything else: show nothing else. */}
        {session.user.must_change_password ? null : (
          <NavProvider>
            <Shell />
          </NavProvider>
        )}
        <ChangePasswordModal
          forced
          opened={session.user.must_change_password && !locked}
          onClose={() => accountsApi.session().then((s) => s && setSession(s))}
        />
        <LockScreen
          opened={locked}
          user={session.user}
          onUnlocked={(s) => {
            setLocked(false);
            setSession(s);
          }}
          onSignOut={signOut}
        />
      </SessionProvider>
    </WithQueries>
  );
}
