import { lazyPage } from "./lazyPage";

// Every screen behind the navigation, each in its own chunk: the sign-in screens and the shell
// load none of them, and an area's libraries (the virtualised list, date pickers and their
// locales) come with the first screen that needs them.

/**
 * An area's screen, which brings the rest of Mantine's styles with it: the first screens load
 * only their own (`styles/first.ts`). The screen shows once both are here.
 */
function area<M>(page: Promise<M>): Promise<M> {
  return Promise.all([page, import("./styles/all")]).then(([m]) => m);
}

// Home is also preloaded before sign-in (see Gate), so it lives apart from the other screens.
export { HomePage } from "./homePage";
export const StaffPage = lazyPage(() => area(import("../features/staff/StaffPage")), "StaffPage");
export const EmployeePage = lazyPage(
  () => area(import("../features/staff/EmployeePage")),
  "EmployeePage",
);
export const CompletenessPage = lazyPage(
  () => area(import("../features/staff/CompletenessPage")),
  "CompletenessPage",
);
export const StaffSettingsPage = lazyPage(
  () => area(import("../features/staff/StaffSettingsPage")),
  "StaffSettingsPage",
);
export const DepartmentsPage = lazyPage(
  () => area(import("../features/departments/DepartmentsPage")),
  "DepartmentsPage",
);
export const DepartmentPage = lazyPage(
  () => area(import("../features/departments/DepartmentPage")),
  "DepartmentPage",
);
export const HistoryPage = lazyPage(
  () => area(import("../features/history/HistoryPage")),
  "HistoryPage",
);
export const UsersPage = lazyPage(() => area(import("../features/users/UsersPage")), "UsersPage");
export const SettingsPage = lazyPage(
  () => area(import("../features/settings/SettingsPage")),
  "SettingsPage",
);
export const AuditsPage = lazyPage(
  () => area(import("../features/audits/AuditsPage")),
  "AuditsPage",
);
export const AuditPage = lazyPage(() => area(import("../features/audits/AuditPage")), "AuditPage");
export const TemplatePage = lazyPage(
  () => area(import("../features/audits/TemplatePage")),
  "TemplatePage",
);
export const AssetsPage = lazyPage(
  () => area(import("../features/assets/AssetsPage")),
  "AssetsPage",
);
export const AssetPage = lazyPage(() => area(import("../features/assets/AssetPage")), "AssetPage");
export const SubnetPage = lazyPage(
  () => area(import("../features/assets/network/SubnetPage")),
  "SubnetPage",
);
export const NetworkMapPage = lazyPage(
  () => area(import("../features/assets/network/NetworkMapPage")),
  "NetworkMapPage",
);
export const PolicyPage = lazyPage(
  () => area(import("../features/audits/PolicyPage")),
  "PolicyPage",
);
export const PurchasingPage = lazyPage(
  () => area(import("../features/purchasing/PurchasingPage")),
  "PurchasingPage",
);
export const OrderPage = lazyPage(
  () => area(import("../features/purchasing/orders/OrderPage")),
  "OrderPage",
);
export const RequisitionPage = lazyPage(
  () => area(import("../features/purchasing/requisitions/RequisitionPage")),
  "RequisitionPage",
);
export const SupplierPage = lazyPage(
  () => area(import("../features/purchasing/SupplierPage")),
  "SupplierPage",
);
// Supplier invoices.
export const InvoicePage = lazyPage(
  () => area(import("../features/purchasing/invoices/InvoicePage")),
  "InvoicePage",
);
