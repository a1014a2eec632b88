import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { purchasingApi, purchasingKeys } from "../../api/purchasing";
import type { SupplierQuery } from "../../bindings/SupplierQuery";
import {
  type PickOption,
  SearchMultiSelect,
  type SearchMultiSelectProps,
  SearchSelect,
  type SearchSelectProps,
} from "../../kit/SearchPickers";
import "./i18n";

/** Suppliers whose name, VAT number or city match what is typed, 20 at a time, read in SQL. */
function useSupplierOptions(search: string): PickOption[] {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query: SupplierQuery = {
    search: debounced || null,
    status: null,
    category_id: null,
    sort: "name",
    dir: "asc",
    page: { offset: 0, limit: 20 },
  };
  const found = useQuery({
    queryKey: purchasingKeys.suppliers(query),
    queryFn: () => purchasingApi.suppliers(query),
  });
  return (found.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }));
}

function useWords() {
  const { t } = useTranslation();
  return {
    placeholder: t("purchasingUi.picker.placeholder"),
    nothingFound: t("purchasingUi.picker.nothingFound"),
  };
}

/** Picks several suppliers by name or VAT number. */
export function SupplierMultiPicker(props: SearchMultiSelectProps) {
  return <SearchMultiSelect useOptions={useSupplierOptions} words={useWords()} {...props} />;
}

/** Picks one supplier by name or VAT number. */
export function SupplierPicker(props: SearchSelectProps) {
  return <SearchSelect useOptions={useSupplierOptions} words={useWords()} {...props} />;
}
