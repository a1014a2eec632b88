import type { MaintenanceCalendarEntry } from "../bindings/MaintenanceCalendarEntry";
import type { MaintenanceCompliance } from "../bindings/MaintenanceCompliance";
import type { MaintenanceLogEntry } from "../bindings/MaintenanceLogEntry";
import type { MaintenanceLogInput } from "../bindings/MaintenanceLogInput";
import type { MaintenancePlan } from "../bindings/MaintenancePlan";
import type { MaintenancePlanInput } from "../bindings/MaintenancePlanInput";
import type { MaintenancePlanQuery } from "../bindings/MaintenancePlanQuery";
import type { MaintenancePlanRow } from "../bindings/MaintenancePlanRow";
import type { Page } from "../bindings/Page";
import { assetKeys } from "./assets";
import { call } from "./invoke";

/** Whose work log a page is of: a plan's, or an asset's (planned and ad-hoc work on it). */
export type LogOwner = { planId: number } | { assetId: number };

/**
 * Query keys of maintenance, under the assets area's: saving an asset (or anything invalidating
 * `assetKeys.all`) refreshes plans too, since a plan's target name comes from the inventory.
 */
export const maintenanceKeys = {
  all: [...assetKeys.all, "maintenance"] as const,
  list: (query: MaintenancePlanQuery) => [...maintenanceKeys.all, "list", query] as const,
  plan: (id: number) => [...maintenanceKeys.all, "plan", id] as const,
  log: (owner: LogOwner, offset: number, limit: number) =>
    [...maintenanceKeys.all, "log", owner, offset, limit] as const,
  calendar: (year: number, month: number) =>
    [...maintenanceKeys.all, "calendar", year, month] as const,
  compliance: () => [...maintenanceKeys.all, "compliance"] as const,
};

export const maintenanceApi = {
  list: (query: MaintenancePlanQuery) =>
    call<Page<MaintenancePlanRow>>("list_maintenance_plans", { query }),
  get: (id: number) => call<MaintenancePlan>("get_maintenance_plan", { id }),
  save: (id: number | null, version: number, input: MaintenancePlanInput) =>
    call<MaintenancePlan>("save_maintenance_plan", { id, version, input }),
  setActive: (id: number, version: number, active: boolean) =>
    call<MaintenancePlan>("set_maintenance_plan_active", { id, version, active }),
  complete: (planId: number, version: number, input: MaintenanceLogInput) =>
    call<MaintenanceLogEntry>("complete_maintenance", { planId, version, input }),
  logWork: (assetId: number, input: MaintenanceLogInput) =>
    call<MaintenanceLogEntry>("log_asset_work", { assetId, input }),
  log: (owner: LogOwner, offset: number, limit: number) =>
    call<Page<MaintenanceLogEntry>>("maintenance_log", {
      planId: "planId" in owner ? owner.planId : null,
      assetId: "assetId" in owner ? owner.assetId : null,
      offset,
      limit,
    }),
  /** `month` is 1 to 12. */
  calendar: (year: number, month: number) =>
    call<MaintenanceCalendarEntry[]>("maintenance_calendar", { year, month }),
  compliance: () => call<MaintenanceCompliance>("maintenance_compliance"),
};
