import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { accountsApi } from "../../api/accounts";
import type { SessionInfo } from "../../bindings/SessionInfo";
import { errorMessage } from "../../lib/errors";
import { mark } from "../../lib/marks";
import { AuthFrame } from "./AuthFrame";

export function SignInScreen({ onSignedIn }: { onSignedIn: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { username: "", password: "" } });
  const signIn = useMutation({
    mutationFn: (v: typeof form.values) => accountsApi.signIn(v.username, v.password),
    onSuccess: (s) => {
      mark("sign-in:done");
      onSignedIn(s);
    },
    onError: () => form.setFieldValue("password", ""),
  });
  useEffect(() => mark("sign-in:shown"), []);
  return (
    <AuthFrame title={t("auth.signInTitle")} subtitle={t("auth.signInSubtitle")}>
      <form
        onSubmit={form.onSubmit((v) => {
          mark("sign-in:submit");
          signIn.mutate(v);
        })}
        data-testid="sign-in-form"
      >
        <Stack>
          {signIn.isError ? (
            <Alert color="red" icon={<IconAlertCircle />} data-testid="sign-in-error">
              {errorMessage(signIn.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("fields.users.username")}
            autoComplete="username"
            data-autofocus
            autoFocus
            {...form.getInputProps("username")}
            name="username"
          />
          <PasswordInput
            label={t("fields.users.password")}
            autoComplete="current-password"
            {...form.getInputProps("password")}
            name="password"
          />
          <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
