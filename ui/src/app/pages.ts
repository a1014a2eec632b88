import { lazyPage } from "./lazyPage";

// Every screen behind the navigation, each in its own chunk: the sign-in screens and the shell
// load none of them, and an area's libraries (the virtualised list, date pickers and their
// locales) come with the first screen that needs them.

export const HomePage = lazyPage(() => import("../features/home/HomePage"), "HomePage");
export const StaffPage = lazyPage(() => import("../features/staff/StaffPage"), "StaffPage");
export const EmployeePage = lazyPage(
  () => import("../features/staff/EmployeePage"),
  "EmployeePage",
);
export const CompletenessPage = lazyPage(
  () => import("../features/staff/CompletenessPage"),
  "CompletenessPage",
);
export const StaffSettingsPage = lazyPage(
  () => import("../features/staff/StaffSettingsPage"),
  "StaffSettingsPage",
);
export const DepartmentsPage = lazyPage(
  () => import("../features/departments/DepartmentsPage"),
  "DepartmentsPage",
);
export const DepartmentPage = lazyPage(
  () => import("../features/departments/DepartmentPage"),
  "DepartmentPage",
);
export const HistoryPage = lazyPage(() => import("../features/history/HistoryPage"), "HistoryPage");
export const UsersPage = lazyPage(() => import("../features/users/UsersPage"), "UsersPage");
export const SettingsPage = lazyPage(
  () => import("../features/settings/SettingsPage"),
  "SettingsPage",
);
