import { Button, Group, Modal, Text } from "@mantine/core";
import {
  createContext,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { entryOf, historyStep, routeToHash, stored } from "./navHistory";

/** Pages reached from the navigation bar. */
export type PageId =
  | "home"
  | "staff"
  | "completeness"
  | "staffSettings"
  | "departments"
  | "audits"
  | "assets"
  | "purchasing"
  | "history"
  | "users"
  | "settings";

/** The tabs of an employee's file. */
export type EmployeeTab =
  | "details"
  | "documents"
  | "training"
  | "completeness"
  | "assets"
  | "history";

/** The tabs of a department's page. */
export type DepartmentTab = "details" | "files";

/** The tabs of a policy's page. */
export type PolicyTab = "details" | "files" | "acknowledgements";

/** The tabs of an asset's page. */
export type AssetTab = "details" | "files" | "holders" | "network" | "work";

/** The tabs of a supplier's page. */
export type SupplierTab = "details" | "files" | "contacts" | "prices";

/** The tabs of an audit's page. */
export type AuditTab = "details" | "checklist" | "findings" | "files";

/**
 * Where the window is. A page may carry parameters: a record's page (an employee's file, a
 * department) names the record (or "new"), the tab, and what to bring into view there (`focus`:
 * an input's name, or `doc:<id>`, `attach:<document type id>`, `training:<id>`,
 * `course:<course id>`).
 */
export type Route =
  | { page: PageId }
  | { page: "employee"; id: number | "new"; tab?: EmployeeTab; focus?: string | null }
  | { page: "department"; id: number; tab?: DepartmentTab; focus?: string | null }
  | { page: "audit"; id: number; tab?: AuditTab; focus?: string | null }
  | { page: "auditTemplate"; id: number; versionId?: number | null }
  | { page: "policy"; id: number; tab?: PolicyTab; focus?: string | null }
  | { page: "asset"; id: number; tab?: AssetTab; focus?: string | null }
  | { page: "subnet"; id: number; tab?: "details"; focus?: string | null }
  | { page: "networkMap"; id: number }
  | { page: "supplier"; id: number; tab?: SupplierTab; focus?: string | null }
  | { page: "order"; id: number; tab?: "details" | "files"; focus?: string | null }
  | {
      page: "requisition";
      id: number;
      tab?: "details" | "files" | "quotes";
      focus?: string | null;
    }
  | { page: "invoice"; id: number; tab?: "details" | "files" | "match"; focus?: string | null };

type Nav = {
  route: Route;
  /** The page of the navigation bar the current route belongs to. */
  page: PageId;
  go: (to: PageId | Route) => void;
  /** Values a page keeps while the person is elsewhere (filters, scroll); gone on sign-out. */
  memory: Map<string, unknown>;
  /** Installs the check that asks before leaving unsaved work (see `useLeaveGuard`). */
  setGuard: (g: Guard | null) => void;
};

/** Whether going to `to` would lose unsaved work. */
type Guard = (to: Route) => boolean;

const NavContext = createContext<Nav>({
  route: { page: "home" },
  page: "home",
  go: () => {},
  memory: new Map(),
  setGuard: () => {},
});

function sectionOf(route: Route): PageId {
  if (route.page === "employee") return "staff";
  if (route.page === "department") return "departments";
  if (route.page === "audit" || route.page === "auditTemplate" || route.page === "policy") {
    return "audits";
  }
  if (route.page === "asset" || route.page === "subnet" || route.page === "networkMap") {
    return "assets";
  }
  if (
    route.page === "supplier" ||
    route.page === "order" ||
    route.page === "requisition" ||
    route.page === "invoice"
  ) {
    return "purchasing";
  }
  return route.page;
}

/**
 * A screen's first visit loads its chunk: as a transition, the current page stays until the next
 * one can render, instead of a loading line that React then holds for a few hundred ms.
 */
function showing(setRoute: (r: Route) => void) {
  return (r: Route) => startTransition(() => setRoute(r));
}

/** A name for this sign-in's history entries, so back never leads into an earlier session. */
function navId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * In-app navigation: the current page is React state, mirrored into the window's history (see
 * `navHistory.ts`) so that back and forward (Alt+←/→, the mouse's side buttons) retrace pages and
 * a record's tabs.
 */
export function NavProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ page: "home" });
  const show = useMemo(() => showing(setRoute), []);
  const [pending, setPending] = useState<Route | null>(null);
  const memory = useRef(new Map<string, unknown>()).current;
  const guard = useRef<Guard | null>(null);
  // The entry the window is on becomes this navigation's first, before any screen inside can
  // navigate (children's effects run before this provider's).
  const [id] = useState(() => {
    const fresh = navId();
    window.history.replaceState({ nav: fresh, route }, "", routeToHash(route));
    return fresh;
  });
  const current = useRef(route);
  current.current = route;
  const setGuard = useCallback((g: Guard | null) => {
    guard.current = g;
  }, []);
  // The same place again (a second click on its navigation link, another focus on the tab
  // shown) replaces the entry, so back never seems to do nothing.
  const push = useCallback(
    (r: Route) => {
      const entry = { nav: id, route: stored(r) };
      const hash = routeToHash(r);
      if (hash === routeToHash(current.current)) window.history.replaceState(entry, "", hash);
      else window.history.pushState(entry, "", hash);
    },
    [id],
  );
  const go = useCallback(
    (to: PageId | Route) => {
      const target = typeof to === "string" ? { page: to } : to;
      if (guard.current?.(target)) setPending(target);
      else {
        push(target);
        show(target);
      }
    },
    [show, push],
  );
  useHistorySync(id, current, guard, show, push, setPending);
  const value = useMemo(
    () => ({ route, page: sectionOf(route), go, memory, setGuard }),
    [route, go, memory, setGuard],
  );
  return (
    <NavContext.Provider value={value}>
      {children}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t("nav.leaveTitle")}
        data-testid="leave-confirm"
      >
        <Text size="sm">{t("nav.leaveText")}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            {t("nav.stay")}
          </Button>
          <Button
            color="red"
            onClick={() => {
              guard.current = null;
              if (pending) {
                push(pending);
                show(pending);
              }
              setPending(null);
            }}
            data-testid="leave-discard"
          >
            {t("nav.leave")}
          </Button>
        </Group>
      </Modal>
    </NavContext.Provider>
  );
}

/**
 * Follows the window's back and forward: an entry of this navigation is shown (after asking, when
 * leaving would lose unsaved work: the entry left is put back until the person decides), and the
 * keys and mouse buttons browsers use for them step through history.
 */
function useHistorySync(
  id: string,
  current: { current: Route },
  guard: { current: Guard | null },
  show: (r: Route) => void,
  push: (r: Route) => void,
  setPending: (r: Route | null) => void,
) {
  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const target = entryOf(e.state, id);
      if (!target) return;
      if (guard.current?.(target)) {
        push(current.current);
        setPending(target);
      } else show(target);
    };
    const onStep = (e: KeyboardEvent | MouseEvent) => {
      const step = historyStep(e);
      if (step === null) return;
      e.preventDefault();
      window.history.go(step);
    };
    window.addEventListener("popstate", onPop);
    window.addEventListener("keydown", onStep);
    window.addEventListener("mouseup", onStep);
    return () => {
      window.removeEventListener("popstate", onPop);
      window.removeEventListener("keydown", onStep);
      window.removeEventListener("mouseup", onStep);
    };
  }, [id, current, guard, show, push, setPending]);
}

/**
 * Asks before leaving while `dirty`, unless `allowed(to)` says the target keeps the work (e.g.
 * another tab of the same record, where the form stays mounted).
 */
export function useLeaveGuard(dirty: boolean, allowed: (to: Route) => boolean = () => false) {
  const { setGuard } = useNav();
  const allowedRef = useRef(allowed);
  allowedRef.current = allowed;
  useEffect(() => {
    setGuard(dirty ? (to) => !allowedRef.current(to) : null);
    return () => setGuard(null);
  }, [dirty, setGuard]);
}

export function useNav(): Nav {
  return useContext(NavContext);
}

/**
 * Like `useState`, but the value survives leaving the page and coming back (a list's filters
 * when the person opens a record and returns with the back link).
 */
export function useRemembered<T>(key: string, initial: T): [T, (v: T) => void] {
  const { memory, route } = useNav();
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  // Another screen may hand this page a value and navigate to it (the header's search opens the
  // staff list on its text) while the page is already shown: each navigation is a new route
  // object, so read the memory again then, or the page would keep what it read when it mounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs at each navigation
  useEffect(() => {
    if (memory.has(key)) setValue(memory.get(key) as T);
  }, [route, key, memory]);
  const set = useCallback(
    (v: T) => {
      memory.set(key, v);
      setValue(v);
    },
    [key, memory],
  );
  return [value, set];
}
