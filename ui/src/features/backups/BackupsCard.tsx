import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDatabaseExport, IconFolder, IconRestore, IconShieldCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { backupKeys, backupsApi } from "../../api/backups";
import { jobsApi } from "../../api/jobs";
import { settingsKeys } from "../../api/settings";
import { useCan } from "../../app/session";
import type { BackupSet } from "../../bindings/BackupSet";
import type { BackupSettings } from "../../bindings/BackupSettings";
import type { JobStatus } from "../../bindings/JobStatus";
import type { Outcome } from "../../bindings/Outcome";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { useJob } from "../../kit/useJob";
import { errorMessage } from "../../lib/errors";
import { notifyError } from "../../lib/useServerForm";
import "./i18n";

type Running = {
  id: number;
  kind: "backup" | "prove" | "restore";
  set?: string;
  passphrase?: string;
};

function megabytes(bytes: number, lang: string): string {
  return formatNumber(Math.max(0.1, Math.round(bytes / 100_000) / 10), lang);
}

function OutcomeLine({ label, o, testId }: { label: string; o: Outcome | null; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" data-testid={testId}>
      <Text size="sm" c="dimmed" w={190}>
        {label}
      </Text>
      {o ? (
        <>
          <Badge color={o.ok ? "green" : "red"} variant="light">
            {o.ok ? t("backups.ok") : t("backups.failed")}
          </Badge>
          <Text size="sm">{formatDateTime(o.at, i18n.language)}</Text>
          {!o.ok && o.message ? (
            <Text size="sm" c="red">
              {o.message}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="sm">{t("backups.never")}</Text>
      )}
    </Group>
  );
}

function RetentionForm({ s, disabled }: { s: BackupSettings; disabled: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [r, setR] = useState(s.retention);
  const save = useMutation({
    mutationFn: () => backupsApi.saveRetention(r),
    onSuccess: (saved) => {
      qc.setQueryData(backupKeys.settings(), saved);
      notifications.show({ color: "green", message: t("common.saved") });
    },
    onError: (e) => notifyError(e, t),
  });
  const field = (key: "daily" | "weekly" | "monthly") => (
    <NumberInput
      label={t(`backups.keep.${key}`)}
      min={0}
      max={1000}
      allowDecimal={false}
      w={120}
      value={r[key]}
      onChange={(v) => setR({ ...r, [key]: Number(v) || 0 })}
      disabled={disabled}
      data-testid={`backup-keep-${key}`}
    />
  );
  return (
    <Group align="flex-end" gap="md">
      <Text size="sm" c="dimmed" w={190} pb={8}>
        {t("backups.keep.title")}
      </Text>
      {field("daily")}
      {field("weekly")}
      {field("monthly")}
      <Button
        variant="default"
        onClick={() => save.mutate()}
        loading={save.isPending}
        disabled={disabled}
        data-testid="backup-keep-save"
      >
        {t("common.save")}
      </Button>
    </Group>
  );
}

function SetsTable({
  sets,
  busy,
  onProve,
  onRestore,
}: {
  sets: BackupSet[];
  busy: boolean;
  onProve: (s: BackupSet) => void;
  onRestore: (s: BackupSet) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (sets.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid="backup-sets-empty">
        {t("backups.noSets")}
      </Text>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="backup-sets">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("backups.columns.madeAt")}</Table.Th>
          <Table.Th>{t("backups.columns.madeBy")}</Table.Th>
          <Table.Th>{t("backups.columns.contents")}</Table.Th>
          <Table.Th>{t("backups.columns.size")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sets.map((s) => (
          <Table.Tr key={s.name} data-testid="backup-set" data-name={s.name}>
            <Table.Td>{formatDateTime(s.made_at, lang)}</Table.Td>
            <Table.Td>{s.made_by}</Table.Td>
            <Table.Td>
              {t("backups.contents", {
                employees: formatNumber(s.employees, lang),
                documents: formatNumber(s.documents, lang),
              })}
            </Table.Td>
            <Table.Td>
              {t("backups.megabytes", { n: megabytes(s.db_size + s.files_size, lang) })}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" justify="flex-end" wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconShieldCheck size={14} />}
                  disabled={busy}
                  onClick={() => onProve(s)}
                  data-testid="backup-prove"
                >
                  {t("backups.prove")}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  leftSection={<IconRestore size={14} />}
                  disabled={busy}
                  onClick={() => onRestore(s)}
                  data-testid="backup-restore"
                >
                  {t("backups.restore")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Settings → Backups: where they go, how many are kept, back up now, prove, restore. */
export function BackupsCard() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("settings", "write");
  const settings = useQuery({ queryKey: backupKeys.settings(), queryFn: backupsApi.settings });
  const sets = useQuery({
    queryKey: backupKeys.sets(),
    queryFn: backupsApi.sets,
    enabled: !!settings.data?.folder,
  });
  const [running, setRunning] = useState<Running | null>(null);
  const [confirm, setConfirm] = useState<BackupSet | null>(null);
  const [setPassphrase, setSetPassphrase] = useState("");
  const choose = useMutation({
    mutationFn: () => backupsApi.chooseFolder(t("backups.chooseTitle")),
    onSuccess: (s) => {
      qc.setQueryData(backupKeys.settings(), s);
      qc.invalidateQueries({ queryKey: backupKeys.sets() });
    },
    onError: (e) => notifyError(e, t),
  });
  const start = useMutation({
    mutationFn: async (r: Omit<Running, "id">) => {
      const id =
        r.kind === "backup"
          ? await backupsApi.backUp()
          : r.kind === "prove"
            ? await backupsApi.prove(r.set ?? "")
            : await backupsApi.restore(r.set ?? "", r.passphrase);
      return { ...r, passphrase: undefined, id };
    },
    onSuccess: setRunning,
    onError: (e) => notifyError(e, t),
  });
  const finished = useCallback(
    (s: JobStatus) => {
      const kind = running?.kind;
      setRunning(null);
      qc.invalidateQueries({ queryKey: backupKeys.all });
      qc.invalidateQueries({ queryKey: settingsKeys.home });
      if (s.error) {
        if (s.error.code !== "cancelled")
          notifications.show({ color: "red", message: errorMessage(s.error, t, "backups") });
        return;
      }
      if (kind === "restore") {
        backupsApi.restart();
        return;
      }
      notifications.show({ color: "green", message: t(`backups.done.${kind}`) });
    },
    [running, qc, t],
  );
  const job = useJob(running?.id ?? null, finished);
  const s = settings.data;
  if (!s) return null;
  const busy = running !== null || start.isPending;
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <Card maw={860} mt="lg" data-testid="backups-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("backups.title")}</Title>
        {canWrite ? (
          <Button
            leftSection={<IconDatabaseExport size={16} />}
            disabled={!s.folder || busy}
            onClick={() => start.mutate({ kind: "backup" })}
            data-testid="backup-now"
          >
            {t("backups.now")}
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("backups.explain")}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {s.folder ? (
            <Code className="break-all" data-testid="backup-folder">
              {s.folder}
            </Code>
          ) : (
            <Text size="sm" c="orange" data-testid="backup-folder-none">
              {t("backups.noFolder")}
            </Text>
          )}
          {canWrite ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconFolder size={14} />}
              onClick={() => choose.mutate()}
              loading={choose.isPending}
              disabled={busy}
              data-testid="backup-choose-folder"
            >
              {t("backups.chooseFolder")}
            </Button>
          ) : null}
        </Group>
        <RetentionForm key={JSON.stringify(s.retention)} s={s} disabled={!canWrite || busy} />
        <Stack gap={4}>
          <OutcomeLine label={t("backups.lastBackup")} o={s.last_backup} testId="backup-last" />
          <OutcomeLine label={t("backups.lastProof")} o={s.last_proof} testId="backup-last-proof" />
        </Stack>
        {running ? (
          <Alert color="blue" data-testid="backup-running">
            <Group justify="space-between" mb={6}>
              <Text size="sm">
                {t(`backups.running.${running.kind}`)} {percent} %
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => jobsApi.cancel(running.id)}
                data-testid="backup-cancel"
              >
                {t("common.cancel")}
              </Button>
            </Group>
            <Progress value={percent} animated />
          </Alert>
        ) : null}
        {s.folder ? (
          <SetsTable
            sets={sets.data ?? []}
            busy={busy || !canWrite}
            onProve={(b) => start.mutate({ kind: "prove", set: b.name })}
            onRestore={setConfirm}
          />
        ) : null}
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t("backups.confirm.title")}
      >
        {confirm ? (
          <Stack>
            <Text size="sm">
              {t("backups.confirm.text", {
                date: formatDateTime(confirm.made_at, i18n.language),
              })}
            </Text>
            {confirm.other_key ? (
              <PasswordInput
                label={t("backups.confirm.passphrase")}
                description={t("backups.confirm.passphraseHelp")}
                value={setPassphrase}
                onChange={(e) => setSetPassphrase(e.currentTarget.value)}
                data-testid="backup-restore-passphrase"
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                {t("common.cancel")}
              </Button>
              <Button
                color="orange"
                disabled={confirm.other_key && setPassphrase === ""}
                onClick={() => {
                  start.mutate({ kind: "restore", set: confirm.name, passphrase: setPassphrase });
                  setSetPassphrase("");
                  setConfirm(null);
                }}
                data-testid="backup-restore-confirm"
              >
                {t("backups.confirm.go")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}
