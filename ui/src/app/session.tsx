import { createContext, type ReactNode, useContext } from "react";
import type { Action } from "../bindings/Action";
import type { Area } from "../bindings/Area";
import type { SessionInfo } from "../bindings/SessionInfo";

type SessionCtx = {
  session: SessionInfo;
  /** Re-reads the session after the person's own account changed. */
  refresh: (s: SessionInfo) => void;
  signOut: () => void;
  lock: () => void;
};

const Ctx = createContext<SessionCtx | null>(null);

export function SessionProvider({ value, children }: { value: SessionCtx; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionCtx {
  const s = useContext(Ctx);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** Whether the signed-in person's roles allow `action` in `area`. Rust enforces it anyway. */
export function useCan(area: Area, action: Action): boolean {
  const { session } = useSession();
  return session.grants.some((g) => g.area === area && g.action === action);
}
