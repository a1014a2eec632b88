import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";

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
};

const NavContext = createContext<Nav>({
  route: { page: "home" },
  page: "home",
  go: () => {},
  memory: new Map(),
});

function sectionOf(route: Route): PageId {
  return route.page === "employee" ? "staff" : route.page;
}

/** In-app navigation: a desktop app has no address bar, so the current page is plain state. */
export function NavProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>({ page: "home" });
  const memory = useRef(new Map<string, unknown>()).current;
  const go = useCallback(
    (to: PageId | Route) => setRoute(typeof to === "string" ? { page: to } : to),
    [],
  );
  const value = useMemo(() => ({ route, page: sectionOf(route), go, memory }), [route, go, memory]);
  return <NavContext.Provider value={value}>{children}</NavContext.Provider>;
}

export function useNav(): Nav {
  return useContext(NavContext);
}

/**
 * Like `useState`, but the value survives leaving the page and coming back (a list's filters
 * when the person opens a record and returns with the back link).
 */
export function useRemembered<T>(key: string, initial: T): [T, (v: T) => void] {
  const { memory } = useNav();
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (v: T) => {
      memory.set(key, v);
      setValue(v);
    },
    [key, memory],
  );
  return [value, set];
}
