import { createContext, type ReactNode, useContext, useMemo, useState } from "react";

export type PageId = "home" | "departments" | "history" | "users" | "settings";

type Nav = { page: PageId; go: (page: PageId) => void };

const NavContext = createContext<Nav>({ page: "home", go: () => {} });

/** In-app navigation: a desktop app has no address bar, so the current page is plain state. */
export function NavProvider({ children }: { children: ReactNode }) {
  const [page, setPage] = useState<PageId>("home");
  const value = useMemo(() => ({ page, go: setPage }), [page]);
  return <NavContext.Provider value={value}>{children}</NavContext.Provider>;
}

export function useNav(): Nav {
  return useContext(NavContext);
}
