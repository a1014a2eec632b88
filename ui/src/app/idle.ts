import { useEffect, useRef } from "react";
import { accountsApi } from "../api/accounts";

const ACTIVITY = ["mousemove", "mousedown", "keydown", "wheel", "touchstart"] as const;
/** Rust is told about activity at most this often; it locks on its own if told nothing. */
const TOUCH_EVERY_MS = 10_000;

/**
 * Locks after `seconds` without keyboard or mouse input. Rust enforces the same limit on every
 * call, so a UI that stopped running this timer still cannot read data after the limit.
 */
export function useIdleLock(seconds: number | null, onIdle: () => void) {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (seconds === null) return;
    let timer = window.setTimeout(() => onIdleRef.current(), seconds * 1000);
    let lastTouch = Date.now();
    const activity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onIdleRef.current(), seconds * 1000);
      if (Date.now() - lastTouch > TOUCH_EVERY_MS) {
        lastTouch = Date.now();
        accountsApi.touch().catch(() => {});
      }
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, activity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, activity);
    };
  }, [seconds]);
}
