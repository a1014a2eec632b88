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

/** Pages reached from the navigation bar. */
export type PageId =
  | "home"
  | "staff"
  | "completeness"
  | "staffSettings"
  | "departments"
  | "history"
  | "users"
  | "settings";

/** The tabs of an employee's file. */
export type EmployeeTab = "details" | "documents" | "training" | "completeness" | "history";

/**
 * Where the window is. A page may carry parameters: the employee file names the employee (or
 * "new"), the tab, and what to bring into view there (`focus`: an input's name, or
 * `doc:<id>`, `attach:<document type id>`, `training:<id>`, `course:<course id>`).
 */
export type Route =
  | { page: PageId }
  | { page: "employee"; id: number | "new"; tab?: EmployeeTab; focus?: string | null };

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
  return route.page === "employee" ? "staff" : route.page;
}

/**
 * A screen's first visit loads its chunk: as a transition, the current page stays until the next
 * one can render, instead of a loading line that React then holds for a few hundred ms.
 */
function showing(setRoute: (r: Route) => void) {
  return (r: Route) => startTransition(() => setRoute(r));
}

/** In-app navigation: a desktop app has no address bar, so the current page is plain state. */
export function NavProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ page: "home" });
  const show = useMemo(() => showing(setRoute), []);
  const [pending, setPending] = useState<Route | null>(null);
  const memory = useRef(new Map<string, unknown>()).current;
  const guard = useRef<Guard | null>(null);
  const setGuard = useCallback((g: Guard | null) => {
    guard.current = g;
  }, []);
  const go = useCallback(
    (to: PageId | Route) => {
      const target = typeof to === "string" ? { page: to } : to;
      if (guard.current?.(target)) setPending(target);
      else show(target);
    },
    [show],
  );
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
              if (pending) show(pending);
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
