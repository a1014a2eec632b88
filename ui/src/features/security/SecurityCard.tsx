import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Modal,
  PasswordInput,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock, IconLockOpen, IconPrinter, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { backupsApi } from "../../api/backups";
import { jobsApi } from "../../api/jobs";
import { securityApi, securityKeys } from "../../api/security";
import { useCan } from "../../app/session";
import type { EncryptionStatus } from "../../bindings/EncryptionStatus";
import type { JobStatus } from "../../bindings/JobStatus";
import { formatNumber } from "../../i18n/format";
import { useJob } from "../../kit/useJob";
import { fieldErrors, problemMessage } from "../../lib/errors";
import "./i18n";

type Running = { id: number; kind: "encrypt" | "decrypt" };

/** The two passphrase inputs of a new passphrase; the match is checked here, the rest in Rust. */
function NewPassphrase({
  value,
  confirm,
  error,
  onChange,
}: {
  value: string;
  confirm: string;
  error?: string;
  onChange: (value: string, confirm: string) => void;
}) {
  const { t } = useTranslation();
  const mismatch = confirm !== "" && confirm !== value;
  return (
    <Group grow align="flex-start">
      <PasswordInput
        label={t("security.passphrase")}
        description={t("security.passphraseHelp")}
        autoComplete="new-password"
        value={value}
        error={error}
        onChange={(e) => onChange(e.currentTarget.value, confirm)}
        name="passphrase"
      />
      <PasswordInput
        label={t("security.confirmPassphrase")}
        description=" "
        autoComplete="new-password"
        value={confirm}
        error={mismatch ? t("security.mismatch") : undefined}
        onChange={(e) => onChange(value, e.currentTarget.value)}
        name="passphrase_confirm"
      />
    </Group>
  );
}

function RecoveryKeyModal({ recoveryKey }: { recoveryKey: string | null }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Modal
      opened={recoveryKey !== null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="lg"
      title={t("security.recovery.title")}
    >
      <Stack>
        <Text size="sm">{t("security.recovery.text")}</Text>
        {/* Wraps at the dashes between groups, never inside one. */}
        <Code block fz="lg" ta="center" data-testid="recovery-key" style={{ whiteSpace: "normal" }}>
          {recoveryKey}
        </Code>
        <Checkbox
          label={t("security.recovery.saved")}
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
          data-testid="recovery-saved"
        />
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
          >
            {t("security.recovery.print")}
          </Button>
          <Button
            disabled={!saved}
            leftSection={<IconRefresh size={16} />}
            onClick={() => backupsApi.restart()}
            data-testid="recovery-restart"
          >
            {t("security.recovery.restart")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState({ value: "", confirm: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: () => securityApi.changePassphrase(current, next.value),
    onSuccess: () => {
      setCurrent("");
      setNext({ value: "", confirm: "" });
      setErrors({});
      notifications.show({ color: "green", message: t("security.change.done") });
    },
    onError: (e) => {
      const f = fieldErrors(e, t, "security");
      setErrors(f);
      if (Object.keys(f).length === 0)
        notifications.show({ color: "red", message: problemMessage(e, t, "security") });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
      data-testid="change-passphrase-form"
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t("security.change.title")}
        </Text>
        <PasswordInput
          label={t("security.change.current")}
          autoComplete="current-password"
          value={current}
          error={errors.current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          name="current"
          maw={360}
        />
        <NewPassphrase
          value={next.value}
          confirm={next.confirm}
          error={errors.passphrase}
          onChange={(value, confirm) => setNext({ value, confirm })}
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="default"
            loading={change.isPending}
            disabled={current === "" || next.value === "" || next.value !== next.confirm}
            data-testid="change-passphrase"
          >
            {t("security.change.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StatusLine({ s }: { s: EncryptionStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="sm">
      <Badge
        color={s.encrypted ? "green" : "gray"}
        variant="light"
        leftSection={s.encrypted ? <IconLock size={12} /> : <IconLockOpen size={12} />}
        data-testid="encryption-state"
        data-encrypted={s.encrypted}
      >
        {s.encrypted ? t("security.on") : t("security.off")}
      </Badge>
      {s.encrypted && s.documents > 0 ? (
        <Text size="sm" c="dimmed">
          {t("security.documents", {
            sealed: formatNumber(s.documents_sealed, i18n.language),
            total: formatNumber(s.documents, i18n.language),
          })}
        </Text>
      ) : null}
    </Group>
  );
}

/** Settings → Encryption: turn it on (passphrase, recovery key), change the passphrase, turn it off. */
export function SecurityCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const canWrite = useCan("settings", "write");
  const status = useQuery({ queryKey: securityKeys.status, queryFn: securityApi.status });
  const [next, setNext] = useState({ value: "", confirm: "" });
  const [passError, setPassError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState<"encrypt" | "decrypt" | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async (kind: Running["kind"]) => {
      const id =
        kind === "encrypt" ? await securityApi.encrypt(next.value) : await securityApi.decrypt();
      return { id, kind };
    },
    onSuccess: (r) => {
      setPassError(undefined);
      setRunning(r);
    },
    onError: (e) => {
      const f = fieldErrors(e, t, "security");
      setPassError(f.passphrase);
      if (!f.passphrase)
        notifications.show({ color: "red", message: problemMessage(e, t, "security") });
    },
  });
  const finished = useCallback(
    (s: JobStatus) => {
      const kind = running?.kind;
      setRunning(null);
      qc.invalidateQueries({ queryKey: securityKeys.status });
      if (s.error) {
        if (s.error.code !== "cancelled")
          notifications.show({ color: "red", message: problemMessage(s.error, t, "security") });
        return;
      }
      if (kind === "encrypt") {
        const r = s.result as { recovery_key?: string } | null;
        setRecoveryKey(r?.recovery_key ?? null);
      } else {
        backupsApi.restart();
      }
    },
    [running, qc, t],
  );
  const job = useJob(running?.id ?? null, finished);
  const forget = useMutation({
    mutationFn: securityApi.forgetKey,
    onSuccess: (next) => qc.setQueryData(securityKeys.status, next),
    onError: (e) => notifications.show({ color: "red", message: problemMessage(e, t, "security") }),
  });
  const s = status.data;
  if (!s || !canWrite) return null;
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  const busy = running !== null || start.isPending;
  return (
    <Card maw={860} mt="lg" data-testid="security-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("security.title")}</Title>
        <StatusLine s={s} />
      </Group>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {s.encrypted ? t("security.explainOn") : t("security.explainOff")}
        </Text>
        {s.restart_pending ? (
          <Alert color="orange" data-testid="encryption-restart-pending">
            <Group justify="space-between">
              <Text size="sm">{t("security.restartPending")}</Text>
              <Button size="xs" onClick={() => backupsApi.restart()}>
                {t("security.restartNow")}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {running ? (
          <Alert color="blue" data-testid="encryption-running">
            <Group justify="space-between" mb={6}>
              <Text size="sm">
                {t(`security.running.${running.kind}`)} {percent} %
              </Text>
              <Button size="xs" variant="default" onClick={() => jobsApi.cancel(running.id)}>
                {t("common.cancel")}
              </Button>
            </Group>
            <Progress value={percent} animated />
          </Alert>
        ) : null}
        {s.encrypted && s.remembered && !s.restart_pending ? (
          <Group justify="space-between" data-testid="key-remembered">
            <Text size="sm">{t("security.remembered")}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => forget.mutate()}
              loading={forget.isPending}
              data-testid="forget-key"
            >
              {t("security.forget")}
            </Button>
          </Group>
        ) : null}
        {s.restart_pending || running ? null : s.encrypted ? (
          <>
            <ChangePassphrase />
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconLockOpen size={16} />}
                disabled={busy}
                onClick={() => setConfirm("decrypt")}
                data-testid="decrypt"
              >
                {t("security.decrypt")}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <NewPassphrase
              value={next.value}
              confirm={next.confirm}
              error={passError}
              onChange={(value, c) => setNext({ value, confirm: c })}
            />
            <Group justify="flex-end">
              <Button
                leftSection={<IconLock size={16} />}
                disabled={busy || next.value === "" || next.value !== next.confirm}
                onClick={() => setConfirm("encrypt")}
                data-testid="encrypt"
              >
                {t("security.encrypt")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === "decrypt" ? t("security.decryptTitle") : t("security.encryptTitle")}
      >
        <Stack>
          <Text size="sm">
            {confirm === "decrypt" ? t("security.decryptText") : t("security.encryptText")}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color={confirm === "decrypt" ? "red" : undefined}
              onClick={() => {
                if (confirm) start.mutate(confirm);
                setConfirm(null);
              }}
              data-testid="encryption-confirm"
            >
              {confirm === "decrypt" ? t("security.decryptGo") : t("security.encryptGo")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <RecoveryKeyModal recoveryKey={recoveryKey} />
    </Card>
  );
}
