import type { Asset } from "../bindings/Asset";
import type { AssetCategory } from "../bindings/AssetCategory";
import type { AssetCategoryInput } from "../bindings/AssetCategoryInput";
import type { AssetInput } from "../bindings/AssetInput";
import type { AssetQuery } from "../bindings/AssetQuery";
import type { AssetRow } from "../bindings/AssetRow";
import type { AssetValue } from "../bindings/AssetValue";
import type { CategoryValue } from "../bindings/CategoryValue";
import type { CheckedAsset } from "../bindings/CheckedAsset";
import type { CheckinInput } from "../bindings/CheckinInput";
import type { Checkout } from "../bindings/Checkout";
import type { CheckoutInput } from "../bindings/CheckoutInput";
import type { InventoryCheckInput } from "../bindings/InventoryCheckInput";
import type { InventoryCheckResult } from "../bindings/InventoryCheckResult";
import type { Location } from "../bindings/Location";
import type { LocationInput } from "../bindings/LocationInput";
import type { Page } from "../bindings/Page";
import { call } from "./invoke";

/** Query keys of the assets area; `all` refreshes every one of them. */
export const assetKeys = {
  all: ["assets"] as const,
  list: (query: AssetQuery) => [...assetKeys.all, "list", query] as const,
  detail: (id: number) => [...assetKeys.all, "detail", id] as const,
  value: (id: number) => [...assetKeys.all, "value", id] as const,
  bookValues: () => [...assetKeys.all, "bookValues"] as const,
  holders: (id: number, offset: number) => [...assetKeys.all, "holders", id, offset] as const,
  heldBy: (employeeId: number) => [...assetKeys.all, "heldBy", employeeId] as const,
  categories: (withRetired: boolean) => [...assetKeys.all, "categories", withRetired] as const,
  locations: (withRetired: boolean) => [...assetKeys.all, "locations", withRetired] as const,
  expected: (locationId: number) => [...assetKeys.all, "expected", locationId] as const,
};

export const assetsApi = {
  list: (query: AssetQuery) => call<Page<AssetRow>>("list_assets", { query }),
  get: (id: number) => call<Asset>("get_asset", { id }),
  /** The filtered list through the save dialog; `title` is the dialog's. */
  export: (query: AssetQuery, format: "csv" | "xlsx", language: string, title: string) =>
    call<{ path: string; rows: number }>("export_assets", { query, format, language, title }),
  value: (id: number, at: string | null) => call<AssetValue>("asset_value", { id, at }),
  bookValues: (at: string | null) => call<CategoryValue[]>("book_values", { at }),
  nextTag: (categoryId: number) => call<string>("next_asset_tag", { categoryId }),
  save: (id: number | null, version: number, input: AssetInput) =>
    call<Asset>("save_asset", { id, version, input }),
  checkout: (id: number, version: number, input: CheckoutInput) =>
    call<Asset>("checkout_asset", { id, version, input }),
  checkin: (id: number, version: number, input: CheckinInput) =>
    call<Asset>("checkin_asset", { id, version, input }),
  holders: (id: number, offset: number, limit: number) =>
    call<Page<Checkout>>("asset_holders", { id, offset, limit }),
  heldBy: (employeeId: number) => call<Checkout[]>("assets_held_by", { employeeId }),
  categories: (includeInactive: boolean) =>
    call<AssetCategory[]>("list_asset_categories", { includeInactive }),
  saveCategory: (id: number | null, version: number, input: AssetCategoryInput) =>
    call<AssetCategory>("save_asset_category", { id, version, input }),
  setCategoryActive: (id: number, version: number, active: boolean) =>
    call<AssetCategory>("set_asset_category_active", { id, version, active }),
  locations: (includeRetired: boolean) => call<Location[]>("list_locations", { includeRetired }),
  saveLocation: (id: number | null, version: number, input: LocationInput) =>
    call<Location>("save_location", { id, version, input }),
  setLocationActive: (id: number, version: number, active: boolean) =>
    call<Location>("set_location_active", { id, version, active }),
  expected: (locationId: number) => call<CheckedAsset[]>("inventory_expected", { locationId }),
  recordCheck: (input: InventoryCheckInput) =>
    call<InventoryCheckResult>("record_inventory_check", { input }),
};
