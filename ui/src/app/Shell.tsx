import { AppShell, Group, NavLink, Text, ThemeIcon, Title } from "@mantine/core";
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconChecklist,
  IconDevicesPc,
  IconHistory,
  IconHome,
  IconListDetails,
  IconSettings,
  IconShieldCheck,
  IconShoppingCart,
  IconStack2,
  IconUsers,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { settingsApi, settingsKeys } from "../api/settings";
import type { Area } from "../bindings/Area";
import { GlobalSearch } from "./GlobalSearch";
import "./searchAreas";
import { LanguageSwitch } from "./LanguageSwitch";
import { PageLoading } from "./lazyPage";
import { type PageId, useNav } from "./nav";
import {
  AssetPage,
  AssetsPage,
  AuditPage,
  AuditsPage,
  CompletenessPage,
  DepartmentPage,
  DepartmentsPage,
  EmployeePage,
  HistoryPage,
  HomePage,
  InvoicePage,
  NetworkMapPage,
  OrderPage,
  PolicyPage,
  PurchasingPage,
  RequisitionPage,
  SettingsPage,
  StaffPage,
  StaffSettingsPage,
  SubnetPage,
  SupplierPage,
  TemplatePage,
  UsersPage,
} from "./pages";
import { useSession } from "./session";
import { UserMenu } from "./UserMenu";

/** Pages in the navigation, each shown only to those whose roles may read its area. */
const PAGES: { id: PageId; icon: typeof IconHome; area: Area | null }[] = [
  { id: "home", icon: IconHome, area: null },
  { id: "staff", icon: IconAddressBook, area: "staff" },
  { id: "completeness", icon: IconChecklist, area: "staff" },
  { id: "staffSettings", icon: IconListDetails, area: "staff" },
  { id: "departments", icon: IconBuildingCommunity, area: "departments" },
  { id: "audits", icon: IconShieldCheck, area: "audits" },
  { id: "assets", icon: IconDevicesPc, area: "assets" },
  { id: "purchasing", icon: IconShoppingCart, area: "purchasing" },
  { id: "history", icon: IconHistory, area: "history" },
  { id: "users", icon: IconUsers, area: "users" },
  { id: "settings", icon: IconSettings, area: "settings" },
];

export function Shell() {
  const { t } = useTranslation();
  const { route, page, go } = useNav();
  const { session } = useSession();
  const readable = (area: Area | null) =>
    area === null || session.grants.some((g) => g.area === area && g.action === "read");
  const pages = PAGES.filter((p) => readable(p.area));
  const org = useQuery({
    queryKey: settingsKeys.organisation,
    queryFn: settingsApi.organisation,
  });
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size="lg" radius="md" variant="filled">
              <IconStack2 size={20} />
            </ThemeIcon>
            <Title order={4}>{t("app.name")}</Title>
            {org.data?.name ? (
              <Text c="dimmed" size="sm" truncate data-testid="header-organisation">
                {org.data.name}
              </Text>
            ) : null}
          </Group>
          <GlobalSearch />
          <Group gap="lg" wrap="nowrap">
            <LanguageSwitch onChange={(l) => settingsApi.setLanguage(l).catch(() => {})} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {pages.map(({ id, icon: Icon }) => (
          <NavLink
            key={id}
            component="button"
            data-testid={`nav-${id}`}
            active={page === id}
            label={t(`nav.${id}`)}
            leftSection={<Icon size={18} stroke={1.6} />}
            onClick={() => go(id)}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoading />}>
          {route.page === "home" && <HomePage />}
          {route.page === "staff" && <StaffPage />}
          {route.page === "employee" && (
            // Remounted per employee, so one file never shows another's state.
            <EmployeePage key={String(route.id)} route={route} />
          )}
          {route.page === "completeness" && <CompletenessPage />}
          {route.page === "staffSettings" && <StaffSettingsPage />}
          {route.page === "departments" && <DepartmentsPage />}
          {route.page === "department" && <DepartmentPage key={route.id} route={route} />}
          {route.page === "audits" && <AuditsPage />}
          {route.page === "audit" && <AuditPage key={route.id} route={route} />}
          {route.page === "auditTemplate" && <TemplatePage key={route.id} route={route} />}
          {route.page === "policy" && <PolicyPage key={route.id} route={route} />}
          {route.page === "assets" && <AssetsPage />}
          {route.page === "asset" && <AssetPage key={route.id} route={route} />}
          {route.page === "subnet" && <SubnetPage key={route.id} route={route} />}
          {route.page === "networkMap" && <NetworkMapPage key={route.id} route={route} />}
          {route.page === "purchasing" && <PurchasingPage />}
          {route.page === "order" && <OrderPage key={route.id} route={route} />}
          {route.page === "requisition" && <RequisitionPage key={route.id} route={route} />}
          {route.page === "supplier" && <SupplierPage key={route.id} route={route} />}
          {route.page === "invoice" && <InvoicePage key={route.id} route={route} />}
          {route.page === "history" && <HistoryPage />}
          {route.page === "users" && <UsersPage />}
          {route.page === "settings" && <SettingsPage />}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
