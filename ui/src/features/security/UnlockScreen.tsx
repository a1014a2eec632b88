import { Alert, Button, Checkbox, PasswordInput, Stack, TextInput } from "@mantine/core";
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
  const [remember, setRemember] = useState(false);
  const [notKept, setNotKept] = useState(false);
  const submit = () => {
    setPending(true);
    setError(null);
    securityApi
      .unlock(recovery ? { recoveryKey: secret } : { passphrase: secret }, remember)
      .then((kept) => {
        // The data is open either way; say so if the keychain could not keep the key.
        if (remember && !kept) setNotKept(true);
        else window.location.reload();
      })
      .catch((e: unknown) => {
        setError(unlockError(e, recovery, t));
        setSecret("");
        setPending(false);
      });
  };
  if (notKept)
    return (
      <AuthFrame title={t("security.unlock.title")} width={460}>
        <Stack>
          <Alert color="orange" data-testid="unlock-not-kept">
            {t("security.unlock.notKept")}
          </Alert>
          <Button onClick={() => window.location.reload()}>{t("security.unlock.continue")}</Button>
        </Stack>
      </AuthFrame>
    );
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
          <Checkbox
            label={t("security.unlock.remember")}
            description={t("security.unlock.rememberHelp")}
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
            data-testid="unlock-remember"
          />
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
