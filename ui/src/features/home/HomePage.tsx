import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { settingsApi, settingsKeys } from "../../api/settings";
import { useNav } from "../../app/nav";
import { PageHeader } from "../../app/PageHeader";
import { QueryState } from "../../app/QueryState";
import { useCan } from "../../app/session";
import type { Home } from "../../bindings/Home";
import type { Integrity } from "../../bindings/Integrity";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { mark } from "../../lib/marks";
import { AttentionCard } from "./AttentionCard";
import "./i18n";

const INTEGRITY_COLOR: Record<Integrity, string> = {
  checking: "gray",
  ok: "green",
  damaged: "red",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right" component="div" className="break-all">
        {children}
      </Text>
    </Group>
  );
}

function address(h: Home): string | null {
  const o = h.organisation;
  const city = [o.postal_code, o.city, o.province ? `(${o.province})` : null].filter(Boolean);
  const parts = [o.street, city.join(" ")].filter((s) => s);
  return parts.length ? parts.join(", ") : null;
}

function HomeCards({ h }: { h: Home }) {
  const { t, i18n } = useTranslation();
  const { go } = useNav();
  const lang = i18n.language;
  const org = h.organisation;
  useEffect(() => mark("home:shown"), []);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card data-testid="home-organisation">
        <Title order={4} mb="sm">
          {t("common.organisation")}
        </Title>
        {org.version > 0 ? (
          <Stack gap="xs">
            <Text fw={600} size="lg" data-testid="home-organisation-name">
              {org.name}
            </Text>
            <Row label={t("home.vat")}>{org.vat_number ?? t("common.none")}</Row>
            <Row label={t("home.address")}>{address(h) ?? t("common.none")}</Row>
          </Stack>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text c="dimmed">{t("home.notSetUp")}</Text>
            <Button
              onClick={() => go("settings")}
              rightSection={<IconArrowRight size={16} />}
              data-testid="home-setup"
            >
              {t("home.setUp")}
            </Button>
          </Stack>
        )}
      </Card>
      <Card data-testid="home-history">
        <Title order={4} mb="sm">
          {t("home.history")}
        </Title>
        <Stack gap="xs">
          <Row label={t("home.changes")}>{formatNumber(h.history.count, lang)}</Row>
          <Row label={t("home.lastChange")}>
            {h.history.last_at ? formatDateTime(h.history.last_at, lang) : t("home.noChanges")}
          </Row>
          <Row label={t("home.headHash")}>
            {h.history.head_hash ? (
              <Code>{h.history.head_hash.slice(0, 16)}…</Code>
            ) : (
              t("common.none")
            )}
          </Row>
          <Group justify="flex-end">
            <Button variant="light" size="xs" onClick={() => go("history")}>
              {t("nav.history")}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card data-testid="home-departments">
        <Title order={4} mb="sm">
          {t("home.departments")}
        </Title>
        <Group justify="space-between">
          <Stack gap={0}>
            <Text size="xl" fw={700} data-testid="home-active-departments">
              {formatNumber(h.active_departments, lang)}
            </Text>
            <Text size="sm" c="dimmed">
              {t("home.activeDepartments")}
            </Text>
          </Stack>
          <Button variant="light" size="xs" onClick={() => go("departments")}>
            {t("home.openDepartments")}
          </Button>
        </Group>
      </Card>
      <Card data-testid="home-database">
        <Title order={4} mb="sm">
          {t("home.database")}
        </Title>
        <Stack gap="xs">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t("home.location")}
            </Text>
            <Code block className="break-all" data-testid="home-db-path">
              {h.db_path}
            </Code>
          </Stack>
          <Row label={t("home.lastBackup")}>
            <span data-testid="home-last-backup">
              {h.backups.last_good_backup
                ? formatDateTime(h.backups.last_good_backup, lang)
                : t("home.never")}
            </span>
          </Row>
          <Row label={t("home.lastProof")}>
            <span data-testid="home-last-proof">
              {h.backups.last_proof && !h.backups.last_proof_failed
                ? formatDateTime(h.backups.last_proof, lang)
                : t("home.never")}
            </span>
          </Row>
          <Row label={t("home.schema")}>{h.schema_version}</Row>
          <Row label={t("home.integrity")}>
            <Badge color={INTEGRITY_COLOR[h.integrity]} variant="light">
              {t(`home.integrityState.${h.integrity}`)}
            </Badge>
          </Row>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

/** Backups not set up, failed, or older than the policy allows: said first, to those who can act. */
function BackupWarning({ h }: { h: Home }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const canSet = useCan("settings", "write");
  const b = h.backups;
  const problem = !b.configured
    ? "notConfigured"
    : b.last_backup_failed
      ? "failed"
      : b.backup_overdue
        ? "overdue"
        : b.last_proof_failed
          ? "proofFailed"
          : b.proof_overdue
            ? "proofOverdue"
            : null;
  if (!problem || !canSet) return null;
  return (
    <Alert
      color={problem === "notConfigured" || problem === "proofOverdue" ? "yellow" : "red"}
      icon={<IconAlertTriangle size={20} />}
      title={t(`home.backupWarning.${problem}.title`)}
      mb="lg"
      data-testid="home-backup-warning"
      data-problem={problem}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t(`home.backupWarning.${problem}.text`)}</Text>
        <Button size="xs" variant="white" onClick={() => go("settings")} style={{ flexShrink: 0 }}>
          {t("home.backupWarning.open")}
        </Button>
      </Group>
    </Alert>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const home = useQuery({
    queryKey: settingsKeys.home,
    queryFn: settingsApi.home,
    // The integrity check runs in the background after start; poll until it has finished.
    refetchInterval: (q) => (q.state.data?.integrity === "checking" ? 1000 : false),
  });
  return (
    <>
      <PageHeader title={t("home.title")} />
      <QueryState query={home}>
        {(h) => (
          <>
            {h.network_folder ? (
              <Alert
                color="orange"
                icon={<IconAlertTriangle size={20} />}
                title={t("home.networkFolder.title")}
                mb="lg"
                data-testid="home-network-folder"
              >
                {t("home.networkFolder.text", { kind: h.network_folder, path: h.data_dir })}
              </Alert>
            ) : null}
            <BackupWarning h={h} />
            <AttentionCard />
            <HomeCards h={h} />
            <Text size="xs" c="dimmed" mt="lg" data-testid="app-version">
              {t("home.appVersion", { version: h.app_version })}
            </Text>
          </>
        )}
      </QueryState>
    </>
  );
}
