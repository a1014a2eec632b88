import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetQuery } from "../../bindings/AssetQuery";
import {
  type PickOption,
  SearchMultiSelect,
  type SearchMultiSelectProps,
  SearchSelect,
  type SearchSelectProps,
} from "../../kit/SearchPickers";
import "./i18n";

/** Assets whose tag, name, serial or model match what is typed, 20 at a time, read in SQL. */
function useAssetOptions(search: string): PickOption[] {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query: AssetQuery = {
    search: debounced || null,
    category_id: null,
    status: null,
    location_id: null,
    department_id: null,
    holder_employee_id: null,
    warranty_within_days: null,
    sort: "tag",
    dir: "asc",
    page: { offset: 0, limit: 20 },
  };
  const found = useQuery({ queryKey: assetKeys.list(query), queryFn: () => assetsApi.list(query) });
  return (found.data?.items ?? []).map((a) => ({
    value: String(a.id),
    label: `${a.tag} · ${a.name}`,
  }));
}

function useWords() {
  const { t } = useTranslation();
  return {
    placeholder: t("assets.picker.placeholder"),
    nothingFound: t("assets.picker.nothingFound"),
  };
}

/** Picks several assets by tag or name. */
export function AssetMultiPicker(props: SearchMultiSelectProps) {
  return <SearchMultiSelect useOptions={useAssetOptions} words={useWords()} {...props} />;
}

/** Picks one asset by tag or name. */
export function AssetPicker(props: SearchSelectProps) {
  return <SearchSelect useOptions={useAssetOptions} words={useWords()} {...props} />;
}
