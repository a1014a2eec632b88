import type { SortDir } from "../../bindings/SortDir";
import type { StaffSort } from "../../bindings/StaffSort";
import type { StatusFilter } from "../../bindings/StatusFilter";

// The staff list's filters live apart from the list screen so that the header's search can hand
// the list a search without loading the screen itself.

/** Navigation memory key under which the staff list keeps (and is handed) its filters. */
export const STAFF_FILTERS = "staff.filters";

export type StaffFilters = {
  search: string;
  department: string | null;
  status: StatusFilter;
  contract: string | null;
  below: string | null;
  within: string | null;
  sort: StaffSort;
  dir: SortDir;
};

export const NO_FILTERS: StaffFilters = {
  search: "",
  department: null,
  status: "active",
  contract: null,
  below: null,
  within: null,
  sort: "name",
  dir: "asc",
};
