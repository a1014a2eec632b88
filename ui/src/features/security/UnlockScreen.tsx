import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/invoke";
import { securityApi } from "../../api/security";
import { errorMessage, fieldMessage } from "../../lib/errors";
import { AuthFrame } from "../auth/AuthFrame";
import "./i18n";

/** What a refused unlock says: the wait when one runs, else which secret did not fit. */
function unlockError(e: unknown, recovery: boolean, t: ReturnType<typeof useTranslation>["t"]) {
  const err = toApiError(e);
  if (err.code === "wrong_passphrase") {
    if (err.params.seconds) return t("security.unlock.wait", { seconds: err.params.seconds });
    return recovery ? t("security.unlock.wrongRecovery") : t("security.unlock.wrong");
  }
  if (err.code === "validation" && err.fields[0]) return fieldMessage(err.fields[0], t, "security");
  return errorMessage(err, t);
}

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
