import type { Department } from "../bindings/Department";
import type { DepartmentInput } from "../bindings/DepartmentInput";
import type { DepartmentQuery } from "../bindings/DepartmentQuery";
import type { Page } from "../bindings/Page";
import { call } from "./invoke";

/** Query keys of this area's reads; `all` refreshes every one of them. */
export const departmentKeys = {
  all: ["departments"] as const,
  list: (query: DepartmentQuery) => [...departmentKeys.all, "list", query] as const,
  /** Every department (inactive too) for pickers and names in other areas. */
  everyone: () => [...departmentKeys.all, "everyone"] as const,
  /** One department, for its page. */
  detail: (id: number) => [...departmentKeys.all, "detail", id] as const,
};

export const departmentsApi = {
  list: (query: DepartmentQuery) => call<Page<Department>>("list_departments", { query }),
  get: (id: number) => call<Department>("get_department", { id }),
  create: (input: DepartmentInput) => call<Department>("create_department", { input }),
  update: (id: number, version: number, input: DepartmentInput) =>
    call<Department>("update_department", { id, version, input }),
  setActive: (id: number, version: number, active: boolean) =>
    call<Department>("set_department_active", { id, version, active }),
  /** The filtered list through the save dialog; `title` is the dialog's. */
  export: (query: DepartmentQuery, format: "csv" | "xlsx", language: string, title: string) =>
    call<{ path: string; rows: number }>("export_departments", {
      query,
      format,
      language,
      title,
    }),
};
