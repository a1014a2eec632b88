import type { Route } from "./nav";

// The window's history mirrors the in-app navigation: each route is pushed as a history entry
// whose URL fragment names it ("#/employee/12/training"), so the back and forward keys and mouse
// buttons move through pages and a record's tabs. The route itself travels in the entry's state;
// the fragment is for people and logs.

/** What a history entry of ours carries: which navigation wrote it, and where it leads. */
export type NavEntry = { nav: string; route: Route };

/** The fragment a route is shown under: `#/staff`, `#/employee/12/documents`, `#/employee/new`. */
export function routeToHash(route: Route): string {
  if (!("id" in route)) return `#/${route.page}`;
  const tab = "tab" in route && route.tab && route.id !== "new" ? `/${route.tab}` : "";
  return `#/${route.page}/${route.id}${tab}`;
}

/** Whether `state` is an entry written by the navigation `nav` (not an earlier sign-in's). */
export function entryOf(state: unknown, nav: string): Route | null {
  if (typeof state !== "object" || state === null) return null;
  const e = state as Partial<NavEntry>;
  return e.nav === nav && e.route ? e.route : null;
}

/**
 * A one-shot part of a route (`focus`: what to bring into view) is not replayed by back and
 * forward: going back to a tab shows the tab, it does not re-open a dialog.
 */
export function stored(route: Route): Route {
  return "focus" in route && route.focus ? { ...route, focus: null } : route;
}

/** The keys and mouse buttons that move through history, as browsers have them. */
export function historyStep(e: {
  type: string;
  key?: string;
  altKey?: boolean;
  button?: number;
}): -1 | 1 | null {
  if (e.type === "keydown" && e.altKey) {
    if (e.key === "ArrowLeft") return -1;
    if (e.key === "ArrowRight") return 1;
  }
  if (e.type === "mouseup") {
    if (e.button === 3) return -1;
    if (e.button === 4) return 1;
  }
  return null;
}
