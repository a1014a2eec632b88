import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { departmentKeys, departmentsApi } from "../../api/departments";
import { staffCatalogApi, staffCatalogKeys } from "../../api/staff";
import "./i18n";
import { type Named, nameIn } from "./names";

export { type Named, nameIn };

// The lists are small (a few dozen rows) and change rarely: read once, inactive ones included so
// old records still show their names; forms offer only the active ones.
export function useContractTypes() {
  return useQuery({
    queryKey: staffCatalogKeys.contractTypes(),
    queryFn: () => staffCatalogApi.contractTypes(true),
    staleTime: 60_000,
  });
}

export function useDocumentTypes() {
  return useQuery({
    queryKey: staffCatalogKeys.documentTypes(),
    queryFn: () => staffCatalogApi.documentTypes(true),
    staleTime: 60_000,
  });
}

export function useCourses() {
  return useQuery({
    queryKey: staffCatalogKeys.courses(),
    queryFn: () => staffCatalogApi.courses(true),
    staleTime: 60_000,
  });
}

export function useRequirements() {
  return useQuery({
    queryKey: staffCatalogKeys.requirements(),
    queryFn: staffCatalogApi.requirements,
    staleTime: 60_000,
  });
}

/** All departments (inactive too, for names), sorted by name; at most 500. */
export function useAllDepartments() {
  return useQuery({
    queryKey: departmentKeys.everyone(),
    queryFn: () =>
      departmentsApi.list({
        search: null,
        status: "all",
        sort: "name",
        dir: "asc",
        page: { offset: 0, limit: 500 },
      }),
    staleTime: 60_000,
    select: (p) => p.items,
  });
}

/**
 * Options for a Select: the active items, plus `keep` (the record's current value) if inactive,
 * marked as such so nobody takes it for a normal choice. A filter passes `all`: people can still
 * be on a retired entry, and must be findable by it.
 */
export function useOptions<T extends Named>(
  items: T[] | undefined,
  keep?: number | null,
  all = false,
) {
  const { t, i18n } = useTranslation();
  return (items ?? [])
    .filter((i) => all || i.active !== false || i.id === keep)
    .map((i) => ({
      value: String(i.id),
      label:
        i.active === false
          ? `${nameIn(i, i18n.language)} (${t("staff.inactive")})`
          : nameIn(i, i18n.language),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}

/** id → the item, for tables that show a name and whether it is still in use. */
export function useById<T extends Named>(items: T[] | undefined) {
  const map = new Map<number, T>();
  for (const i of items ?? []) map.set(i.id, i);
  return (id: number | null | undefined) => (id == null ? undefined : map.get(id));
}

/** id → name lookup for tables. */
export function useNames<T extends Named>(items: T[] | undefined) {
  const { i18n } = useTranslation();
  const map = new Map<number, string>();
  for (const i of items ?? []) map.set(i.id, nameIn(i, i18n.language));
  return (id: number | null | undefined) => (id == null ? null : (map.get(id) ?? null));
}
