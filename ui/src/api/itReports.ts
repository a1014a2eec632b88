import type { AssetReportGroup } from "../bindings/AssetReportGroup";
import type { AssetReportGrouping } from "../bindings/AssetReportGrouping";
import type { ConsumableQuery } from "../bindings/ConsumableQuery";
import type { ExpiringReport } from "../bindings/ExpiringReport";
import type { LicenceQuery } from "../bindings/LicenceQuery";
import type { MaintenancePlanQuery } from "../bindings/MaintenancePlanQuery";
import type { Page } from "../bindings/Page";
import type { TcoQuery } from "../bindings/TcoQuery";
import type { TcoRow } from "../bindings/TcoRow";
import { call } from "./invoke";

/** What an export command answers: the file chosen in the save dialog and the rows written. */
type Saved = { path: string; rows: number };
type Format = "csv" | "xlsx";

/** Query keys of the IT reports, under the assets area's so an asset change refreshes them. */
export const itReportKeys = {
  all: ["assets", "reports"] as const,
  groups: (by: AssetReportGrouping) => [...itReportKeys.all, "groups", by] as const,
  tco: (query: TcoQuery) => [...itReportKeys.all, "tco", query] as const,
  expiring: (days: number) => [...itReportKeys.all, "expiring", days] as const,
  bookValues: (at: string | null) => [...itReportKeys.all, "bookValues", at] as const,
};

/** The IT reports and the exports of the IT lists; each export's `title` is the save dialog's. */
export const itReportsApi = {
  groups: (by: AssetReportGrouping) => call<AssetReportGroup[]>("asset_report", { by }),
  tco: (query: TcoQuery) => call<Page<TcoRow>>("asset_tco", { query }),
  expiring: (days: number) => call<ExpiringReport>("it_expiring", { days }),
  exportGroups: (by: AssetReportGrouping, format: Format, language: string, title: string) =>
    call<Saved>("export_asset_report", { by, format, language, title }),
  exportBookValues: (at: string | null, format: Format, language: string, title: string) =>
    call<Saved>("export_book_values", { at, format, language, title }),
  exportTco: (query: TcoQuery, format: Format, language: string, title: string) =>
    call<Saved>("export_tco", { query, format, language, title }),
  exportLicences: (query: LicenceQuery, format: Format, language: string, title: string) =>
    call<Saved>("export_licences", { query, format, language, title }),
  exportConsumables: (query: ConsumableQuery, format: Format, language: string, title: string) =>
    call<Saved>("export_consumables", { query, format, language, title }),
  exportPlans: (query: MaintenancePlanQuery, format: Format, language: string, title: string) =>
    call<Saved>("export_maintenance_plans", { query, format, language, title }),
  exportWorkLog: (from: string, to: string, format: Format, language: string, title: string) =>
    call<Saved>("export_maintenance_log", { from, to, format, language, title }),
};
