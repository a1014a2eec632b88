// The areas whose hits the header's search shows, each registering itself (see searchRegistry).
// A new area adds its line here and a `search.tsx` of its own; the search box does not change.
import "../features/staff/search";
import "../features/departments/search";
import "../features/audits/search";
import "../features/purchasing/search";
