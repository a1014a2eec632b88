import type { Role } from "../../bindings/Role";

export const ROLES: Role[] = ["admin", "hr", "accounting", "it", "purchasing", "manager", "viewer"];
