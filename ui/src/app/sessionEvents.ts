import { toApiError } from "../api/invoke";

/**
 * Any call can learn that the session ended or locked (idle time passed, account disabled).
 * Query and mutation caches report failures here; the session gate listens.
 */
type Listener = (kind: "locked" | "signed_out") => void;
const listeners = new Set<Listener>();

export function onSessionEvent(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function reportError(e: unknown) {
  const code = toApiError(e).code;
  const kind =
    code === "session_locked" ? "locked" : code === "not_signed_in" ? "signed_out" : null;
  if (kind) for (const l of listeners) l(kind);
}
