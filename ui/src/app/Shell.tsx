import { AppShell, Group, NavLink, SegmentedControl, Text, ThemeIcon, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconBuildingCommunity,
  IconHistory,
  IconHome,
  IconSettings,
  IconStack2,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { settingsApi } from "../api/settings";
import { DepartmentsPage } from "../features/departments/DepartmentsPage";
import { HistoryPage } from "../features/history/HistoryPage";
import { HomePage } from "../features/home/HomePage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { changeLanguage, isLanguage, LANGUAGES } from "../i18n";
import { errorMessage } from "../lib/errors";
import { type PageId, useNav } from "./nav";

const PAGES: { id: PageId; icon: typeof IconHome }[] = [
  { id: "home", icon: IconHome },
  { id: "departments", icon: IconBuildingCommunity },
  { id: "history", icon: IconHistory },
  { id: "settings", icon: IconSettings },
];

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: settingsApi.setLanguage,
    onSuccess: async (_, language) => {
      if (isLanguage(language)) await changeLanguage(language);
      await qc.invalidateQueries();
    },
    onError: (e) => notifications.show({ color: "red", message: errorMessage(e, t) }),
  });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("nav.language")}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(v) => save.mutate(v)}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}

export function Shell({ actor }: { actor: string }) {
  const { t } = useTranslation();
  const { page, go } = useNav();
  const org = useQuery({ queryKey: ["organisation"], queryFn: settingsApi.organisation });
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
          <Group gap="md" wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="actor">
              {t("nav.signedInAs", { actor })}
            </Text>
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {PAGES.map(({ id, icon: Icon }) => (
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
        {page === "home" && <HomePage />}
        {page === "departments" && <DepartmentsPage />}
        {page === "history" && <HistoryPage />}
        {page === "settings" && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
