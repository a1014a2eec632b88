import { IconBuildingCommunity } from "@tabler/icons-react";
import { registerSearch } from "../../app/searchRegistry";
import { FIND_DEPARTMENT } from "./find";

// The departments area's hits in the header's search; loads with the shell, so it stays small.

registerSearch({
  kind: "department",
  order: 30,
  icon: IconBuildingCommunity,
  label: "search.groups.department",
  inactiveLabel: "search.inactiveDepartment",
  // The departments page opens filtered on the name handed to it.
  open: (hit, { go, memory }) => {
    memory.set(FIND_DEPARTMENT, hit.title);
    go("departments");
  },
  more: { label: "search.moreDepartments" },
});
