import type { IconUser } from "@tabler/icons-react";
import type { HitKind } from "../bindings/HitKind";
import type { SearchHit } from "../bindings/SearchHit";
import type { PageId, Route } from "./nav";

// What the header's search shows for each kind of hit, contributed by the area that owns the
// kind: the search box reads this registry and imports no area. An area registers from a small
// module of its own (its `search.tsx`), listed in `searchAreas.ts`, which must stay light: it is
// part of the shell's chunk, not of the area's screens.

/** What opening a hit may use: navigation and the values pages read when they open. */
export type SearchNav = { go: (to: PageId | Route) => void; memory: Map<string, unknown> };

export type SearchContribution = {
  kind: HitKind;
  /** Groups are listed by this, lowest first (people, then their files, then the organisation). */
  order: number;
  icon: typeof IconUser;
  /** Translation keys: the group's title, and the badge of an inactive hit. */
  label: string;
  inactiveLabel: string;
  /**
   * A hook giving the hit's second line (its text is highlighted like the title); the default
   * is the line Rust sends. It runs at every render of the box, whatever the hits.
   */
  useSecondLine?: () => (hit: SearchHit) => string | null;
  open: (hit: SearchHit, nav: SearchNav) => void;
  /**
   * Below a group that had more hits than shown: a line (translation key) saying where to find
   * them, or, with `open`, an option that goes there with the text searched.
   */
  more?: { label: string; open?: (text: string, nav: SearchNav) => void };
};

const contributions = new Map<HitKind, SearchContribution>();
let read = false;

export function registerSearch(c: SearchContribution) {
  // The box calls each kind's hook at every render: the set must not change once it has rendered.
  if (read) throw new Error(`search kind ${c.kind} registered after the search box was shown`);
  if (contributions.has(c.kind)) throw new Error(`search kind ${c.kind} registered twice`);
  contributions.set(c.kind, c);
}

/** Every kind, in the order its group is shown. */
export function searchContributions(): SearchContribution[] {
  read = true;
  return [...contributions.values()].sort((a, b) => a.order - b.order);
}

const ownLine = (hit: SearchHit) => hit.detail;

/** Each kind's second-line function, from its hook (the same hooks in the same order each time). */
export function useSecondLines(): Map<HitKind, (hit: SearchHit) => string | null> {
  const lines = new Map<HitKind, (hit: SearchHit) => string | null>();
  for (const c of searchContributions()) {
    // biome-ignore lint/correctness/useHookAtTopLevel: the registry is fixed before the first render
    lines.set(c.kind, c.useSecondLine ? c.useSecondLine() : ownLine);
  }
  return lines;
}
