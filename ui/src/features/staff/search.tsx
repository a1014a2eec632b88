import { IconFileText, IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { staffCatalogApi, staffCatalogKeys } from "../../api/staff";
import { registerSearch } from "../../app/searchRegistry";
import { useCan } from "../../app/session";
import type { SearchHit } from "../../bindings/SearchHit";
import { NO_FILTERS, STAFF_FILTERS, type StaffFilters } from "./filters";
import { nameIn } from "./names";

// The staff area's hits in the header's search: people and the documents in their files. Kept
// to what the search needs (no screen, no strings of the area), as it loads with the shell.

registerSearch({
  kind: "employee",
  order: 10,
  icon: IconUser,
  label: "search.groups.employee",
  inactiveLabel: "search.terminated",
  open: (hit, { go }) => go({ page: "employee", id: hit.id, tab: "details" }),
  more: {
    label: "search.allEmployees",
    open: (text, { go, memory }) => {
      // The staff list reads its remembered filters when it opens: hand it this search.
      const filters: StaffFilters = { ...NO_FILTERS, status: "all", search: text };
      memory.set(STAFF_FILTERS, filters);
      go("staff");
    },
  },
});

/** A document's owner, then its type named in the interface language. */
function useDocumentLine() {
  const { i18n } = useTranslation();
  // Same cache entry as the staff screens' list; not asked for without the right (a refusal
  // would be recorded in history at every start).
  const readsStaff = useCan("staff", "read");
  const types = useQuery({
    queryKey: staffCatalogKeys.documentTypes(),
    queryFn: () => staffCatalogApi.documentTypes(true),
    staleTime: 60_000,
    enabled: readsStaff,
  });
  const names = new Map((types.data ?? []).map((ty) => [ty.id, nameIn(ty, i18n.language)]));
  return (hit: SearchHit) => {
    const type = hit.document_type_id !== null ? names.get(hit.document_type_id) : undefined;
    return [hit.detail, type].filter(Boolean).join(" · ");
  };
}

registerSearch({
  kind: "document",
  order: 20,
  icon: IconFileText,
  label: "search.groups.document",
  inactiveLabel: "search.ownerLeft",
  useSecondLine: useDocumentLine,
  open: (hit, { go }) => {
    if (hit.employee_id !== null)
      go({ page: "employee", id: hit.employee_id, tab: "documents", focus: `doc:${hit.id}` });
  },
  more: { label: "search.moreDocuments" },
});
