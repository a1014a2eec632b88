import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { securityApi } from "../../api/security";
import { AuthFrame } from "../auth/AuthFrame";
import "./i18n";
import { unlockError } from "./unlockError";

/**
 * Shown at start when the data is encrypted: the passphrase (or the recovery key) opens it,
 * then the window starts over at sign-in.
 */
export function UnlockScreen() {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [secret, setSecret] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setPending(true);
    setError(null);
    securityApi
      .unlock(recovery ? { recoveryKey: secret } : { passphrase: secret })
      .then(() => window.location.reload())
      .catch((e: unknown) => {
        setError(unlockError(e, recovery, t));
        setSecret("");
        setPending(false);
      });
  };
  return (
    <AuthFrame
      title={t("security.unlock.title")}
      subtitle={t("security.unlock.subtitle")}
      width={460}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="unlock-form"
      >
        <Stack>
          {error ? (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="unlock-error">
              {error}
            </Alert>
          ) : null}
          {recovery ? (
            <TextInput
              label={t("security.unlock.recoveryKey")}
              description={t("security.unlock.recoveryHelp")}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              name="recovery_key"
            />
          ) : (
            <PasswordInput
              label={t("security.unlock.passphrase")}
              autoFocus
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              name="passphrase"
            />
          )}
          <Button
            type="submit"
            loading={pending}
            disabled={secret.trim() === ""}
            leftSection={<IconLock size={16} />}
            data-testid="unlock-submit"
          >
            {t("security.unlock.submit")}
          </Button>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setRecovery(!recovery);
              setSecret("");
              setError(null);
            }}
            data-testid="unlock-switch"
          >
            {recovery ? t("security.unlock.usePassphrase") : t("security.unlock.useRecovery")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
