import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { staffApi, staffKeys } from "../../api/staff";

/**
 * Active staff whose name, tax code or number holds `text`, 20 at a time, searched in SQL as the
 * person types (debounced): what every staff picker offers.
 */
export function useStaffSearch(text: string) {
  const [debounced] = useDebouncedValue(text, 250);
  return useQuery({
    queryKey: staffKeys.managers(debounced),
    queryFn: () =>
      staffApi.list({
        search: debounced.trim() || null,
        department_id: null,
        status: "active",
        contract_type_id: null,
        completeness_below: null,
        expiring_within_days: null,
        sort: "name",
        dir: "asc",
        page: { offset: 0, limit: 20 },
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
