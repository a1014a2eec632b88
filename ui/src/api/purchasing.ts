import type { DeliveryYear } from "../bindings/DeliveryYear";
import type { Page } from "../bindings/Page";
import type { PriceQuery } from "../bindings/PriceQuery";
import type { PriceSuggestion } from "../bindings/PriceSuggestion";
import type { PurchaseCategory } from "../bindings/PurchaseCategory";
import type { PurchaseCategoryInput } from "../bindings/PurchaseCategoryInput";
import type { Supplier } from "../bindings/Supplier";
import type { SupplierContact } from "../bindings/SupplierContact";
import type { SupplierContactInput } from "../bindings/SupplierContactInput";
import type { SupplierInput } from "../bindings/SupplierInput";
import type { SupplierPrice } from "../bindings/SupplierPrice";
import type { SupplierPriceInput } from "../bindings/SupplierPriceInput";
import type { SupplierQuery } from "../bindings/SupplierQuery";
import type { SupplierRow } from "../bindings/SupplierRow";
import { call } from "./invoke";

/** Query keys of purchasing's reads; `all` refreshes every one of them. */
export const purchasingKeys = {
  all: ["purchasing"] as const,
  categories: (includeInactive: boolean) =>
    [...purchasingKeys.all, "categories", includeInactive] as const,
  suppliers: (query: SupplierQuery) => [...purchasingKeys.all, "suppliers", query] as const,
  supplier: (id: number) => [...purchasingKeys.all, "supplier", id] as const,
  contacts: (supplierId: number) => [...purchasingKeys.all, "contacts", supplierId] as const,
  performance: (supplierId: number) => [...purchasingKeys.all, "performance", supplierId] as const,
  prices: (supplierId: number) => [...purchasingKeys.all, "prices", supplierId] as const,
  priceList: (supplierId: number, query: PriceQuery) =>
    [...purchasingKeys.prices(supplierId), query] as const,
  priceSuggestions: (supplierId: number, search: string, quantity: number, day: string | null) =>
    [...purchasingKeys.prices(supplierId), "suggest", search, quantity, day] as const,
};

export const purchasingApi = {
  categories: (includeInactive: boolean) =>
    call<PurchaseCategory[]>("list_purchase_categories", { includeInactive }),
  saveCategory: (id: number | null, version: number, input: PurchaseCategoryInput) =>
    call<PurchaseCategory>("save_purchase_category", { id, version, input }),
  setCategoryActive: (id: number, version: number, active: boolean) =>
    call<PurchaseCategory>("set_purchase_category_active", { id, version, active }),
  suppliers: (query: SupplierQuery) => call<Page<SupplierRow>>("list_suppliers", { query }),
  supplier: (id: number) => call<Supplier>("get_supplier", { id }),
  saveSupplier: (id: number | null, version: number, input: SupplierInput) =>
    call<Supplier>("save_supplier", { id, version, input }),
  /** Blocks new orders to the supplier with `reason`; `null` lifts the block. */
  setBlocked: (id: number, version: number, reason: string | null) =>
    call<Supplier>("set_supplier_blocked", { id, version, reason }),
  contacts: (supplierId: number) =>
    call<SupplierContact[]>("list_supplier_contacts", { supplierId }),
  /** Deliveries per year, newest first, computed from the receipts. */
  performance: (supplierId: number) => call<DeliveryYear[]>("supplier_performance", { supplierId }),
  saveContact: (
    supplierId: number,
    id: number | null,
    version: number,
    input: SupplierContactInput,
  ) => call<SupplierContact>("save_supplier_contact", { supplierId, id, version, input }),
  deleteContact: (id: number, version: number) =>
    call<void>("delete_supplier_contact", { id, version }),
  prices: (supplierId: number, query: PriceQuery) =>
    call<Page<SupplierPrice>>("list_supplier_prices", { supplierId, query }),
  savePrice: (supplierId: number, id: number | null, version: number, input: SupplierPriceInput) =>
    call<SupplierPrice>("save_supplier_price", { supplierId, id, version, input }),
  deletePrice: (id: number, version: number) =>
    call<void>("delete_supplier_price", { id, version }),
  /** The supplier's prices for items matching `search`, the break that applies to `quantity`. */
  priceSuggestions: (supplierId: number, search: string, quantity: number, day: string | null) =>
    call<PriceSuggestion[]>("price_suggestions", { supplierId, search, quantity, day }),
};
