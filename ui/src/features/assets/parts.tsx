import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { assetKeys, assetsApi } from "../../api/assets";
import type { AssetCategory } from "../../bindings/AssetCategory";
import type { AssetStatus } from "../../bindings/AssetStatus";
import "./i18n";

export const ASSET_STATUSES: AssetStatus[] = ["in_use", "in_stock", "in_repair", "retired", "lost"];

export const ASSET_STATUS_COLOR: Record<AssetStatus, string> = {
  in_use: "blue",
  in_stock: "teal",
  in_repair: "orange",
  retired: "gray",
  lost: "red",
};

export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ASSET_STATUS_COLOR[status]}
      variant="light"
      data-testid="asset-status"
      data-status={status}
    >
      {t(`assets.status.${status}`)}
    </Badge>
  );
}

/** A list entry's name in the interface's language, the Italian one when there is no other. */
export function categoryName(
  c:
    | Pick<AssetCategory, "name_it" | "name_en">
    | { category_it: string; category_en: string | null },
  language: string,
): string {
  const [it, en] = "name_it" in c ? [c.name_it, c.name_en] : [c.category_it, c.category_en];
  return language.startsWith("en") && en ? en : it;
}

export function useAssetCategories(withRetired = false) {
  return useQuery({
    queryKey: assetKeys.categories(withRetired),
    queryFn: () => assetsApi.categories(withRetired),
    staleTime: 60_000,
  });
}

export function useLocations(withRetired = false) {
  return useQuery({
    queryKey: assetKeys.locations(withRetired),
    queryFn: () => assetsApi.locations(withRetired),
    staleTime: 60_000,
  });
}

/** Input text in the monospace font (tags, addresses), the label in the normal one. */
export const MONO = { input: { fontFamily: "var(--mantine-font-family-monospace)" } };
