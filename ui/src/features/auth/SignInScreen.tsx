import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { accountsApi } from "../../api/accounts";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { errorMessage } from "../../lib/errors";
import { mark } from "../../lib/marks";
import { AuthFrame } from "./AuthFrame";

export function SignInScreen({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  // Two plain inputs and one call: the form and query libraries are left to the screens after
  // sign-in, out of the first script.
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signIn = () => {
    setPending(true);
    setError(null);
    accountsApi
      .signIn(username, password)
      .then((s) => {
        mark("sign-in:done");
        onSignedIn(s);
      })
      .catch((e: unknown) => {
        setError(e);
        setPassword("");
      })
      .finally(() => setPending(false));
  };
  useEffect(() => mark("sign-in:shown"), []);
  return (
    <AuthFrame title={t("auth.signInTitle")} subtitle={t("auth.signInSubtitle")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          mark("sign-in:submit");
          signIn();
        }}
        data-testid="sign-in-form"
      >
        <Stack>
          {error ? (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="sign-in-error">
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("fields.users.username")}
            autoComplete="username"
            data-autofocus
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            name="username"
          />
          <PasswordInput
            label={t("fields.users.password")}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            name="password"
          />
          <Button type="submit" loading={pending} data-testid="sign-in-submit">
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
