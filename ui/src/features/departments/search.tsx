import { IconBuildingCommunity } from "@tabler/icons-react";
import { registerSearch } from "../../app/searchRegistry";

// The departments area's hits in the header's search; loads with the shell, so it stays small.

registerSearch({
  kind: "department",
  order: 30,
  icon: IconBuildingCommunity,
  label: "search.groups.department",
  inactiveLabel: "search.inactiveDepartment",
  // A department opens its own page (details and files).
  open: (hit, { go }) => go({ page: "department", id: hit.id }),
  more: { label: "search.moreDepartments" },
});
